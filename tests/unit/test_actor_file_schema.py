"""Actor files (``--actors FILE``, CSV or YAML) are checked by one schema (issue 13, item 6):
unknown columns or fields, an actor without a code and bad dates (not YYYY-MM-DD, YYYY-MM
or YYYY; an end not after its start) stop the run with a usage error naming the file, the
line (CSV) or entry (YAML) and the field."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from accord.coding.kb import ActorKB
from accord.errors import UsageError

HEADER = "pattern,code,country,role,name,kind,start,end\n"


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def assert_stops(path: Path, where: str, field: str, *more: str) -> None:
    """Loading ``path`` is a usage error that names the file, the place and the field."""
    with pytest.raises(UsageError) as info:
        ActorKB.load([path])
    err = info.value
    assert err.origin == str(path)
    assert err.message.startswith(f"{where}: "), err.message
    assert f"'{field}'" in err.message, err.message
    for text in more:
        assert text in err.message, err.message
    assert str(err).startswith(f"{path}: {where}: ")


# -- unknown columns and fields ---------------------------------------------------------------


def test_an_unknown_csv_column_stops_the_run(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "mine.csv",
        HEADER.replace("end\n", "end,alias\n") + "Jane Roe,FRAGOV,,,Jane Roe,person,,,Roe\n",
    )
    assert_stops(path, "line 1", "alias", "unknown column")


def test_a_csv_row_longer_than_the_header_stops_the_run(tmp_path: Path) -> None:
    path = _write(tmp_path, "mine.csv", HEADER + "Jane Roe,FRAGOV,,,Jane Roe,person,,,Roe\n")
    assert_stops(path, "line 2", "end", "9 fields")


def test_a_repeated_csv_column_stops_the_run(tmp_path: Path) -> None:
    path = _write(
        tmp_path, "mine.csv", HEADER.replace("end\n", "end,code\n") + "Roe,FRAGOV,,,,,,,\n"
    )
    assert_stops(path, "line 1", "code", "twice")


def test_an_unknown_yaml_field_stops_the_run(tmp_path: Path) -> None:
    path = _write(tmp_path, "mine.yaml", "- {name: Jane Roe, code: FRAGOV, alias: Roe}\n")
    assert_stops(path, "entry 1 ('Jane Roe')", "alias", "unknown field")


# -- actors without a code --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "text", "where"),
    [
        pytest.param("mine.csv", HEADER + "Foo Front,,,,Foo Front,group,,\n", "line 2"),
        pytest.param("mine.csv", HEADER + "Foo Front|FF,,,,,,,\n", "line 2"),
        # a role alone is no code except for an agent (a role word)
        pytest.param("mine.csv", HEADER + "Foo Front,,,REB,,group,,\n", "line 2"),
        # a home country alone is no code except for a person
        pytest.param("mine.csv", HEADER + "Foo Front,,FRA,,,group,,\n", "line 2"),
        pytest.param(
            "mine.csv",
            HEADER + "Zorb Front,ZZZREB,,,,,,\nFoo Front,,,,,group,,\nFoo,,,,Foo Front,group,,\n",
            "line 3",
        ),
        ("mine.yaml", "- {names: [Foo Front, FF]}\n", "entry 1 ('Foo Front')"),
        ("mine.yaml", "- {name: Foo Front, role: REB}\n", "entry 1 ('Foo Front')"),
        ("mine.yaml", "- {name: Foo Front, country: FRA}\n", "entry 1 ('Foo Front')"),
    ],
)
def test_an_actor_without_a_code_stops_the_run(
    tmp_path: Path, name: str, text: str, where: str
) -> None:
    assert_stops(_write(tmp_path, name, text), where, "code", "missing code")


@pytest.mark.parametrize(
    ("name", "text", "where", "field"),
    [
        pytest.param(
            "mine.csv",
            HEADER + "Jane Roe,,FRA,,Jane Roe,person,2020-01-01,\n",
            "line 2",
            "start",
        ),
        pytest.param(
            "mine.csv",
            HEADER + "Jane Roe,FRAGOV,,,Jane Roe,person,,\n,,,,Jane Roe,person,,2024\n",
            "line 3",
            "end",
        ),
        (
            "mine.yaml",
            "- name: Jane Roe\n  kind: person\n  country: FRA\n  roles:\n    - {start: 2020}\n",
            "entry 1 ('Jane Roe'), role 1",
            "code",
        ),
    ],
)
def test_a_dated_row_without_a_code_stops_the_run(
    tmp_path: Path, name: str, text: str, where: str, field: str
) -> None:
    """Dates bound a code: without one they were dropped without a word."""
    assert_stops(_write(tmp_path, name, text), where, field, "code")


def test_rows_without_a_code_may_add_to_an_actor_coded_elsewhere_in_the_file(
    tmp_path: Path,
) -> None:
    """What the format documents, and the packaged files use: a row that only adds names
    or a home country, an agent with a role, a person with a home country."""
    path = _write(
        tmp_path,
        "mine.csv",
        HEADER
        + "Foo Front|FF,,,,Foo Front,group,,\n"
        + "Frente Foo,ZZZREB,,,Foo Front,group,,\n"
        + "bakers|baker,,,BUS,baker,agent,,\n"
        + "Jane Roe|Roe,,FRA,,Jane Roe,person,,\n"
        + ",FRAGOV,,,Jane Roe,person,2030-01-01,2031\n",
    )
    kb = ActorKB.load([path])
    ff = kb.lookup("FF", None)
    assert ff is not None and ff.code == "ZZZREB"
    assert kb.agent_role("bakers") == "BUS"
    roe = kb.lookup("Roe", dt.date(2030, 6, 1))
    assert roe is not None and roe.code == "FRAGOV"
    roe = kb.lookup("Roe", dt.date(2031, 6, 1))
    assert roe is not None and roe.code == "FRAELI"


# -- dates ------------------------------------------------------------------------------------


def _csv_dated(start: str, end: str) -> str:
    return HEADER + f"Jane Roe,FRAGOV,,,Jane Roe,person,{start},{end}\n"


ROLE_1 = "entry 1 ('Jane Roe'), role 1"


def _yaml_dated(start: str, end: str) -> str:
    span = ", ".join(f"{k}: '{v}'" for k, v in (("start", start), ("end", end)) if v)
    return f"- name: Jane Roe\n  kind: person\n  roles:\n    - {{code: FRAGOV, {span}}}\n"


BAD_DATES = [
    # (start, end): the bad one is named with its field
    ("2020-1", ""),  # not zero-padded: was 2020-01-01
    ("99", ""),  # not four digits: was the year 99
    ("2020-01-5", ""),
    ("", "20200105"),
    ("2020-01-01", "2020-02-30"),
    ("2020-13", ""),
    ("spring 2020", ""),
    ("2020/01/05", ""),
]


@pytest.mark.parametrize(("start", "end"), BAD_DATES)
@pytest.mark.parametrize("name", ["mine.csv", "mine.yaml"])
def test_a_date_that_is_no_iso_date_stops_the_run(
    tmp_path: Path, name: str, start: str, end: str
) -> None:
    field, value = ("end", end) if end else ("start", start)
    if name.endswith(".csv"):
        path, where = _write(tmp_path, name, _csv_dated(start, end)), "line 2"
    else:
        path, where = _write(tmp_path, name, _yaml_dated(start, end)), ROLE_1
    assert_stops(path, where, field, f"bad date {value!r}")


@pytest.mark.parametrize(
    ("start", "end"), [("2021", "2020"), ("2021-03-01", "2021-02"), ("2021-03", "2021-03-01")]
)
@pytest.mark.parametrize("name", ["mine.csv", "mine.yaml"])
def test_an_end_not_after_its_start_stops_the_run(
    tmp_path: Path, name: str, start: str, end: str
) -> None:
    """``end`` is exclusive: an end on or before the start gives a role held on no day."""
    if name.endswith(".csv"):
        path, where = _write(tmp_path, name, _csv_dated(start, end)), "line 2"
    else:
        path, where = _write(tmp_path, name, _yaml_dated(start, end)), ROLE_1
    assert_stops(path, where, "end", f"end {end!r} is not after start {start!r}")


@pytest.mark.parametrize("name", ["mine.csv", "mine.yaml"])
def test_good_dates_of_every_documented_form_load(tmp_path: Path, name: str) -> None:
    forms = [("2030", "2030-06"), ("2030-06", "2030-06-02"), ("2030-06-02", ""), ("", "2030")]
    if name.endswith(".csv"):
        rows = [f",FRAGOV,,,Jane Roe,person,{s},{e}" for s, e in forms]
        text = HEADER + "Jane Roe|Roe,,FRA,,Jane Roe,person,,\n" + "\n".join(rows) + "\n"
    else:
        spans = "\n".join(
            "    - {code: FRAGOV"
            + "".join(f", {k}: '{v}'" for k, v in (("start", s), ("end", e)) if v)
            + "}"
            for s, e in forms
        )
        head = "- name: Jane Roe\n  names: [Jane Roe, Roe]\n  kind: person\n  country: FRA\n"
        text = f"{head}  roles:\n{spans}\n"
    kb = ActorKB.load([_write(tmp_path, name, text)])
    assert len(kb.history("Jane Roe")) == len(forms)


# -- the command line -------------------------------------------------------------------------


def test_accord_code_stops_on_a_csv_row_without_a_code(tmp_path: Path) -> None:
    actors = _write(tmp_path, "actors.csv", HEADER + "Foo Front,,,,Foo Front,group,,\n")
    text = _write(tmp_path, "a.txt", "The Foo Front criticized the French government.\n")
    out = subprocess.run(
        [sys.executable, "-m", "accord.cli.main", "code", str(text), "--actors", str(actors)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert out.returncode == 2 and not out.stdout
    assert f"{actors}: line 2: missing code" in out.stderr


# -- more of the same: YAML dates as written, unnamed columns, dictionaries ----------------------


@pytest.mark.parametrize(
    ("span", "field", "value"),
    [
        ("{code: FRAGOV, start: 2020-1-5}", "start", "2020-1-5"),  # a YAML date, not ISO
        ("{code: FRAGOV, start: 2020-01-01, end: 2020-1-31}", "end", "2020-1-31"),
        ("{code: FRAGOV, start: 2020-01-01 10:00:00}", "start", "2020-01-01 10:00:00"),
        ("{code: FRAGOV, start: 99}", "start", "99"),
    ],
)
def test_an_unquoted_yaml_date_is_checked_as_written(
    tmp_path: Path, span: str, field: str, value: str
) -> None:
    text = f"- name: Jane Roe\n  kind: person\n  roles:\n    - {span}\n"
    assert_stops(_write(tmp_path, "mine.yaml", text), ROLE_1, field, f"bad date {value!r}")


def test_a_csv_column_without_a_name_stops_the_run(tmp_path: Path) -> None:
    path = _write(tmp_path, "mine.csv", HEADER.replace("end\n", "end,\n") + "Roe,FRAGOV,,,,,,,\n")
    with pytest.raises(UsageError, match=r": line 1: column 9 has no name"):
        ActorKB.load([path])


def test_a_dictionary_keeps_its_codes_as_they_are() -> None:
    """An all-capital PETRARCH or Phoenix dictionary (the packaged phoenix_actors.csv, a
    --dictionaries folder) is read as it is: six Phoenix codes end before they start."""
    countries = "iso3,name,aliases,adjectives,demonyms,capitals,seats\nFRA,France,,,,,\n"
    rows = HEADER + "JANE ROE,FRAGOV,,,Jane Roe,person,2012-12-07,2012-08-02\n"
    sources = [("countries.csv", "countries", countries, False)]
    kb = ActorKB.from_sources([*sources, ("dictionary.csv", "actors", rows, True)], "test")
    assert len(kb.history("Jane Roe")) == 1
    with pytest.raises(UsageError, match="line 2: end '2012-08-02' is not after start"):
        ActorKB.from_sources([*sources, ("mine.csv", "actors", rows, False)], "test")
