"""Event assembly: parsed sentences -> coded :class:`Event` records.

For every sentence the verb dictionary proposes candidate triggers (the verbs it codes)
and the event nouns add theirs ("Xi's phone call with Trump"); each candidate runs
through the coder's rules in order (:mod:`accord.coding.ruleset`: mode, commitments,
date, source and target actors, ...). A kept candidate gives one event per (source,
target) pair of distinct actors (a paired dictionary code such as [042:043] also the
reverse event). What earlier sentences said (the people named, the latest bilateral
meeting, the date in force) is carried in a per-document state.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from accord.coding.actor_phrases import entity_name, name_words
from accord.coding.actor_records import ActorRef, KnowledgeBase, Mention, Party, Told, names_body
from accord.coding.actors import SentenceActors
from accord.coding.arguments import distinct
from accord.coding.commitment import drop_bare_commitments
from accord.coding.confidence import ConfidenceModel
from accord.coding.domain import sport_sentence, sport_story
from accord.coding.location import SentencePlaces, StoryPlaces, place_event, sentence_places
from accord.coding.mentions import (
    aimed_at,
    credible,
    find_mentions,
    foreign_acronyms,
    nationality_only,
    regional_namesakes,
    stance_only,
    undefined_here,
)
from accord.coding.nominal import action_events, crowd_events, nominal_events
from accord.coding.ontology import VIOLENT_ROOTS
from accord.coding.patterns import SUBJECT_DEPS
from accord.coding.place_words import place_words
from accord.coding.places import Gazetteer
from accord.coding.rules import (
    Candidate,
    Clause,
    Outcome,
    SentenceDate,
    run_rules,
)
from accord.coding.ruleset import RULES, TARGET_RULES
from accord.coding.sentence_dates import (
    StoryDate,
    attached_dates,
    carried_date,
    story_date,
    told_years_back,
)
from accord.coding.sentence_events import (
    dedupe,
    one_act_per_chain,
    one_meeting_place,
    outlived,
    struck_abroad,
)
from accord.coding.source_rules import needs_source
from accord.coding.story import dateline_place, main_country, paragraph_starts, story_place
from accord.coding.story_time import noted_roles, story_office_time
from accord.coding.target_rules import opens_pair
from accord.coding.tracing import Decision, Tracer
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

PRONOUN_WINDOW = 2
LEAD_SENTENCES = 3
"""The sentences of a story's lead, where it says where it is set."""
TOLD_MEMORY = 30
"""How many of the latest targeted acts a document keeps for the sentences that answer them."""
REPORTER_ROLE = "MED"
"""A news organisation the sentence names ('according to NPR') says who reported, not
where the sentence happens: its country places no role word ('the police')."""
"""A person pronoun with no antecedent in its own sentence refers back at most this many
sentences (further back, 'he' in an interview is too often someone the coder did not
resolve)."""


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
    include_statements: bool = False
    confidence: ConfidenceModel = field(default_factory=ConfidenceModel.load)


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
    # an undated story's actors as of the time its people held office (story_time)
    timed = None if doc.date else story_office_time(parsed, ctx.kb, dt.date.today())
    roles_date = doc.date or timed
    named = {ps.sentence.index: find_mentions(ps.tokens, ctx.kb, roles_date) for ps in parsed}
    acronyms = {a for ps in parsed for a in foreign_acronyms(ps.tokens, named[ps.sentence.index])}
    if acronyms:  # "the Electronic Frontier Foundation (EFF)": not the KB's EFF anywhere
        named = {
            ps.sentence.index: undefined_here(ps.tokens, named[ps.sentence.index], acronyms)
            for ps in parsed
        }
    sporting = {ps.sentence.index for ps in parsed if sport_sentence(ps.tokens)}
    state = _DocState(
        publication=doc.date,
        roles_date=roles_date,
        location=dateline_place(clean, ctx.places, ctx.kb, roles_date),
        sport=sport_story(parsed, sporting),
        sporting=frozenset(sporting),
        main=main_country(
            credible(ps.tokens, named[ps.sentence.index], {}) for ps in parsed
        ),  # not 'Jonathan P. Blair' as Tony Blair: the people the coder itself discards
        named=named,
        acronyms=acronyms,
        paragraph_starts=paragraph_starts(clean),
        story=story_date(doc.title, parsed, doc.date),
        story_place=story_place(
            [ps for ps in parsed if ps.sentence.index < LEAD_SENTENCES], named, ctx.places
        ),
    )
    events: list[Event] = []
    for ps in parsed:
        events.extend(_code_sentence(doc.id, ps, ctx, state, trace))
    if timed is not None:
        events = noted_roles(events, timed)
    events = outlived(events, doc.title, ctx.kb, keep=ctx.include_all_modes)
    return tuple(dedupe(state.story_places.place_ahead(events)))


@dataclass(slots=True)
class _DocState:
    """What one document's earlier sentences tell later ones (local to one call)."""

    publication: dt.date | None
    location: Place | None
    roles_date: dt.date | None = None
    """The date the knowledge base resolves the story's actors on, where a sentence has
    no date of its own: the publication date, or for an undated story the time its
    people held office (:func:`office_time`); None: today."""
    sport: bool = False
    """The story is a sports report (coding.domain)."""
    last_person: ActorRef | None = None
    last_person_sentence: int = -1
    countries: set[str] = field(default_factory=set)
    """Countries of the actors named so far: they settle ambiguous place names."""
    main: str | None = None
    """The country the document is mostly about (:func:`main_country`)."""
    named: dict[int, list[Mention]] = field(default_factory=dict)
    """Knowledge-base mentions of each sentence, as of the publication date."""
    sporting: frozenset[int] = frozenset()
    """Indices of the sentences that hold a sport word."""
    people: dict[str, ActorRef] = field(default_factory=dict)
    bodies: dict[str, ActorRef] = field(default_factory=dict)
    """The latest body named with its country, by its role word ('embassy')."""
    pair: tuple[Party, Party] | None = None
    """The two parties of the latest bilateral meeting or call: what "both sides" means."""
    pair_sentence: int = -1
    attacked: Party | None = None
    """The target of the latest use of force the document reported with a target."""
    attacker: Party | None = None
    """The source of that use of force."""
    told: list[Told] = field(default_factory=list)
    """The acts with a target the document reported, latest last (coding.target_rules)."""
    acronyms: set[str] = field(default_factory=set)
    """Acronyms the document defines for names the knowledge base does not hold."""
    story_places: StoryPlaces = field(default_factory=StoryPlaces)
    """The places the story named and where it placed its actors (coding.location)."""
    story_place: str | None = None
    """The country of the first place the story's lead names: where the story is set, as a
    dateline would say (a later 'a similar fire in Cork, Ireland' does not move it)."""
    dated: dict[tuple[str | None, str | None, str], SentenceDate] = field(default_factory=dict)
    """Dates the text gave to events so far, by (source country, target country, root)."""
    paragraph_starts: frozenset[int] = frozenset()
    """Indices of the sentences that open a paragraph."""
    carry: SentenceDate | None = None
    """The text's own date of the previous sentence's main verb: what a past-tense
    sentence right after it, in the same paragraph, goes on telling (:func:`carried_date`;
    never on to a third sentence)."""
    carry_sentence: int = -1
    """The index of that sentence (one the prefilter skipped breaks the chain too)."""
    story: StoryDate | None = None
    """When the story's events happened, by its title or lead (:func:`story_date`): what
    an undated sentence takes before the publication date."""

    def fallback_date(self) -> SentenceDate:
        if self.publication is not None:
            return SentenceDate(self.publication, DatePrecision.DAY, DateSource.PUBLICATION)
        return SentenceDate(None, None, DateSource.NONE)


@dataclass(frozen=True, slots=True)
class _Sentence:
    """Per-sentence constants shared by every event built from one sentence."""

    doc_id: str
    ps: ParsedSentence
    ctx: CodingContext
    places: SentencePlaces | None
    """The places this sentence offers its events (coding.location)."""


def _force_without_source(out: Outcome) -> Party | None:
    """The target of an act of force the text reports without saying who used it ('oil
    facilities belonging to Saudi Aramco were hit by multiple drone strikes'): no event,
    yet what a later 'claimed responsibility for the attacks' refers back to."""
    c = out.candidate
    if out.dropped is None or not out.steps or out.steps[-1].rule != needs_source.name:
        return None
    if c.code[:2] not in VIOLENT_ROOTS or c.mode is not Mode.ASSERTED:
        return None
    t = next((t for t in c.targets if t.country), None)
    return None if t is None else Party(t.code, t.country, t.role, t.name)


def _code_sentence(
    doc_id: str,
    ps: ParsedSentence,
    ctx: CodingContext,
    state: _DocState,
    trace: list[Decision] | None = None,
) -> list[Event]:
    tokens = ps.tokens
    tracer = Tracer(trace, ps)
    clause = _clause(ps, ctx, state)
    if (
        clause.place is not None
        and clause.place.country is not None
        and state.story_place is None
        and ps.sentence.index < LEAD_SENTENCES
    ):
        state.story_place = clause.place.country
    national = [
        (m.end - 1, m.entry.country)
        for m in clause.mentions
        if m.entry.kind == "country" and m.entry.country is not None
    ]
    places = sentence_places(
        tokens, ctx.places, state.countries, state.location, state.story_places, national
    )
    here = _Sentence(doc_id, ps, ctx, places)
    kept: list[Candidate] = []
    used: set[int] = set()
    claimed: dict[int, VerbMatch] = {}
    for tok in tokens:
        if tok.pos != "VERB" and not (tok.pos == "AUX" and tok.dep == "ROOT"):
            continue
        match = ctx.verbs.match(tokens, tok.i, clause.children)
        if match is None:
            why = "no code for this use" if ctx.verbs.has_verb(tok.lemma) else "not in dictionary"
            tracer.unmatched(tok.i, why)
            continue
        cand = Candidate("verb", tok.i, match.code, match.rule, match=match)
        out = run_rules(cand, clause, RULES, trace=tracer.on)
        tracer.outcome(out)
        if out.dropped is None:
            used.update(match.tokens)
            kept.append(out.candidate)
        elif out.dropped.consumes:
            used.update(match.tokens)
        else:
            for k in out.dropped.claims:
                claimed.setdefault(k, match)
        struck = _force_without_source(out)
        if struck is not None:
            state.attacked, state.attacker = struck, None
    with_claims = dataclasses.replace(
        clause, claimed=claimed, verb_roots=frozenset(c.code[:2] for c in kept)
    )
    found = nominal_events(tokens, clause.children, clause.actors, used)
    found += action_events(tokens, clause.children, clause.actors, used)
    staged = {n.noun for n in found}
    found += [
        n
        for n in crowd_events(tokens, clause.children, clause.actors, used)
        if n.noun not in staged
    ]
    for nominal in found:
        first, *others = nominal.participants
        cand = Candidate(
            "noun",
            nominal.noun,
            nominal.code,
            nominal.rule,
            nominal=nominal,
            sources=(first,),
            targets=tuple(others),
            mutual=nominal.symmetric,
        )
        out = run_rules(cand, with_claims, RULES, trace=tracer.on)
        tracer.outcome(out)
        if out.dropped is None:
            kept.append(out.candidate)
    events: list[Event] = []
    untargeted: list[Candidate] = []
    for cand in kept:
        events.extend(_expand(here, cand, untargeted))
    _remember(state, tokens, clause.actors, ps.sentence.index)
    for e in events:
        t = e.target
        if opens_pair(e.cameo) and t and t.country and e.source.country != t.country:
            state.pair = (Party.of(e.source), Party.of(t))
            state.pair_sentence = ps.sentence.index
        if e.cameo[:2] in VIOLENT_ROOTS and t and t.country and e.mode is Mode.ASSERTED:
            state.attacked = Party.of(t)
            state.attacker = Party.of(e.source)
    late = dataclasses.replace(
        clause,
        pair=state.pair,
        pair_age=ps.sentence.index - state.pair_sentence if state.pair else None,
        attacked=state.attacked,
        attacker=state.attacker,
        told=tuple(state.told),
    )
    for cand in untargeted:
        out = run_rules(cand, late, TARGET_RULES, trace=tracer.on)
        tracer.more_steps(cand.trigger, out.steps, out.dropped)
        if out.dropped is not None:
            continue
        done = out.candidate
        target = done.targets[0] if done.targets else None
        events.append(_event(here, done, done.code, done.sources[0], target))
    events = one_meeting_place(one_act_per_chain(list(events), tokens))
    state.story_places.remember_events(
        [(e.source, e.location) for e in events if not struck_abroad(e)]
    )
    state.told.extend(
        Told(e.cameo[:2], Party.of(e.source), Party.of(e.target))
        for e in events
        if e.target is not None and e.mode is Mode.ASSERTED
    )
    del state.told[:-TOLD_MEMORY]
    return _coreferent_dates(drop_bare_commitments(events, tokens), state)


def _coreferent_dates(events: list[Event], state: _DocState) -> list[Event]:
    """An event the text does not date, that the story reported earlier with a date (the
    same source and target countries, the same root), takes that date: "Xi held talks
    with Putin on Wednesday. In a virtual meeting with President Putin, Xi reviewed ..."
    Other undated events keep the story's date (date source 'story' or 'publication')."""
    out: list[Event] = []
    for e in events:
        key = (e.source.country, e.target.country if e.target else None, e.cameo[:2])
        if e.date_source is DateSource.TEXT and e.mode is Mode.ASSERTED:
            state.dated.setdefault(key, SentenceDate(e.date, e.date_precision, e.date_source))
        elif e.date_source in (DateSource.PUBLICATION, DateSource.STORY) and key in state.dated:
            d = state.dated[key]
            e = dataclasses.replace(
                e,
                date=d.date,
                date_precision=d.precision,
                date_source=d.source,
                evidence=dataclasses.replace(e.evidence, rule=f"{e.evidence.rule}+coreferent"),
            )
        out.append(e)
    return out


def _clause(ps: ParsedSentence, ctx: CodingContext, state: _DocState) -> Clause:
    """What the rules may read about one sentence (and the countries it adds to those
    seen so far in the document)."""
    tokens = ps.tokens
    children = children_of(tokens)
    dates = attached_dates(ps, state.publication)
    root_date = next((d for v, d in dates.items() if tokens[v].dep == "ROOT"), None)
    index = ps.sentence.index
    carried = state.carry if state.carry_sentence == index - 1 else None
    state.carry, state.carry_sentence = root_date, index
    if root_date is None:
        same_paragraph = index not in state.paragraph_starts
        root_date = carried_date(carried, tokens, same_paragraph=same_paragraph)
    if root_date is None and state.story is not None:
        root_date = state.story.for_sentence(tokens)
    sentence_date = root_date or state.fallback_date()
    found = state.named.get(ps.sentence.index)
    roles_date = sentence_date.date or state.roles_date
    if found is None or roles_date != state.roles_date:
        found = undefined_here(tokens, find_mentions(tokens, ctx.kb, roles_date), state.acronyms)
    mentions = regional_namesakes(tokens, credible(tokens, found, state.people))
    state.countries.update(m.entry.country for m in mentions if m.entry.country)
    place = None
    if ctx.places is not None:
        places = ctx.places.find_in_sentence(tokens, state.countries)
        place = places[0] if places else None
    home = state.location.country if state.location else None
    named = {
        m.entry.country
        for m in mentions
        if m.entry.country
        and m.entry.role != REPORTER_ROLE
        and not nationality_only(m, tokens)
        and not stance_only(m, tokens)
        and not aimed_at(m, tokens)
    }
    recent = ps.sentence.index - state.last_person_sentence <= PRONOUN_WINDOW
    actors = SentenceActors(
        tokens,
        [m for m in mentions if not stance_only(m, tokens)],  # 'an anti-Syria journalist'
        children,
        state.last_person if recent else None,
        state.people,
        home,
        place.country if place else None,
        next(iter(named)) if len(named) == 1 else None,
        state.pair,
        state.main,
        state.story_place,
        state.bodies,
        places=place_words(tokens, ctx.places, state.countries),
    )
    return Clause(
        tokens=tokens,
        children=children,
        actors=actors,
        mentions=mentions,
        dates=dates,
        sentence_date=sentence_date,
        place=place,
        home=home,
        publication=state.publication,
        include_all_modes=ctx.include_all_modes,
        include_statements=ctx.include_statements,
        frames_reframe=ctx.verbs.frames.reframe,
        sport=state.sport or ps.sentence.index in state.sporting,
        first=ps.sentence.index == 0,
        countries_named=bool(state.countries),
        attacked=state.attacked,
        attacker=state.attacker,
        told_years_back=told_years_back(ps) if state.publication is None else frozenset(),
    )


def _expand(here: _Sentence, cand: Candidate, untargeted: list[Candidate]) -> list[Event]:
    """The events of one kept candidate: one per (source, target) pair; joint parties
    towards each other; a paired dictionary code ([042:043]) also the reverse way. A
    source left without a target goes to ``untargeted``, for the target rules."""
    out: list[Event] = []
    code = cand.code
    if cand.mutual and cand.kind == "verb":
        for src in cand.sources:
            for other in cand.sources:
                if other.code != src.code:
                    out.append(_event(here, cand, code, src, other))
        return out
    match = cand.match
    for src in cand.sources:
        tgts = [t for t in cand.targets if cand.kind == "noun" or distinct(src, t)]
        if not tgts:
            untargeted.append(dataclasses.replace(cand, sources=(src,), targets=()))
            continue
        for tgt in tgts:
            out.append(_event(here, cand, code, src, tgt))
            if cand.kind == "noun" and cand.mutual:
                out.append(_event(here, cand, code, tgt, src))
            elif cand.reverse is not None:
                out.append(_event(here, cand, cand.reverse, tgt, src))
            elif match is not None and match.code2 and code == match.code:
                out.append(_event(here, cand, match.code2, tgt, src))
    return out


def _remember(
    state: _DocState, tokens: Sequence[Token], actors: SentenceActors, index: int
) -> None:
    """Carry the people named in this sentence to later ones (pronouns, surnames).

    Dates are not carried: an event with no date expression of its own takes the story's
    date, never the last date an earlier sentence happened to mention."""
    state.bodies.update(actors.bodies())
    people = actors.people()
    subjects = [p for p in people if tokens[p.head].dep in SUBJECT_DEPS]
    if subjects or people:
        state.last_person = (subjects or people)[-1]
        state.last_person_sentence = index
    for p in people:
        named = name_words(p.name or "")
        own, span = entity_name(tokens, p.head)
        first = span.start if span else p.head
        while (
            first > 0 and tokens[first - 1].pos == "PROPN" and tokens[first - 1].dep == "compound"
        ):
            first -= 1  # 'Amit Yoran' where the recogniser marks only 'Yoran'
        if p.kind != "person" and not any(actors.known(k) for k in range(first, p.head + 1)):
            # a name the apposition gave a body ('X, the head of Y'), not one the
            # knowledge base read in the name itself ('Amit Yoran' is no 'AMIT')
            named += name_words(own)
        for word in named:
            state.people.pop(word, None)  # re-insert: the dict's order is recency
            state.people[word] = p


def _event(
    here: _Sentence, cand: Candidate, code: str, src: ActorRef, tgt: ActorRef | None
) -> Event:
    tokens = here.ps.tokens
    text = here.ps.sentence.text
    info = here.ctx.ontology.get(code)
    trigger_tok = tokens[cand.trigger]
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
    date = cand.date or SentenceDate(None, None, DateSource.NONE)
    location, placed = place_event(
        here.places,
        cand.trigger,
        code,
        info.quad_class,
        source,
        target,
        body=names_body(src, tokens),
    )
    event = Event(
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
        mode=cand.mode,
        location=location,
        confidence=0.0,
        evidence=Evidence(
            trigger=trigger_tok.text,
            trigger_span=(trig_start, trig_end),
            rule=cand.rule
            + src.inferred("source")
            + (tgt.inferred("target") if tgt else "")
            + placed,
        ),
    )
    return dataclasses.replace(event, confidence=here.ctx.confidence.of(event))
