"""Presenting a report: plain-text tables, a JSON-able dict, and score floors for a CI gate."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from accord.evaluation.results import (
    ActorOutcome,
    DocumentOutcome,
    EvalReport,
    GroupScore,
    RecordOutcome,
    format_count,
    format_ratio,
)

_TEXT_WIDTH = 160


def _clip(text: str, width: int = _TEXT_WIDTH) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _prefix(group: GroupScore) -> str:
    return "" if group.key == "all" else f"{group.key}_"


def flat_metrics(report: EvalReport) -> dict[str, float | None]:
    """Every ratio in the report under a flat name: ``[group_]metric_f1``, ``[group_]passed``..."""
    flat: dict[str, float | None] = {}
    for group in report.groups:
        p = _prefix(group)
        for m in group.metrics:
            flat[f"{p}{m.key}_precision"] = m.counts.precision
            flat[f"{p}{m.key}_recall"] = m.counts.recall
            flat[f"{p}{m.key}_f1"] = m.counts.f1
        for a in group.accuracies:
            flat[f"{p}{a.key}"] = a.tally.value
        for f in group.figures:
            flat[f"{p}{f.key}"] = f.value
    return flat


def report_to_dict(report: EvalReport) -> dict[str, Any]:
    """A JSON-able summary: headline, flat ``metrics`` (for floors), groups, per-root rows,
    errors and the records that were not scored clean."""
    return {
        "set": report.set_name,
        "path": report.path,
        "digest": report.digest,
        "kind": report.kind,
        "family": report.family,
        "silver": report.silver,
        "records": report.n_records,
        "not_evaluated": report.n_not_evaluated,
        "half": report.half,
        "other_half": report.n_other_half,
        "include_all_modes": report.include_all_modes,
        "headline": [
            {"key": h.key, "label": h.label, "value": h.value, "detail": h.detail}
            for h in report.headlines
        ],
        "metrics": flat_metrics(report),
        "groups": [_group_dict(g) for g in report.groups],
        "per_root": [
            {
                "root": r.root,
                "name": r.name,
                "gold": r.gold,
                "system": r.system,
                "tp": r.tp,
                "precision": r.counts.precision,
                "recall": r.counts.recall,
                "f1": r.counts.f1,
            }
            for r in report.per_root
        ],
        "errors": [{"id": i, "line": n, "message": m} for i, n, m in report.errors],
        "failures": [_record_dict(r) for r in report.records if _is_failure(r)]
        + [_actor_dict(a) for a in report.actors if a.failed]
        + [_document_dict(d) for d in report.documents if _document_failed(d)],
        "notes": list(report.notes),
    }


def _group_dict(g: GroupScore) -> dict[str, Any]:
    return {
        "key": g.key,
        "label": g.label,
        "records": g.n_records,
        "errors": g.n_errors,
        "metrics": {
            m.key: {
                "tp": m.counts.tp,
                "fp": m.counts.fp,
                "fn": m.counts.fn,
                "precision": m.counts.precision,
                "recall": m.counts.recall,
                "f1": m.counts.f1,
            }
            for m in g.metrics
        },
        "accuracies": {
            a.key: {"correct": a.tally.correct, "total": a.tally.total, "value": a.tally.value}
            for a in g.accuracies
        },
        "figures": {f.key: {"value": f.value, "detail": f.detail} for f in g.figures},
    }


def _document_failed(d: DocumentOutcome) -> bool:
    return bool(d.missed or d.forbidden or d.printed) or d.error is not None


def _document_dict(d: DocumentOutcome) -> dict[str, Any]:
    return {
        "id": d.id,
        "political": d.political,
        "events": d.events,
        "missed": list(d.missed),
        "forbidden": list(d.forbidden),
        "printed": list(d.printed),
        "error": d.error,
    }


def _is_failure(r: RecordOutcome) -> bool:
    return r.error is not None or r.correct is False or bool(r.missed or r.false_alarms)


def _record_dict(r: RecordOutcome) -> dict[str, Any]:
    return {
        "id": r.id,
        "line": r.line,
        "text": r.text,
        "groups": list(r.groups),
        "missed": list(r.missed),
        "false_alarms": list(r.false_alarms),
        "error": r.error,
    }


def _actor_dict(a: ActorOutcome) -> dict[str, Any]:
    return {
        "id": a.id,
        "line": a.line,
        "task": a.task,
        "text": a.text,
        "context": a.context,
        "expected": a.expected,
        "got": a.got,
        "country_ok": a.country_ok,
        "role_ok": a.role_ok,
        "null_ok": a.null_ok,
        "error": a.error,
    }


def format_report(report: EvalReport, *, verbose: bool = False) -> str:
    """Plain-text tables; ``verbose`` adds every miss, false alarm and error with ids and text."""
    scored = report.n_records - report.n_other_half - report.n_not_evaluated
    half = f", {report.half} half: {scored} scored" if report.half else ""
    lines = [
        f"accord eval: {report.set_name} ({report.kind} set, {report.family}): "
        f"{report.n_records} {_noun(report)}{half}"
        + (f", {report.n_not_evaluated} not scored" if report.n_not_evaluated else ""),
        f"{'corpus' if report.kind == 'corpus' else 'gold'}: {report.path} "
        f"(sha256 {report.digest[:12]})",
    ]
    if report.kind == "events":
        lines.append(
            "events counted: " + ("all modes" if report.include_all_modes else "asserted only")
        )
    if report.silver:
        lines.append("SILVER SET: unchecked LLM pseudo-labels; its scores are not accuracy claims")
    for h in report.headlines:
        lines.append(f"HEADLINE {h.label}: {h.shown()}  [{h.detail}]")
    whole = report.group("all")
    for group in report.groups:
        lines.append("")
        if (
            whole is not None
            and group is not whole
            and group.key in ("real", "fictional")
            and group.n_records == whole.n_records
        ):
            lines.append(
                f"[{group.key}] {group.label}: the same {group.n_records} records as [all]"
            )
            continue
        lines += _group_lines(group, _noun(report))
    if report.per_root:
        lines += ["", "per-root table (group all; root-only matching)"]
        lines.append(
            f"  {'root':<6}{'name':<34}{'gold':>6}{'system':>8}{'tp':>6}"
            f"{'precision':>11}{'recall':>8}{'F1':>8}"
        )
        for r in report.per_root:
            c = r.counts
            lines.append(
                f"  {r.root:<6}{_clip(r.name, 33):<34}{r.gold:>6}{r.system:>8}{r.tp:>6}"
                f"{format_ratio(c.precision):>11}{format_ratio(c.recall):>8}{format_ratio(c.f1):>8}"
            )
    if report.notes:
        lines += ["", "notes:"] + [f"  - {n}" for n in report.notes]
    errors = report.errors
    if errors:
        lines.append("")
        if verbose:
            lines.append(f"errors ({len(errors)}):")
            lines += [f"  {i} (line {n}): {m}" for i, n, m in errors]
        else:
            lines.append(f"errors: {len(errors)} record(s) failed in the coder (-v lists them)")
    if verbose:
        lines += _verbose_lines(report)
    return "\n".join(lines) + "\n"


def _noun(report: EvalReport) -> str:
    if report.kind in ("documents", "corpus"):
        return "articles"
    return "cases" if report.kind == "actors" else "records"


def _group_lines(group: GroupScore, noun: str) -> list[str]:
    lines = [f"[{group.key}] {group.label}: {group.n_records} {noun}, {group.n_errors} errors"]
    if group.metrics:
        lines.append(
            f"  {'metric':<46}{'tp':>6}{'fp':>6}{'fn':>6}{'precision':>11}{'recall':>8}{'F1':>8}"
        )
        for m in group.metrics:
            c = m.counts
            lines.append(
                f"  {m.label:<46}{c.tp:>6}{c.fp:>6}{c.fn:>6}"
                f"{format_ratio(c.precision):>11}{format_ratio(c.recall):>8}{format_ratio(c.f1):>8}"
            )
    for a in group.accuracies:
        t = a.tally
        lines.append(f"  {a.label:<66} {t.correct:>5}/{t.total:<5} {format_ratio(t.value):>6}")
    for f in group.figures:
        shown = format_count(f.value) if f.count else format_ratio(f.value)
        lines.append(f"  {f.label:<66} {shown:>12}")
    return lines


def _verbose_lines(report: EvalReport) -> list[str]:
    lines: list[str] = []
    failures = [r for r in report.records if _is_failure(r) and r.error is None]
    if report.kind == "events":
        lines += ["", f"misses and false alarms ({len(failures)} records):"]
        for r in failures:
            lines.append(f"  {r.id} (line {r.line}) [{', '.join(r.groups)}]: {_clip(r.text)}")
            lines += [f"      missed:      {item}" for item in r.missed]
            lines += [f"      false alarm: {item}" for item in r.false_alarms]
            if r.ignored_events:
                lines.append(f"      ({r.ignored_events} non-asserted event(s) ignored)")
    if report.kind in ("documents", "corpus"):
        lines.append("")
        for d in report.documents:
            lines += [f"MISS {m}" for m in d.missed]
        for d in report.documents:
            lines += [f"FORBIDDEN {h}" for h in d.forbidden]
        for d in report.documents:
            lines += [f"NONPOLITICAL {e}" for e in d.printed]
    wrong = [a for a in report.actors if a.failed and a.error is None]
    if report.kind == "actors":
        lines += ["", f"wrong resolutions ({len(wrong)} cases):"]
        for a in wrong:
            context = f" [context {a.context!r}]" if a.context else ""
            lines.append(f"  {a.id} (line {a.line}) {a.task}: {a.text!r}{context}")
            lines.append(f"      expected {a.expected}; got {a.got}")
    return lines


def _index(
    reports: Mapping[str, Any] | Sequence[Mapping[str, Any]],
) -> dict[str, Mapping[str, Any]]:
    if isinstance(reports, Mapping):
        if "set" in reports and "metrics" in reports:
            return {str(reports["set"]): reports}
        return {str(v.get("set", k)): v for k, v in reports.items() if isinstance(v, Mapping)}
    return {str(r["set"]): r for r in reports}


def metric_value(
    report_dict: Mapping[str, Any] | Sequence[Mapping[str, Any]], key: str
) -> tuple[float | None, str | None]:
    """The value of ``"<set name>.<metric>"`` in the reports, or (None, why it has none).

    With a single report the set name may be left out; the longest set name that prefixes
    the key wins (``petrarch2_unittest_realnames_testdicts`` before
    ``petrarch2_unittest_realnames``)."""
    by_set = _index(report_dict)
    names = [s for s in by_set if key.startswith(f"{s}.")]
    if names:
        set_name = max(names, key=len)
        metric = key[len(set_name) + 1 :]
    elif len(by_set) == 1 and "." not in key:
        set_name, metric = next(iter(by_set)), key
    else:
        return None, "no report for this set"
    metrics = by_set[set_name].get("metrics", {})
    if metric not in metrics:
        return None, f"the report has no metric {metric!r}"
    value = metrics[metric]
    if value is None:
        return None, "undefined (nothing was scored)"
    return float(value), None


GATE_TOLERANCE = 1e-9
"""Floating-point noise a floor or ceiling check forgives: an ECE of 0.08000000000000003
meets its ceiling of 0.08 (scripts/raise_floors.py rounds with the same tolerance)."""


def check_floors(
    report_dict: Mapping[str, Any] | Sequence[Mapping[str, Any]],
    floors: Mapping[str, float],
) -> list[str]:
    """Messages for every floor a report misses; an empty list means the gate passes.

    ``report_dict`` is one :func:`report_to_dict` result, a list of them, or a mapping of set
    name to result. Floor keys are ``"<set name>.<metric>"`` with a metric from the ``metrics``
    dict (e.g. ``"plover_examples_dev.plover_f1"``); with a single report the set name may be
    left out. An unknown set or metric, or an undefined value, also fails: a gate that cannot
    read its number must not pass.
    """
    messages: list[str] = []
    for key, floor in floors.items():
        value, why = metric_value(report_dict, key)
        if value is None:
            messages.append(f"{key}: {why} (floor {floor:.3f})")
        elif value < floor - GATE_TOLERANCE:
            messages.append(f"{key} = {value:.3f} is below its floor {floor:.3f}")
    return messages


def check_ceilings(
    report_dict: Mapping[str, Any] | Sequence[Mapping[str, Any]],
    ceilings: Mapping[str, float],
) -> list[str]:
    """Messages for every ceiling a report exceeds (false events: they may only go down);
    the keys and the rule for unreadable numbers are those of :func:`check_floors`."""
    messages: list[str] = []
    for key, ceiling in ceilings.items():
        value, why = metric_value(report_dict, key)
        if value is None:
            messages.append(f"{key}: {why} (ceiling {ceiling:.3f})")
        elif value > ceiling + GATE_TOLERANCE:
            messages.append(f"{key} = {value:.3f} is above its ceiling {ceiling:.3f}")
    return messages


def check_gate(
    report_dict: Mapping[str, Any] | Sequence[Mapping[str, Any]], limits: Mapping[str, Any]
) -> list[str]:
    """Floors and ceilings together. ``limits`` is either a flat mapping of floors
    (``{"<set>.<metric>": minimum}``) or a gate file with ``"floors"`` and/or ``"ceilings"``
    sections (other sections, such as notes, are ignored)."""
    if "floors" in limits or "ceilings" in limits:
        floors = limits.get("floors", {})
        ceilings = limits.get("ceilings", {})
    else:
        floors, ceilings = limits, {}
    return check_floors(report_dict, _numbers(floors)) + check_ceilings(
        report_dict, _numbers(ceilings)
    )


def _numbers(section: Any) -> dict[str, float]:
    if not isinstance(section, Mapping):
        return {}
    return {str(k): float(v) for k, v in section.items() if isinstance(v, int | float)}
