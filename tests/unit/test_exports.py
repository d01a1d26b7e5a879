"""Exports that drop into existing tools (issue 12, item 5): GDELT 2.0 rows read back
against the 61 columns in ../shared/resources/formats, PLOVER records against the
specification's field list, Parquet partitioned by event date, the document's URL, title
and outlet on every JSON line and CSV row, and one registry of writers."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from accord.errors import UsageError
from accord.formats import (
    CSV_COLUMNS,
    GDELT_COLUMNS,
    PLOVER_EXTRAS,
    PLOVER_FIELDS,
    STREAM_FORMATS,
    WRITERS,
    document_ref,
    event_to_plover,
    events_from_jsonl,
    gdelt_event_id,
    write_events,
    write_folded,
)
from accord.model import (
    Actor,
    DatePrecision,
    DateSource,
    DocResult,
    Document,
    Event,
    Evidence,
    Mode,
    Place,
    PlaceBasis,
    PlaceType,
)
from accord.store import EventQuery, EventStore
from accord.store.parquet import export_parquet
from tests.shared_data import shared_path

RUS = Actor("Russia", "RUS", "RUS", None, "Russia", (0, 6))
UKR = Actor("Kyiv", "UKRGOV", "UKR", "GOV", "Government of Ukraine", (0, 4))
UN = Actor("the UN", "IGOUNO", None, None, "United Nations", (0, 6))

# one place of each kind GDELT tells apart
UKRAINE = Place("Ukraine", "UKR", 49.0, 32.0, PlaceType.COUNTRY, "UP", None, 690791)
TEXAS = Place("Texas", "USA", 31.25, -99.25, PlaceType.ADMIN1, "US", "TX", 4736286)
CRIMEA = Place("Crimea", "UKR", 45.0, 34.0, PlaceType.ADMIN1, "UP", "11", 703883)
BOSTON = Place("Boston", "USA", 42.36, -71.06, PlaceType.CITY, "US", "MA", 4930956)
KYIV = Place("Kyiv", "UKR", 50.45, 30.52, PlaceType.CITY, "UP", "12", 703448, PlaceBasis.DATELINE)
KREMLIN = Place("Moscow", "RUS", 55.75, 37.62, PlaceType.SITE, "RS", "48", 524901)
PLACES = (UKRAINE, TEXAS, CRIMEA, BOSTON, KYIV, KREMLIN, None)
# GDELT's Geo_Type, CountryCode (FIPS 10-4), ADM1Code and FeatureID of each
EXPECTED_GEO = (
    ("1", "UP", "UP", "UP"),
    ("2", "US", "USTX", "USTX"),
    ("5", "UP", "UP11", "UP11"),
    ("3", "US", "USMA", "4930956"),
    ("4", "UP", "UP12", "703448"),
    ("4", "RS", "RS48", "524901"),
    ("", "", "", ""),
)


def ev(n: int, place: Place | None, *, doc_id: str = "doc-1") -> Event:
    dated = n != len(PLACES) - 1
    return Event(
        doc_id=doc_id,
        event_id=f"{doc_id}:{n}",
        sentence_index=n,
        sentence=f"Russia accused Kyiv, sentence {n}.",
        sentence_span=(10 * n, 10 * n + 9),
        date=dt.date(2024, 3, 5 + n) if dated else None,
        date_precision=DatePrecision.DAY if dated else None,
        date_source=DateSource.TEXT if dated else DateSource.NONE,
        source=RUS,
        target=UN if n == 2 else (UKR if n != 3 else None),
        cameo="1121",
        cameo_name="Accuse of crime, corruption",
        plover="ACCUSE",
        plover_mode="allege",
        plover_context="crime;corruption",
        quad_class=3,
        goldstein=-2.0,
        mode=Mode.ASSERTED,
        location=place,
        confidence=0.75,
        evidence=Evidence("accused", (7, 14), "verb:ACCUSE:* (OF)"),
    )


EVENTS = tuple(ev(n, p) for n, p in enumerate(PLACES))
DOC = Document(
    id="doc-1",
    text="t",
    title="Russia accuses Kyiv",
    url="https://www.example.org/news/1?x=1",
    source="Example News",
)
BARE = Document(id="doc-2", text="t", source="Wire Service")


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    path = tmp_path_factory.mktemp("exports") / "e.duckdb"
    with EventStore.open(path) as s:
        s.write(
            [
                DocResult(DOC, events=EVENTS, content_hash="h1"),
                DocResult(BARE, events=(ev(0, None, doc_id="doc-2"),), content_hash="h2"),
            ]
        )
    yield path


def _export(db: Path, fmt: str, query: EventQuery | None = None) -> str:
    out = io.StringIO(newline="")
    with EventStore.open(db, read_only=True) as s:
        found = list(s.iter_events(query or EventQuery()))
        write_events(found, out, fmt, docs=s.document_refs(e.doc_id for e in found))
    return out.getvalue()


# ----------------------------------------------------------------------------- GDELT


def test_gdelt_columns_are_the_shared_list() -> None:
    listed = shared_path("resources", "formats", "gdelt2_event_columns.txt").read_text()
    assert tuple(line.strip() for line in listed.splitlines() if line.strip()) == GDELT_COLUMNS
    assert len(GDELT_COLUMNS) == 61


def test_gdelt_export_reads_back_as_gdelt(db: Path) -> None:
    columns = [
        c.strip()
        for c in shared_path("resources", "formats", "gdelt2_event_columns.txt")
        .read_text()
        .splitlines()
        if c.strip()
    ]
    text = _export(db, "gdelt")
    rows = list(csv.reader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE))
    assert len(rows) == len(EVENTS) + 1
    assert all(len(r) == 61 for r in rows)
    by_id = {}
    with EventStore.open(db, read_only=True) as s:
        added = s.document_refs(["doc-1"])["doc-1"].added
    assert added is not None
    for fields in rows:
        row = dict(zip(columns, fields, strict=True))
        by_id[row["GLOBALEVENTID"]] = row
        assert row["GLOBALEVENTID"].isdigit()
        # DATEADDED: YYYYMMDDHHMMSS, when the document entered the store
        assert len(row["DATEADDED"]) == 14
        stamp = dt.datetime.strptime(row["DATEADDED"], "%Y%m%d%H%M%S")
        assert abs(stamp - added.replace(microsecond=0)) <= dt.timedelta(seconds=1)
        if row["SQLDATE"]:
            day = dt.datetime.strptime(row["SQLDATE"], "%Y%m%d").date()
            assert row["MonthYear"] == day.strftime("%Y%m") and row["Year"] == str(day.year)
            assert int(float(row["FractionDate"])) == day.year
        assert row["EventRootCode"] == "11" and row["EventBaseCode"] == "112"
        assert row["QuadClass"] == "3" and float(row["GoldsteinScale"]) == -2.0
        assert row["Actor1Code"] == "RUS" and row["Actor1CountryCode"] == "RUS"
    doc1 = [r for r in by_id.values() if r["SOURCEURL"]]
    assert len(doc1) == len(EVENTS)
    assert {r["SOURCEURL"] for r in doc1} == {DOC.url}
    (doc2,) = [r for r in by_id.values() if not r["SOURCEURL"]]  # no URL: empty, not made up
    assert doc2["ActionGeo_Type"] == ""
    # ActionGeo: FIPS 10-4 codes, GDELT's Geo_Type, ADM1 (FIPS + admin-1) and FeatureID
    for e, (kind, fips, adm1, feature) in zip(EVENTS, EXPECTED_GEO, strict=True):
        row = by_id[str(gdelt_event_id(e.event_id))]
        got = (
            row["ActionGeo_Type"],
            row["ActionGeo_CountryCode"],
            row["ActionGeo_ADM1Code"],
            row["ActionGeo_FeatureID"],
        )
        assert got == (kind, fips, adm1, feature), e.location
        if e.location is not None:
            assert float(row["ActionGeo_Lat"]) == e.location.lat
            assert row["ActionGeo_FullName"] == e.location.name
    un = by_id[str(gdelt_event_id(EVENTS[2].event_id))]
    assert un["Actor2Code"] == "IGOUNO" and un["Actor2KnownGroupCode"] == "UNO"


def test_gdelt_reads_into_duckdb_with_the_shared_names(db: Path, tmp_path: Path) -> None:
    columns = [
        c.strip()
        for c in shared_path("resources", "formats", "gdelt2_event_columns.txt")
        .read_text()
        .splitlines()
        if c.strip()
    ]
    f = tmp_path / "events.export.CSV"
    f.write_text(_export(db, "gdelt"), encoding="utf-8")
    con = duckdb.connect()
    types = {c: "VARCHAR" for c in columns}
    rel = con.execute(
        "SELECT SQLDATE, ActionGeo_CountryCode, SOURCEURL FROM read_csv(?, delim='\t', "
        "header=false, columns=?, quote='', escape='') WHERE SQLDATE IS NOT NULL "
        "ORDER BY SQLDATE LIMIT 1",
        [str(f), types],
    ).fetchall()
    assert rel == [("20240305", "UP", DOC.url)]


# ----------------------------------------------------------------------------- PLOVER

# The PLOVER specification, "JSON Data Fields" chapter, table "PLOVER JSON" (Open Event
# Data Alliance, PLOVER manual draft 0.7b1, openeventdata/PLOVER PLOVER_MANUAL.tex),
# in its order; docs/codebook.md cites it.
PLOVER_SPEC_FIELDS = (
    "id", "has_event", "date", "time", "enddate", "endtime", "source", "recipient", "event",
    "event_loc", "event_text", "quad_code", "event_scale", "mode", "context", "link", "text",
    "text_info", "cite_info", "coder", "coded_date", "coded_time", "comment",
)  # fmt: skip
PLOVER_REQUIRED = ("id", "date", "source", "event")
PLOVER_ACTOR = (
    "code", "sector", "actor_text", "identifer_id", "identifier_id", "identifier_text",
    "actor_loc", "religion", "ethnicity", "office", "gender", "age",
)  # fmt: skip
PLOVER_TEXT_INFO = ("sequence", "start", "end", "text_story", "connlu_parse", "treebank_parse")
PLOVER_CITE_INFO = (
    "corpus", "citation", "url", "title", "language", "publication", "license",
    "copyright", "coder", "codebook", "version",
)  # fmt: skip
GEONAMES_FIELDS = (
    "geonameid", "name", "asciiname", "alternatenames", "latitude", "longitude",
    "feature class", "feature code", "country code", "cc3", "cc2", "admin1 code",
    "admin2 code", "admin3 code", "admin4 code", "population", "elevation", "dem", "timezone",
)  # fmt: skip


def _plover_records(db: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in _export(db, "plover").splitlines()]


def test_plover_fields_are_the_specifications(db: Path) -> None:
    assert set(PLOVER_FIELDS) <= set(PLOVER_SPEC_FIELDS)
    assert not set(PLOVER_EXTRAS) & set(PLOVER_SPEC_FIELDS)  # extras under their own names
    records = _plover_records(db)
    assert len(records) == len(EVENTS) + 1
    for r in records:
        keys = list(r)
        spec = [k for k in keys if k in PLOVER_SPEC_FIELDS]
        assert [k for k in keys if k not in PLOVER_SPEC_FIELDS] == list(PLOVER_EXTRAS)
        assert all(k in spec for k in PLOVER_REQUIRED)
        assert [k for k in spec if k != "coded_date"] == list(PLOVER_FIELDS)
        actors = [*r["source"], *r["recipient"]]  # type: ignore[misc]
        for a in actors:
            assert set(a) - {"cameo_code", "country"} <= set(PLOVER_ACTOR)
        assert set(r["text_info"]) <= set(PLOVER_TEXT_INFO)  # type: ignore[arg-type]
        assert set(r["cite_info"]) <= set(PLOVER_CITE_INFO)  # type: ignore[arg-type]
        if r["event_loc"] is not None:
            loc = set(r["event_loc"])  # type: ignore[arg-type]
            assert loc - {"type", "fips", "basis"} <= set(GEONAMES_FIELDS)


def test_plover_values(db: Path) -> None:
    by_id = {r["id"]: r for r in _plover_records(db)}
    r = by_id["doc-1:1"]
    assert r["date"] == "2024-03-06"
    assert r["event"] == ["ACCUSE"] and r["mode"] == "allege"
    assert r["context"] == ["crime", "corruption"]
    assert r["source"] == [
        {"code": "RUS", "sector": None, "actor_text": "Russia", "identifier_text": "Russia",
         "cameo_code": "RUS", "country": "RUS"}
    ]  # fmt: skip
    assert r["recipient"][0]["code"] == "UKR" and r["recipient"][0]["sector"] == "GOV"  # type: ignore[index]
    assert r["event_loc"]["country code"] == "US" and r["event_loc"]["cc3"] == "USA"  # type: ignore[index]
    assert r["event_loc"]["admin1 code"] == "TX"  # type: ignore[index]
    assert r["quad_code"] == 3 and r["quad_class"] == 3
    assert r["event_scale"] == r["goldstein"] == -2.0
    assert r["modality"] == "asserted" and r["confidence"] == 0.75
    assert r["text_info"] == {"sequence": 1, "start": 10, "end": 19}
    assert r["cite_info"] == {
        "url": DOC.url, "title": DOC.title, "publication": "example.org"
    }  # fmt: skip
    assert str(r["coder"]).startswith("accord ")
    with EventStore.open(db, read_only=True) as s:
        added = s.document_refs(["doc-1"])["doc-1"].added
    assert added is not None and r["coded_date"] == added.date().isoformat()
    assert by_id["doc-1:3"]["recipient"] == []
    assert by_id["doc-1:2"]["recipient"][0]["code"] == "IGO"  # type: ignore[index]
    assert by_id["doc-1:2"]["recipient"][0]["sector"] is None  # type: ignore[index]
    assert by_id["doc-1:6"]["event_loc"] is None and by_id["doc-1:6"]["date"] is None


def test_plover_event_types_are_the_ngec_codebooks() -> None:
    from accord.coding.ontology import Ontology

    codebook = shared_path("resources", "plover", "NGEC_PLOVER_structured_codebook_updated.csv")
    with codebook.open(encoding="utf-8") as f:
        types = {row["event"] for row in csv.DictReader(f)}
    ours = {c.plover for c in Ontology.load() if c.plover}
    assert ours == types


def test_plover_quad_follows_the_plover_table_request_its_cameo_class() -> None:
    def quad(plover: str, cameo_quad: int) -> object:
        e = dataclasses.replace(ev(0, None), plover=plover, quad_class=cameo_quad)
        return event_to_plover(e)["quad_code"]

    assert quad("SANCTION", 4) == 3  # CAMEO 16 is material conflict, PLOVER's verbal
    assert quad("CONCEDE", 2) == 1
    assert quad("REQUEST", 1) == 1
    assert quad("REQUEST", 3) == 3


# ----------------------------------------------------------------------------- JSON / CSV


def test_json_and_csv_carry_url_title_outlet(db: Path) -> None:
    lines = _export(db, "json").splitlines()
    records = [json.loads(line) for line in lines]
    first = next(r for r in records if r["doc_id"] == "doc-1")
    assert (first["url"], first["title"], first["outlet"]) == (
        DOC.url,
        DOC.title,
        "example.org",
    )
    bare = next(r for r in records if r["doc_id"] == "doc-2")
    assert (bare["url"], bare["title"], bare["outlet"]) == (None, None, "wire service")
    # the event reader still reads them back exactly
    with EventStore.open(db, read_only=True) as s:
        assert list(events_from_jsonl(lines)) == list(s.iter_events())
    rows = list(csv.DictReader(io.StringIO(_export(db, "csv"))))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert (rows[0]["url"], rows[0]["title"], rows[0]["outlet"]) == (
        DOC.url,
        DOC.title,
        "example.org",
    )


def test_document_ref_outside_a_store() -> None:
    assert document_ref(DOC).outlet == "example.org"
    assert document_ref(BARE).outlet == "wire service"
    assert document_ref(Document(id="x", text="t")).outlet is None


def test_folded_outputs_carry_the_document_too(db: Path) -> None:
    with EventStore.open(db, read_only=True) as s:
        folded = list(s.iter_folded(EventQuery(), "daily"))
        docs = s.document_refs(f.event.doc_id for f in folded)
    for fmt in STREAM_FORMATS:
        out = io.StringIO(newline="")
        assert write_folded(folded, out, fmt, docs=docs) == len(folded)
        assert DOC.url is not None and DOC.url in out.getvalue()


# ----------------------------------------------------------------------------- Parquet


def test_parquet_export_partitioned_by_event_date(db: Path, tmp_path: Path) -> None:
    with EventStore.open(db, read_only=True) as s:
        every = export_parquet(s, tmp_path / "all", EventQuery(modes=()))
        some = export_parquet(s, tmp_path / "ua", EventQuery(country="UA"))
        with pytest.raises(UsageError, match="new or empty"):
            export_parquet(s, tmp_path / "all", EventQuery())
        stored = list(s.iter_events(EventQuery(modes=())))
    assert (every.events, every.documents) == (len(stored), 2)
    parts = sorted(p.name for p in (tmp_path / "all" / "events").iterdir())
    assert "event_date=2024-03-05" in parts
    assert "event_date=__HIVE_DEFAULT_PARTITION__" in parts  # the undated events
    con = duckdb.connect()
    got = con.execute(
        "SELECT event_date, count(*) FROM read_parquet(?, hive_partitioning = true) "
        "GROUP BY ALL ORDER BY 1 NULLS LAST",
        [str(tmp_path / "all" / "events" / "*" / "*.parquet")],
    ).fetchall()
    assert got[0] == (dt.date(2024, 3, 5), 2) and got[-1] == (None, 1)
    # a filtered export holds its events and their documents only
    assert (some.events, some.documents, some.failures) == (6, 2, 0)
    # the export imports back into the same events
    with EventStore.open(tmp_path / "again.duckdb") as again:
        again.import_parquet(tmp_path / "all")
        assert sorted(again.iter_events(EventQuery(modes=())), key=lambda e: e.event_id) == sorted(
            stored, key=lambda e: e.event_id
        )


# ----------------------------------------------------------------------------- registry


def test_one_registry_of_writers() -> None:
    assert tuple(WRITERS) == ("json", "csv", "gdelt", "plover", "parquet")
    assert STREAM_FORMATS == ("json", "csv", "gdelt", "plover")
    with pytest.raises(UsageError, match="writes a folder"):
        write_events([], io.StringIO(), "parquet")
    with pytest.raises(UsageError, match="unknown output format 'xml'"):
        write_events([], io.StringIO(), "xml")


def test_a_county_is_exported_at_its_states_level() -> None:
    # GDELT has no county Geo_Type: a county (GeoNames admin-2) counts as its state
    from accord.formats.gdelt import _gdelt_geo

    norfolk = Place("Norfolk", "GBR", 52.66, 1.08, PlaceType.ADMIN2, "UK", "ENG")
    kind, name, fips, adm1, _, _, _, feature = _gdelt_geo(norfolk)
    assert (kind, name, fips, adm1, feature) == ("5", "Norfolk", "UK", "UKENG", "UKENG")
    county = Place("Riverside County", "USA", 33.78, -116.88, PlaceType.ADMIN2, "US", "CA")
    assert _gdelt_geo(county)[0] == "2" and _gdelt_geo(county)[3] == "USCA"
