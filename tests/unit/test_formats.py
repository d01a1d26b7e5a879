"""Event serialisation: JSON round trip, CSV columns, GDELT 2.0 rows."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from accord.errors import MalformedRecord, UsageError
from accord.formats import (
    CSV_COLUMNS,
    FORMATS,
    GDELT_COLUMNS,
    event_from_dict,
    event_to_dict,
    events_from_jsonl,
    events_to_csv,
    events_to_gdelt,
    events_to_jsonl,
    gdelt_event_id,
    write_events,
)
from accord.model import Actor, DatePrecision, DateSource, Event, Evidence, Mode, Place


def make_event(**over: Any) -> Event:
    sentence = "Russia accused Ukraine of shelling the plant on Tuesday."
    base = Event(
        doc_id="doc-1",
        event_id="doc-1:0:0",
        sentence_index=0,
        sentence=sentence,
        sentence_span=(0, len(sentence)),
        date=dt.date(2024, 3, 5),
        date_precision=DatePrecision.DAY,
        date_source=DateSource.TEXT,
        source=Actor("Russia", "RUS", "RUS", None, "Russia", (0, 6)),
        target=Actor("Ukraine", "UKRGOV", "UKR", "GOV", "Ukraine", (15, 22)),
        cameo="112",
        cameo_name="Accuse",
        plover="ACCUSE",
        plover_mode="allege",
        plover_context=None,
        quad_class=3,
        goldstein=-2.0,
        mode=Mode.ASSERTED,
        location=Place("Zaporizhzhia", "UKR", 47.84, 35.14),
        confidence=0.85,
        evidence=Evidence("accused", (7, 14), "verb:ACCUSE:* (OF)"),
    )
    return dataclasses.replace(base, **over)


# ----------------------------------------------------------------------------- JSON

EXPECTED_KEYS = [
    "doc_id",
    "event_id",
    "sentence_index",
    "sentence",
    "sentence_span",
    "date",
    "date_precision",
    "date_source",
    "source",
    "target",
    "cameo",
    "cameo_name",
    "plover",
    "plover_mode",
    "plover_context",
    "quad_class",
    "goldstein",
    "mode",
    "location",
    "confidence",
    "evidence",
]


def test_event_to_dict_keys_in_contract_order() -> None:
    d = event_to_dict(make_event())
    assert list(d) == EXPECTED_KEYS
    assert list(d["source"]) == ["text", "code", "country", "role", "name", "span"]
    assert list(d["location"]) == [
        "name", "country", "lat", "lon", "type", "fips", "admin1", "geonames_id", "basis"
    ]  # fmt: skip
    assert list(d["evidence"]) == ["trigger", "trigger_span", "rule"]


def test_event_to_dict_values_are_json_native() -> None:
    d = event_to_dict(make_event())
    assert d["date"] == "2024-03-05"
    assert d["date_precision"] == "day"
    assert d["date_source"] == "text"
    assert d["mode"] == "asserted"
    assert d["sentence_span"] == [0, 56]
    assert d["source"]["span"] == [0, 6]
    assert d["evidence"]["trigger_span"] == [7, 14]
    assert json.loads(json.dumps(d)) == d


def test_optional_parts_are_null() -> None:
    d = event_to_dict(
        make_event(target=None, location=None, date=None, date_precision=None, plover=None)
    )
    assert d["target"] is None
    assert d["location"] is None
    assert d["date"] is None
    assert d["date_precision"] is None
    assert d["plover"] is None
    assert event_from_dict(d) == make_event(
        target=None, location=None, date=None, date_precision=None, plover=None
    )


_text = st.text(max_size=30)
_opt_text = st.none() | _text
_span = st.tuples(st.integers(0, 10_000), st.integers(0, 10_000))
_num = st.floats(allow_nan=False, allow_infinity=False)
_actor = st.builds(Actor, _text, _text, _opt_text, _opt_text, _opt_text, _span)
_events = st.builds(
    Event,
    doc_id=_text,
    event_id=_text,
    sentence_index=st.integers(0, 10_000),
    sentence=_text,
    sentence_span=_span,
    date=st.none() | st.dates(),
    date_precision=st.none() | st.sampled_from(DatePrecision),
    date_source=st.sampled_from(DateSource),
    source=_actor,
    target=st.none() | _actor,
    cameo=_text,
    cameo_name=_text,
    plover=_opt_text,
    plover_mode=_opt_text,
    plover_context=_opt_text,
    quad_class=st.integers(1, 4),
    goldstein=_num,
    mode=st.sampled_from(Mode),
    location=st.none() | st.builds(Place, _text, _opt_text, st.none() | _num, st.none() | _num),
    confidence=_num,
    evidence=st.builds(Evidence, _text, _span, _text),
)


@settings(max_examples=200, deadline=None)
@given(_events)
def test_json_round_trip(e: Event) -> None:
    assert event_from_dict(event_to_dict(e)) == e
    assert event_from_dict(json.loads(json.dumps(event_to_dict(e)))) == e


@settings(max_examples=50, deadline=None)
@given(st.lists(_events, max_size=5))
def test_jsonl_round_trip(events: list[Event]) -> None:
    buf = io.StringIO()
    assert events_to_jsonl(events, buf) == len(events)
    text = buf.getvalue()
    assert text.count("\n") == len(events)
    assert list(events_from_jsonl(io.StringIO(text))) == events


@pytest.mark.parametrize(
    ("mutate", "fragment"),
    [
        (lambda d: d.pop("cameo"), "'cameo'"),
        (lambda d: d.update(mode="maybe"), "'mode' must be one of"),
        (lambda d: d.update(date="2024-13-01"), "bad date"),
        (lambda d: d.update(sentence_span=[1]), "'sentence_span'"),
        (lambda d: d["source"].pop("code"), "source.'code'"),
        (lambda d: d.update(quad_class="3"), "'quad_class' must be an integer"),
        (lambda d: d.update(evidence=None), "'evidence'"),
    ],
)
def test_malformed_records_raise(mutate: Any, fragment: str) -> None:
    d = event_to_dict(make_event())
    mutate(d)
    with pytest.raises(MalformedRecord, match=None) as info:
        event_from_dict(d)
    assert fragment in str(info.value)


def test_jsonl_reader_names_the_line() -> None:
    good = json.dumps(event_to_dict(make_event()))
    with pytest.raises(MalformedRecord, match="line 3"):
        list(events_from_jsonl([good, "", "{not json"]))


# ----------------------------------------------------------------------------- CSV


def test_csv_header_and_values() -> None:
    buf = io.StringIO(newline="")
    n = events_to_csv([make_event(), make_event(event_id="doc-1:0:1", target=None)], buf)
    assert n == 2
    rows = list(csv.reader(io.StringIO(buf.getvalue())))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert CSV_COLUMNS[:5] == ("doc_id", "event_id", "date", "date_precision", "date_source")
    assert CSV_COLUMNS[-2:] == ("sentence_index", "sentence")
    first = dict(zip(CSV_COLUMNS, rows[1], strict=True))
    assert first["date"] == "2024-03-05"
    assert first["source_code"] == "RUS"
    assert first["target_code"] == "UKRGOV"
    assert first["target_role"] == "GOV"
    assert first["cameo"] == "112"
    assert first["root_code"] == "11"
    assert first["quad_class"] == "3"
    assert float(first["goldstein"]) == -2.0
    assert first["plover_context"] == ""
    assert float(first["lat"]) == 47.84
    assert first["trigger"] == "accused"
    assert first["rule"] == "verb:ACCUSE:* (OF)"
    assert first["sentence"].startswith("Russia accused")
    second = dict(zip(CSV_COLUMNS, rows[2], strict=True))
    assert second["target_code"] == second["target_text"] == ""


def test_csv_quotes_commas_and_newlines() -> None:
    e = make_event(sentence='He said, "no"\nthen left.')
    buf = io.StringIO(newline="")
    events_to_csv([e], buf, header=False)
    (row,) = list(csv.reader(io.StringIO(buf.getvalue())))
    assert row[-1] == e.sentence


# ----------------------------------------------------------------------------- GDELT


def _gdelt(events: list[Event], **kw: Any) -> list[dict[str, str]]:
    buf = io.StringIO()
    events_to_gdelt(events, buf, **kw)
    lines = buf.getvalue().split("\n")
    assert lines[-1] == ""
    out = []
    for line in lines[:-1]:
        fields = line.split("\t")
        assert len(fields) == 61
        out.append(dict(zip(GDELT_COLUMNS, fields, strict=True)))
    return out


def test_gdelt_column_list() -> None:
    assert len(GDELT_COLUMNS) == 61
    assert len(set(GDELT_COLUMNS)) == 61
    assert GDELT_COLUMNS[:5] == ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate")
    assert GDELT_COLUMNS[5] == "Actor1Code" and GDELT_COLUMNS[15] == "Actor2Code"
    assert GDELT_COLUMNS[25:35] == (
        "IsRootEvent",
        "EventCode",
        "EventBaseCode",
        "EventRootCode",
        "QuadClass",
        "GoldsteinScale",
        "NumMentions",
        "NumSources",
        "NumArticles",
        "AvgTone",
    )
    assert GDELT_COLUMNS[35] == "Actor1Geo_Type"
    assert GDELT_COLUMNS[51] == "ActionGeo_Type"
    assert GDELT_COLUMNS[56:59] == ("ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID")
    assert GDELT_COLUMNS[-2:] == ("DATEADDED", "SOURCEURL")


def test_gdelt_row_values() -> None:
    e = make_event(cameo="0421", quad_class=1, goldstein=1.9, sentence_index=0)
    (row,) = _gdelt([e], urls={"doc-1": "https://example.org/a"})
    assert row["GLOBALEVENTID"] == str(gdelt_event_id("doc-1:0:0"))
    assert row["SQLDATE"] == "20240305"
    assert row["MonthYear"] == "202403"
    assert row["Year"] == "2024"
    assert row["FractionDate"] == "2024.1776"
    assert row["Actor1Code"] == "RUS"
    assert row["Actor1Name"] == "RUSSIA"
    assert row["Actor1CountryCode"] == "RUS"
    assert row["Actor2Code"] == "UKRGOV"
    assert row["Actor2CountryCode"] == "UKR"
    assert row["Actor2Type1Code"] == "GOV"
    assert row["IsRootEvent"] == "1"
    assert row["EventCode"] == "0421"
    assert row["EventBaseCode"] == "042"
    assert row["EventRootCode"] == "04"
    assert row["QuadClass"] == "1"
    assert row["GoldsteinScale"] == "1.9"
    assert (row["NumMentions"], row["NumSources"], row["NumArticles"]) == ("1", "1", "1")
    assert row["AvgTone"] == ""
    assert row["Actor1Geo_FullName"] == ""
    assert row["ActionGeo_FullName"] == "Zaporizhzhia"
    assert row["ActionGeo_CountryCode"] == "UP"  # FIPS 10-4 (GDELT), not ISO3
    assert float(row["ActionGeo_Lat"]) == 47.84
    assert float(row["ActionGeo_Long"]) == 35.14
    assert row["DATEADDED"] == ""
    assert row["SOURCEURL"] == "https://example.org/a"


def test_gdelt_unknowns_are_empty() -> None:
    e = make_event(target=None, location=None, date=None, date_precision=None, sentence_index=3)
    (row,) = _gdelt([e])
    assert row["SQLDATE"] == row["MonthYear"] == row["Year"] == row["FractionDate"] == ""
    assert all(row[f"Actor2{f}"] == "" for f in ("Code", "Name", "CountryCode", "Type1Code"))
    assert all(v == "" for k, v in row.items() if k.startswith("ActionGeo_"))
    assert row["IsRootEvent"] == "0"
    assert row["SOURCEURL"] == ""


def test_gdelt_known_group_and_types() -> None:
    un = Actor("the UN", "IGOUNO", None, None, "United Nations", (0, 6))
    reb = Actor("rebels", "SYRREBMIL", "SYR", "REB", None, (0, 6))
    (row,) = _gdelt([make_event(source=un, target=reb)])
    assert row["Actor1KnownGroupCode"] == "UNO"
    assert row["Actor1Type1Code"] == ""
    assert row["Actor1Name"] == "UNITED NATIONS"
    assert row["Actor2Type1Code"] == "REB"
    assert row["Actor2Type2Code"] == "MIL"
    assert row["Actor2Name"] == "REBELS"


def test_gdelt_event_id_is_deterministic() -> None:
    a = gdelt_event_id("doc-1:0:0")
    assert a == gdelt_event_id("doc-1:0:0")
    assert a != gdelt_event_id("doc-1:0:1")
    assert 0 <= a < 2**63


def test_gdelt_header_tabs_and_date_added() -> None:
    e = make_event(sentence="tab\there", source=Actor("A\tB", "USA", "USA", None, None, (0, 3)))
    buf = io.StringIO()
    events_to_gdelt([e], buf, header=True, date_added=dt.datetime(2024, 3, 6, 12, 30, 5))
    header, line, end = buf.getvalue().split("\n")
    assert header.split("\t") == list(GDELT_COLUMNS)
    assert end == ""
    fields = line.split("\t")
    assert len(fields) == 61
    row = dict(zip(GDELT_COLUMNS, fields, strict=True))
    assert row["Actor1Name"] == "A B"
    assert row["DATEADDED"] == "20240306123005"


# ----------------------------------------------------------------------------- dispatch


@pytest.mark.parametrize("fmt", FORMATS)
def test_write_events_dispatch(fmt: str) -> None:
    buf = io.StringIO(newline="")
    assert write_events([make_event()], buf, fmt, urls={"doc-1": "u"}) == 1
    assert buf.getvalue()


def test_write_events_unknown_format() -> None:
    with pytest.raises(UsageError, match="unknown output format 'xml'"):
        write_events([], io.StringIO(), "xml")
