"""Event assembly: verbs + actors + modality + dates -> coded :class:`Event` records.

For every verb in a parsed sentence the verb dictionary proposes a CAMEO code; the
subject of the verb (inherited through xcomp/conj/advcl chains when it has none) gives
the source actors, the object or a prepositional object the targets; passives swap
them. Each (source, target) pair of distinct actors becomes one event (a paired
dictionary code such as [042:043] also yields the reverse event).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from accord.coding.actors import (
    ActorRef,
    KnowledgeBase,
    Party,
    SentenceActors,
    find_mentions,
    identified,
    named_group,
    region,
)
from accord.coding.arguments import arguments, distinct
from accord.coding.attribution import VIOLENT_ROOTS, located_country, unattributed
from accord.coding.commitment import commits, drop_bare_commitments, first_conjunct, intent_code
from accord.coding.kb import tokenize
from accord.coding.modality import classify
from accord.coding.nominal import action_events, nominal_events
from accord.coding.patterns import SUBJECT_DEPS, governing_verb
from accord.coding.places import Gazetteer
from accord.coding.targets import spells_out_mode
from accord.coding.verbs import VerbDictionary, VerbMatch, children_of
from accord.model import (
    CleanDocument,
    DatePrecision,
    DateSource,
    Event,
    Evidence,
    Mode,
    ParsedSentence,
    Place,
    Token,
)
from accord.text.dates import find_date_mentions

_MAX_SYMMETRIC_PARTIES = 3
_SYMMETRIC_ROOTS = frozenset({"03", "04", "05", "06"})
_NAMING_VERBS = frozenset({"call", "name", "label", "term", "dub", "brand", "deem", "consider"})


class CodeInfo(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def goldstein(self) -> float: ...
    @property
    def quad_class(self) -> int: ...
    @property
    def plover(self) -> str | None: ...
    @property
    def plover_mode(self) -> str | None: ...
    @property
    def plover_context(self) -> str | None: ...


class OntologyLike(Protocol):
    def get(self, code: str) -> CodeInfo: ...


@dataclass(frozen=True, slots=True)
class CodingContext:
    kb: KnowledgeBase
    verbs: VerbDictionary
    ontology: OntologyLike
    include_all_modes: bool = False
    places: Gazetteer | None = None


@dataclass(frozen=True, slots=True)
class _SentenceDate:
    date: dt.date | None
    precision: DatePrecision | None
    source: DateSource


@dataclass(frozen=True, slots=True)
class Decision:
    """Why a candidate trigger did or did not become events (for ``accord explain``)."""

    sentence_index: int
    index: int
    """Token index of the trigger within its sentence."""
    token: str
    kind: str
    """'verb' or 'noun'."""
    coded: bool
    reason: str
    code: str | None = None
    rule: str | None = None
    mode: Mode | None = None


def code_document(
    clean: CleanDocument,
    parsed: Sequence[ParsedSentence],
    ctx: CodingContext,
    trace: list[Decision] | None = None,
) -> tuple[Event, ...]:
    """Code every parsed sentence of one document, in order.

    When ``trace`` is given, a :class:`Decision` is appended for every candidate trigger.
    """
    doc = clean.doc
    state = _DocState(publication=doc.date, location=_dateline_place(clean, ctx, doc.date))
    events: list[Event] = []
    for ps in parsed:
        events.extend(_code_sentence(doc.id, ps, ctx, state, trace))
    return tuple(_dedupe(events))


@dataclass(slots=True)
class _DocState:
    """What one document's earlier sentences tell later ones (local to one call)."""

    publication: dt.date | None
    location: Place | None
    carried: _SentenceDate | None = None
    last_person: ActorRef | None = None
    countries: set[str] = field(default_factory=set)
    """Countries of the actors named so far: they settle ambiguous place names."""
    people: dict[str, ActorRef] = field(default_factory=dict)
    pair: tuple[Party, Party] | None = None
    """The two parties of the latest bilateral meeting or call: what "both sides" means."""
    pair_sentence: int = -1

    def fallback_date(self) -> _SentenceDate:
        if self.carried is not None:
            return self.carried
        if self.publication is not None:
            return _SentenceDate(self.publication, DatePrecision.DAY, DateSource.PUBLICATION)
        return _SentenceDate(None, None, DateSource.NONE)


@dataclass(frozen=True, slots=True)
class _Trigger:
    """What fired: the trigger token, the rule, and how specific the match was."""

    index: int
    rule: str
    specific: bool


@dataclass(frozen=True, slots=True)
class _Sentence:
    """Per-sentence constants shared by every event built from one sentence."""

    doc_id: str
    ps: ParsedSentence
    ctx: CodingContext
    location: Place | None


def _code_sentence(
    doc_id: str,
    ps: ParsedSentence,
    ctx: CodingContext,
    state: _DocState,
    trace: list[Decision] | None = None,
) -> list[Event]:
    tokens = ps.tokens

    def note(
        i: int,
        kind: str,
        reason: str,
        coded: bool = False,
        code: str | None = None,
        rule: str | None = None,
        mode: Mode | None = None,
    ) -> None:
        if trace is not None:
            trace.append(
                Decision(
                    ps.sentence.index, i, tokens[i].text, kind, coded, reason, code, rule, mode
                )
            )

    children = children_of(tokens)
    dates = _attached_dates(ps, state.publication)
    root_date = next((d for v, d in dates.items() if tokens[v].dep == "ROOT"), None)
    sentence_date = root_date or state.fallback_date()
    mentions = find_mentions(tokens, ctx.kb, sentence_date.date)
    state.countries.update(m.entry.country for m in mentions if m.entry.country)
    place = None
    if ctx.places is not None:
        found = ctx.places.find_in_sentence(tokens, state.countries)
        place = found[0] if found else None
    location = place or state.location
    home = state.location.country if state.location else None
    named = {m.entry.country for m in mentions if m.entry.country}
    actors = SentenceActors(
        tokens,
        mentions,
        children,
        state.last_person,
        state.people,
        home,
        place.country if place else None,
        next(iter(named)) if len(named) == 1 else None,
        state.pair,
    )
    here = _Sentence(doc_id, ps, ctx, location)
    events: list[Event] = []
    used: set[int] = set()
    claimed: dict[int, VerbMatch] = {}
    untargeted: list[tuple[_Trigger, str, ActorRef, Mode, _SentenceDate]] = []
    for tok in tokens:
        if tok.pos != "VERB" and not (tok.pos == "AUX" and tok.dep == "ROOT"):
            continue
        if any(tokens[c].dep in ("det", "poss") for c in children.get(tok.i, ())):
            note(tok.i, "verb", "a noun tagged as a verb ('its fisheries dispute')")
            continue
        if _is_naming(tokens, tok.i, children):
            note(tok.i, "verb", "naming use ('calling it X'): a description, not an act")
            continue
        match = ctx.verbs.match(tokens, tok.i, children)
        if match is None:
            why = "no code for this use" if ctx.verbs.has_verb(tok.lemma) else "not in dictionary"
            note(tok.i, "verb", why)
            continue
        anchor = first_conjunct(tokens, tok.i, children)
        mode = classify(tokens, anchor, children)
        if mode is not Mode.ASSERTED and spells_out_mode(tokens, tok.i, match):
            mode = Mode.ASSERTED  # 'INDICATED SHOULD *': the pattern's code says it all
        code, rule = match.code, match.rule
        intent = intent_code(code) if mode is Mode.FUTURE else None
        threat = intent is not None and intent[:2] == "13"
        if intent is not None and commits(tokens, anchor, children, actors if threat else None):
            # "Hungary will support the resolution": an asserted expression of intent (03x)
            code, rule, mode = intent, f"{rule}+intent", Mode.ASSERTED
        elif (
            mode is Mode.NEGATED
            and code[:2] not in ("01", "12")
            and commits(tokens, anchor, children, actors)
        ):
            # "Syria says it will not accept refugees": an asserted refusal (12x)
            code, rule, mode = (
                ctx.verbs.frames.reframe(code, "reject"),
                f"{rule}+refusal",
                (Mode.ASSERTED),
            )
        if mode is not Mode.ASSERTED and not ctx.include_all_modes:
            note(
                tok.i,
                "verb",
                f"{mode.value}: left out (--all-modes shows it)",
                False,
                code,
                rule,
                mode,
            )
            continue
        date = dates.get(tok.i) or sentence_date
        trigger = _Trigger(tok.i, rule, match.pattern is not None)
        sources, targets = arguments(tokens, tok.i, children, actors, match)
        sources = [
            s
            for s in sources
            if identified(s) or region(s) or (named_group(s) and not code.startswith("01"))
        ]
        targets = [t for t in targets if identified(t)]
        if code.startswith("041") and not targets:
            note(tok.i, "verb", "a telephone call needs a counterpart", False, code, rule, mode)
            continue
        if not sources and code[:2] in VIOLENT_ROOTS:
            country = (place.country if place else None) or home
            if country is None:
                country = located_country(tokens, mentions, targets)
            sources = unattributed(tokens, tok.i, children, country, mentions)
        if sources:
            used.update(match.tokens)
            note(
                tok.i,
                "verb",
                f"source {', '.join(x.code for x in sources)}; target "
                f"{', '.join(x.code for x in targets) or 'none'}",
                True,
                code,
                rule,
                mode,
            )
        else:
            for k in match.tokens:
                claimed.setdefault(k, match)
            note(tok.i, "verb", "no identifiable source actor", False, code, rule, mode)
        symmetric = (
            not targets
            and 1 < len(sources) <= _MAX_SYMMETRIC_PARTIES
            and code[:2] in _SYMMETRIC_ROOTS
            and not any(tokens[c].dep == "dobj" for c in children.get(tok.i, ()))
        )
        if symmetric:
            # "France and the Philippines agreed ...": each party acts towards the others
            for src in sources:
                for other in sources:
                    if other.code != src.code:
                        events.append(_event(here, trigger, code, src, other, mode, date))
            continue
        for src in sources:
            tgts: list[ActorRef | None] = [t for t in targets if distinct(src, t)] or [None]
            if not targets and (code[:2] == "02" or code in _COUNTERPART_CODES):
                untargeted.append((trigger, code, src, mode, date))
                continue
            for tgt in tgts:
                events.append(_event(here, trigger, code, src, tgt, mode, date))
                if match.code2 and tgt is not None and code == match.code:
                    events.append(_event(here, trigger, match.code2, tgt, src, mode, date))
    found_nouns = nominal_events(tokens, children, actors, used)
    found_nouns += action_events(tokens, children, actors, used)
    for nominal in found_nouns:
        gov = nominal.governor
        mode = nominal.mode_hint or (
            classify(tokens, gov, children) if gov is not None else Mode.ASSERTED
        )
        if mode is not Mode.ASSERTED and not ctx.include_all_modes:
            note(
                nominal.noun,
                "noun",
                f"{mode.value}: left out (--all-modes shows it)",
                False,
                nominal.code,
                nominal.rule,
                mode,
            )
            continue
        date = (dates.get(gov) if gov is not None else None) or sentence_date
        code, rule = nominal.code, nominal.rule
        verb = claimed.get(nominal.noun)
        if verb is not None:
            # "talks collapsed": the verb's pattern over the noun codes it, the noun's
            # participants are the actors
            code, rule = verb.code, f"{verb.rule}+{nominal.rule}"
        trigger = _Trigger(nominal.noun, rule, True)
        first, *others = nominal.participants
        note(
            nominal.noun,
            "noun",
            "participants " + ", ".join(p.code for p in nominal.participants),
            True,
            code,
            rule,
            mode,
        )
        if not others:
            events.append(_event(here, trigger, code, first, None, mode, date))
        for other in others:
            events.append(_event(here, trigger, code, first, other, mode, date))
            if nominal.symmetric:
                events.append(_event(here, trigger, code, other, first, mode, date))
    _remember(state, tokens, children, actors, dates)
    for e in events:
        t = e.target
        if e.cameo.startswith("04") and t and t.country and e.source.country != t.country:
            state.pair = (Party.of(e.source), Party.of(t))
            state.pair_sentence = ps.sentence.index
    for trigger, code, src, mode, date in untargeted:
        # "Trump said Washington is willing to strengthen cooperation", in the report of
        # the Xi-Trump call: the cooperation is with the other side of the call
        implied = _counterpart(state, ps.sentence.index, src)
        if implied is not None:
            trigger = dataclasses.replace(trigger, rule=f"{trigger.rule}+counterpart")
        events.append(_event(here, trigger, code, src, implied, mode, date))
    return drop_bare_commitments(events, tokens)


def _is_naming(tokens: Sequence[Token], verb: int, children: Mapping[int, Sequence[int]]) -> bool:
    """'calling it the most important issue', 'named him envoy', 'calling the agreements
    "legitimate"': a description, not an act ('called on Iran to ...' and 'called for'
    stay appeals)."""
    if tokens[verb].lemma.lower() not in _NAMING_VERBS:
        return False
    kids = [tokens[c] for c in children.get(verb, ())]
    if any(k.dep in ("prt", "prep") and k.text.lower() in ("on", "upon", "for") for k in kids):
        return False
    has_object = any(k.dep == "dobj" for k in kids)
    return any(k.dep == "oprd" for k in kids) or (
        has_object and any(k.dep in ("acomp", "ccomp", "xcomp", "attr") for k in kids)
    )


def _remember(
    state: _DocState,
    tokens: Sequence[Token],
    children: Mapping[int, Sequence[int]],
    actors: SentenceActors,
    dates: Mapping[int, _SentenceDate],
) -> None:
    people = actors.people()
    subjects = [p for p in people if tokens[p.head].dep in SUBJECT_DEPS]
    if subjects or people:
        state.last_person = (subjects or people)[-1]
    for p in people:
        for word in (p.name or "").lower().split():
            state.people.pop(word, None)  # re-insert: the dict's order is recency
            state.people[word] = p
    for verb, d in sorted(dates.items()):
        if (
            d.precision is DatePrecision.DAY
            and tokens[verb].pos in ("VERB", "AUX")
            and (classify(tokens, verb, children) is Mode.ASSERTED)
        ):
            state.carried = d


def _attached_dates(ps: ParsedSentence, publication: dt.date | None) -> dict[int, _SentenceDate]:
    """Date expressions of the sentence keyed by the verb that governs each of them."""
    out: dict[int, _SentenceDate] = {}
    tokens = ps.tokens
    for mention in find_date_mentions(ps.sentence.text, publication):
        s, e = mention.span
        inside = [t.i for t in tokens if t.idx >= s and t.idx < e]
        if not inside:
            continue
        head = next((i for i in inside if tokens[i].head not in inside), inside[0])
        verb = governing_verb(tokens, head)
        if verb is not None and verb not in out:
            out[verb] = _SentenceDate(mention.date, mention.precision, DateSource.TEXT)
    return out


_COUNTERPART_CODES = frozenset({"030", "032", "036", "039", "050", "051"})
_COUNTERPART_WINDOW = 8
"""Sentences after a bilateral meeting or call in which a party's untargeted appeal (02x),
general intent to cooperate or diplomatic cooperation (_COUNTERPART_CODES) is taken to
address the other party."""


def _counterpart(state: _DocState, index: int, src: ActorRef) -> ActorRef | None:
    """The other party of the meeting or call reported in this sentence or shortly
    before, when ``src`` is one of its parties (for an appeal, an intent or diplomatic
    cooperation that names no target of its own)."""
    if state.pair is None:
        return None
    if not 0 <= index - state.pair_sentence <= _COUNTERPART_WINDOW:
        return None
    a, b = state.pair
    for me, other in ((a, b), (b, a)):
        if src.code == me.code or (src.country is not None and src.country == me.country):
            if other.country == src.country:
                return None
            return ActorRef(
                src.head, 0, 0, other.code, other.country, other.role, other.name, "implied"
            )
    return None


def _event(
    here: _Sentence,
    trigger: _Trigger,
    code: str,
    src: ActorRef,
    tgt: ActorRef | None,
    mode: Mode,
    date: _SentenceDate,
) -> Event:
    tokens = here.ps.tokens
    text = here.ps.sentence.text
    info = here.ctx.ontology.get(code)
    trigger_tok = tokens[trigger.index]
    trig_start = trigger_tok.idx
    trig_end = trig_start + len(trigger_tok.text)
    source = src.to_actor(tokens, text)
    target = tgt.to_actor(tokens, text) if tgt is not None else None
    parts = [
        here.doc_id,
        str(here.ps.sentence.index),
        str(trig_start),
        source.code,
        target.code if target else "",
        code,
    ]
    event_id = hashlib.sha1("|".join(parts).encode("utf-8")).hexdigest()[:16]
    confidence = 0.45
    if trigger.specific:
        confidence += 0.15
    if target is not None:
        confidence += 0.15
    if src.kind in ("person", "country", "igo", "group"):
        confidence += 0.1
    if src.kind == "pronoun":
        confidence -= 0.1
    return Event(
        doc_id=here.doc_id,
        event_id=event_id,
        sentence_index=here.ps.sentence.index,
        sentence=text,
        sentence_span=here.ps.sentence.span,
        date=date.date,
        date_precision=date.precision,
        date_source=date.source,
        source=source,
        target=target,
        cameo=code,
        cameo_name=info.name,
        plover=info.plover,
        plover_mode=info.plover_mode,
        plover_context=info.plover_context,
        quad_class=info.quad_class,
        goldstein=info.goldstein,
        mode=mode,
        location=here.location,
        confidence=round(min(confidence, 0.95), 2),
        evidence=Evidence(
            trigger=trigger_tok.text, trigger_span=(trig_start, trig_end), rule=trigger.rule
        ),
    )


def _dedupe(events: Sequence[Event]) -> list[Event]:
    seen: set[str] = set()
    out: list[Event] = []
    for e in events:
        if e.event_id not in seen:
            seen.add(e.event_id)
            out.append(e)
    return out


def _dateline_place(clean: CleanDocument, ctx: CodingContext, date: dt.date | None) -> Place | None:
    """The dateline's place, resolved by the gazetteer (or the knowledge base without one)."""
    if clean.dateline is None or not clean.dateline.place:
        return None
    name = clean.dateline.place
    if ctx.places is not None:
        resolved = ctx.places.resolve(name)
        if resolved is not None:
            return resolved
    words = tokenize(name)
    m = ctx.kb.match(words, 0, date)
    country = m.entry.country if m is not None and m.length == len(words) else None
    return Place(name=name, country=country, lat=None, lon=None)
