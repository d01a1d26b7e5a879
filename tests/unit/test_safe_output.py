"""Safe output (issue 13, item 4): no CSV/TSV cell a spreadsheet would evaluate, no terminal
escape sequence or control character in what accord writes or prints.

The helpers live in :mod:`accord.safe_output`; the CSV and GDELT writers, the event table and
the failure and error lines on stderr all go through them. Numbers (Goldstein scores,
coordinates, confidences, counts) stay numbers: only text cells are escaped, and a code made
only of capitals, digits and dashes ("---REB") is left as written.
"""

from __future__ import annotations

import csv
import dataclasses
import io
from typing import Any

import pytest

from accord.errors import AccordError
from accord.formats import CSV_COLUMNS, GDELT_COLUMNS, events_to_csv, events_to_gdelt, write_folded
from accord.model import Actor, Failure, FoldedEvent, Place
from tests.unit.test_formats import make_event

ESC = "\x1b"
HOSTILE = {
    "csi colour": f"a{ESC}[31mred{ESC}[0m",
    "osc title": f"{ESC}]0;pwned{ESC}\\x",
    "osc hyperlink": f"{ESC}]8;;http://evil.example/{chr(7)}click{ESC}]8;;{chr(7)}",
    "c1 csi": "\x9b2Jgone",
    "bell, backspace, nul": "a\x07b\x08c\x00d",
    "bidi override": "file\u202etxt.exe",
    "lone escape": f"x{ESC}",
    "reset": f"{ESC}cy",
}
CLEAN = {
    "csi colour": "ared",
    "osc title": "x",
    "osc hyperlink": "click",
    "c1 csi": "gone",
    "bell, backspace, nul": "abcd",
    "bidi override": "filetxt.exe",
    "lone escape": "x",
    "reset": "y",
}


def _has_control(text: str) -> bool:
    return any(
        (ord(c) < 32 and c not in "\n") or 0x7F <= ord(c) <= 0x9F or c == "\u202e" for c in text
    )


# ----------------------------------------------------------------------------- the helpers


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_terminal_text_drops_escape_sequences_and_controls(name: str) -> None:
    from accord.safe_output import terminal_text

    assert terminal_text(HOSTILE[name]) == CLEAN[name]


def test_terminal_text_keeps_ordinary_text_and_makes_one_line() -> None:
    from accord.safe_output import terminal_text

    text = "Müller said “no” — 北京, 5 km², -10.0 [sic] ünïcode 🙂"
    assert terminal_text(text) == text
    assert terminal_text("one\ntwo\tthree\r\nfour") == "one two three  four"
    assert terminal_text("one\ntwo", newlines=True) == "one\ntwo"


@pytest.mark.parametrize(
    ("cell", "escaped"),
    [
        ('=HYPERLINK("http://evil","x")', '\'=HYPERLINK("http://evil","x")'),
        ("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
        ("\t=1+1", "' =1+1"),  # the tab becomes a space; the cell is still escaped
        ("\r=1+1", "' =1+1"),
        ("  =1+1", "'  =1+1"),
        ("＝1+1", "'＝1+1"),  # full-width equals sign
        ("a=b", "a=b"),
        ("Russia accused Ukraine", "Russia accused Ukraine"),
        ("", ""),
    ],
)
def test_spreadsheet_text_follows_the_owasp_rule(cell: str, escaped: str) -> None:
    from accord.safe_output import spreadsheet_text

    assert spreadsheet_text(cell) == escaped


def test_spreadsheet_code_keeps_codes_and_escapes_anything_else() -> None:
    from accord.safe_output import spreadsheet_code

    for code in ("---REB", "USAGOV", "IGOUNO", "0421", "A-B-C"):
        assert spreadsheet_code(code) == code
    assert spreadsheet_code("=cmd|' /C calc'!A0") == "'=cmd|' /C calc'!A0"
    assert spreadsheet_code("-rebels") == "'-rebels"
    assert spreadsheet_code(f"USA{ESC}[2J") == "USA"


def test_csv_keeps_the_newline_it_needs() -> None:
    from accord.safe_output import spreadsheet_text

    assert spreadsheet_text("one\ntwo", newlines=True) == "one\ntwo"
    assert spreadsheet_text(f"one\n{ESC}[31mtwo", newlines=True) == "one\ntwo"


# ----------------------------------------------------------------------------- CSV and TSV


def _hostile_event() -> Any:
    sentence = "-2+3 said the =army."
    return make_event(
        doc_id=f'=HYPERLINK("http://evil")\x1b[31m{ESC}]0;t{chr(7)}',
        event_id="=HYPERLINK:0:0",
        sentence=sentence,
        sentence_span=(0, len(sentence)),
        source=Actor("+army", "---MIL", None, "MIL", "@Army\u202e", (0, 5)),
        target=Actor("=cmd", "=cmd|' /C calc'!A0", "UKR", "GOV", None, (6, 10)),
        goldstein=-10.0,
        location=Place("-Kherson\x9b2J", "UKR", -33.9, -151.2),
        confidence=0.5,
    )


def _csv_rows(text: str) -> list[dict[str, str]]:
    rows = list(csv.reader(io.StringIO(text)))
    return [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]


def test_csv_escapes_text_cells_and_keeps_numbers() -> None:
    buf = io.StringIO(newline="")
    events_to_csv([_hostile_event()], buf)
    (row,) = _csv_rows(buf.getvalue())
    assert row["doc_id"] == '\'=HYPERLINK("http://evil")'
    assert row["event_id"] == "'=HYPERLINK:0:0"
    assert row["source_text"] == "'+army"
    assert row["source_name"] == "'@Army"
    assert row["source_code"] == "---MIL"  # a code stays as written
    assert row["target_text"] == "'=cmd"
    assert row["target_code"] == "'=cmd|' /C calc'!A0"  # not a code: escaped
    assert row["location_name"] == "'-Kherson"
    assert row["sentence"] == "'-2+3 said the =army."
    # numbers stay numbers
    assert row["goldstein"] == "-10.0"
    assert (row["lat"], row["lon"]) == ("-33.9", "-151.2")
    assert row["confidence"] == "0.5"
    assert row["quad_class"] == "3" and row["sentence_index"] == "0"
    assert not any(_has_control(v) for v in row.values())


def test_folded_csv_goes_through_the_same_cells() -> None:
    buf = io.StringIO(newline="")
    write_folded([FoldedEvent(_hostile_event(), 2, 2, 1)], buf, "csv")
    (row,) = _csv_rows(buf.getvalue())
    assert row["doc_id"].startswith("'=") and row["goldstein"] == "-10.0"
    assert (row["num_mentions"], row["num_articles"], row["num_sources"]) == ("2", "2", "1")
    assert list(row)[: len(CSV_COLUMNS)] == list(CSV_COLUMNS)


def test_gdelt_tsv_escapes_text_fields_and_keeps_numbers() -> None:
    buf = io.StringIO()
    e = dataclasses.replace(_hostile_event(), doc_id="doc-1")
    events_to_gdelt([e], buf, urls={"doc-1": f'=HYPERLINK("x"){ESC}[0m'})
    (line,) = buf.getvalue().splitlines()
    row = dict(zip(GDELT_COLUMNS, line.split("\t"), strict=True))
    assert row["SOURCEURL"] == '\'=HYPERLINK("x")'
    assert row["Actor1Name"] == "'@ARMY"
    assert row["Actor1Code"] == "---MIL"
    assert row["Actor2Code"] == "'=cmd|' /C calc'!A0"
    assert row["ActionGeo_FullName"] == "'-Kherson"
    assert row["GoldsteinScale"] == "-10.0"
    assert (row["ActionGeo_Lat"], row["ActionGeo_Long"]) == ("-33.9", "-151.2")
    assert not any(_has_control(v) for v in row.values())


def test_ordinary_csv_is_unchanged() -> None:
    """What the writers produced before for ordinary events, they still produce."""
    e = make_event()
    buf = io.StringIO(newline="")
    events_to_csv([e], buf)
    (row,) = _csv_rows(buf.getvalue())
    assert row["doc_id"] == "doc-1" and row["sentence"] == e.sentence
    assert row["goldstein"] == "-2.0" and row["rule"] == "verb:ACCUSE:* (OF)"


# ----------------------------------------------------------------------------- terminal


def test_event_table_prints_text_literally_without_escapes() -> None:
    from accord.cli.table import print_table

    sentence = "He said [/bold] and [link=http://evil]click[/link] -2+3."
    e = make_event(
        sentence=sentence,
        sentence_span=(0, len(sentence)),
        source=Actor(f"Rus{ESC}[31msia", "RUS", "RUS", None, "Russia", (0, 6)),
    )
    buf = io.StringIO()
    print_table([e], buf)  # rich markup in a sentence used to raise MarkupError
    out = buf.getvalue()
    assert ESC not in out
    assert "Russia" in out
    assert "[/bold]" in out and "[link=http://evil]" in out
    assert "-2+3" in out and "'-2+3" not in out  # a terminal is not a spreadsheet


def test_failure_lines_are_one_clean_line() -> None:
    from accord.cli.main import _report_failure

    lines: list[str] = []
    f = Failure(
        doc_id="x",
        origin=f"{ESC}]0;pwned{chr(7)}dir/\x1b[2Jevil.txt",
        stage="ingest",
        code="decode",
        message="bad byte\naccord: 0 failures",
    )
    _report_failure(f, lines.append)
    assert lines == ["accord: dir/evil.txt: ingest failed (decode): bad byte accord: 0 failures"]


def test_error_line_of_main_is_clean(monkeypatch: pytest.MonkeyPatch, capsys: Any) -> None:
    from accord.cli import main as cli_main

    def boom(**_: Any) -> None:
        raise AccordError(f"{ESC}[31mcannot read\n{ESC}]8;;http://e{chr(7)}file.txt")

    monkeypatch.setattr(cli_main.cli, "main", boom)
    with pytest.raises(SystemExit):
        cli_main.main(["events"])
    err = capsys.readouterr().err
    assert err == "accord: cannot read\nfile.txt\n"
