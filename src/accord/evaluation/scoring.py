"""Run a coder (or an actor resolver) over a gold set and score what it returns.

Event items are compared as follows (all codes upper-cased, HTML entities undone):

* ``dyad_root``: (source country, target country, CAMEO root), where a country is the first
  three characters of an actor code (so international organisations compare as ``IGO``);
* ``code``: (source code, target code, full CAMEO code), exactly;
* ``root``: the CAMEO root alone (first two digits);
* ``plover``: (source country, PLOVER type), and ``plover_type``: the PLOVER type alone. These two
  drop the target, so they are compared as sets per record: a gold compound expanded into one
  event per target does not ask the coder for duplicate events.
* ``dyad_type``, the headline: the whole dyad (source country, target country, type), the type
  being the PLOVER type where the record's gold has one and the CAMEO root otherwise, exactly as
  the reference scorer's ``sentgold`` counts it (:mod:`accord.evaluation.reference`): every
  output event counts, duplicates included, and it is summed over every scored record (the
  non-CAMEO test-code records of the PETRARCH sets too).

A gold actor that is null was not coded and matches any system actor (the CAMEO codebook
examples, with both null, are thereby scored on the code alone). Items are matched one-to-one,
maximally, per record; an empty gold ``events`` list makes every system event a false positive.
Records marked ``evaluate: false`` or ``expects_error``, records in the project's exclusion list
and records of the other half (:class:`~accord.evaluation.inputs.Scope`) are not scored.
"""

from __future__ import annotations

import datetime as dt
import html
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

from accord.errors import UsageError
from accord.evaluation.actors import ActorResolver, evaluate_actors
from accord.evaluation.calibration import reliability
from accord.evaluation.documents import evaluate_documents
from accord.evaluation.gold import GoldEvent, GoldRecord, GoldSet
from accord.evaluation.inputs import DocumentCoder, RecordedEvents, Scope, recorded_coder
from accord.evaluation.matching import Counts, Matching, Tally, match
from accord.evaluation.reference import GoldTriple, whole_dyad_counts, whole_dyad_right
from accord.evaluation.results import (
    ACCURACY_LABELS,
    CAMEO_ROOTS,
    AccuracyScore,
    EvalReport,
    Figure,
    GroupScore,
    Headline,
    MetricScore,
    RecordOutcome,
    RootRow,
    headline_from,
)
from accord.model import Actor, Event, Mode

Coder = Callable[[str, dt.date | None], Sequence[Event]]
"""Codes one text (a sentence; a whole story for document-level sets) into events."""

Key = tuple[str | None, ...]

METRIC_LABELS: Mapping[str, str] = MappingProxyType(
    {
        "dyad_type": "whole dyad (src, tgt country, type)",
        "dyad_root": "dyad+root (src country, tgt country, root)",
        "code": "code (src code, tgt code, full code)",
        "root": "root only (multiset of roots)",
        "plover": "PLOVER (src country, type)",
        "plover_type": "PLOVER type only",
    }
)
GROUP_LABELS: Mapping[str, str] = MappingProxyType(
    {
        "all": "all scored records",
        "real": "records with real-name actors",
        "fictional": "records with fictional actors (expected to fail without test dictionaries)",
        "non_cameo": "records with non-CAMEO test codes (reported apart)",
    }
)
_ROOT_CODES = frozenset(root for root, _ in CAMEO_ROOTS)
_EVERY_RECORD = frozenset({"dyad_type"})
"""Metrics that group 'all' sums over every scored record, as the reference scorer does."""


def evaluate(
    gold: GoldSet,
    coder: Coder | RecordedEvents | None = None,
    resolver: ActorResolver | None = None,
    *,
    documents: DocumentCoder | None = None,
    include_all_modes: bool = False,
    scope: Scope | None = None,
) -> EvalReport:
    """Score ``coder`` (event sets), ``resolver`` (actor sets) or ``documents`` (document
    sets) against ``gold``, on the records ``scope`` selects (default: all).

    ``coder`` may be :class:`RecordedEvents` (events coded beforehand, by record or document
    id; every one counts). A call that raises counts as a miss and is listed as an error;
    evaluation goes on. Only events whose mode is 'asserted' count unless
    ``include_all_modes``.
    """
    chosen = scope or Scope()
    if gold.kind == "actors":
        if resolver is None:
            raise UsageError(f"{gold.name} is an actor-resolution set: it needs a resolver")
        return evaluate_actors(gold, resolver, chosen)
    if gold.kind == "documents":
        if documents is None and isinstance(coder, RecordedEvents):
            documents = recorded_coder(coder)
        if documents is None:
            raise UsageError(f"{gold.name} is a document set: it needs its corpus coded")
        return evaluate_documents(gold, documents, chosen)
    if coder is None:
        raise UsageError(f"{gold.name} is an event set: it needs a coder")
    return _evaluate_events(gold, coder, include_all_modes, chosen)


# -- event sets --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Plan:
    """Which measures a set supports, decided once from its gold events."""

    cameo: bool
    dyads: bool
    plover: bool
    plover_dyads: bool
    petrarch: bool
    silver: bool

    @classmethod
    def of(cls, gold: GoldSet) -> _Plan:
        events = [e for r in gold.records for e in r.events]
        coded = [e for e in events if e.code is not None]
        plover = any(e.plover is not None for e in events)
        return cls(
            # A set of nothing but "no event" records is still scored as CAMEO.
            cameo=bool(coded) or not plover,
            dyads=not coded or any(e.source or e.target for e in coded),
            plover=plover,
            plover_dyads=any(e.plover is not None and e.source for e in events),
            petrarch=gold.family == "petrarch",
            silver=gold.family == "plover_silver",
        )


@dataclass(slots=True)
class _Scored:
    """One record's tallies (working state, local to one evaluation)."""

    counts: dict[str, Counts] = field(default_factory=dict)
    tallies: dict[str, Tally] = field(default_factory=dict)
    roots: list[tuple[str, int, int, int]] = field(default_factory=list)
    missed: tuple[str, ...] = ()
    false_alarms: tuple[str, ...] = ()
    correct: bool | None = None
    calibration: list[tuple[float, bool]] = field(default_factory=list)
    """(confidence, right by the whole-dyad match) for each output event."""


def normalise_code(code: str | None) -> str | None:
    """Comparable form of an actor or event code: HTML entities undone, trimmed, upper-case."""
    if code is None:
        return None
    value = html.unescape(code).strip().upper()
    return value or None


def _country(code: str | None) -> str | None:
    return code[:3] if code else None


def _root(code: str | None) -> str:
    return (code or "")[:2]


def _actor_code(actor: Actor | None) -> str | None:
    if actor is None:
        return None
    return normalise_code(actor.code) or normalise_code(actor.country)


def _fits(gold: Key, system: Key) -> bool:
    """Gold None is a wildcard (an uncoded actor); everything else must be equal."""
    return all(g is None or g == s for g, s in zip(gold, system, strict=True))


def _gold_label(e: GoldEvent) -> str:
    label = f"{e.source or '*'} -> {e.target or '*'} {e.code or ''}".rstrip()
    return f"{label} [{e.plover}]" if e.plover else label


def _system_label(e: Event) -> str:
    label = f"{_actor_code(e.source) or '?'} -> {_actor_code(e.target) or '-'} {e.cameo}"
    return f"{label} [{e.plover}]" if e.plover else label


def _run_coder(
    coder: Coder | RecordedEvents, record: GoldRecord, include_all_modes: bool
) -> tuple[tuple[Event, ...], int, str | None]:
    if isinstance(coder, RecordedEvents):
        return coder.get(record.id), 0, None
    try:
        produced = tuple(coder(record.text, record.date))
    except Exception as exc:  # a failing record is a miss, not the end of the run
        return (), 0, f"{type(exc).__name__}: {exc}"
    strays = [type(e).__name__ for e in produced if not isinstance(e, Event)]
    if strays:
        return (), 0, f"coder returned {strays[0]}, not Event"
    kept = produced if include_all_modes else tuple(e for e in produced if e.mode == Mode.ASSERTED)
    return kept, len(produced) - len(kept), None


def _labelled(
    m: Matching, gold_labels: Sequence[str], system_labels: Sequence[str]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    return tuple(gold_labels[i] for i in m.missed), tuple(system_labels[j] for j in m.false_alarms)


def _dedupe(items: Sequence[tuple[Key, str]]) -> list[tuple[Key, str]]:
    seen: dict[Key, str] = {}
    for key, label in items:
        seen.setdefault(key, label)
    return list(seen.items())


def _score_cameo(record: GoldRecord, events: Sequence[Event], plan: _Plan, out: _Scored) -> None:
    golds = [
        (e, normalise_code(e.source), normalise_code(e.target), normalise_code(e.code))
        for e in record.events
    ]
    systems = [
        (e, _actor_code(e.source), _actor_code(e.target), normalise_code(e.cameo)) for e in events
    ]
    g_labels = [_gold_label(g[0]) for g in golds]
    s_labels = [_system_label(s[0]) for s in systems]
    by_metric: dict[str, Matching] = {}
    if plan.dyads:
        by_metric["dyad_root"] = match(
            [(_country(s), _country(t), _root(c)) for _, s, t, c in golds],
            [(_country(s), _country(t), _root(c)) for _, s, t, c in systems],
            _fits,
        )
    by_metric["code"] = match([g[1:] for g in golds], [s[1:] for s in systems], _fits)
    by_metric["root"] = match(
        [_root(g[3]) for g in golds], [_root(s[3]) for s in systems], str.__eq__
    )
    for key, m in by_metric.items():
        out.counts[key] = m.counts
    root_match = by_metric["root"]
    correct = not root_match.missed if record.events else not events
    out.tallies["root_recall_records"] = Tally(int(correct), 1)
    gold_roots = Counter(_root(g[3]) for g in golds)
    system_roots = Counter(_root(s[3]) for s in systems)
    out.tallies["root_exact"] = Tally(int(gold_roots == system_roots), 1)
    tp_roots = Counter(_root(golds[i][3]) for i, _ in root_match.pairs)
    out.roots = [
        (r, gold_roots[r], system_roots[r], tp_roots[r])
        for r in sorted(set(gold_roots) | set(system_roots))
    ]
    headline = "root" if not plan.dyads else "dyad_root"
    if plan.petrarch:
        gold_set = {g[1:] for g in golds}
        system_set = {s[1:] for s in systems}
        passed = gold_set == system_set
        out.tallies["passed"] = Tally(int(passed), 1)
        out.correct = passed
        out.missed = tuple(
            sorted({g_labels[i] for i, g in enumerate(golds) if g[1:] not in system_set})
        )
        out.false_alarms = tuple(
            sorted({s_labels[j] for j, s in enumerate(systems) if s[1:] not in gold_set})
        )
        return
    out.missed, out.false_alarms = _labelled(by_metric[headline], g_labels, s_labels)
    out.correct = correct if not plan.dyads else None


def _score_plover(record: GoldRecord, events: Sequence[Event], plan: _Plan, out: _Scored) -> None:
    def ptype(value: str | None) -> str | None:
        return value.strip().upper() if value else None

    claimed = [e for e in events if e.plover]
    gold_pairs = _dedupe(
        [
            ((_country(normalise_code(e.source)), ptype(e.plover)), _gold_label(e))
            for e in record.events
        ]
    )
    sys_pairs = _dedupe(
        [((_country(_actor_code(e.source)), ptype(e.plover)), _system_label(e)) for e in claimed]
    )
    gold_types = _dedupe([((k[1],), f"[{k[1]}]") for k, _ in gold_pairs])
    sys_types = _dedupe([((k[1],), f"[{k[1]}]") for k, _ in sys_pairs])
    type_match = match([k for k, _ in gold_types], [k for k, _ in sys_types], _fits)
    out.counts["plover_type"] = type_match.counts
    if plan.plover_dyads:
        pair_match = match([k for k, _ in gold_pairs], [k for k, _ in sys_pairs], _fits)
        out.counts["plover"] = pair_match.counts
        if not plan.cameo:
            out.missed, out.false_alarms = _labelled(
                pair_match, [lab for _, lab in gold_pairs], [lab for _, lab in sys_pairs]
            )
    if plan.silver:
        wanted = {k[0] for k, _ in gold_types}
        votes = Counter(ptype(e.plover) for e in claimed)
        # Plurality vote; ties go to the type that appears first in the document.
        top = max(votes, key=lambda t: votes[t], default=None)
        correct = top in wanted if wanted else not claimed
        out.tallies["plover_doc_accuracy"] = Tally(int(correct), 1)
        out.tallies["plover_doc_hit_rate"] = Tally(int(bool(wanted & set(votes)) or correct), 1)
        out.correct = correct
        out.missed = () if correct else tuple(sorted(f"[{t}]" for t in wanted if t))
        out.false_alarms = () if correct or top is None else (f"[{top}] (plurality)",)
    elif not plan.plover_dyads and not plan.cameo:
        out.missed, out.false_alarms = _labelled(
            type_match, [lab for _, lab in gold_types], [lab for _, lab in sys_types]
        )


def _record_groups(record: GoldRecord) -> tuple[str, ...]:
    if record.non_cameo:
        return ("non_cameo",)
    if record.actors in ("real", "fictional"):
        return ("all", record.actors)
    return ("all",)


def _whole_dyad(record: GoldRecord, events: Sequence[Event]) -> Counts:
    gold = [GoldTriple(e.source, e.target, e.code, e.plover) for e in record.events]
    return whole_dyad_counts(gold, events)


def _calibration(record: GoldRecord, events: Sequence[Event]) -> list[tuple[float, bool]]:
    gold = [GoldTriple(e.source, e.target, e.code, e.plover) for e in record.events]
    right = whole_dyad_right(gold, events)
    return [(e.confidence, r) for e, r in zip(events, right, strict=True)]


def _evaluate_events(
    gold: GoldSet, coder: Coder | RecordedEvents, include_all_modes: bool, scope: Scope
) -> EvalReport:
    plan = _Plan.of(gold)
    outcomes: list[RecordOutcome] = []
    scored: list[_Scored] = []
    not_run: Counter[str] = Counter()
    other_half = 0
    for record in gold.records:
        if not scope.in_half(record.id):
            other_half += 1
            continue
        reason = _not_evaluated(record, scope)
        if reason is not None:
            not_run[reason] += 1
            continue
        events, ignored, error = _run_coder(
            coder, record, include_all_modes or isinstance(coder, RecordedEvents)
        )
        out = _Scored()
        if not plan.silver:
            out.counts["dyad_type"] = _whole_dyad(record, events)
            out.calibration = _calibration(record, events)
        if plan.cameo and all(e.code is not None for e in record.events):
            _score_cameo(record, events, plan, out)
        if plan.plover and all(e.plover is not None for e in record.events):
            _score_plover(record, events, plan, out)
        if error is not None:
            # An empty gold record cannot "pass" when the coder never answered.
            out.tallies = {k: Tally(0, t.total) for k, t in out.tallies.items()}
            out.correct = False if out.correct is not None else None
        scored.append(out)
        outcomes.append(
            RecordOutcome(
                id=record.id,
                line=record.line,
                text=record.text,
                groups=_record_groups(record),
                correct=out.correct,
                missed=out.missed,
                false_alarms=out.false_alarms,
                system_events=len(events),
                ignored_events=ignored,
                error=error,
            )
        )
    groups = _event_groups(outcomes, scored)
    notes = list(gold.warnings)
    if plan.cameo and not plan.dyads:
        notes.append("actors are not coded in this set: events are scored on their codes alone")
    if plan.silver:
        notes.append(
            "SILVER labels (LLM-written stories, unchecked): quote its scores as silver only"
        )
    notes += [f"{n} record(s) not run: {why}" for why, n in not_run.items()]
    non_cameo = sum(1 for o in outcomes if "non_cameo" in o.groups)
    if non_cameo and not plan.silver:
        notes.append(
            f"the whole-dyad metric of [all] counts the {non_cameo} non-CAMEO test-code "
            "record(s) too, as the reference scorer does"
        )
    if isinstance(coder, RecordedEvents):
        notes.append(f"events read from {coder.origin or 'a file'}: every event counts")
    if scope.half is not None:
        notes.append(f"{scope.half} half only: {other_half} record(s) of the other half left out")
    return EvalReport(
        set_name=gold.name,
        path=gold.path,
        digest=gold.digest,
        kind=gold.kind,
        family=gold.family,
        n_records=len(gold.records),
        n_not_evaluated=sum(not_run.values()),
        include_all_modes=include_all_modes or isinstance(coder, RecordedEvents),
        headlines=_event_headlines(gold, groups),
        groups=groups,
        per_root=_per_root(outcomes, scored) if plan.cameo else (),
        records=tuple(outcomes),
        notes=tuple(notes),
        half=scope.half,
        n_other_half=other_half,
    )


def _not_evaluated(record: GoldRecord, scope: Scope) -> str | None:
    """Why a record of the chosen half is not scored, or None."""
    if not record.evaluate:
        return "marked evaluate=false"
    if record.expects_error:
        return "expects PETRARCH's own input error (expects_error)"
    excluded = scope.exclusion(record.id, record.text)
    if excluded is not None:
        return f"not evaluated by the project: {excluded}"
    return None


def _event_groups(outcomes: list[RecordOutcome], scored: list[_Scored]) -> tuple[GroupScore, ...]:
    keys = [k for k in GROUP_LABELS if any(k in o.groups for o in outcomes)] or ["all"]
    groups: list[GroupScore] = []
    for key in keys:
        members = [(o, s) for o, s in zip(outcomes, scored, strict=True) if key in o.groups]
        counts: dict[str, Counts] = {}
        tallies: dict[str, Tally] = {}
        for _, s in members:
            for name, c in s.counts.items():
                if key == "all" and name in _EVERY_RECORD:
                    continue
                counts[name] = counts.get(name, Counts()) + c
            for name, t in s.tallies.items():
                tallies[name] = tallies.get(name, Tally()) + t
        if key == "all":
            for s in scored:
                for name in _EVERY_RECORD & s.counts.keys():
                    counts[name] = counts.get(name, Counts()) + s.counts[name]
        groups.append(
            GroupScore(
                key=key,
                label=GROUP_LABELS[key],
                n_records=len(members),
                n_errors=sum(1 for o, _ in members if o.error is not None),
                metrics=tuple(
                    MetricScore(k, METRIC_LABELS[k], counts[k])
                    for k in METRIC_LABELS
                    if k in counts
                ),
                accuracies=tuple(
                    AccuracyScore(k, ACCURACY_LABELS[k], t) for k, t in tallies.items()
                ),
                figures=_calibration_figures([p for _, s in members for p in s.calibration]),
            )
        )
    return tuple(groups)


def _calibration_figures(pairs: list[tuple[float, bool]]) -> tuple[Figure, ...]:
    """The expected calibration error of the events' confidence, and its bins."""
    if not pairs:
        return ()
    rel = reliability(pairs)
    bins = "; ".join(
        f"{b.low:.1f}-{b.high:.1f}: {b.events} events, "
        + (f"mean {b.mean_confidence:.2f}, right {b.share_right:.2f}" if b.events else "-")
        for b in rel.bins
        if b.mean_confidence is not None or b.events
    )
    return (Figure("confidence_ece", "expected calibration error of confidence", rel.ece, bins),)


def _per_root(outcomes: list[RecordOutcome], scored: list[_Scored]) -> tuple[RootRow, ...]:
    totals: dict[str, tuple[int, int, int]] = {}
    for o, s in zip(outcomes, scored, strict=True):
        if "all" not in o.groups:
            continue
        for root, g, n, tp in s.roots:
            key = root if root in _ROOT_CODES else "other"
            a, b, c = totals.get(key, (0, 0, 0))
            totals[key] = (a + g, b + n, c + tp)
    rows = [RootRow(r, name, *totals.get(r, (0, 0, 0))) for r, name in CAMEO_ROOTS]
    if "other" in totals:
        rows.append(RootRow("other", "codes outside CAMEO roots 01-20", *totals["other"]))
    return tuple(rows)


def _event_headlines(gold: GoldSet, groups: tuple[GroupScore, ...]) -> tuple[Headline, ...]:
    by_key = {g.key: g for g in groups}
    choices: dict[str, list[tuple[str | None, str, str]]] = {
        "cameo_codebook": [
            (None, "dyad_type_f1", "CAMEO root F1, every false event counted (actors not coded)"),
            (None, "root_exact", "records whose roots are exactly the gold's"),
        ],
        "plover": [
            (None, "dyad_type_f1", "whole dyad (source country, target country, PLOVER type) F1"),
            (None, "plover_f1", "PLOVER (source country, type) F1"),
        ],
        "petrarch": [
            (None, "dyad_type_f1", "whole dyad (source country, target country, root) F1"),
            (None, "passed", "records passed"),
            ("real", "real_passed", "records passed, real-name actors"),
        ],
        "plover_silver": [
            (
                None,
                "plover_doc_accuracy",
                "SILVER (unchecked labels): PLOVER type accuracy, document level",
            )
        ],
        "cameo": [
            (None, "dyad_type_f1", "whole dyad (source country, target country, root) F1"),
        ],
    }
    wanted = choices.get(gold.family, [])
    found: list[Headline] = []
    n_all = by_key["all"].n_records if "all" in by_key else 0
    for group_key, key, label in wanted:
        group = by_key.get(group_key or "all")
        if group_key and (group is None or group.n_records >= n_all):
            continue  # a subgroup that is the whole set adds nothing to the headline
        inner = key.removeprefix(f"{group_key}_") if group_key else key
        line = headline_from(group, inner, label)
        if line is not None:
            found.append(Headline(key, line.label, line.value, line.detail))
    return tuple(found)
