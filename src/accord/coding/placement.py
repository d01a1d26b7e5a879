"""Which country a bare role word belongs to ("police", "the army", "the minister").

A role word that names no country takes one from around it, by the role's traits
(``data/lexicon/actor_roles.tsv``): the place the sentence names, the dateline, the place
the story is set in, the one country the sentence names, or the country the document is
mostly about. :class:`accord.coding.actors.SentenceActors` builds one :class:`Placement`
a sentence.
"""

from __future__ import annotations

from dataclasses import dataclass

from accord.coding.roles import roles_with

__all__ = ["PRIVATE", "Placement"]

PRIVATE = "CVL"
"""The role of a private person."""
_HOME_ROLES = roles_with("home")
_LOCAL_ROLES = roles_with("local")
_STORY_ROLES = _LOCAL_ROLES & roles_with("armed")
"""The state's local armed organ, the police: where the story is, they are (a court or a
jury named in passing is as often a national or foreign one)."""
_DOMESTIC_ROLES = roles_with("domestic")
"""Roles of people who act at home: when nothing else places them, the one country the
sentence names does ("Islamic fundamentalists demanded the resignation of the Algerian
president")."""
_PLACED_ROLES = _HOME_ROLES | _DOMESTIC_ROLES | {PRIVATE}
"""Roles whose bare word takes the country the document is mostly about when nothing
nearer places it."""


@dataclass(frozen=True, slots=True)
class Placement:
    """The countries that can place a bare role word in one sentence.

    ``place``: the country of the place the sentence names; ``home``: the dateline's
    country; ``story``: the country of the first place the story named (where it is
    set); ``sentence``: the only country the sentence names, if just one; ``document``:
    the country the document is mostly about.
    """

    place: str | None = None
    home: str | None = None
    story: str | None = None
    sentence: str | None = None
    document: str | None = None

    def country_for(self, role: str, *, named: bool = False) -> tuple[str, str] | None:
        """The country of a bare role word, and where it came from: the place the sentence
        names (local people), the dateline (people who act at home), the place the story
        is set in, the first it named (the police: 'police' in a story set in
        Christchurch, though the sentence names an Australian), the one country the
        sentence names, for private people the place the story is set in (not for a
        person the text names: a name travels further than 'a man'), then the country
        the document is mostly about. A private person the text names ('Julian Assange',
        'Patrick Simmons') takes the country the document is mostly about first: a name
        travels further than 'a man', and the country the sentence names is as often what
        is done to them ('prosecutors in Sweden dropped an investigation into Assange')."""
        if role == PRIVATE and named:
            for country, basis in ((self.document, "document"), (self.home, "dateline")):
                if country is not None:
                    return country, basis
        if role in _LOCAL_ROLES and self.place is not None:
            return self.place, "place"
        if role in _HOME_ROLES and self.home is not None:
            return self.home, "dateline"
        if role in _STORY_ROLES and self.story is not None:
            return self.story, "story"
        if role in _DOMESTIC_ROLES and self.sentence is not None:
            return self.sentence, "sentence"
        if role == PRIVATE and not named and self.story is not None:
            # 'a 36-year-old Cheltenham man' in a story set in Oxfordshire, though the
            # stolen artwork is named 'America': private people are where the story is
            return self.story, "story"
        if role in _PLACED_ROLES and self.document is not None:
            return self.document, "document"
        return None
