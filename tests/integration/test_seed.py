"""The seed report: the first input accord must get right (read from ../shared, never copied)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from accord.formats import event_to_dict
from accord.ingest import iter_documents
from accord.model import Document, Event, PlaceBasis, PlaceType

SEED = "seed/xi-putin-trump-talks.txt"
PUBLISHED = dt.date(2026, 2, 5)


@pytest.fixture(scope="module")
def seed_events(shared_dir: Path, coder: Any) -> list[Event]:
    items = list(iter_documents([str(shared_dir / SEED)], coder.settings))
    assert len(items) == 1 and isinstance(items[0], Document)
    doc = items[0]
    from dataclasses import replace

    result = coder.code_documents([replace(doc, date=PUBLISHED)])
    (res,) = list(result)
    assert not res.failures
    return list(res.events)


def _dyads(events: list[Event]) -> set[tuple[str | None, str | None, str]]:
    return {(e.source.country, e.target.country if e.target else None, e.cameo[:2]) for e in events}


def test_xi_putin_and_xi_trump_talks_are_consultations_dated_wednesday(
    seed_events: list[Event],
) -> None:
    consult = [e for e in seed_events if e.cameo.startswith("04")]
    pairs = {(e.source.country, e.target.country if e.target else None) for e in consult}
    assert ("CHN", "RUS") in pairs
    assert ("CHN", "USA") in pairs
    for e in consult:
        if e.source.country == "CHN" and e.target and e.target.country in ("RUS", "USA"):
            assert e.date == dt.date(2026, 2, 4)
            assert e.date_precision is not None and e.date_precision.value == "day"


def test_leaders_resolve_to_their_governments(seed_events: list[Event]) -> None:
    codes = {
        (a.name or a.text, a.code)
        for e in seed_events
        for a in (e.source, e.target)
        if a is not None
    }
    by_text = {text: code for text, code in codes}
    assert any("Xi" in t and c == "CHNGOV" for t, c in by_text.items())
    assert any("Putin" in t and c == "RUSGOV" for t, c in by_text.items())
    assert any("Trump" in t and c == "USAGOV" for t, c in by_text.items())


def test_no_event_from_boilerplate_tail(seed_events: list[Event]) -> None:
    for e in seed_events:
        for junk in ("Balochistan", "LEAVE A REPLY", "tweets as", "Please enter", "terrorists"):
            assert junk not in e.sentence


def test_events_have_the_contract_shape(seed_events: list[Event]) -> None:
    assert seed_events
    for e in seed_events:
        d = event_to_dict(e)
        for key in (
            "doc_id",
            "event_id",
            "sentence_index",
            "sentence",
            "date",
            "date_precision",
            "date_source",
            "source",
            "target",
            "cameo",
            "cameo_name",
            "plover",
            "quad_class",
            "goldstein",
            "mode",
            "location",
            "confidence",
            "evidence",
        ):
            assert key in d
        s, t = e.source.span
        assert e.sentence[s:t] == e.source.text
        if e.target is not None:
            s, t = e.target.span
            assert e.sentence[s:t] == e.target.text
        s, t = e.evidence.trigger_span
        assert e.sentence[s:t] == e.evidence.trigger
        assert 1 <= e.quad_class <= 4
        assert 0.0 <= e.confidence <= 1.0
        assert len({x.event_id for x in seed_events}) == len(seed_events)


def test_explain_works_on_every_seed_sentence(shared_dir: Path, coder: Any) -> None:
    import io

    from accord.cli.explain import render
    from accord.text import clean_document

    (doc,) = [d for d in iter_documents([str(shared_dir / SEED)], coder.settings)]
    assert isinstance(doc, Document)
    clean = clean_document(doc)
    assert len(clean.sentences) > 20
    for s in clean.sentences:
        expl = coder.explain(s.text, date=PUBLISHED)
        out = io.StringIO()
        render(expl, out)
        assert s.text.split()[0] in out.getvalue()
        coded = {d.index for d in expl.decisions if d.coded}
        assert len(expl.result.events) == 0 or coded


def test_seed_places_follow_the_event_not_the_sentence(seed_events: list[Event]) -> None:
    """Issue 11: the January visits happened in China (the place 'visited' governs); the
    Chinese side's talks are placed at the Beijing dateline, the Russian side's are not;
    Putin's support for China's hosting of APEC is not placed in Shenzhen (the meeting it
    refers to has not happened)."""
    visits = [e for e in seed_events if e.evidence.trigger == "visited"]
    assert visits
    for e in visits:
        assert e.location is not None and e.location.country == "CHN"
        assert e.location.type is PlaceType.COUNTRY and e.location.basis is PlaceBasis.SENTENCE
    for e in seed_events:
        assert e.location is None or e.location.name != "Shenzhen", e.sentence
    talks = [e for e in seed_events if e.cameo.startswith("04") and e.sentence_index == 0]
    for e in talks:
        if e.source.country == "CHN":
            assert e.location is not None and e.location.name == "Beijing"
            assert e.location.basis is PlaceBasis.DATELINE
        else:
            assert e.location is None
