"""Where an event happened: its own place first, then the dateline, then the story.

An event is placed, in this order (the first that applies wins; the place records which
of ``sentence`` / ``dateline`` / ``context`` placed it in :attr:`Place.basis`):

1. **The place its trigger governs** (basis ``sentence``): a place introduced by
   in/at/near/... on the trigger or its clause ("met in Paris", "Protesters in Hong Kong
   clashed"), by "to"/"into" after a word of going ("a visit to New Delhi", "travelled to
   Paris"), by "on"/"of" after a word of attack ("strikes on Caracas"), or the direct
   object of a verb of visiting or attacking ("visited China"). A place further down, in a
   phrase of another noun or clause ("support for China's hosting of the meeting in
   Shenzhen", "Xi, who visited Moscow, ...") does not place the event. Landmarks and seats
   of power resolve to their city ("at the White House" -> Washington).
2. For an act (a material act, or a formal one such as a lawsuit or an investigation,
   ``SOURCE_GROUND``, or any but a statement or meeting of a legislature or court as a body
   on its own country's actors, :func:`_formal_act`), **another place the sentence names
   in the country of one of its actors** (basis ``sentence``).
3. **The dateline, when the event's actors act there** (basis ``dateline``): for a
   statement, a call or a meeting, when its source is of the dateline's country
   ("BEIJING: ... Xi held talks" places the Chinese side in Beijing, not the Russian); for
   an act, when it happens within the dateline's country (its source or its target is of
   that country and the other, if any, too) or to a target of that country.
4. **The story's context** (basis ``context``): where the story last placed the same
   source actor (the scene goes on: "She held a rally in Minsk. She promised ..."; an
   unnamed group such as protesters only while the story names no other place in its
   country); for an in-person meeting of two countries' sides, the place the story named
   last in either side's country (and the other meetings the same verb tells, there
   too: "met with the IMF, then with Trump"); for force one country's side used on
   another's (not on armed forces, struck wherever deployed), the place the story named
   last in the target's country; for an act within one country, the latest place the
   story named in that country, else the one place the whole story names there
   (:meth:`StoryPlaces.place_ahead`), else the country itself (at its centre point, type
   ``country``).

Of several places the trigger governs, the nearest wins ("the suspect in a shooting in
Kenosha was released from a Wisconsin jail": Wisconsin), then the finest.

Statements, calls and letters are otherwise left unplaced: where they were made is not
said.

The per-document memory (:class:`StoryPlaces`) is local to one document's coding.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from accord.coding.lexicon import words
from accord.coding.ontology import VIOLENT_ROOTS
from accord.coding.places import PREPOSITIONS, Gazetteer, PlaceMention
from accord.model import Actor, Event, Place, PlaceBasis, PlaceType, Token

__all__ = [
    "SOURCE_GROUND",
    "SentencePlaces",
    "StoryPlaces",
    "place_event",
    "sentence_places",
]

MATERIAL_QUADS = frozenset({2, 4})
"""CAMEO quad classes of material acts: material cooperation (06-08), material conflict
(14-20)."""
SOURCE_GROUND: tuple[str, ...] = ("09", "112", "115", "17")
"""CAMEO codes (prefixes) of acts a state does on its own ground whoever they concern:
investigations (09), charges and accusations by its organs (112), lawsuits (115),
coercion (17: arrests, expulsions, repression, seizures, administrative sanctions). They
are placed like material acts, in the source's country (a third country's place does not
place them: "X is in prison in South Korea, but the US unsealed charges against him")."""
_CONTENT_PREPOSITIONS = frozenset({"of", "for", "about", "over", "against", "on", "to", "into"})
"""A place inside a phrase of one of these ("support for the meeting in Shenzhen") is the
phrase's own, not the event's."""
_TYPE_RANK = {
    PlaceType.SITE: 0,
    PlaceType.CITY: 1,
    PlaceType.ADMIN2: 2,
    PlaceType.ADMIN1: 3,
    PlaceType.COUNTRY: 4,
}

_DESTINATION = words("place_destination_words.txt")
_ASSAULT = words("place_assault_words.txt")
_OBJECT_VERBS = words("place_object_verbs.txt")
_ORIGIN = words("place_origin_words.txt")
_MEETING = words("place_meeting_words.txt")
_REMOTE = words("place_remote_words.txt")
_MEETING_CODES = ("04",)
"""CAMEO codes (prefixes) of consultations: a meeting among them is placed by the story's
context (:func:`_meeting_place`)."""
_AREA_PREPOSITIONS = PREPOSITIONS | {"across", "throughout"}
_DEPLOYED_ROLES = frozenset({"MIL", "UAF", "REB", "INS"})
"""CAMEO role codes of armed forces (military, unidentified armed forces, rebels,
insurgents): they are struck where they are, not on their country's ground."""
_HOPS = 4
"""How many tokens a governing phrase may climb through to reach the trigger's clause
("arrested a man in Kerala": in -> man -> arrested; "met with Khalilzad, a US envoy, in
Qatar": in -> envoy -> Khalilzad -> with -> met)."""
_MODIFIER_DEPS = frozenset({"poss", "compound", "nmod", "amod"})


def _verbal(tok: Token) -> bool:
    return tok.pos in ("VERB", "AUX")


@dataclass(frozen=True, slots=True)
class SentencePlaces:
    """What places one sentence offers its events (built once per sentence)."""

    tokens: Sequence[Token]
    mentions: tuple[PlaceMention, ...]
    dateline: Place | None
    story: StoryPlaces
    gazetteer: Gazetteer


@dataclass(slots=True)
class StoryPlaces:
    """What the story said about places so far (local to one document's coding)."""

    latest: dict[str, Place] = field(default_factory=dict)
    """The latest place the story named in each country (by ISO3), any sentence."""
    named_at: dict[str, int] = field(default_factory=dict)
    """For each country in :attr:`latest`, the number of the sentence that named it."""
    sentences: int = 0
    """How many sentences the story has read."""
    actors: dict[str, Place] = field(default_factory=dict)
    """Where the story last placed each actor (by code and name) as the source of an event
    its sentence placed."""
    finer: dict[str, list[Place]] = field(default_factory=dict)
    """Every place finer than a country the story named in each country, in order."""

    def remember(self, tokens: Sequence[Token], mentions: Sequence[PlaceMention]) -> None:
        """Learn the places a sentence names where something is ("in Kerala") or whose
        body or office it names ("Puerto Rico's governor"); a country named after a finer
        place of its own does not replace it."""
        self.sentences += 1
        for m in mentions:
            country = m.place.country
            if not country:
                continue
            if m.preposition not in _AREA_PREPOSITIONS and not _modifier(tokens, m):
                continue
            known = self.latest.get(country)
            if m.place.type is not PlaceType.COUNTRY:
                seen = self.finer.setdefault(country, [])
                if not any(_same_place(m.place, p) for p in seen):
                    seen.append(m.place)
            if m.place.type is PlaceType.COUNTRY and known is not None:
                continue
            self.latest[country] = m.place
            self.named_at[country] = self.sentences

    def scene(self, actor: Actor) -> Place | None:
        """Where the story last placed ``actor``. An unnamed group (known by its code
        alone) stays there only while the story names no other place in that country:
        "protests in San Juan ... Protesters called for" is one crowd, but protesters after
        the story has moved on to Washington are another."""
        place = self.actors.get(_actor_key(actor))
        if place is None or actor.name or place.country is None:
            return place
        latest = self.latest.get(place.country)
        if latest is not None and not _same_place(latest, place):
            return None
        return place

    def remember_events(self, placed: Sequence[tuple[Actor, Place | None]]) -> None:
        for source, place in placed:
            if place is not None and place.basis is PlaceBasis.SENTENCE:
                self.actors[_actor_key(source)] = place

    def place_ahead(self, events: Sequence[Event]) -> list[Event]:
        """An act placed only at its country's centre because the story had named no
        place there yet ('+place:country') is placed where the whole story places things
        in that country, when it names one place there and no other: "Basilashvili was
        arrested on Friday ... The hearing in Tbilisi" places the arrest in Tbilisi (basis
        ``context``, '+place:story'). Called once the story has been read."""
        out: list[Event] = []
        for e in events:
            rule = e.evidence.rule
            country = e.location.country if e.location is not None else None
            places = self.finer.get(country, []) if country and "+place:country" in rule else []
            if len(places) != 1:
                out.append(e)
                continue
            ahead = rule.replace("+place:country", "+place:story")
            out.append(
                dataclasses.replace(
                    e,
                    location=_as(places[0], PlaceBasis.CONTEXT),
                    evidence=dataclasses.replace(e.evidence, rule=ahead),
                )
            )
        return out


def _same_place(a: Place, b: Place) -> bool:
    if a.geonames_id is not None and b.geonames_id is not None:
        return a.geonames_id == b.geonames_id
    return (a.name, a.country) == (b.name, b.country)


def _actor_key(actor: Actor) -> str:
    """Who an actor is, for following the scene: a named actor by its code and name; an
    unnamed group (protesters, police, residents: no canonical name) by its code alone, so
    that "protests filled the San Juan streets ... Protesters called for" is one crowd."""
    if not actor.name:
        return f"{actor.code}|"
    return f"{actor.code}|{actor.name}"


def sentence_places(
    tokens: Sequence[Token],
    gazetteer: Gazetteer | None,
    prefer: Collection[str],
    dateline: Place | None,
    story: StoryPlaces,
    countries: Sequence[tuple[int, str]] = (),
) -> SentencePlaces | None:
    """The places of one sentence (None without a gazetteer); the story learns the
    places the sentence names. ``countries``: the tokens that name a country (a
    nationality adjective too) and its ISO3 code, for :func:`national_grounds`."""
    if gazetteer is None:
        return None
    mentions = (
        *gazetteer.mentions(tokens, prefer),
        *national_grounds(tokens, countries, gazetteer),
    )
    here = SentencePlaces(tokens, mentions, dateline, story, gazetteer)
    story.remember(tokens, mentions)
    return here


def place_event(
    here: SentencePlaces | None,
    trigger: int,
    code: str,
    quad_class: int,
    source: Actor,
    target: Actor | None,
    *,
    body: bool = False,
) -> tuple[Place | None, str]:
    """Where the event happened, and the evidence suffix that says how it was found
    ('+place:sentence', '+place:dateline', '+place:scene', '+place:story',
    '+place:country'); (None, '') when nothing places it. ``body``: the source is a body
    (an organisation or a role word), not a person."""
    if here is None:
        return None, ""
    tokens = here.tokens
    grounded = code.startswith(SOURCE_GROUND) or _formal_act(code, source, target, body=body)
    act = quad_class in MATERIAL_QUADS or grounded
    actors = {source.country} if grounded else {source.country, target and target.country}
    actors.discard(None)
    depths = {id(m): _governed(tokens, m, trigger) for m in here.mentions}
    governed = [m for m in here.mentions if depths[id(m)] is not None]
    if governed and not (grounded and governed[0].place.country not in actors):
        best = min(governed, key=lambda m: (depths[id(m)], _rank(m)))
        return _as(best.place, PlaceBasis.SENTENCE), "+place:sentence"
    if act:
        same = [
            m
            for m in here.mentions
            if m.place.country in actors
            and (m.preposition not in (None, "from") or _modifier(tokens, m))
            and not _whole_country(here.gazetteer, m)
        ]
        if same:
            best = min(same, key=lambda m: (_rank(m), m.preposition is None, m.start))
            return _as(best.place, PlaceBasis.SENTENCE), "+place:sentence"
    dateline = here.dateline
    if dateline is not None and dateline.country is not None:
        home = dateline.country
        if act:
            within = source.country == home and (target is None or target.country in (home, None))
            there = within or (target is not None and target.country == home and not grounded)
        else:
            there = source.country == home
        if there:
            return _as(dateline, PlaceBasis.DATELINE), "+place:dateline"
    scene = here.story.scene(source)
    if scene is not None:
        return _as(scene, PlaceBasis.CONTEXT), "+place:scene"
    met = _meeting_place(here, trigger, code, source, target)
    if met is not None:
        return _as(met, PlaceBasis.CONTEXT), "+place:meeting"
    country = source.country
    if not act or country is None:
        return None, ""
    struck = _struck_ground(here, code, source, target)
    if struck is not None:
        return _as(struck, PlaceBasis.CONTEXT), "+place:struck"
    if not grounded and target is not None and target.country != country:
        return None, ""
    named = here.story.latest.get(country)
    if named is not None:
        return _as(named, PlaceBasis.CONTEXT), "+place:story"
    whole = here.gazetteer.country(country)
    if whole is None:
        return None, ""
    return _as(whole, PlaceBasis.CONTEXT), "+place:country"


_SITTING_ROLES = frozenset({"LEG", "JUD"})
"""CAMEO roles of bodies that act only where they sit, in their own country: legislatures
and courts."""
_UNPLACED_CODES = ("01", "04")
"""Statements and consultations: placed only where the text says (rules 1 and 3)."""


def _formal_act(code: str, source: Actor, target: Actor | None, *, body: bool) -> bool:
    """A formal act of a legislature or court as a body on its own country's actors ('the
    House issued a subpoena for documents from Pompeo', 'the Senate rejected the bill',
    'the court ruled against the government'): done where the body sits, so placed like an
    act on the source's own ground (the place the story named last in that country, else
    the country). Not a member's own words ('Senator X criticised'), not a statement or a
    meeting, not an act on another country's actor."""
    if not body or source.role not in _SITTING_ROLES or source.country is None:
        return False
    if code.startswith(_UNPLACED_CODES):
        return False
    return target is None or target.country in (None, source.country)


_NATIONAL_GROUND = words("national_ground_nouns.txt")
_GROUND_PREPOSITIONS = frozenset({"in", "at", "on", "into", "inside", "near", "over", "across"})


def national_grounds(
    tokens: Sequence[Token], countries: Sequence[tuple[int, str]], gazetteer: Gazetteer
) -> list[PlaceMention]:
    """Ground a nationality adjective places in its country, after a locative preposition
    ('targeting US troops in Iraqi military bases', 'on Syrian soil', 'into Turkish
    waters'; national_ground_nouns.txt): a country-level place the gazetteer alone does not
    find (it reads names, not adjectives)."""
    out: list[PlaceMention] = []
    for i, country in countries:
        tok = tokens[i]
        if tok.dep not in ("amod", "compound") or not 0 <= tok.head < len(tokens):
            continue
        noun = tokens[tok.head]
        forms = {noun.lemma.lower(), noun.text.lower(), noun.text.lower().removesuffix("s")}
        if not forms & _NATIONAL_GROUND or noun.dep != "pobj":
            continue  # the lemma of 'bases' may be 'basis'
        prep = tokens[noun.head]
        place = gazetteer.country(country)
        if prep.text.lower() not in _GROUND_PREPOSITIONS or place is None:
            continue
        span = (tok.idx, noun.idx + len(noun.text))
        out.append(PlaceMention(place, span, i, noun.i + 1, prep.text.lower(), prep.i))
    return out


def _meeting_place(
    here: SentencePlaces, trigger: int, code: str, source: Actor, target: Actor | None
) -> Place | None:
    """Where an in-person meeting of two countries' sides that its sentence does not place
    happened: a visit goes to one side's ground, so it is the place the story named last in
    either side's country ("at the Atlantic Council's Washington headquarters, Mitsotakis
    said ... Later he met Trump": Washington). Not for a meeting the sentence says was
    held by phone or video, nor for one whose sides are of one country, nor where the
    story named both sides' places last in one sentence (which one hosted is not said)."""
    if not code.startswith(_MEETING_CODES) or target is None:
        return None
    sides = {source.country, target.country} - {None}
    if len(sides) != 2 or here.tokens[trigger].lemma.lower() not in _MEETING:
        return None
    if any(t.lemma.lower() in _REMOTE or t.text.lower() in _REMOTE for t in here.tokens):
        return None
    story = here.story
    known = sorted((story.named_at[c], c) for c in sides if c is not None and c in story.latest)
    if not known or (len(known) == 2 and known[0][0] == known[1][0]):
        return None  # neither, or both sides' places named in one sentence: whose ground?
    return story.latest[known[-1][1]]


def _struck_ground(
    here: SentencePlaces, code: str, source: Actor, target: Actor | None
) -> Place | None:
    """Where force one country's side used on another's struck, when its sentence does
    not say: the place the story named last in the target's country ("oil facilities in
    Abqaiq were hit by drones ... the Houthis said they had carried out the attack":
    Abqaiq). Force lands where its target is; the story's place in the attacker's own
    country is where it was launched or claimed from, not the event's. Not for armed
    forces, which are struck wherever they are deployed ('missiles targeting US troops')."""
    if code[:2] not in VIOLENT_ROOTS or target is None or target.country is None:
        return None
    if target.country == source.country or target.role in _DEPLOYED_ROLES:
        return None
    return here.story.latest.get(target.country)


def _rank(m: PlaceMention) -> int:
    """Finer places first: a site, a city, a county, a state, a country."""
    return _TYPE_RANK.get(m.place.type or PlaceType.CITY, 1)


def _whole_country(gazetteer: Gazetteer, m: PlaceMention) -> bool:
    """Is the mention a whole country ("United States forces"), not a finer place or a
    territory (Puerto Rico)?"""
    if m.place.type is not PlaceType.COUNTRY or m.place.country is None:
        return False
    whole = gazetteer.country(m.place.country)
    return whole is not None and whole.geonames_id == m.place.geonames_id


def _modifier(tokens: Sequence[Token], m: PlaceMention) -> bool:
    """Does the mention name the place of a body or office ("Puerto Rico's governor",
    "Moscow mayor", "the Supreme Court of Puerto Rico")?"""
    head = tokens[_entity_head(tokens, m)]
    if head.dep in _MODIFIER_DEPS:
        return True
    if head.dep == "pobj" and 0 <= head.head < len(tokens):
        of = tokens[head.head]
        return of.text.lower() == "of" and tokens[of.head].pos in ("NOUN", "PROPN")
    return False


def _as(place: Place, basis: PlaceBasis) -> Place:
    return dataclasses.replace(place, basis=basis)


def _clause_of(tokens: Sequence[Token], i: int) -> int:
    """The verb whose clause holds token ``i`` (``i`` itself for a verb)."""
    node = i
    for _ in range(6):
        tok = tokens[node]
        if _verbal(tok) or tok.head == node or not 0 <= tok.head < len(tokens):
            return node
        node = tok.head
    return node


def _governed(tokens: Sequence[Token], m: PlaceMention, trigger: int) -> int | None:
    """Does the event whose trigger is ``trigger`` happen at mention ``m``? How many
    tokens its phrase climbs to reach the trigger's clause (0: it is on the trigger or the
    clause's verb: "released from a Wisconsin jail"; more: on a word the clause governs:
    "the suspect in a shooting in Kenosha ... was released"), or None when it does not.
    The nearest governed place is the event's own."""
    clause = _clause_of(tokens, trigger)
    targets = {trigger, clause}
    clause_tok = tokens[clause]
    if clause_tok.dep in ("conj", "xcomp") and 0 <= clause_tok.head < len(tokens):
        targets.add(clause_tok.head)  # "arrived in Paris and met Macron"
    if m.preposition is None:
        head = _entity_head(tokens, m)
        verb = tokens[head].head
        if (
            tokens[head].dep in ("dobj", "obj")
            and verb in targets
            and tokens[verb].lemma.lower() in _OBJECT_VERBS
        ):
            return 0
        return None
    prep = tokens[m.preposition_index]
    word = m.preposition
    node = prep.head
    if not 0 <= node < len(tokens) or node == prep.i:
        return None
    governor = tokens[node].lemma.lower()
    if word in ("to", "into") and governor not in _DESTINATION:
        return None
    if word in ("on", "of") and governor not in _ASSAULT:
        return None
    if word == "from" and governor not in _ORIGIN:
        return None
    if word not in _AREA_PREPOSITIONS | {"to", "into", "on", "of", "from"}:
        return None
    for depth in range(_HOPS + 1):
        if node in targets:
            return depth
        tok = tokens[node]
        if _verbal(tok) or tok.dep in ("relcl", "acl", "ccomp") or tok.head == node:
            return None
        if (
            tok.dep == "pobj"
            and tokens[tok.head].text.lower() in _CONTENT_PREPOSITIONS
            and tok.ent_type not in ("DATE", "TIME")  # "on Wednesday in Alabama"
        ):
            return None
        node = tok.head
        if not 0 <= node < len(tokens):
            return None
    return None


def _entity_head(tokens: Sequence[Token], m: PlaceMention) -> int:
    for i in range(m.start, m.end):
        if not m.start <= tokens[i].head < m.end:
            return i
    return m.end - 1
