"""Scoring a coder against gold-standard sets (the library behind ``accord eval``).

This package never imports spaCy or the pipeline: the caller passes in a :data:`Coder` (text,
date -> events), for actor-resolution sets an :data:`ActorResolver`, for document-level sets
and corpus measures a :data:`DocumentCoder` (document ids -> the events printed for each), or
:class:`RecordedEvents` read from an ``accord code`` file. Its matching rules are those of the
reference scorer (:mod:`accord.evaluation.reference`).

>>> gold = load_gold(Path("plover_examples_dev.jsonl"))        # doctest: +SKIP
>>> report = evaluate(gold, coder, scope=Scope(half="check"))  # doctest: +SKIP
>>> print(format_report(report, verbose=True))                 # doctest: +SKIP
>>> floors = {"plover_examples_dev.dyad_type_f1": 0.4}
>>> check_floors(report_to_dict(report), floors)               # doctest: +SKIP
"""

from __future__ import annotations

from accord.evaluation.actors import ActorResolver
from accord.evaluation.corpus import (
    DEFAULT_CATEGORIES,
    Article,
    Corpus,
    count_words,
    evaluate_nonpolitical,
)
from accord.evaluation.documents import evaluate_documents
from accord.evaluation.gold import (
    ActorCase,
    CountryExpectation,
    Family,
    ForbiddenItem,
    GoldDocument,
    GoldEvent,
    GoldLocation,
    GoldRecord,
    GoldSet,
    RequiredItem,
    SetKind,
    SkippedDocument,
    load_gold,
    parse_gold_date,
)
from accord.evaluation.inputs import (
    CodedDocuments,
    DocumentCoder,
    Exclusion,
    RecordedEvents,
    Scope,
    exclusions_for,
    load_exclusions,
    recorded_coder,
)
from accord.evaluation.matching import Counts, Matching, Tally, match
from accord.evaluation.reference import HALVES, Half, half_of
from accord.evaluation.render import (
    check_ceilings,
    check_floors,
    check_gate,
    flat_metrics,
    format_report,
    metric_value,
    report_to_dict,
)
from accord.evaluation.results import (
    AccuracyScore,
    ActorOutcome,
    DocumentOutcome,
    EvalReport,
    Figure,
    GroupScore,
    Headline,
    MetricScore,
    RecordOutcome,
    RootRow,
)
from accord.evaluation.scoring import Coder, evaluate, normalise_code

__all__ = [
    "DEFAULT_CATEGORIES",
    "HALVES",
    "AccuracyScore",
    "ActorCase",
    "ActorOutcome",
    "ActorResolver",
    "Article",
    "CodedDocuments",
    "Coder",
    "Corpus",
    "CountryExpectation",
    "Counts",
    "DocumentCoder",
    "DocumentOutcome",
    "EvalReport",
    "Exclusion",
    "Family",
    "Figure",
    "ForbiddenItem",
    "GoldDocument",
    "GoldEvent",
    "GoldLocation",
    "GoldRecord",
    "GoldSet",
    "GroupScore",
    "Half",
    "Headline",
    "Matching",
    "MetricScore",
    "RecordOutcome",
    "RecordedEvents",
    "RequiredItem",
    "RootRow",
    "Scope",
    "SetKind",
    "SkippedDocument",
    "Tally",
    "check_ceilings",
    "check_floors",
    "check_gate",
    "count_words",
    "evaluate",
    "evaluate_documents",
    "evaluate_nonpolitical",
    "exclusions_for",
    "flat_metrics",
    "format_report",
    "half_of",
    "load_exclusions",
    "load_gold",
    "match",
    "metric_value",
    "normalise_code",
    "parse_gold_date",
    "recorded_coder",
    "report_to_dict",
]
