"""The Python API. The CLI is a thin layer over these functions.

>>> import accord
>>> coder = accord.Coder.load()
>>> events = coder.code_text("Russian police arrested Pakistani students.", date="2026-02-05")
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from accord.analysis.query import EventQuery
from accord.config import Settings
from accord.engine.local import run_local
from accord.engine.parallel import LazyParser, ResourceSpec, run_parallel
from accord.errors import UsageError
from accord.ingest import iter_documents
from accord.ingest.language import skip_other_languages
from accord.ingest.readers import input_files
from accord.model import DocResult, Document, Event, Failure, FoldedEvent, Mode, Notice
from accord.pipeline import (
    Explanation,
    Resources,
    content_hash,
    explain_document,
    process_document,
)
from accord.store import StoredEvent, WriteStats
from accord.store.access import (
    READ_WAIT,
    WRITE_WAIT,
    IngestTarget,
    ShortWrites,
    open_waiting,
)
from accord.store.folding import DEDUP_METHODS, ClusterStats, DedupMethod

if TYPE_CHECKING:
    from accord.analysis.frame import CodedFrame


def parse_date(value: str | dt.date | None) -> dt.date | None:
    """Accept a date, an ISO 'YYYY-MM-DD' string, or None."""
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError as exc:
        raise UsageError(f"invalid date {value!r}: expected YYYY-MM-DD") from exc


def _read_inputs(
    inputs: Sequence[str], settings: Settings, *, stdin: BinaryIO | None = None
) -> Iterator[Document | Failure]:
    """What every engine codes: :func:`accord.ingest.iter_documents`, with documents
    confidently in another language turned into ``language`` failures
    (:func:`accord.ingest.language.skip_other_languages`)."""
    return skip_other_languages(iter_documents(inputs, settings, stdin=stdin), settings)


Runner = Callable[[Iterable[Document | Failure]], Iterator[DocResult | Failure]]
"""Codes a stream of documents (and passes read failures through), in input order."""


@dataclass(frozen=True, slots=True)
class IngestReport:
    documents: int
    failures: tuple[Failure, ...]
    stats: WriteStats
    clusters: ClusterStats | None = None
    """The duplicate clusters rebuilt after this ingest (``dedup`` other than ``none``)."""
    warnings: tuple[Notice, ...] = ()
    """What reading altered in the documents read (``Document.warnings``), stored or not."""


@dataclass(frozen=True, slots=True)
class StoredExplanation:
    """A stored event replayed (:meth:`Coder.explain_stored`): the event as the store
    keeps it, the coder's explanation of its sentence now, and the replayed event that
    matches it (same CAMEO code, source, target and trigger), if any."""

    stored: StoredEvent
    explanation: Explanation
    replayed: Event | None
    """None when today's coder, on the sentence alone, no longer finds the stored event."""


ProgressCallback = Callable[[int, int], None]
"""Called as documents finish: (documents done, of which failed), both increments."""


class Coder:
    """A loaded coder: model, knowledge base, dictionaries. Load once, use many times."""

    def __init__(
        self, resources: Resources, *, spec: ResourceSpec | None = None, workers: int = 1
    ) -> None:
        if workers < 1:
            raise UsageError(f"workers must be at least 1, got {workers}")
        if workers > 1 and spec is None:
            raise UsageError("a coder with workers needs the ResourceSpec it was built from")
        self.resources = resources
        self.spec = spec
        self.workers = workers

    @classmethod
    def load(
        cls,
        settings: Settings | None = None,
        *,
        actor_files: Sequence[Path] = (),
        dictionaries: Path | None = None,
        workers: int = 1,
        verb_files: Sequence[Path] = (),
    ) -> Coder:
        """Load a coder; ``actor_files``: extra actor files (CSV or YAML); ``verb_files``:
        extra verb pattern files (:mod:`accord.coding.verb_files`), applied after the
        packaged dictionary, later files winning; ``dictionaries``: a PETRARCH-format
        dictionary folder whose verbs and actors replace the packaged ones (e.g. PETRARCH's
        validation dictionaries).

        With ``workers`` > 1, :meth:`code_documents` (and so ``code_inputs`` and ``ingest``)
        codes in that many worker processes, each loading the model once; this process
        loads the spaCy model only if it parses something itself (``code_text``)."""
        settings = settings or Settings()
        spec = ResourceSpec(settings, tuple(actor_files), dictionaries, tuple(verb_files))
        parser = LazyParser(settings.model, batch_size=settings.batch_size) if workers > 1 else None
        return cls(spec.build(parser), spec=spec, workers=workers)

    @property
    def settings(self) -> Settings:
        return self.resources.settings

    def code_text(
        self, text: str, *, date: str | dt.date | None = None, doc_id: str = "text"
    ) -> list[Event]:
        """Code one text (a sentence or a whole article)."""
        doc = Document(id=doc_id, text=text, date=parse_date(date))
        return list(process_document(doc, self.resources).events)

    def explain(self, text: str, *, date: str | dt.date | None = None) -> Explanation:
        """Code ``text`` and say why each candidate trigger was, or was not, coded."""
        doc = Document(id="explain", text=text, date=parse_date(date))
        return explain_document(doc, self.resources)

    def explain_stored(self, stored: StoredEvent) -> StoredExplanation:
        """Replay a stored event (:func:`read_event`): explain its sentence with its
        document's date and title, and find the stored event among the replay's events.

        The store keeps each event's sentence, not the article's text, so the replay sees
        the sentence alone: an event that needed the article's context (an actor named
        in an earlier sentence) may not come back. To find a stored event of any mode,
        load the coder with ``include_all_modes`` and ``include_statements``."""
        ev = stored.event
        doc = Document(
            id=ev.doc_id, text=ev.sentence, title=stored.title, date=stored.doc_date, url=stored.url
        )
        expl = explain_document(doc, self.resources)
        key = _event_key(ev)
        replayed = next((e for e in expl.result.events if _event_key(e) == key), None)
        return StoredExplanation(stored, expl, replayed)

    def code_documents(self, items: Iterable[Document | Failure]) -> Iterator[DocResult | Failure]:
        """Results in input order: in this process, or in worker processes (``workers``)."""
        if self.workers > 1 and self.spec is not None:
            return run_parallel(
                items, self.spec, workers=self.workers, timeout=self.settings.document_timeout
            )
        return run_local(items, self.resources)

    def code_frame(
        self,
        frame: Any,
        *,
        text: str = "text",
        date: str | None = None,
        id: str | None = None,
        title: str | None = None,
        url: str | None = None,
    ) -> CodedFrame:
        """Code every row of a table: a pandas DataFrame, a ``pyarrow.Table`` or a list of
        dicts. ``text`` names the column to code; ``date``, ``id``, ``title`` and ``url``
        name optional columns (without ``id`` a row is ``row-N``, N its position). Returns
        the events with flat columns (``doc_id`` is the row's id; the columns of
        ``accord.open(db).events()`` less the document ones) and the rows that failed."""
        from accord.analysis.frame import CodedFrame
        from accord.store.codec import event_table

        if hasattr(frame, "to_dict"):
            rows = frame.to_dict(orient="records")
        elif hasattr(frame, "to_pylist"):
            rows = frame.to_pylist()
        else:
            rows = list(frame)
        for name in (text, date, id, title, url):
            if name is not None and rows and name not in rows[0]:
                raise UsageError(f"no column {name!r} in the frame")

        def cell(row: dict[str, Any], name: str | None) -> Any:
            value = row.get(name) if name is not None else None
            return None if value is None or value != value else value  # NaN is missing

        def day(value: Any) -> dt.date | None:
            if isinstance(value, dt.datetime):
                return value.date()
            return parse_date(value) if value is not None else None

        docs = [
            Document(
                id=str(cell(r, id)) if cell(r, id) is not None else f"row-{k}",
                text=str(cell(r, text) or ""),
                title=cell(r, title),
                date=day(cell(r, date)),
                url=cell(r, url),
                origin=f"row {k}",
            )
            for k, r in enumerate(rows)
        ]
        events: list[Event] = []
        failures: list[Failure] = []
        for result in self.code_documents(docs):
            if isinstance(result, Failure):
                failures.append(result)
            else:
                events.extend(result.events)
                failures.extend(result.failures)
        return CodedFrame(event_table(events), tuple(failures))

    def read(
        self, inputs: Sequence[str], *, stdin: BinaryIO | None = None
    ) -> Iterator[Document | Failure]:
        """The documents of ``inputs`` and the failures of what could not be read; a document
        confidently in another language is a ``language`` failure (``skipped: language=fr``)
        unless ``settings.skip_non_english`` is off."""
        return _read_inputs(inputs, self.settings, stdin=stdin)

    def code_inputs(
        self, inputs: Sequence[str], *, stdin: BinaryIO | None = None, limit: int | None = None
    ) -> Iterator[DocResult | Failure]:
        """Read and code files, folders, JSONL dumps or stdin ('-'); ``limit``: the first
        that many inputs (documents or unreadable inputs) only."""
        return self.code_documents(islice(self.read(inputs, stdin=stdin), limit))

    def ingest(
        self,
        inputs: Sequence[str],
        db: str | Path,
        *,
        stdin: BinaryIO | None = None,
        dedup: str = "none",
        threshold: float = 0.8,
        runner: Runner | None = None,
        limit: int | None = None,
        on_progress: ProgressCallback | None = None,
        commit_every: int = 64,
    ) -> IngestReport:
        """Code inputs into the DuckDB store at ``db``; re-running adds nothing new.

        Every ``commit_every`` documents are committed in one transaction: a run stopped
        at any moment loses at most those, and a re-run resumes after the last commit.
        ``runner`` codes the documents (default: in this process, :meth:`code_documents`).
        ``dedup``: ``exact`` or ``near`` regroups the whole store into duplicate clusters
        afterwards (``near``: MinHash Jaccard at least ``threshold``), for
        ``fold_events(..., fold="clustered")``; ``none`` leaves the clusters as they were.
        """
        method = _dedup_method(dedup)
        # The store is opened only to look up and to commit (accord.store.access), so
        # readers can query it while the documents are coded.
        store = ShortWrites(db)
        report = ingest_into(
            self,
            store,
            inputs,
            stdin=stdin,
            chunk=commit_every,
            limit=limit,
            on_progress=on_progress,
            runner=runner,
        )
        if method is None:
            return report
        clusters = store.rebuild_clusters(method, threshold)
        return dataclasses.replace(report, clusters=clusters)


def ingest_into(
    coder: Coder,
    store: IngestTarget,
    inputs: Sequence[str],
    *,
    stdin: BinaryIO | None = None,
    chunk: int = 64,
    limit: int | None = None,
    on_progress: ProgressCallback | None = None,
    runner: Runner | None = None,
) -> IngestReport:
    """Code inputs into an open store, skipping documents already stored unchanged.

    Documents already stored with the same content hash are skipped before any NLP work
    (looked up a window at a time). Results are written in chunks, each in one transaction
    (a document's row, its events and its failures commit together), so a run killed at
    any moment keeps what it committed and a re-run resumes after it. A document whose file
    the store holds under an id it no longer gets (ids are unique per run:
    :mod:`accord.ingest.identity`) replaces that row when it is written
    (:meth:`EventStore.old_ids`).
    """
    if chunk < 1:
        raise UsageError(f"documents per transaction must be at least 1, got {chunk}")
    documents = 0
    skipped = 0
    failures: list[Failure] = []
    totals: list[WriteStats] = []
    results: list[DocResult] = []
    pending_failures: list[Failure] = []

    def on_skip() -> None:
        nonlocal skipped
        skipped += 1
        if on_progress is not None:
            on_progress(1, 0)

    renames = store.old_ids(input_files(inputs))
    warnings: list[Notice] = []
    items = _noting(islice(coder.read(inputs, stdin=stdin), limit), warnings)
    code = runner if runner is not None else coder.code_documents
    for item in code(_unstored(items, store, coder.resources, on_skip)):
        if isinstance(item, Failure):
            pending_failures.append(item)
        elif item.failures:
            # Kept with its failures: the store records them in the same transaction.
            results.append(item)
        else:
            documents += 1
            results.append(item)
        if on_progress is not None:
            failed = isinstance(item, Failure) or bool(item.failures)
            on_progress(1, int(failed))
        if len(results) + len(pending_failures) >= chunk:
            totals.append(store.write(results, pending_failures, renames=renames))
            failures.extend(_failures_of(results, pending_failures))
            results, pending_failures = [], []
    if results or pending_failures:
        totals.append(store.write(results, pending_failures, renames=renames))
        failures.extend(_failures_of(results, pending_failures))
    return IngestReport(
        documents=documents + skipped,
        failures=tuple(failures),
        stats=sum(totals, WriteStats(docs_unchanged=skipped)),
        warnings=tuple(warnings),
    )


def _noting(
    items: Iterable[Document | Failure], warnings: list[Notice]
) -> Iterator[Document | Failure]:
    """``items`` unchanged; the warnings of their documents are added to ``warnings``."""
    for item in items:
        if isinstance(item, Document):
            warnings.extend(item.warnings)
        yield item


def _failures_of(results: Sequence[DocResult], loose: Sequence[Failure]) -> list[Failure]:
    return [f for r in results for f in r.failures] + list(loose)


def _unstored(
    items: Iterable[Document | Failure],
    store: IngestTarget,
    resources: Resources,
    on_skip: Callable[[], None],
    *,
    window: int = 256,
) -> Iterator[Document | Failure]:
    """``items`` less the documents the store already holds with the same content hash.

    One store lookup per ``window`` items, in input order.
    """
    it = iter(items)
    while batch := list(islice(it, window)):
        ids = [d.id for d in batch if isinstance(d, Document)]
        known = store.known_hashes(ids) if ids else {}
        for item in batch:
            if (
                isinstance(item, Document)
                and item.id in known
                and known[item.id] == content_hash(item, resources)
            ):
                on_skip()
                continue
            yield item


def evaluate_files(
    paths: Sequence[Path],
    settings: Settings | None = None,
    *,
    verbose: bool = False,
    coder: Coder | None = None,
    dictionaries: Path | None = None,
    half: str | None = None,
    corpus: Path | None = None,
    events: Path | None = None,
    categories: Sequence[str] | None = None,
    exclusions: bool = True,
) -> tuple[dict[str, Any], str]:
    """Score the coder on gold JSONL files and news corpora: (scores by set name, report).

    Each file is recognised by its shape (:mod:`accord.evalrun`): sentence-level gold,
    actor-resolution cases, document-level gold (its articles read from ``corpus``, by
    default found beside the gold, and coded as ``accord code`` codes them), or a news
    corpus whose non-political ``categories`` (default sport, entertainment, tech) are
    scored for false events. ``half``: 'tune' or 'check' scores that half of every set
    only. ``events``: score the events of an ``accord code`` file instead of coding.
    ``exclusions``: leave out the records the project does not evaluate (its packaged
    list). ``dictionaries``: code with this PETRARCH-format dictionary folder (ignored
    when a loaded ``coder`` is given)."""
    from accord.evalrun import EvalOptions, evaluate_paths
    from accord.evaluation import DEFAULT_CATEGORIES, HALVES

    chosen = next((h for h in HALVES if h == half), None)
    if half is not None and chosen is None:
        raise UsageError(f"unknown half {half!r} (choose from tune, check)")
    loaded: list[Coder] = [coder] if coder is not None else []

    def get_coder() -> Coder:
        if not loaded:
            loaded.append(Coder.load(settings, dictionaries=dictionaries))
        return loaded[0]

    options = EvalOptions(
        half=chosen,
        corpus=corpus,
        events=events,
        categories=tuple(categories) if categories else DEFAULT_CATEGORIES,
        exclusions=None if exclusions else (),
        verbose=verbose,
    )
    used = coder.settings if coder is not None else settings or Settings()
    return evaluate_paths(paths, get_coder, options, used)


def _event_key(e: Event) -> tuple[str, str, str | None, str]:
    """What makes a replayed event the stored one: code, source, target, trigger."""
    return (e.cameo, e.source.code, e.target.code if e.target else None, e.evidence.trigger)


def read_event(db: str | Path, event_id: str) -> StoredEvent:
    """The event ``event_id`` from the store at ``db``, with its document's date, title and
    URL (opened read-only; a missing store or event is a :class:`UsageError` naming it,
    and no store is ever created)."""
    if not Path(db).is_file():
        raise UsageError(f"{db}: no such event store (run 'accord ingest' first)")
    with open_waiting(db, read_only=True, wait=READ_WAIT) as store:
        found = store.stored_event(event_id)
    if found is None:
        raise UsageError(f"{db}: no event with id {event_id!r} (see 'accord events')")
    return found


def query_events(db: str | Path, query: EventQuery) -> list[Event]:
    """Events from the store at ``db`` matching ``query`` (opened read-only; a missing
    store is an error, never a new one; waits while an ingest commits)."""
    with open_waiting(db, read_only=True, wait=READ_WAIT) as store:
        return list(store.iter_events(query))


# --- duplicate clusters and folded counts (accord.store.folding)


def _dedup_method(dedup: str) -> DedupMethod | None:
    if dedup == "none":
        return None
    for method in DEDUP_METHODS:
        if dedup == method:
            return method
    raise UsageError(f"unknown dedup method {dedup!r} (choose from none, exact, near)")


def rebuild_clusters(db: str | Path, method: str = "near", threshold: float = 0.8) -> ClusterStats:
    """Regroup the documents of the store at ``db`` into duplicate clusters."""
    chosen = _dedup_method(method)
    if chosen is None:
        raise UsageError("rebuild_clusters needs method 'exact' or 'near'")
    with open_waiting(db, read_only=False, wait=WRITE_WAIT) as store:
        return store.rebuild_clusters(chosen, threshold)


def fold_events(
    db: str | Path, query: EventQuery | None = None, fold: str = "daily"
) -> list[FoldedEvent]:
    """Events from the store at ``db`` matching ``query``, folded GDELT-style: ``none``
    (every event alone), ``daily`` (same source, target, CAMEO code, date and mode across
    all documents) or ``clustered`` (the same, only within one duplicate cluster).
    Read-only; waits while an ingest commits."""
    with open_waiting(db, read_only=True, wait=READ_WAIT) as store:
        return list(store.iter_folded(query, fold))


# ---

# ---------------------------------------------------------------- Spark engine
# pyspark is imported (in accord.engine.spark) only when one of these is called.


def code_inputs_spark(
    inputs: Sequence[str],
    settings: Settings | None = None,
    *,
    actor_files: Sequence[Path] = (),
    master: str | None = None,
    stdin: BinaryIO | None = None,
    verb_files: Sequence[Path] = (),
) -> Iterator[DocResult | Failure]:
    """Like :meth:`Coder.code_inputs`, with the documents coded on Spark (``master``:
    ``local[N]`` or a cluster URL; default ``local[2]``). The session lives as long as
    the iteration."""
    from accord.engine.spark import DEFAULT_MASTER, run_spark, spark_job, spark_session

    settings = settings or Settings()
    with spark_session(master or DEFAULT_MASTER) as spark:
        job = spark_job(settings, actor_files, verb_files=verb_files)
        yield from run_spark(_read_inputs(inputs, settings, stdin=stdin), job, spark)


def code_inputs_to_parquet(
    inputs: Sequence[str],
    out_dir: str | Path,
    settings: Settings | None = None,
    *,
    actor_files: Sequence[Path] = (),
    master: str | None = None,
    stdin: BinaryIO | None = None,
    verb_files: Sequence[Path] = (),
) -> Any:
    """Code inputs on Spark and write events (by event date), documents and failures as
    Parquet under ``out_dir`` (replaced); returns an ``accord.engine.spark.ParquetReport``."""
    from accord.engine.spark import DEFAULT_MASTER, spark_job, spark_session, write_parquet

    settings = settings or Settings()
    with spark_session(master or DEFAULT_MASTER) as spark:
        job = spark_job(settings, actor_files, verb_files=verb_files)
        return write_parquet(_read_inputs(inputs, settings, stdin=stdin), job, spark, out_dir)


def ingest_spark(
    coder: Coder,
    inputs: Sequence[str],
    db: str | Path,
    *,
    actor_files: Sequence[Path] = (),
    master: str | None = None,
    stdin: BinaryIO | None = None,
    verb_files: Sequence[Path] = (),
) -> IngestReport:
    """:meth:`Coder.ingest` with the documents coded on Spark (``actor_files`` and
    ``verb_files``: the coder's own, for the executors)."""
    from accord.engine.spark import DEFAULT_MASTER, run_spark, spark_job, spark_session

    with spark_session(master or DEFAULT_MASTER) as spark:
        job = spark_job(coder.settings, actor_files, verb_files=verb_files)

        def runner(items: Iterable[Document | Failure]) -> Iterator[DocResult | Failure]:
            return run_spark(items, job, spark)

        return coder.ingest(inputs, db, stdin=stdin, runner=runner)


def import_parquet(folder: str | Path, db: str | Path) -> WriteStats:
    """Store a Parquet export (:func:`code_inputs_to_parquet`) in the store at ``db``;
    importing it again changes nothing."""
    with open_waiting(db, read_only=False, wait=WRITE_WAIT) as store:
        return store.import_parquet(folder)


def code_text(
    text: str, *, date: str | dt.date | None = None, settings: Settings | None = None
) -> list[Event]:
    """One-off convenience: loads a coder (slow), codes ``text``. Reuse a Coder for many texts."""
    return Coder.load(settings).code_text(text, date=date)


__all__ = [
    "Coder",
    "EventQuery",
    "IngestReport",
    "Mode",
    "code_text",
    "evaluate_files",
    "fold_events",
    "parse_date",
    "query_events",
    "rebuild_clusters",
]
