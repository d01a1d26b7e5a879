"""Scoring an actor resolver against actor-resolution expectations (the NGEC test set).

A resolver answers (country, role) for a piece of text, or None where nothing resolves. Country
is scored wherever an expectation names one (an empty expectation means "no country"; 'IGO' an
international organisation; ``{"NotEq": X}`` anything but X); role wherever ``code_1`` is given
(``code_2`` or an ``{"In": [...]}`` list are accepted too; 'UNK'/'JNK' also accept no role);
``resolves_to: null`` is right when nothing resolves. Wikipedia titles are not scored.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable

from accord.evaluation.gold import ActorCase, GoldSet
from accord.evaluation.inputs import Scope
from accord.evaluation.matching import Tally
from accord.evaluation.results import (
    ACCURACY_LABELS,
    AccuracyScore,
    ActorOutcome,
    EvalReport,
    GroupScore,
    headline_from,
)

ActorResolver = Callable[[str, str | None, dt.date | None], tuple[str | None, str | None] | None]
"""(text, context, date) -> (country ISO3, 'IGO' or None; role or None), or None if unresolved."""

_EMPTY_ROLES = frozenset({"UNK", "JNK"})
_CHECKS: tuple[tuple[str, Callable[[ActorOutcome], bool | None]], ...] = (
    ("country_accuracy", lambda o: o.country_ok),
    ("role_accuracy", lambda o: o.role_ok),
    ("null_accuracy", lambda o: o.null_ok),
)


def _role_ok(accepted: tuple[str, ...], got: str | None) -> bool:
    role = (got or "").strip().upper()
    if not accepted:
        return not role
    return role in accepted or (not role and bool(_EMPTY_ROLES & set(accepted)))


def _describe(case: ActorCase) -> str:
    parts: list[str] = []
    if case.expects_null:
        parts.append("nothing")
    if case.country is not None:
        parts.append(f"country {case.country.describe()}")
    if case.roles is not None:
        parts.append("role " + ("/".join(case.roles) if case.roles else "(none)"))
    if case.wiki:
        parts.append(f"wiki {case.wiki!r}")
    return ", ".join(parts) or "(not scored)"


def _resolve(
    resolver: ActorResolver, case: ActorCase
) -> tuple[tuple[str | None, str | None] | None, str | None]:
    try:
        result = resolver(case.text, case.context, case.date)
    except Exception as exc:  # a failing case is wrong, not the end of the run
        return None, f"{type(exc).__name__}: {exc}"
    if result is None:
        return None, None
    if (
        not isinstance(result, tuple)
        or len(result) != 2
        or not all(v is None or isinstance(v, str) for v in result)
    ):
        return None, f"resolver returned {result!r}, not (country, role) or None"
    return result, None


def _describe_result(result: tuple[str | None, str | None] | None, error: str | None) -> str:
    if error is not None:
        return "error"
    if result is None:
        return "nothing"
    return f"country {result[0] or '(none)'}, role {result[1] or '(none)'}"


def _actor_outcome(resolver: ActorResolver, case: ActorCase) -> ActorOutcome:
    result, error = _resolve(resolver, case)
    country, role = result if result is not None else (None, None)
    nothing = result is None or not (country or role)
    failed = error is not None
    return ActorOutcome(
        id=case.id,
        line=case.line,
        task=case.task,
        text=case.text,
        context=case.context,
        expected=_describe(case),
        got=_describe_result(result, error),
        country_ok=None if case.country is None else not failed and case.country.accepts(country),
        role_ok=None if case.roles is None else not failed and _role_ok(case.roles, role),
        null_ok=None if not case.expects_null else not failed and nothing,
        error=error,
    )


def evaluate_actors(
    gold: GoldSet, resolver: ActorResolver, scope: Scope | None = None
) -> EvalReport:
    """Score ``resolver`` on every case of an actor set that a (country, role) answer can
    meet, within ``scope`` (a half of the set, less the cases it excludes)."""
    chosen = scope or Scope()
    cases = [c for c in gold.cases if chosen.in_half(c.id)]
    excluded = [c for c in cases if chosen.exclusion(c.id) is not None]
    cases = [c for c in cases if chosen.exclusion(c.id) is None]
    outcomes = [_actor_outcome(resolver, c) for c in cases if c.scored]
    unscored = Counter(c.task for c in cases if not c.scored)
    tasks = list(dict.fromkeys(o.task for o in outcomes))
    groups: list[GroupScore] = []
    for key in ["all", *tasks]:
        members = [o for o in outcomes if key in ("all", o.task)]
        accuracies = []
        for name, check in _CHECKS:
            marks = [mark for mark in map(check, members) if mark is not None]
            if marks or key == "all":
                tally = Tally(sum(1 for m in marks if m), len(marks))
                accuracies.append(AccuracyScore(name, ACCURACY_LABELS[name], tally))
        groups.append(
            GroupScore(
                key=key,
                label="all scored cases" if key == "all" else f"task {key}",
                n_records=len(members),
                n_errors=sum(1 for o in members if o.error),
                accuracies=tuple(accuracies),
            )
        )
    all_group = groups[0]
    headlines = tuple(
        h
        for h in (
            headline_from(all_group, "country_accuracy", "actor country accuracy", "cases"),
            headline_from(all_group, "role_accuracy", "actor role accuracy", "cases"),
        )
        if h is not None
    )
    notes = list(gold.warnings)
    notes += [
        f"not scored: {n} {task} case(s) (Wikipedia titles or no scorable expectation)"
        for task, n in unscored.items()
    ]
    if excluded:
        notes.append(f"{len(excluded)} case(s) not evaluated by the project")
    other_half = len(gold.cases) - len(cases) - len(excluded)
    if chosen.half is not None:
        notes.append(f"{chosen.half} half only: {other_half} case(s) of the other half left out")
    return EvalReport(
        set_name=gold.name,
        path=gold.path,
        digest=gold.digest,
        kind=gold.kind,
        family=gold.family,
        n_records=len(gold.cases),
        n_not_evaluated=sum(unscored.values()) + len(excluded),
        include_all_modes=False,
        headlines=headlines,
        groups=tuple(groups),
        actors=tuple(outcomes),
        notes=tuple(notes),
        half=chosen.half,
        n_other_half=other_half,
    )
