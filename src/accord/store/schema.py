"""The store's schema as an ordered list of migrations.

A store records every migration it has applied in ``schema_version``. Opening a store
applies the migrations it lacks, in order, in one transaction; a store written by a newer
accord (a version above :data:`SCHEMA_VERSION`) is refused rather than guessed at. To change
the schema, append a :class:`Migration`; never edit one that has shipped.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "Migration"]


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    description: str
    statements: tuple[str, ...]


CREATE_SCHEMA_VERSION = """
CREATE TABLE IF NOT EXISTS schema_version (
    version     INTEGER PRIMARY KEY,
    description VARCHAR NOT NULL,
    applied_at  TIMESTAMP NOT NULL
)
"""

_V1_DOCUMENTS = """
CREATE TABLE documents (
    doc_id         VARCHAR PRIMARY KEY,
    content_hash   VARCHAR NOT NULL,
    title          VARCHAR,
    date           DATE,
    url            VARCHAR,
    source         VARCHAR,
    author         VARCHAR,
    origin         VARCHAR,
    sentence_count INTEGER NOT NULL,
    metadata       JSON,
    ingested_at    TIMESTAMP NOT NULL
)
"""

_V1_EVENTS = """
CREATE TABLE events (
    event_id         VARCHAR PRIMARY KEY,
    doc_id           VARCHAR NOT NULL,
    sentence_index   INTEGER NOT NULL,
    sentence         VARCHAR NOT NULL,
    sentence_start   INTEGER NOT NULL,
    sentence_end     INTEGER NOT NULL,
    date             DATE,
    date_precision   VARCHAR,
    date_source      VARCHAR NOT NULL,
    source_text      VARCHAR NOT NULL,
    source_code      VARCHAR NOT NULL,
    source_country   VARCHAR,
    source_role      VARCHAR,
    source_name      VARCHAR,
    source_start     INTEGER NOT NULL,
    source_end       INTEGER NOT NULL,
    target_text      VARCHAR,
    target_code      VARCHAR,
    target_country   VARCHAR,
    target_role      VARCHAR,
    target_name      VARCHAR,
    target_start     INTEGER,
    target_end       INTEGER,
    cameo            VARCHAR NOT NULL,
    root_code        VARCHAR NOT NULL,
    cameo_name       VARCHAR NOT NULL,
    plover           VARCHAR,
    plover_mode      VARCHAR,
    plover_context   VARCHAR,
    quad_class       INTEGER NOT NULL,
    goldstein        DOUBLE NOT NULL,
    mode             VARCHAR NOT NULL,
    location_name    VARCHAR,
    location_country VARCHAR,
    location_lat     DOUBLE,
    location_lon     DOUBLE,
    confidence       DOUBLE NOT NULL,
    trigger          VARCHAR NOT NULL,
    trigger_start    INTEGER NOT NULL,
    trigger_end      INTEGER NOT NULL,
    rule             VARCHAR NOT NULL
)
"""

# Keyed by (doc_id, origin, stage) in the write path; origin may be NULL, so the key is
# enforced with IS NOT DISTINCT FROM rather than a primary key.
_V1_FAILURES = """
CREATE TABLE failures (
    doc_id   VARCHAR NOT NULL,
    origin   VARCHAR,
    stage    VARCHAR NOT NULL,
    code     VARCHAR NOT NULL,
    message  VARCHAR NOT NULL,
    seen_at  TIMESTAMP NOT NULL
)
"""

# Duplicate detection (accord.store.folding): a fingerprint per document, written and
# replaced with it; doc_clusters and dedup_state are rebuilt whole from the fingerprints.
_V2_FINGERPRINTS = """
CREATE TABLE fingerprints (
    doc_id    VARCHAR PRIMARY KEY,
    text_hash VARCHAR NOT NULL,
    minhash   UINTEGER[] NOT NULL
)
"""

_V2_CLUSTERS = """
CREATE TABLE doc_clusters (
    doc_id     VARCHAR PRIMARY KEY,
    cluster_id VARCHAR NOT NULL
)
"""

_V2_DEDUP_STATE = """
CREATE TABLE dedup_state (
    method              VARCHAR NOT NULL,
    threshold           DOUBLE,
    fingerprinted       INTEGER NOT NULL,
    clusters            INTEGER NOT NULL,
    clustered_documents INTEGER NOT NULL,
    built_at            TIMESTAMP NOT NULL
)
"""

# Issue 11: an event's place also records its type (country / admin1 / city / site), its
# FIPS 10-4 country, GeoNames admin-1 code and id, and what placed it (sentence / dateline /
# context). Additive: events stored before keep NULL there.
_V3_PLACE_COLUMNS = tuple(
    f"ALTER TABLE events ADD COLUMN {column} {kind}"
    for column, kind in (
        ("location_type", "VARCHAR"),
        ("location_fips", "VARCHAR"),
        ("location_admin1", "VARCHAR"),
        ("location_geonames_id", "BIGINT"),
        ("location_basis", "VARCHAR"),
    )
)

# Ids made unique per run (accord.ingest.identity): a document stored under an id its file
# no longer gets is replaced when written under the new one (accord.store.renames), and the
# rename is logged here, so an old id can still be traced.
_V4_RENAMES = """
CREATE TABLE doc_id_renames (
    old_id     VARCHAR NOT NULL,
    new_id     VARCHAR NOT NULL,
    origin     VARCHAR,
    renamed_at TIMESTAMP NOT NULL
)
"""

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "documents, events, failures", (_V1_DOCUMENTS, _V1_EVENTS, _V1_FAILURES)),
    Migration(
        2,
        "document fingerprints and duplicate clusters",
        (_V2_FINGERPRINTS, _V2_CLUSTERS, _V2_DEDUP_STATE),
    ),
    Migration(3, "event place type, FIPS, admin-1, GeoNames id and basis", _V3_PLACE_COLUMNS),
    Migration(
        4,
        "document ids unique per run: documents stored under an old id are replaced by "
        "the same file under its new id, and the renames logged (doc_id_renames)",
        (_V4_RENAMES,),
    ),
)

SCHEMA_VERSION: int = MIGRATIONS[-1].version
