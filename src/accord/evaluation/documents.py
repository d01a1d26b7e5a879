"""Scoring whole articles against document-level gold (``docgold``), as users see accord.

For each article of the gold in scope, the events the coder prints for the whole article are
compared with the gold's *required* interactions (recall: is each found by some event?) and
its *forbidden* ones (every event that hits one counts); every event printed for an article
the gold skips as non-political is a false event. Of the required items found, the share
placed in the gold's country and place is reported beside them (``docgeo``). The rules are
the reference scorer's (:mod:`accord.evaluation.reference`).
"""

from __future__ import annotations

from collections.abc import Sequence

from accord.evaluation.gold import GoldDocument, GoldSet, RequiredItem
from accord.evaluation.inputs import CodedDocuments, DocumentCoder, Scope
from accord.evaluation.matching import Tally
from accord.evaluation.reference import (
    forbidden_hit,
    output_country,
    place_key,
    required_matches,
)
from accord.evaluation.results import (
    ACCURACY_LABELS,
    AccuracyScore,
    DocumentOutcome,
    EvalReport,
    Figure,
    GroupScore,
    headline_from,
)
from accord.model import Event


def event_line(event: Event, width: int = 50) -> str:
    """'<cameo> <source country>-><target country>: <sentence>', as the reference prints an
    event (its sentence cut to ``width`` characters)."""
    src, tgt = output_country(event.source), output_country(event.target)
    return f"{event.cameo} {src}->{tgt}: {(event.sentence or '')[:width]}"


class _Geo:
    """docgeo's tallies (working state, local to one evaluation)."""

    def __init__(self) -> None:
        self.found = self.located = self.country_ok = self.unplaced = 0
        self.overplaced = self.placed = self.place_ok = 0

    def add(self, item: RequiredItem, matches: Sequence[Event]) -> None:
        if not matches:
            return
        self.found += 1
        loc = item.location
        places = [m.location for m in matches]
        if loc is not None and loc.country:
            self.located += 1
            if any(p is not None and p.country == loc.country for p in places):
                self.country_ok += 1
            elif not any(p is not None and p.country for p in places):
                self.unplaced += 1
        elif (
            loc is not None
            and loc.basis == "none"
            and all(p is not None and p.country for p in places)
        ):
            self.overplaced += 1
        gold_place = place_key(loc.place if loc is not None else None)
        if gold_place:
            self.placed += 1
            if any(place_key(p.name if p is not None else None) == gold_place for p in places):
                self.place_ok += 1


def _score_document(
    doc: GoldDocument, events: Sequence[Event], geo: _Geo, error: str | None
) -> tuple[DocumentOutcome, int, int]:
    """(outcome, required found, forbidden hits) of one political article."""
    missed: list[str] = []
    hits: list[str] = []
    found = 0
    for item in doc.required:
        matches = required_matches(item.rule, events)
        geo.add(item, matches)
        if matches:
            found += 1
        else:
            missed.append(f"{doc.id}: {item.what[:90]}")
    for fb in doc.forbidden:
        for e in events:
            if forbidden_hit(fb.rule, e):
                hits.append(f"{doc.id}: {fb.what[:60]} <- {event_line(e)}")
    outcome = DocumentOutcome(doc.id, True, len(events), tuple(missed), tuple(hits), error=error)
    return outcome, found, len(hits)


def _count(key: str, label: str, value: int, detail: str = "") -> Figure:
    return Figure(key, label, float(value), detail, count=True)


def _rate(key: str, label: str, num: int, den: int, scale: float, detail: str) -> Figure:
    return Figure(key, label, scale * num / den if den else None, detail)


def evaluate_documents(
    gold: GoldSet, coder: DocumentCoder, scope: Scope | None = None
) -> EvalReport:
    """Score the events ``coder`` prints for the articles of a document-level set."""
    chosen = scope or Scope()
    in_half = [d for d in gold.documents if chosen.in_half(d.id)]
    skipped_in_half = [s for s in gold.skipped if chosen.in_half(s.id)]
    golds = [d for d in in_half if chosen.exclusion(d.id) is None]
    skipped = [s for s in skipped_in_half if chosen.exclusion(s.id) is None]
    excluded = len(in_half) + len(skipped_in_half) - len(golds) - len(skipped)
    coded: CodedDocuments = coder([d.id for d in golds] + [s.id for s in skipped])
    geo = _Geo()
    outcomes: list[DocumentOutcome] = []
    found = total = bad = n_events = 0
    for doc in golds:
        events = coded.events.get(doc.id, ())
        outcome, k, hits = _score_document(doc, events, geo, coded.errors.get(doc.id))
        outcomes.append(outcome)
        found += k
        total += len(doc.required)
        bad += hits
        n_events += len(events)
    in_skipped = 0
    for s in skipped:
        events = coded.events.get(s.id, ())
        in_skipped += len(events)
        printed = tuple(f"{s.id}: {event_line(e, 90)}" for e in events)
        outcomes.append(
            DocumentOutcome(s.id, False, len(events), printed=printed, error=coded.errors.get(s.id))
        )
    n_docs = len(golds)
    group = GroupScore(
        key="all",
        label="all scored articles",
        n_records=n_docs + len(skipped),
        n_errors=sum(1 for o in outcomes if o.error is not None),
        accuracies=(
            AccuracyScore(
                "required_recall", ACCURACY_LABELS["required_recall"], Tally(found, total)
            ),
            AccuracyScore(
                "geo_country_right",
                ACCURACY_LABELS["geo_country_right"],
                Tally(geo.country_ok, geo.located),
            ),
            AccuracyScore(
                "geo_place_right",
                ACCURACY_LABELS["geo_place_right"],
                Tally(geo.place_ok, geo.placed),
            ),
        ),
        figures=(
            _count("documents", "political articles scored", n_docs),
            _count("events_out", "events printed for them", n_events),
            _count("required_items", "required interactions", total),
            _count("forbidden_hits", "forbidden hits (events hitting a forbidden item)", bad),
            _rate(
                "forbidden_per_100_docs",
                "forbidden hits per 100 scored articles",
                bad,
                n_docs,
                100.0,
                f"{bad} hits in {n_docs} articles",
            ),
            _count("nonpolitical_docs", "articles the gold skips as non-political", len(skipped)),
            _count("nonpolitical_events", "events printed for them (all false)", in_skipped),
            _rate(
                "nonpolitical_events_per_doc",
                "events printed per non-political article",
                in_skipped,
                len(skipped),
                1.0,
                f"{in_skipped} events in {len(skipped)} articles",
            ),
            _count("geo_found_items", "required items found (docgeo base)", geo.found),
            _count("geo_unplaced", "found items with a gold country but no place", geo.unplaced),
            _count("geo_overplaced", "found items placed though the gold has none", geo.overplaced),
        ),
    )
    headlines = tuple(
        h
        for h in (
            headline_from(
                group, "required_recall", "required interactions found (recall)", "items"
            ),
            headline_from(group, "forbidden_per_100_docs", "forbidden hits per 100 articles"),
            headline_from(
                group, "nonpolitical_events_per_doc", "events per non-political article (false)"
            ),
        )
        if h is not None
    )
    notes: list[str] = list(gold.warnings)
    if excluded:
        notes.append(f"{excluded} article(s) not evaluated by the project")
    other = len(gold.documents) + len(gold.skipped) - len(in_half) - len(skipped_in_half)
    if chosen.half is not None:
        notes.append(f"{chosen.half} half only: {other} article(s) of the other half left out")
    return EvalReport(
        set_name=gold.name,
        path=gold.path,
        digest=gold.digest,
        kind=gold.kind,
        family=gold.family,
        n_records=len(gold.documents) + len(gold.skipped),
        n_not_evaluated=excluded,
        include_all_modes=False,
        headlines=headlines,
        groups=(group,),
        notes=tuple(notes),
        half=chosen.half,
        n_other_half=other,
        documents=tuple(outcomes),
    )
