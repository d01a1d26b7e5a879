"""Event assembly: verbs + actors + modality + dates -> coded :class:`Event` records.

For every verb in a parsed sentence the verb dictionary proposes a CAMEO code; the
subject of the verb (inherited through xcomp/conj/advcl chains when it has none) gives
the source actors, the object or a prepositional object the targets; passives swap
them. Each (source, target) pair of distinct actors becomes one event (a paired
dictionary code such as [042:043] also yields the reverse event).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from accord.coding.actors import ActorRef, KnowledgeBase, SentenceActors, find_mentions
from accord.coding.modality import classify
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
from accord.text.dates import find_event_date

_SUBJECT = frozenset({"nsubj", "csubj"})
_PASSIVE_SUBJECT = frozenset({"nsubjpass", "csubjpass"})
_INHERIT_DEPS = frozenset({"xcomp", "conj", "advcl", "pcomp", "acl"})
_TARGET_PREPS = ("with", "to", "against", "on", "for", "from", "at", "toward", "towards",
                 "into", "over", "upon", "about", "between", "among")


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


@dataclass(frozen=True, slots=True)
class _SentenceDate:
    date: dt.date | None
    precision: DatePrecision | None
    source: DateSource


def code_document(
    clean: CleanDocument, parsed: Sequence[ParsedSentence], ctx: CodingContext
) -> tuple[Event, ...]:
    """Code every parsed sentence of one document, in order."""
    doc = clean.doc
    publication = doc.date
    carried: _SentenceDate | None = None
    last_person: ActorRef | None = None
    location = _dateline_place(clean, ctx.kb, publication)
    events: list[Event] = []
    for ps in parsed:
        mention = find_event_date(ps.sentence.text, publication)
        if mention is not None:
            carried = _SentenceDate(mention.date, mention.precision, DateSource.TEXT)
            date = carried
        elif carried is not None:
            date = carried
        elif publication is not None:
            date = _SentenceDate(publication, DatePrecision.DAY, DateSource.PUBLICATION)
        else:
            date = _SentenceDate(None, None, DateSource.NONE)
        sentence_events, last_person = _code_sentence(
            doc.id, ps, ctx, date, location, last_person
        )
        events.extend(sentence_events)
    return tuple(_dedupe(events))


def _code_sentence(
    doc_id: str,
    ps: ParsedSentence,
    ctx: CodingContext,
    date: _SentenceDate,
    location: Place | None,
    last_person: ActorRef | None,
) -> tuple[list[Event], ActorRef | None]:
    tokens = ps.tokens
    children = children_of(tokens)
    mentions = find_mentions(tokens, ctx.kb, date.date)
    actors = SentenceActors(tokens, mentions, children, last_person)
    events: list[Event] = []
    for tok in tokens:
        if tok.pos not in ("VERB",) and not (tok.pos == "AUX" and tok.dep == "ROOT"):
            continue
        match = ctx.verbs.match(tokens, tok.i)
        if match is None:
            continue
        mode = classify(tokens, tok.i, children)
        if mode is not Mode.ASSERTED and not ctx.include_all_modes:
            continue
        sources, targets = _arguments(tokens, tok.i, children, actors, match)
        for src in sources:
            tgts = [t for t in targets if t.code != src.code] or [None]
            for tgt in tgts:
                events.append(_event(doc_id, ps, ctx, match.code, src, tgt, match, mode,
                                     date, location))
                if match.code2 and tgt is not None:
                    events.append(_event(doc_id, ps, ctx, match.code2, tgt, src, match, mode,
                                         date, location))
    for tok in tokens:
        for ref in actors.actors_at(tok.i) if tok.dep in _SUBJECT else ():
            if ref.kind == "person":
                last_person = ref
    return events, last_person


def _arguments(
    tokens: Sequence[Token],
    verb: int,
    children: Mapping[int, Sequence[int]],
    actors: SentenceActors,
    match: VerbMatch,
) -> tuple[list[ActorRef], list[ActorRef]]:
    sources: list[ActorRef] = []
    targets: list[ActorRef] = []
    passive = False
    current = verb
    for _ in range(5):
        kids = children.get(current, ())
        subj = [c for c in kids if tokens[c].dep in _SUBJECT]
        psubj = [c for c in kids if tokens[c].dep in _PASSIVE_SUBJECT]
        if current == verb and psubj:
            passive = True
            for c in psubj:
                targets.extend(actors.actors_at(c))
            for c in kids:
                if tokens[c].dep == "agent":
                    for g in children.get(c, ()):
                        sources.extend(actors.actors_at(g))
            break
        if subj:
            for c in subj:
                sources.extend(actors.actors_at(c))
            break
        tok = tokens[current]
        if tok.dep in _INHERIT_DEPS and tok.head != current:
            current = tok.head
            continue
        break
    if not passive:
        targets.extend(_objects(tokens, verb, children, actors, match))
    used = set(match.tokens)
    sources = [s for s in sources if s.head not in used]
    return _unique(sources), _unique(targets)


def _objects(
    tokens: Sequence[Token],
    verb: int,
    children: Mapping[int, Sequence[int]],
    actors: SentenceActors,
    match: VerbMatch,
) -> list[ActorRef]:
    marked = match.pattern.marker_prep("+") if match.pattern else None
    kids = children.get(verb, ())
    found: list[ActorRef] = []
    for c in kids:
        if tokens[c].dep in ("dobj", "dative", "iobj", "attr", "oprd"):
            found.extend(actors.actors_at(c))
    preps = [c for c in kids if tokens[c].dep == "prep"]
    objects = [c for c in kids if tokens[c].dep == "dobj"]
    for o in objects:
        preps.extend(c for c in children.get(o, ()) if tokens[c].dep == "prep")
    for prep in sorted(preps, key=lambda p: _prep_rank(tokens[p].text.lower(), marked)):
        word = tokens[prep].text.lower()
        if word not in _TARGET_PREPS and word != marked:
            continue
        for g in children.get(prep, ()):
            if tokens[g].dep in ("pobj", "pcomp"):
                found.extend(actors.actors_at(g))
    return found


def _prep_rank(word: str, marked: str | None) -> int:
    if marked and word == marked:
        return -1
    return _TARGET_PREPS.index(word) if word in _TARGET_PREPS else len(_TARGET_PREPS)


def _unique(refs: Sequence[ActorRef]) -> list[ActorRef]:
    seen: set[tuple[str, int]] = set()
    out: list[ActorRef] = []
    for r in refs:
        if (r.code, r.start) not in seen:
            seen.add((r.code, r.start))
            out.append(r)
    return out


def _event(
    doc_id: str,
    ps: ParsedSentence,
    ctx: CodingContext,
    code: str,
    src: ActorRef,
    tgt: ActorRef | None,
    match: VerbMatch,
    mode: Mode,
    date: _SentenceDate,
    location: Place | None,
) -> Event:
    tokens = ps.tokens
    text = ps.sentence.text
    info = ctx.ontology.get(code)
    trigger_tok = tokens[match.tokens[0]]
    trig_start = trigger_tok.idx
    trig_end = trig_start + len(trigger_tok.text)
    source = src.to_actor(tokens, text)
    target = tgt.to_actor(tokens, text) if tgt is not None else None
    key = "|".join([doc_id, str(ps.sentence.index), f"{trig_start}", source.code,
                    target.code if target else "", code])
    event_id = hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
    confidence = 0.45
    if match.pattern is not None:
        confidence += 0.15
    if target is not None:
        confidence += 0.15
    if src.kind in ("person", "country", "igo", "group"):
        confidence += 0.1
    if src.kind == "pronoun":
        confidence -= 0.1
    return Event(
        doc_id=doc_id,
        event_id=event_id,
        sentence_index=ps.sentence.index,
        sentence=text,
        sentence_span=ps.sentence.span,
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
        location=location,
        confidence=round(min(confidence, 0.95), 2),
        evidence=Evidence(trigger=trigger_tok.text, trigger_span=(trig_start, trig_end),
                          rule=match.rule),
    )


def _dedupe(events: Sequence[Event]) -> list[Event]:
    seen: set[str] = set()
    out: list[Event] = []
    for e in events:
        if e.event_id not in seen:
            seen.add(e.event_id)
            out.append(e)
    return out


def _dateline_place(clean: CleanDocument, kb: KnowledgeBase, date: dt.date | None) -> Place | None:
    if clean.dateline is None or not clean.dateline.place:
        return None
    name = clean.dateline.place
    words = name.split()
    m = kb.match(words, 0, date)
    country = m.entry.country if m is not None and m.length == len(words) else None
    return Place(name=name, country=country, lat=None, lon=None)
