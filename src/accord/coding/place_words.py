"""Places the parser took for people: 'he visits Manchester, Liverpool and Torbay'.

The small English model tags some town names as persons when they stand alone, most
often in a list of places visited. A lone name word the knowledge base does not know
would then become a private person of the story's country (`CVL`): 'Torbay' as the host
of a visit, 'travel to Llanelli' as a journey to a person. :func:`place_words` finds
the words that are places instead: a one-word person name, with no title of address
before it, in the position of a place (the object of a verb of visiting, after a
locative or directional preposition, or a conjunct of either), that the gazetteer
resolves to a place in a country the story names. A person named there by the knowledge
base, or named earlier in the story, is resolved before this is asked
(:class:`accord.coding.actors.SentenceActors`).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from accord.coding.lexicon import words
from accord.coding.places import Gazetteer
from accord.model import Token

__all__ = ["place_words"]

_OBJECT_VERBS = words("place_object_verbs.txt")
_PREPOSITIONS = words("place_prepositions.txt")
_ADDRESS_TITLES = words("address_titles.txt")


def _in_place_position(tokens: Sequence[Token], i: int) -> bool:
    """Is token ``i`` (or the first conjunct of its list) the object of a verb of visiting
    or of a locative or directional preposition?"""
    k = i
    seen = 0
    while tokens[k].dep == "conj" and 0 <= tokens[k].head < len(tokens) and seen < 20:
        k = tokens[k].head
        seen += 1
    tok = tokens[k]
    if not 0 <= tok.head < len(tokens):
        return False
    governor = tokens[tok.head]
    if tok.dep == "dobj":
        return governor.lemma.lower() in _OBJECT_VERBS
    if tok.dep == "pobj":
        return governor.text.lower() in _PREPOSITIONS
    return False


def _lone_name(tokens: Sequence[Token], i: int) -> bool:
    """A person name of one word, with no title of address before it ('Torbay', not
    'Ms Essex' or 'Julian Assange')."""
    tok = tokens[i]
    if tok.ent_type != "PERSON" or tok.pos != "PROPN":
        return False
    before = tokens[i - 1] if i > 0 else None
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    if before is not None and (
        before.ent_type == "PERSON" or before.text.lower() in _ADDRESS_TITLES
    ):
        return False
    return after is None or after.ent_type != "PERSON" or after.ent_iob == "B"


def place_words(
    tokens: Sequence[Token], gazetteer: Gazetteer | None, countries: Collection[str]
) -> frozenset[int]:
    """Indices of the one-word 'person' names of a sentence that are places of the story's
    countries ``countries`` (ISO3), in the position of a place."""
    if gazetteer is None or not countries:
        return frozenset()
    found = set()
    for tok in tokens:
        if not _lone_name(tokens, tok.i) or not _in_place_position(tokens, tok.i):
            continue
        place = gazetteer.resolve(tok.text, countries)
        if place is not None and place.country in countries:
            found.add(tok.i)
    return frozenset(found)
