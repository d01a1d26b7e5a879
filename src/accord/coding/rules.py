"""The coder's rules: what turns a candidate trigger into events, in the order they run.

A :class:`Candidate` is a trigger (a verb the dictionary codes, or an event noun) with what
the rules have settled so far: its code, mode, date, source and target actors. ``RULES``
(in :mod:`accord.coding.ruleset`) lists every rule in the order it runs; each is a
:class:`Rule`: a name, the trigger kinds it applies to, the candidate fields it reads and
writes, and a function that returns the candidate (maybe changed) or a :class:`Drop` with
its reason. :func:`run_rules` applies the list and records every rule that changed or
dropped a candidate: that trace is what ``accord explain`` prints.

This module holds the machinery only; the rules themselves live in
:mod:`accord.coding.ruleset`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import inspect
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from accord.coding.actor_records import ActorRef, Mention, Party, Told
from accord.coding.actors import SentenceActors
from accord.coding.nominal import NominalEvent
from accord.coding.verbs import VerbMatch
from accord.model import DatePrecision, DateSource, Mode, Place, Token

TriggerKind = Literal["verb", "noun"]


@dataclass(frozen=True, slots=True)
class SentenceDate:
    date: dt.date | None
    precision: DatePrecision | None
    source: DateSource


@dataclass(frozen=True, slots=True)
class Candidate:
    """One proposed event, as the rules have settled it so far."""

    kind: TriggerKind
    trigger: int
    """Token index of the trigger word in its sentence."""
    code: str
    """CAMEO code."""
    rule: str
    """The dictionary entry or noun rule that proposed it, with what later rules added
    ('+intent', '+counterpart')."""
    match: VerbMatch | None = None
    nominal: NominalEvent | None = None
    mode: Mode = Mode.ASSERTED
    date: SentenceDate | None = None
    sources: tuple[ActorRef, ...] = ()
    targets: tuple[ActorRef, ...] = ()
    mutual: bool = False
    """Each source acts towards the others ("France and Germany agreed ...")."""
    claims: tuple[int, ...] = ()
    """Tokens of a verb pattern that found no source: an event noun among them takes the
    pattern's code ("talks collapsed")."""
    reverse: str | None = None
    """The code of the same act told from the target's side where a rule settled it
    ('the protesters clashed with the police': 145, and back 175); else a paired
    dictionary code ([190:190]) applies."""


_FIELDS = dataclasses.fields(Candidate)
FIELDS = frozenset(f.name for f in _FIELDS) - {"kind", "trigger", "match", "nominal"}
"""Candidate fields a rule may declare it reads or writes: all but what identifies the
trigger (its kind, its token, the dictionary match or noun event that proposed it)."""


@dataclass(frozen=True, slots=True)
class Drop:
    """A rule's verdict that the candidate is no event, and why."""

    reason: str
    claims: tuple[int, ...] = ()
    consumes: bool = False
    """The pattern's words are decided: no event noun among them codes an event of its
    own ('held rallies' by a government is no protest, nor are its 'rallies')."""


Verdict = Candidate | Drop


@dataclass(frozen=True, slots=True)
class Clause:
    """What the rules may read about the sentence of a candidate (built once per sentence).

    ``actors`` caches what it has resolved; everything else is read-only."""

    tokens: Sequence[Token]
    children: Mapping[int, Sequence[int]]
    actors: SentenceActors
    mentions: Sequence[Mention]
    dates: Mapping[int, SentenceDate]
    """Date expressions keyed by the verb that governs them."""
    sentence_date: SentenceDate
    place: Place | None
    """The place the sentence names, if any."""
    home: str | None
    """The dateline's country."""
    publication: dt.date | None
    include_all_modes: bool
    include_statements: bool
    frames_reframe: Callable[[str, str], str]
    claimed: Mapping[int, VerbMatch] = dataclasses.field(default_factory=dict)
    """Tokens claimed by verb patterns that found no source (for the noun rules)."""
    verb_roots: frozenset[str] = frozenset()
    """CAMEO roots of the events the sentence's verbs code (for the noun rules)."""
    pair: tuple[Party, Party] | None = None
    """The two parties of the latest bilateral meeting or call in the document, this
    sentence's included (for the target rules)."""
    pair_age: int | None = None
    """Sentences since that meeting or call was reported (0: this one)."""
    attacked: Party | None = None
    """The target of the latest use of force (roots 18-20) the document reported with a
    target, this sentence's included: what 'the attack' refers back to (target rules)."""
    attacker: Party | None = None
    """The source of that use of force: whom censure of 'the attack' is aimed at."""
    told_years_back: frozenset[int] = frozenset()
    """In a story with no date: the verbs whose own time expression tells the act a year
    or more back ('last year', 'two years ago'; sentence_dates.told_years_back)."""
    told: tuple[Told, ...] = ()
    """The acts with a target the document reported before this sentence, latest last
    (what 'the accusation' or 'the request' answered here refers back to)."""
    sport: bool = False
    """The sentence, or the story it belongs to, is about sport (coding.domain)."""
    first: bool = False
    """The document's first coded sentence: its lead (a separate title is not coded)."""
    countries_named: bool = True
    """The document has named a country's actor so far (this sentence included)."""


RuleFn = Callable[[Candidate, Clause], Verdict]


@dataclass(frozen=True, slots=True)
class Rule:
    """One named step of the coder: a pure function of a candidate and its clause."""

    name: str
    kinds: frozenset[TriggerKind]
    reads: tuple[str, ...]
    writes: tuple[str, ...]
    apply: RuleFn

    def __post_init__(self) -> None:
        unknown = (set(self.reads) | set(self.writes)) - FIELDS
        if unknown:
            raise ValueError(f"rule {self.name}: unknown candidate fields {sorted(unknown)}")

    @property
    def doc(self) -> str:
        return inspect.getdoc(self.apply) or ""


def rule(
    name: str,
    kinds: Sequence[TriggerKind],
    reads: Sequence[str] = (),
    writes: Sequence[str] = (),
) -> Callable[[RuleFn], Rule]:
    """Declare a rule: ``@rule("name", ["verb"], reads=[...], writes=[...])``."""

    def wrap(fn: RuleFn) -> Rule:
        return Rule(name, frozenset(kinds), tuple(reads), tuple(writes), fn)

    return wrap


@dataclass(frozen=True, slots=True)
class Step:
    """What one rule did to one candidate: changed some fields, or dropped it."""

    rule: str
    verdict: str
    """'dropped: <reason>' or 'set <field>, <field>'."""


@dataclass(frozen=True, slots=True)
class Outcome:
    """A candidate after the rules: where it stands, the drop that ended it, the trace."""

    candidate: Candidate
    """The candidate as the last rule that ran left it."""
    dropped: Drop | None
    steps: tuple[Step, ...]


def run_rules(
    cand: Candidate, clause: Clause, rules: Sequence[Rule], *, trace: bool = True
) -> Outcome:
    """Apply ``rules`` in order to one candidate; stop at the first that drops it. With
    ``trace`` the outcome lists every rule that changed or dropped the candidate (for
    ``accord explain``); without it only the drop is named (cheaper)."""
    steps: list[Step] = []
    for r in rules:
        if cand.kind not in r.kinds:
            continue
        verdict = r.apply(cand, clause)
        if isinstance(verdict, Drop):
            steps.append(Step(r.name, f"dropped: {verdict.reason}"))
            return Outcome(cand, verdict, tuple(steps))
        if verdict is not cand:
            if trace:
                changed = [
                    f.name for f in _FIELDS if getattr(verdict, f.name) != getattr(cand, f.name)
                ]
                if changed:
                    steps.append(Step(r.name, "set " + ", ".join(changed)))
            cand = verdict
    return Outcome(cand, None, tuple(steps))


def describe(rules: Sequence[Rule]) -> str:
    """The rule list as text: name, trigger kinds, reads -> writes, the docstring's first
    sentence."""
    lines = []
    for n, r in enumerate(rules, start=1):
        text = " ".join(r.doc.split())
        cut = text.find(". ")
        first = text if cut < 0 else text[: cut + 1]
        kinds = "/".join(sorted(r.kinds))
        lines.append(
            f"{n:2}. {r.name} [{kinds}] {', '.join(r.reads) or '-'} -> "
            f"{', '.join(r.writes) or 'verdict'}: {first}"
        )
    return "\n".join(lines)


__all__ = [
    "Candidate",
    "Clause",
    "Drop",
    "Outcome",
    "Rule",
    "SentenceDate",
    "Step",
    "Verdict",
    "describe",
    "rule",
    "run_rules",
]
