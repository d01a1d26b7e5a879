"""What a store holds: documents, dated and undated events, modes, the top codes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from accord.analysis.frame import Frame
from accord.analysis.scope import Scope, base_sql
from accord.coding.ontology import Ontology
from accord.store import EventStore

__all__ = ["CodeCount", "Summary", "summary"]


@dataclass(frozen=True, slots=True)
class CodeCount:
    code: str
    name: str
    events: int


@dataclass(frozen=True, slots=True)
class Summary:
    """Coverage of a store. ``events`` and what follows it count the scope's events
    (default: asserted, unfolded); ``events_by_mode`` counts every stored event."""

    documents: int
    dated_documents: int
    documents_with_events: int
    failures: int
    stored_events: int
    events_by_mode: tuple[tuple[str, int], ...]
    events: int
    dated_events: int
    undated_events: int
    first_date: dt.date | None
    last_date: dt.date | None
    date_sources: tuple[tuple[str, int], ...]
    quad_classes: tuple[tuple[int, int], ...]
    top_codes: tuple[CodeCount, ...]
    top_roots: tuple[CodeCount, ...]
    clusters: int | None
    """Duplicate clusters of two or more documents (None: never built)."""
    failures_by_code: tuple[tuple[str, int], ...]
    """The stored failure records by reason code (``language``, ``timeout``, ...), the
    most first: documents skipped on purpose count here too."""
    skipped_languages: tuple[tuple[str, int], ...]
    """Documents skipped for their language (``skipped: language=fr``), by language."""


def _pairs(frame: Frame) -> list[tuple[object, int]]:
    return [(r["k"], int(r["n"])) for r in frame]


def summary(store: EventStore, scope: Scope | None = None, *, top: int = 10) -> Summary:
    """The coverage of ``store`` (see :class:`Summary`)."""
    scope = scope or Scope()
    base, params = base_sql(scope)
    docs = next(iter(Frame(store.read_arrow(
        "SELECT count(*) AS n, count(date) AS dated, "
        "(SELECT count(DISTINCT doc_id) FROM events) AS with_events, "
        "(SELECT count(*) FROM failures) AS failures, "
        "(SELECT count(*) FROM events) AS stored FROM documents"
    ))))  # fmt: skip
    modes = _pairs(Frame(store.read_arrow(
        "SELECT mode AS k, count(*) AS n FROM events GROUP BY mode ORDER BY n DESC, mode"
    )))  # fmt: skip
    ev = next(iter(Frame(store.read_arrow(
        f"SELECT count(*) AS n, count(date) AS dated, min(date) AS lo, max(date) AS hi "
        f"FROM ({base})", params
    ))))  # fmt: skip
    sources = _pairs(Frame(store.read_arrow(
        f"SELECT date_source AS k, count(*) AS n FROM ({base}) GROUP BY k ORDER BY n DESC, k",
        params,
    )))  # fmt: skip
    quads = _pairs(Frame(store.read_arrow(
        f"SELECT quad_class AS k, count(*) AS n FROM ({base}) GROUP BY k ORDER BY k", params
    )))  # fmt: skip
    codes = Frame(store.read_arrow(
        f"SELECT cameo AS code, any_value(cameo_name) AS name, count(*) AS n FROM ({base}) "
        "GROUP BY cameo ORDER BY n DESC, cameo LIMIT ?", [*params, top]
    ))  # fmt: skip
    roots = Frame(store.read_arrow(
        f"SELECT root_code AS code, count(*) AS n FROM ({base}) "
        "GROUP BY root_code ORDER BY n DESC, root_code LIMIT ?", [*params, top]
    ))  # fmt: skip
    by_code = _pairs(Frame(store.read_arrow(
        "SELECT code AS k, count(*) AS n FROM failures GROUP BY code ORDER BY n DESC, code"
    )))  # fmt: skip
    languages = _pairs(Frame(store.read_arrow(
        "SELECT regexp_extract(message, 'language=([A-Za-z-]+)', 1) AS k, count(*) AS n "
        "FROM failures WHERE code = 'language' GROUP BY k ORDER BY n DESC, k"
    )))  # fmt: skip
    stats = store.cluster_stats()
    onto = Ontology.load()
    return Summary(
        documents=int(docs["n"]),
        dated_documents=int(docs["dated"]),
        documents_with_events=int(docs["with_events"]),
        failures=int(docs["failures"]),
        stored_events=int(docs["stored"]),
        events_by_mode=tuple((str(k), n) for k, n in modes),
        events=int(ev["n"]),
        dated_events=int(ev["dated"]),
        undated_events=int(ev["n"]) - int(ev["dated"]),
        first_date=ev["lo"],
        last_date=ev["hi"],
        date_sources=tuple((str(k), n) for k, n in sources),
        quad_classes=tuple((int(str(k)), n) for k, n in quads),
        top_codes=tuple(CodeCount(r["code"], r["name"] or "", int(r["n"])) for r in codes),
        top_roots=tuple(CodeCount(r["code"], _name(onto, r["code"]), int(r["n"])) for r in roots),
        clusters=stats.clusters if stats is not None else None,
        failures_by_code=tuple((str(k), n) for k, n in by_code),
        skipped_languages=tuple((str(k) or "?", n) for k, n in languages),
    )


def _name(onto: Ontology, code: str) -> str:
    return onto.name(code) if code in onto else ""
