"""The event filters of issue 12, item 6: directed source and target, CAMEO prefix, PLOVER
type, has-target, minimum confidence, sentence text; actors by word, not substring;
ISO 3166 alpha-2 and alpha-3 country codes, an unknown code an error."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest

from accord.analysis import count, events
from accord.analysis.query import EventQuery
from accord.errors import UsageError
from accord.model import (
    Actor,
    DatePrecision,
    DateSource,
    DocResult,
    Document,
    Event,
    Evidence,
    Mode,
)
from accord.store import EventStore
from accord.store.filters import country_code, where_sql, word_pattern

XI = Actor("Xi", "CHNGOV", "CHN", "GOV", "Xi Jinping", (0, 2))
MEXICO = Actor("Mexico", "MEX", "MEX", None, "Mexico", (0, 6))
ALEXIS = Actor("Alexis Tsipras", "GRCGOV", "GRC", "GOV", "Alexis Tsipras", (0, 14))
BREXIT = Actor("Brexit campaigners", "GBR", "GBR", None, None, (0, 18))
USA = Actor("Washington", "USAGOV", "USA", "GOV", None, (0, 10))
UN = Actor("the UN", "IGOUNO", None, None, "United Nations", (0, 6))
ARCADIA = Actor("Arcadia", "XAR", "XAR", None, "Arcadia", (0, 7))
REBELS = Actor("rebels", "---REB", None, "REB", None, (0, 6))


def ev(
    n: int,
    source: Actor,
    target: Actor | None,
    *,
    cameo: str = "042",
    plover: str | None = "CONSULT",
    confidence: float = 0.5,
    sentence: str = "",
) -> Event:
    return Event(
        doc_id="doc",
        event_id=f"doc:{n}",
        sentence_index=n,
        sentence=sentence or f"sentence {n}",
        sentence_span=(0, 10),
        date=dt.date(2024, 1, 1) + dt.timedelta(days=n),
        date_precision=DatePrecision.DAY,
        date_source=DateSource.TEXT,
        source=source,
        target=target,
        cameo=cameo,
        cameo_name="name",
        plover=plover,
        plover_mode=None,
        plover_context=None,
        quad_class=1,
        goldstein=1.0,
        mode=Mode.ASSERTED,
        location=None,
        confidence=confidence,
        evidence=Evidence("x", (0, 1), "rule"),
    )


EVENTS = (
    ev(0, XI, USA, cameo="042", sentence="Xi visited Washington."),
    ev(1, USA, XI, cameo="043", confidence=0.9),
    ev(2, MEXICO, USA, cameo="1121", plover="ACCUSE", confidence=0.2),
    ev(3, ALEXIS, None, cameo="010", plover=None),
    ev(4, BREXIT, UN, cameo="190", plover="ASSAULT", sentence="Brexit campaigners SANCTIONED"),
    ev(5, ARCADIA, REBELS, cameo="173", plover="COERCE"),
)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EventStore]:
    path = tmp_path_factory.mktemp("filters") / "f.duckdb"
    with EventStore.open(path) as s:
        s.write([DocResult(Document(id="doc", text="t"), events=EVENTS, content_hash="h")])
        yield s


def ids(store: EventStore, **kw: Any) -> set[int]:
    return {int(e.event_id.split(":")[1]) for e in events(store, EventQuery(**kw))}


def test_actor_names_match_by_word_not_substring(store: EventStore) -> None:
    # 'xi' is inside Mexico, Alexis and Brexit; only Xi Jinping is Xi
    assert ids(store, actor="xi") == {0, 1}
    assert ids(store, actor="XI jinping") == {0, 1}
    assert ids(store, actor="jinping") == {0, 1}
    assert ids(store, actor="mexico") == {2}
    assert ids(store, actor="brexit") == {4}  # the mention text, by word
    assert ids(store, actor="alexis tsipras") == {3}
    assert ids(store, actor="exi") == set()


def test_codes_match_by_block(store: EventStore) -> None:
    assert ids(store, actor="CHN") == {0, 1}
    assert ids(store, actor="chngov") == {0, 1}  # a name that is a code, upper-cased
    assert ids(store, actor="USAGOV") == {0, 1, 2}
    assert ids(store, actor="IGO") == {4}
    assert ids(store, actor="---REB") == {5}


def test_directed_source_and_target(store: EventStore) -> None:
    assert ids(store, source="CHN") == {0}
    assert ids(store, target="CHN") == {1}
    assert ids(store, source="xi", target="USA") == {0}
    assert ids(store, source="USA", target="xi") == {1}
    assert ids(store, target="USA") == {0, 2}
    assert ids(store, source="US") == {1}  # ISO 3166 alpha-2 in capitals
    assert ids(store, target="united nations") == {4}


def test_iso2_and_iso3_countries(store: EventStore) -> None:
    assert ids(store, country="US") == ids(store, country="usa") == {0, 1, 2}
    assert ids(store, country="cn") == {0, 1}
    assert ids(store, country="GB") == {4}
    assert ids(store, dyad=("CN", "US")) == {0, 1}
    assert EventQuery(country="gr").country == "GRC"
    assert country_code("de") == "DEU"


@pytest.mark.parametrize(
    ("kw", "fragment"),
    [
        ({"country": "QQ"}, "not an ISO 3166 alpha-2 code"),
        ({"country": "United States"}, "alpha-2 or alpha-3"),
        ({"dyad": ("QQ", "USA")}, "not an ISO 3166 alpha-2 code"),
        ({"dyad": ("putin", "USA")}, "a dyad side is an actor code"),
        ({"cameo": "999"}, "cameo must be"),
        ({"cameo": "04x"}, "cameo must be"),
        ({"plover": "HUG"}, "plover must be"),
        ({"min_confidence": 1.5}, "min_confidence"),
        ({"min_confidence": float("nan")}, "min_confidence"),
        ({"has_target": "yes"}, "has_target"),
        ({"text": " "}, "text filter is empty"),
        ({"source": ""}, "source filter is empty"),
    ],
)
def test_bad_values_are_errors(kw: dict[str, Any], fragment: str) -> None:
    with pytest.raises(UsageError, match=fragment):
        EventQuery(**kw)


def test_unknown_codes_are_errors_not_empty_answers(store: EventStore) -> None:
    # ZZZ is no country, no CAMEO prefix, and no event of this store carries it
    for kw in ({"country": "ZZZ"}, {"actor": "ZZZ"}, {"source": "GOV"}, {"dyad": ("ZZZ", "USA")}):
        with pytest.raises(UsageError, match=r"unknown .* code"):
            events(store, EventQuery(**kw))  # type: ignore[arg-type]
        with pytest.raises(UsageError, match=r"unknown .* code"):
            count(store, EventQuery(**kw))  # type: ignore[arg-type]
        with pytest.raises(UsageError, match=r"unknown .* code"):
            list(store.iter_folded(EventQuery(**kw), "daily"))  # type: ignore[arg-type]
    # a code the tables do not know but the store holds is a country of its own
    assert ids(store, country="XAR") == {5}
    assert ids(store, dyad=("XAR", "---")) == {5}
    # a known country with no events is an empty answer, not an error
    assert ids(store, country="FRA") == set()
    assert ids(store, actor="FRAGOV") == set()


def test_cameo_prefix_plover_target_confidence_text(store: EventStore) -> None:
    assert ids(store, cameo="04") == {0, 1}
    assert ids(store, cameo="042") == {0}
    assert ids(store, cameo="4") == {0, 1}
    assert ids(store, cameo="11") == ids(store, cameo="112") == ids(store, cameo="1121") == {2}
    assert ids(store, plover="accuse") == {2}
    assert ids(store, plover="CONSULT") == {0, 1}
    assert ids(store, has_target=False) == {3}
    assert ids(store, has_target=True) == {0, 1, 2, 4, 5}
    assert ids(store, min_confidence=0.5) == {0, 1, 3, 4, 5}
    assert ids(store, min_confidence=0.9) == {1}
    assert ids(store, text="washington") == {0}
    assert ids(store, text="sanctioned") == {4}
    q = EventQuery(source="USA", cameo="04", min_confidence=0.8, has_target=True)
    assert ids(store, **{f.name: getattr(q, f.name) for f in dataclasses.fields(q)}) == {1}


def test_every_mode_is_no_condition() -> None:
    assert where_sql(EventQuery(modes=tuple(Mode))) == where_sql(EventQuery(modes=())) == ("", [])
    assert "mode IN" in where_sql(EventQuery(modes=(Mode.ASSERTED, Mode.FUTURE)))[0]


def test_values_stay_parameters() -> None:
    nasty = "x'); DROP TABLE events; --"
    sql, params = where_sql(EventQuery(actor=nasty, source=nasty, target="O'Brien", text=nasty))
    assert nasty not in sql and "Brien" not in sql
    assert nasty in params


@pytest.mark.parametrize(
    ("name", "text", "hit"),
    [
        ("xi", "xi jinping", True),
        ("xi", "president xi.", True),
        ("xi", "mexico", False),
        ("xi", "alexis", False),
        ("xi", "brexit", False),
        ("o'brien", "mr o'brien", True),
        ("a.b", "axb", False),  # a dot is a dot, not any character
        ("red  cross", "the red cross", True),
        ("(x)", "a (x) b", True),
        ("erdoğan", "recep erdoğan", True),
        ("erdo", "erdoğan", False),
    ],
)
def test_word_pattern(name: str, text: str, hit: bool) -> None:
    con = duckdb.connect()
    got = con.execute("SELECT regexp_matches(?, ?)", [text, word_pattern(name)]).fetchall()
    assert got == [(hit,)]


def test_frames_and_pages_take_every_filter(store: EventStore) -> None:
    from accord.analysis.browse import EventFilter, event_page
    from accord.analysis.series import event_frame

    frame = event_frame(store, EventQuery(source="xi", min_confidence=0.1))
    assert [r["event_id"] for r in frame.rows()] == ["doc:0"]
    page = event_page(store, EventFilter(EventQuery(plover="COERCE", has_target=True)))
    assert page.total == 1
    with pytest.raises(UsageError, match="unknown"):
        event_frame(store, EventQuery(country="ZZZ"))
    with pytest.raises(UsageError, match="unknown"):
        event_page(store, EventFilter(EventQuery(target="QQQ")))


def test_accord_open_takes_every_filter(tmp_path: Path) -> None:
    import accord

    with EventStore.open(tmp_path / "r.duckdb") as s:
        s.write([DocResult(Document(id="doc", text="t"), events=EVENTS, content_hash="h")])
    reader = accord.open(tmp_path / "r.duckdb")
    got = reader.events(source="xi", target="US", cameo="04", since="2024", until="2024-01")
    assert [r["event_id"] for r in got.rows()] == ["doc:0"]
    assert len(reader.events(plover="assault", has_target=True, text="brexit")) == 1
    assert len(reader.events(min_confidence=0.85)) == 1
    with pytest.raises(UsageError, match="unknown"):
        reader.events(country="ZZZ")


def test_the_country_table_is_geonames_as_installed() -> None:
    from scripts.build_countries import rows

    from accord.countries import BY_ISO2, BY_ISO3, iso2_of

    assert sorted(BY_ISO2.items()) == rows()  # else: python scripts/build_countries.py
    assert len(BY_ISO3) == len(BY_ISO2) > 240
    assert (BY_ISO2["US"], iso2_of("UKR"), iso2_of("XAR"), iso2_of(None)) == (
        "USA",
        "UA",
        None,
        None,
    )


def test_series_sides_are_checked_and_take_alpha_2(store: EventStore) -> None:
    from accord.analysis.series import SeriesSpec, point_events, series

    # a side no table knows and no event carries is an error, not a series of zeros
    for dyad in (("ZZZ", "USA"), ("USA", "QQ"), ("GOV", "USA")):
        with pytest.raises(UsageError, match=r"unknown"):
            series(store, SeriesSpec(dyad))
        with pytest.raises(UsageError, match=r"unknown"):
            point_events(store, SeriesSpec(dyad), dt.date(2024, 1, 1))
    with pytest.raises(UsageError, match="dyad side"):
        SeriesSpec(("USA", "not a code"))
    # alpha-2 and lower case are the alpha-3 country, as accord events --dyad takes them
    assert SeriesSpec(("us", "cn")).dyad == ("USA", "CHN")
    assert SeriesSpec(("usagov", "xar")).dyad == ("USAGOV", "XAR")
    by_iso2 = series(store, SeriesSpec(("US", "cn"), "day")).rows()
    by_iso3 = series(store, SeriesSpec(("USA", "CHN"), "day")).rows()
    assert by_iso2 == by_iso3 and sum(r["events"] for r in by_iso3) > 0
