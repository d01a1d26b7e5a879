"""Document identity and idempotence (issue 13, item 2).

Ids are unique per run: a path relative to its input, made longer (more of the file's
path) when two files of one run would share it; the same file reached through two inputs
is read once. A repeated id that the input itself gives (a JSON-lines ``id``, a feed
guid, a WARC URL) keeps the first document and reports every later one. A store written
under the old ids is migrated as it is re-ingested, without duplicates. Property tests
(Hypothesis, fixed seed): re-ingesting is a no-op, and the order of the inputs does not
change the store.
"""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import duckdb
from hypothesis import given, seed, settings
from hypothesis import strategies as st

from accord.api import Coder, IngestReport, ingest_into
from accord.config import Settings
from accord.ingest import iter_documents
from accord.model import DocResult, Document, Failure
from accord.pipeline import Resources, content_hash
from accord.store import SCHEMA_VERSION, EventQuery, EventStore
from accord.store.codec import document_table, event_table, failure_table
from accord.store.schema import CREATE_SCHEMA_VERSION, MIGRATIONS
from tests.unit.events import event

SETTINGS = Settings()
ALL = EventQuery(modes=())
TEXT = "The ministers met in Geneva on Tuesday and agreed to resume talks next month."


class FakeCoder(Coder):
    """Codes without a model: one event per document, records what it was asked to code."""

    def __init__(self) -> None:
        fake: Any = object()
        super().__init__(Resources(Settings(), fake, fake, fake, version="test"))
        self.coded: list[str] = []

    def code_documents(self, items: Iterable[Document | Failure]) -> Iterator[DocResult | Failure]:
        for item in items:
            if isinstance(item, Document):
                self.coded.append(item.id)
                one = event("RUS", "UKR", doc_id=item.id, event_id=f"{item.id}#1")
                yield DocResult(
                    doc=item,
                    events=(one,),
                    sentence_count=1,
                    content_hash=content_hash(item, self.resources),
                )
            else:
                yield item


def read(inputs: Sequence[Path | str]) -> list[Document | Failure]:
    return list(iter_documents([str(i) for i in inputs], SETTINGS))


def docs(items: Iterable[Document | Failure]) -> list[Document]:
    return [i for i in items if isinstance(i, Document)]


def fails(items: Iterable[Document | Failure]) -> list[Failure]:
    return [i for i in items if isinstance(i, Failure)]


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def jsonl(path: Path, *records: dict[str, Any]) -> Path:
    return write(path, "".join(json.dumps(r) + "\n" for r in records))


def ingest(store: EventStore, inputs: Sequence[Path | str]) -> IngestReport:
    return ingest_into(FakeCoder(), store, [str(i) for i in inputs], chunk=3)


def stored(store: EventStore) -> dict[str, str | None]:
    """doc_id -> origin of every stored document."""
    return {d.doc_id: d.origin for d in store.documents()}


# --- ids from paths -------------------------------------------------------------------------


def test_two_folders_holding_the_same_name_give_two_ids(tmp_path: Path) -> None:
    a = write(tmp_path / "a" / "x.txt", "One. " + TEXT)
    b = write(tmp_path / "b" / "x.txt", "Two. " + TEXT)
    got = {d.id: d.origin for d in docs(read([tmp_path / "a", tmp_path / "b"]))}
    assert got == {"a/x.txt": str(a), "b/x.txt": str(b)}


def test_two_files_with_the_same_name_give_two_ids(tmp_path: Path) -> None:
    a = write(tmp_path / "a" / "x.txt", "One. " + TEXT)
    b = write(tmp_path / "b" / "x.txt", "Two. " + TEXT)
    assert [d.id for d in docs(read([a, b]))] == ["a/x.txt", "b/x.txt"]
    # a file argument and a folder argument that give one name
    c = write(tmp_path / "c" / "x.txt", "Three. " + TEXT)
    assert [d.id for d in docs(read([a, c.parent]))] == ["a/x.txt", "c/x.txt"]


def test_same_named_folders_are_told_apart_by_their_parents(tmp_path: Path) -> None:
    write(tmp_path / "2020" / "news" / "x.txt", "One. " + TEXT)
    write(tmp_path / "2021" / "news" / "x.txt", "Two. " + TEXT)
    write(tmp_path / "2021" / "news" / "only.txt", "Three. " + TEXT)
    items = read([tmp_path / "2020" / "news", tmp_path / "2021" / "news"])
    assert [d.id for d in docs(items)] == ["2020/news/x.txt", "only.txt", "2021/news/x.txt"]


def test_line_ids_of_colliding_files_are_told_apart(tmp_path: Path) -> None:
    jsonl(tmp_path / "a" / "recs.jsonl", {"text": "One. " + TEXT})
    jsonl(tmp_path / "b" / "recs.jsonl", {"text": "Two. " + TEXT}, {"id": "k", "text": TEXT})
    got = [d.id for d in docs(read([tmp_path / "a", tmp_path / "b"]))]
    assert got == ["a/recs.jsonl:1", "b/recs.jsonl:1", "k"]


def test_names_that_do_not_collide_keep_their_ids(tmp_path: Path) -> None:
    write(tmp_path / "a" / "x.txt", TEXT)
    write(tmp_path / "a" / "sub" / "x.txt", "Other. " + TEXT)
    write(tmp_path / "b" / "y.txt", "Third. " + TEXT)
    single = write(tmp_path / "c" / "z.txt", "Fourth. " + TEXT)
    got = [d.id for d in docs(read([tmp_path / "a", tmp_path / "b", single]))]
    assert got == ["sub/x.txt", "x.txt", "y.txt", "z.txt"]


def test_a_file_reached_twice_is_read_once_under_its_nearest_input(tmp_path: Path) -> None:
    write(tmp_path / "d" / "z.txt", TEXT)
    inner = write(tmp_path / "d" / "sub" / "y.txt", "Other. " + TEXT)
    for inputs in (
        [tmp_path / "d", tmp_path / "d" / "sub"],
        [tmp_path / "d" / "sub", tmp_path / "d"],
        [tmp_path / "d", tmp_path / "d"],
    ):
        items = read(inputs)
        assert fails(items) == []
        got = sorted((d.id, d.origin) for d in docs(items))
        y = "y.txt" if tmp_path / "d" / "sub" in inputs else "sub/y.txt"
        assert [i for i, _ in got] == sorted([y, "z.txt"])
    assert [d.id for d in docs(read([inner, tmp_path / "d" / "sub"]))] == ["y.txt"]


def test_ingest_of_two_folders_adds_two_documents(tmp_path: Path) -> None:
    write(tmp_path / "a" / "x.txt", "One. " + TEXT)
    write(tmp_path / "b" / "x.txt", "Two. " + TEXT)
    with EventStore.open(":memory:") as store:
        report = ingest(store, [tmp_path / "a", tmp_path / "b"])
        assert (report.stats.docs_added, report.stats.docs_replaced) == (2, 0)
        assert sorted(stored(store)) == ["a/x.txt", "b/x.txt"]
        assert store.count_events(ALL) == 2


# --- repeated ids given by the input --------------------------------------------------------


def test_a_repeated_record_id_keeps_the_first_and_reports_the_rest(tmp_path: Path) -> None:
    path = jsonl(
        tmp_path / "crawl.jsonl",
        {"id": "u", "text": "Version B. " + TEXT},
        {"id": "v", "text": TEXT},
        {"id": "u", "text": "Version A. " + TEXT},
        {"id": "u", "text": "Version B. " + TEXT},
    )
    items = read([path])
    assert [(d.id, d.origin) for d in docs(items)] == [("u", f"{path}:1"), ("v", f"{path}:2")]
    assert docs(items)[0].text.startswith("Version B.")
    repeated = fails(items)
    assert [(f.doc_id, f.origin, f.stage, f.code) for f in repeated] == [
        ("u", f"{path}:3", "ingest", "duplicate_id"),
        ("u", f"{path}:4", "ingest", "duplicate_id"),
    ]
    first = repeated[0].message
    assert first.startswith("skipped: repeated id 'u'") and f"{path}:1" in first
    assert "different" in first and "same text" in repeated[1].message


def test_a_repeated_id_never_flips_the_stored_version(tmp_path: Path) -> None:
    path = jsonl(
        tmp_path / "crawl.jsonl",
        {"id": "u", "text": "Version B. " + TEXT},
        {"id": "u", "text": "Version A. " + TEXT},
    )
    with EventStore.open(tmp_path / "s.duckdb") as store:
        first = ingest(store, [path])
        assert (first.stats.docs_added, first.stats.docs_replaced) == (1, 0)
        hashes = [store.documents()[0].content_hash]
        for _ in range(3):
            again = ingest(store, [path])
            assert (again.stats.docs_added, again.stats.docs_replaced) == (0, 0)
            assert again.stats.docs_unchanged == 1
            hashes.append(store.documents()[0].content_hash)
        assert len(set(hashes)) == 1
        assert [(f.doc_id, f.origin, f.code) for f in store.failures()] == [
            ("u", f"{path}:2", "duplicate_id")
        ]


def test_an_id_repeated_across_inputs_keeps_the_first_input(tmp_path: Path) -> None:
    one = jsonl(tmp_path / "one.jsonl", {"id": "u", "text": "First. " + TEXT})
    two = jsonl(tmp_path / "two.jsonl", {"id": "u", "text": "Second. " + TEXT})
    items = read([one, two])
    assert [(d.id, d.origin) for d in docs(items)] == [("u", f"{one}:1")]
    (repeated,) = fails(items)
    assert (repeated.doc_id, repeated.origin, repeated.code) == ("u", f"{two}:1", "duplicate_id")
    assert f"{one}:1" in repeated.message


# --- a store written under the old ids --------------------------------------------------------


def _old_store(path: Path, results: Sequence[DocResult], failures: Sequence[Failure]) -> None:
    """A store as accord wrote it before ids were made unique: schema 2, rows as given."""
    now = dt.datetime(2026, 1, 1)
    con = duckdb.connect(str(path))
    try:
        con.execute(CREATE_SCHEMA_VERSION)
        for m in MIGRATIONS:
            if m.version > 2:
                continue
            for stmt in m.statements:
                con.execute(stmt)
            con.execute("INSERT INTO schema_version VALUES (?, ?, ?)", [m.version, "", now])
        for name, table in (
            ("documents", document_table(results, now)),
            ("events", event_table(e for r in results for e in r.events)),
            ("failures", failure_table(failures, now)),
        ):
            old = {r[0] for r in con.execute(f"DESCRIBE {name}").fetchall()}
            columns = ", ".join(c for c in table.schema.names if c in old)
            con.register("_rows", table)
            con.execute(f"INSERT INTO {name} ({columns}) SELECT {columns} FROM _rows")
            con.unregister("_rows")
    finally:
        con.close()


def _as_old_run(inputs: Sequence[Path]) -> tuple[list[DocResult], list[Failure]]:
    """What the old reader stored for ``inputs``: each read alone (so with the old ids), a
    later document replacing an earlier one of the same id, as the store did."""
    coder = FakeCoder()
    results: dict[str, DocResult] = {}
    failures: list[Failure] = []
    for item in coder.code_documents(i for one in inputs for i in read([one])):
        if isinstance(item, Failure):
            failures.append(item)
        else:
            results[item.doc.id] = item
    return list(results.values()), failures


def test_a_store_built_with_the_old_ids_is_migrated_without_duplicates(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    write(a / "x.txt", "One. " + TEXT)
    write(b / "x.txt", "Two. " + TEXT)
    write(a / "solo.txt", "Alone. " + TEXT)
    write(a / "e.txt", "")
    write(b / "e.txt", "")
    jsonl(a / "recs.jsonl", {"text": "Line A. " + TEXT})
    jsonl(b / "recs.jsonl", {"text": "Line B. " + TEXT})
    results, failures = _as_old_run([a, b])
    assert sorted(r.doc.id for r in results) == ["recs.jsonl:1", "solo.txt", "x.txt"]
    assert sorted((f.doc_id, f.origin) for f in failures) == [
        ("e.txt", str(a / "e.txt")),
        ("e.txt", str(b / "e.txt")),
    ]
    db = tmp_path / "old.duckdb"
    _old_store(db, results, failures)

    with EventStore.open(db) as store:
        assert store.schema_version() == SCHEMA_VERSION
        assert store.renamed_ids() == []
        report = ingest(store, [a, b])
        assert stored(store) == {
            "a/x.txt": str(a / "x.txt"),
            "b/x.txt": str(b / "x.txt"),
            "a/recs.jsonl:1": f"{a / 'recs.jsonl'}:1",
            "b/recs.jsonl:1": f"{b / 'recs.jsonl'}:1",
            "solo.txt": str(a / "solo.txt"),
        }
        s = report.stats
        assert (s.docs_added, s.docs_replaced, s.docs_unchanged) == (2, 2, 1)
        assert s.docs_renamed == 2
        assert {e.doc_id for e in store.iter_events(ALL)} == set(stored(store))
        assert store.count_events(ALL) == 5
        assert sorted((f.doc_id, f.origin) for f in store.failures()) == [
            ("a/e.txt", str(a / "e.txt")),
            ("b/e.txt", str(b / "e.txt")),
        ]
        assert sorted(store.renamed_ids()) == [
            ("recs.jsonl:1", "b/recs.jsonl:1", f"{b / 'recs.jsonl'}:1"),
            ("x.txt", "b/x.txt", str(b / "x.txt")),
        ]
        again = ingest(store, [a, b])
        assert (again.stats.docs_added, again.stats.docs_replaced) == (0, 0)
        assert again.stats.docs_unchanged == 5


def test_a_narrower_run_renames_instead_of_duplicating(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    write(a / "x.txt", "One. " + TEXT)
    write(b / "x.txt", "Two. " + TEXT)
    with EventStore.open(":memory:") as store:
        ingest(store, [a, b])
        report = ingest(store, [a])
        assert stored(store) == {"x.txt": str(a / "x.txt"), "b/x.txt": str(b / "x.txt")}
        assert report.stats.docs_renamed == 1
        assert store.count_events(ALL) == 2


# --- properties: re-ingest is a no-op, order does not matter ---------------------------------

_NAMES = st.sampled_from(["x", "y"])
_FOLDERS = st.sampled_from(["a", "b", "a/b", "c/a"])
_TEXTS = st.sampled_from(["One. ", "Two. ", "Three. ", ""])
_ALSO = st.sampled_from(["", "", "a/b", "a", "c/a"])


@st.composite
def _corpora(draw: st.DrawFn) -> list[tuple[str, str, str]]:
    """(folder, file name, content) triples: few names, so collisions are common; a .jsonl
    file holds records whose ids repeat inside it but never across files."""
    files: dict[tuple[str, str], str] = {}
    for n in range(draw(st.integers(1, 6))):
        folder = draw(_FOLDERS)
        if draw(st.booleans()):
            name = f"{draw(_NAMES)}.txt"
            text = draw(_TEXTS)
            files[(folder, name)] = text + TEXT if text else ""
        else:
            name = f"{draw(_NAMES)}.jsonl"
            ids = draw(st.lists(st.sampled_from(["", "p", "q"]), min_size=1, max_size=3))
            lines = []
            for k, rid in enumerate(ids):
                record = {"text": f"{draw(_TEXTS)}{k} {TEXT}"}
                if rid:
                    record["id"] = f"{folder}/{name}/{rid}#{n}"
                lines.append(json.dumps(record))
            files[(folder, name)] = "\n".join(lines) + "\n"
    return [(f, n, t) for (f, n), t in sorted(files.items())]


def _inputs(
    root: Path, files: list[tuple[str, str, str]], pick: list[int], also: str = ""
) -> list[Path]:
    """Input arguments: each top folder, or a file of it when ``pick`` says so; and the
    folder ``also`` when it exists (so one file may be reached through two inputs)."""
    tops = sorted({f.split("/")[0] for f, _, _ in files})
    out: list[Path] = []
    for i, top in enumerate(tops):
        mine = [(f, n) for f, n, _ in files if f.split("/")[0] == top]
        if pick[i % len(pick)] and mine:
            f, n = mine[pick[i % len(pick)] % len(mine)]
            out.append(root / f / n)
        else:
            out.append(root / top)
    if also and (root / also).is_dir():
        out.append(root / also)
    return out


def _snapshot(store: EventStore, origins: bool = True) -> tuple[Any, ...]:
    """What a store holds. ``origins=False`` leaves out the documents' origins: a document
    stored unchanged is not rewritten, so when two files hold the same text under one id
    across runs, the origin is the one that first stored it."""
    documents = sorted(
        (d.doc_id, d.content_hash, d.origin if origins else None) for d in store.documents()
    )
    failures = sorted((f.doc_id, f.origin, f.stage, f.code) for f in store.failures())
    events = sorted((e.doc_id, e.event_id) for e in store.iter_events(ALL))
    return documents, failures, events


def _materialise(root: Path, files: list[tuple[str, str, str]]) -> None:
    for folder, name, text in files:
        write(root / folder / name, text)


@seed(20260213)
@settings(max_examples=40, deadline=None, database=None)
@given(
    files=_corpora(),
    pick=st.lists(st.integers(0, 3), min_size=1, max_size=4),
    also=_ALSO,
)
def test_reingest_is_a_no_op(files: list[tuple[str, str, str]], pick: list[int], also: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        _materialise(root, files)
        inputs = _inputs(root, files, pick, also)
        with EventStore.open(":memory:") as store:
            ingest(store, inputs)
            before = _snapshot(store)
            again = ingest(store, inputs)
            s = again.stats
            assert (s.docs_added, s.docs_replaced, s.events_added, s.events_removed) == (0, 0, 0, 0)
            assert _snapshot(store) == before


@seed(20260214)
@settings(max_examples=40, deadline=None, database=None)
@given(
    files=_corpora(),
    pick=st.lists(st.integers(0, 3), min_size=1, max_size=4),
    also=_ALSO,
    order=st.randoms(use_true_random=False),
    earlier=st.lists(st.lists(st.integers(0, 5), max_size=3), max_size=3),
)
def test_the_order_of_inputs_and_earlier_runs_do_not_change_the_store(
    files: list[tuple[str, str, str]],
    pick: list[int],
    also: str,
    order: Any,
    earlier: list[list[int]],
) -> None:
    """The inputs in any order, into a fresh store or after earlier runs over some of
    them (each in its own order), leave the same store."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        _materialise(root, files)
        inputs = _inputs(root, files, pick, also)
        with EventStore.open(":memory:") as store:
            ingest(store, inputs)
            expected = _snapshot(store, origins=False)
        shuffled = list(inputs)
        order.shuffle(shuffled)
        with EventStore.open(":memory:") as store:
            for run in earlier:
                ingest(store, [inputs[i % len(inputs)] for i in run])
            ingest(store, shuffled)
            assert _snapshot(store, origins=False) == expected
