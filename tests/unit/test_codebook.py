"""docs/codebook.md stays true (issue 12, item 7): it names every event field, store
column, CSV column and PLOVER field, every PLOVER type and mode shipped, and the codes
where the Goldstein table used (ICEWS's) differs from GDELT's, with both values."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from accord.coding.ontology import Ontology
from accord.formats import CSV_COLUMNS, PLOVER_EXTRAS, PLOVER_FIELDS, WRITERS, event_to_dict
from accord.store import EventStore
from accord.store.filters import EventQuery
from tests.unit.test_exports import EVENTS

CODEBOOK = Path(__file__).resolve().parents[2] / "docs" / "codebook.md"


@pytest.fixture(scope="module")
def text() -> str:
    return CODEBOOK.read_text(encoding="utf-8")


def _named(text: str, names: object) -> list[str]:
    return [n for n in names if f"`{n}`" not in text]  # type: ignore[attr-defined]


def test_every_event_field(text: str) -> None:
    d = event_to_dict(EVENTS[1])
    assert _named(text, d) == []
    assert _named(text, d["source"]) == []
    assert _named(text, d["location"]) == []
    assert _named(text, d["evidence"]) == []


def test_every_store_table_and_column(text: str, tmp_path: Path) -> None:
    with EventStore.open(tmp_path / "s.duckdb") as s:
        rows = s.read_arrow(
            "SELECT table_name, column_name FROM information_schema.columns "
            "WHERE table_schema = 'main' ORDER BY table_name, ordinal_position"
        ).to_pylist()
    tables = {r["table_name"] for r in rows}
    assert {"events", "documents", "failures", "schema_version"} <= tables
    assert _named(text, sorted(tables)) == []
    assert _named(text, [r["column_name"] for r in rows]) == []


def test_every_output_column_and_format(text: str) -> None:
    assert _named(text, CSV_COLUMNS) == []
    assert _named(text, PLOVER_FIELDS) == []
    assert _named(text, PLOVER_EXTRAS) == []
    assert _named(text, WRITERS) == []


def test_every_query_field_has_its_option(text: str) -> None:
    options = {
        "actor": "--actor", "source": "--source", "target": "--target",
        "country": "--country", "dyad": "--dyad", "since": "--since", "until": "--until",
        "root": "--root", "quad": "--quad", "cameo": "--cameo", "plover": "--plover",
        "has_target": "--has-target", "min_confidence": "--min-confidence", "text": "--text",
        "modes": "--all-modes", "limit": "--limit", "doc_id": "--doc",
    }  # fmt: skip
    assert set(options) == set(EventQuery.__dataclass_fields__)
    assert [o for o in options.values() if o not in text] == []


def test_plover_types_and_modes_as_shipped(text: str) -> None:
    onto = Ontology.load()
    types = {c.plover for c in onto if c.plover}
    modes = {c.plover_mode for c in onto if c.plover_mode}
    contexts = {x for c in onto for x in (c.plover_context or "").split(";") if x}
    assert len(types) == 16
    assert [t for t in sorted(types) if t not in text] == []
    assert _named(text, sorted(modes)) == []
    assert _named(text, sorted(contexts)) == []
    assert f"{len(onto)} codes in all" in text


def _number(cell: str) -> float:
    return float(cell.strip().replace("\u2212", "-"))


def test_the_goldstein_codes_that_differ_from_gdelt(text: str) -> None:
    onto = Ontology.load()
    differ = {
        c.code: (c.goldstein, c.goldstein_gdelt)
        for c in onto
        if c.goldstein_gdelt is not None and c.goldstein != c.goldstein_gdelt
    }
    table = re.findall(r"^\| (\d{3,4}) \| [^|]+ \| ([^|]+) \| ([^|]+) \|$", text, re.MULTILINE)
    documented = {code: (_number(icews), _number(gdelt)) for code, icews, gdelt in table}
    assert documented == differ
    assert len(differ) == 4
    assert "differ on four codes" in text
    # the roots table: every root's quad class and PLOVER type as shipped
    for root in onto.roots():
        c = onto.get(root)
        m = re.search(rf"^\| {root} \| {re.escape(c.name)} \| (\d) \| ([^|]+) \|$", text, re.M)
        assert m is not None, root
        assert int(m.group(1)) == c.quad_class
        assert (c.plover or "—") in m.group(2)
