"""Scoring a coder against gold-standard sets (the library behind ``accord eval``).

This package never imports spaCy or the pipeline: the caller passes in a :data:`Coder` (text,
date -> events) and, for actor-resolution sets, an :data:`ActorResolver`.

>>> gold = load_gold(Path("plover_examples_dev.jsonl"))        # doctest: +SKIP
>>> report = evaluate(gold, coder)                             # doctest: +SKIP
>>> print(format_report(report, verbose=True))                 # doctest: +SKIP
>>> check_floors(report_to_dict(report), {"plover_examples_dev.plover_f1": 0.4})  # doctest: +SKIP
"""

from __future__ import annotations

from accord.evaluation.actors import ActorResolver
from accord.evaluation.gold import (
    ActorCase,
    CountryExpectation,
    Family,
    GoldEvent,
    GoldRecord,
    GoldSet,
    SetKind,
    load_gold,
    parse_gold_date,
)
from accord.evaluation.matching import Counts, Matching, Tally, match
from accord.evaluation.render import check_floors, flat_metrics, format_report, report_to_dict
from accord.evaluation.results import (
    AccuracyScore,
    ActorOutcome,
    EvalReport,
    GroupScore,
    Headline,
    MetricScore,
    RecordOutcome,
    RootRow,
)
from accord.evaluation.scoring import Coder, evaluate, normalise_code

__all__ = [
    "AccuracyScore",
    "ActorCase",
    "ActorOutcome",
    "ActorResolver",
    "Coder",
    "CountryExpectation",
    "Counts",
    "EvalReport",
    "Family",
    "GoldEvent",
    "GoldRecord",
    "GoldSet",
    "GroupScore",
    "Headline",
    "Matching",
    "MetricScore",
    "RecordOutcome",
    "RootRow",
    "SetKind",
    "Tally",
    "check_floors",
    "evaluate",
    "flat_metrics",
    "format_report",
    "load_gold",
    "match",
    "normalise_code",
    "parse_gold_date",
    "report_to_dict",
]
