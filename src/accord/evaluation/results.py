"""Frozen records that an evaluation produces."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from accord.evaluation.gold import Family, SetKind
from accord.evaluation.matching import Counts, Tally
from accord.evaluation.reference import Half

CAMEO_ROOTS: tuple[tuple[str, str], ...] = (
    ("01", "Make public statement"),
    ("02", "Appeal"),
    ("03", "Express intent to cooperate"),
    ("04", "Consult"),
    ("05", "Engage in diplomatic cooperation"),
    ("06", "Engage in material cooperation"),
    ("07", "Provide aid"),
    ("08", "Yield"),
    ("09", "Investigate"),
    ("10", "Demand"),
    ("11", "Disapprove"),
    ("12", "Reject"),
    ("13", "Threaten"),
    ("14", "Protest"),
    ("15", "Exhibit force posture"),
    ("16", "Reduce relations"),
    ("17", "Coerce"),
    ("18", "Assault"),
    ("19", "Fight"),
    ("20", "Use unconventional mass violence"),
)


@dataclass(frozen=True, slots=True)
class MetricScore:
    """Precision / recall / F1 over matched items. ``key`` prefixes the flat metric names."""

    key: str
    label: str
    counts: Counts


@dataclass(frozen=True, slots=True)
class AccuracyScore:
    key: str
    label: str
    tally: Tally


@dataclass(frozen=True, slots=True)
class Figure:
    """A number that is neither P/R/F1 nor a share: a count or a rate ('forbidden hits per
    100 documents', 'events per 1,000 words'). ``value`` None where it is undefined."""

    key: str
    label: str
    value: float | None
    detail: str = ""
    count: bool = False
    """A whole number (printed without decimals)."""


@dataclass(frozen=True, slots=True)
class GroupScore:
    """Scores over one group of records ('all', 'real', 'fictional', 'non_cameo', a task...)."""

    key: str
    label: str
    n_records: int
    n_errors: int
    metrics: tuple[MetricScore, ...] = ()
    accuracies: tuple[AccuracyScore, ...] = ()
    figures: tuple[Figure, ...] = ()


@dataclass(frozen=True, slots=True)
class RootRow:
    """One row of the per-root table: gold and system event counts for a CAMEO root."""

    root: str
    name: str
    gold: int
    system: int
    tp: int

    @property
    def counts(self) -> Counts:
        return Counts(self.tp, self.system - self.tp, self.gold - self.tp)


@dataclass(frozen=True, slots=True)
class Headline:
    key: str
    """Flat metric name (as in ``report_to_dict(...)['metrics']``)."""
    label: str
    value: float | None
    detail: str
    count: bool = False

    def shown(self) -> str:
        return format_count(self.value) if self.count else format_ratio(self.value)


@dataclass(frozen=True, slots=True)
class RecordOutcome:
    """How one event record fared, in the terms of the set's headline metric."""

    id: str
    line: int
    text: str
    groups: tuple[str, ...]
    correct: bool | None
    """Root-accuracy hit / record passed / document type right; None where the headline is F1."""
    missed: tuple[str, ...]
    false_alarms: tuple[str, ...]
    system_events: int
    ignored_events: int
    """System events dropped because their mode was not 'asserted'."""
    error: str | None = None


@dataclass(frozen=True, slots=True)
class ActorOutcome:
    id: str
    line: int
    task: str
    text: str
    context: str | None
    expected: str
    got: str
    country_ok: bool | None
    role_ok: bool | None
    null_ok: bool | None
    error: str | None = None

    @property
    def failed(self) -> bool:
        return False in (self.country_ok, self.role_ok, self.null_ok) or self.error is not None


@dataclass(frozen=True, slots=True)
class DocumentOutcome:
    """How one article fared (document-level sets and corpus measures), as the reference
    scorer prints it: required items missed, forbidden items hit, events printed for an
    article that should have none."""

    id: str
    political: bool
    """False for an article the gold skips as non-political (or a non-political corpus)."""
    events: int
    missed: tuple[str, ...] = ()
    forbidden: tuple[str, ...] = ()
    printed: tuple[str, ...] = ()
    """Events printed for a non-political article."""
    error: str | None = None


@dataclass(frozen=True, slots=True)
class EvalReport:
    set_name: str
    path: str
    digest: str
    kind: SetKind
    family: Family
    n_records: int
    """Records (or actor cases) in the file."""
    n_not_evaluated: int
    """Records marked ``evaluate: false`` (skipped) or actor cases nothing here can score."""
    include_all_modes: bool
    headlines: tuple[Headline, ...]
    groups: tuple[GroupScore, ...]
    per_root: tuple[RootRow, ...] = ()
    records: tuple[RecordOutcome, ...] = ()
    actors: tuple[ActorOutcome, ...] = ()
    notes: tuple[str, ...] = ()
    half: Half | None = None
    """The half of the set that was scored (None: all of it)."""
    n_other_half: int = 0
    """Records (cases, documents) left out because they belong to the other half."""
    documents: tuple[DocumentOutcome, ...] = ()

    @property
    def silver(self) -> bool:
        return self.family == "plover_silver"

    @property
    def errors(self) -> tuple[tuple[str, int, str], ...]:
        """(id, line, message) for each record whose coder or resolver call failed."""
        found = [(r.id, r.line, r.error) for r in self.records if r.error is not None]
        found += [(a.id, a.line, a.error) for a in self.actors if a.error is not None]
        found += [(d.id, 0, d.error) for d in self.documents if d.error is not None]
        return tuple((i, n, e) for i, n, e in found if e is not None)

    def group(self, key: str) -> GroupScore | None:
        return next((g for g in self.groups if g.key == key), None)


ACCURACY_LABELS: Mapping[str, str] = MappingProxyType(
    {
        "root_recall_records": "records whose gold roots are all found (false events ignored)",
        "root_exact": "records whose roots are exactly the gold's (false events count)",
        "passed": "records passed (system tuples == gold tuples)",
        "plover_doc_accuracy": "SILVER PLOVER type accuracy, document level (plurality type)",
        "plover_doc_hit_rate": "SILVER PLOVER type hit rate, document level (type among output)",
        "country_accuracy": "country accuracy",
        "role_accuracy": "role accuracy",
        "null_accuracy": "null accuracy (nothing should resolve)",
        "required_recall": "required interactions found",
        "geo_country_right": "found items placed in the gold's country",
        "geo_place_right": "found items placed in the gold's place",
    }
)


def headline_from(
    group: GroupScore | None, key: str, label: str, noun: str = "records"
) -> Headline | None:
    """The headline for flat metric ``key`` (an accuracy, or ``<metric>_f1``) of ``group``."""
    if group is None:
        return None
    for acc in group.accuracies:
        if acc.key == key:
            t = acc.tally
            return Headline(key, label, t.value, f"{t.correct}/{t.total} {noun}")
    for fig in group.figures:
        if fig.key == key:
            return Headline(key, label, fig.value, fig.detail, fig.count)
    for metric in group.metrics:
        if f"{metric.key}_f1" == key:
            c = metric.counts
            ratios = f"P {format_ratio(c.precision)}  R {format_ratio(c.recall)}"
            detail = f"{ratios}  (tp {c.tp}, fp {c.fp}, fn {c.fn})"
            return Headline(key, label, c.f1, detail)
    return None


def format_ratio(value: float | None) -> str:
    """A ratio to three places, or 'n/a' where it is undefined."""
    return "n/a" if value is None else f"{value:.3f}"


def format_count(value: float | None) -> str:
    """A whole number, or 'n/a' where it is undefined."""
    return "n/a" if value is None else str(round(value))
