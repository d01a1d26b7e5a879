"""Duplicate folding on the BBC corpus's 133 exact-duplicate pairs (../shared, else skipped)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from accord.api import fold_events
from accord.model import DocResult, Document
from accord.store import EventQuery, EventStore
from accord.text.fingerprint import NearDuplicateIndex, fingerprint

pytestmark = pytest.mark.shared


def _corpus(shared: Path) -> tuple[dict[str, dict[str, Any]], list[list[str]]]:
    folder = shared / "corpus" / "bbc_news"
    records = {}
    with (folder / "bbc_news.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            records[rec["id"]] = rec
    groups = json.loads((folder / "exact_duplicate_groups.json").read_text(encoding="utf-8"))
    return records, [sorted(g) for g in groups]


def test_fingerprints_find_every_listed_duplicate_pair(shared_dir: Path) -> None:
    records, groups = _corpus(shared_dir)
    index = NearDuplicateIndex(threshold=0.8)
    results = []
    for doc_id, rec in records.items():
        fp = fingerprint(rec["text"])
        index.add(doc_id, fp)
        doc = Document(id=doc_id, text=rec["text"])
        results.append(DocResult(doc=doc, content_hash=doc_id, fingerprint=fp))
    found = index.groups()
    # The store's SQL banding (linking each bucket to its first document) finds the same
    # groups as the in-memory index on this corpus.
    with EventStore.open(":memory:") as store:
        store.write(results)
        store.rebuild_clusters("near", 0.8)
        rows = store._con.execute(
            "SELECT list(doc_id ORDER BY doc_id) FROM doc_clusters GROUP BY cluster_id"
        ).fetchall()
    assert sorted(list(r[0]) for r in rows) == found
    exact = {}
    for doc_id, rec in records.items():
        exact.setdefault(fingerprint(rec["text"]).text_hash, []).append(doc_id)
    same = [sorted(g) for g in exact.values() if len(g) > 1]
    # Every listed pair (byte-identical text) has one normalised hash; the hash also joins
    # a few pairs that differ only in spacing or punctuation (5 in this corpus).
    assert all(g in same for g in groups)
    extra = [g for g in same if g not in groups]
    assert 0 < len(extra) < 10
    assert all(records[a]["text"] != records[b]["text"] for a, b in extra)
    # Near grouping keeps every listed pair together (it may find more near copies).
    where = {k: n for n, g in enumerate(found) for k in g}
    for a, b in groups:
        assert a in where and where[a] == where.get(b), (a, b)


def test_duplicate_groups_fold_to_one_count_each(
    shared_dir: Path, coder: Any, tmp_path: Path
) -> None:
    records, groups = _corpus(shared_dir)
    chosen = [g for g in groups if "-politics-" in g[0]][:10]
    in_groups = {k for g in chosen for k in g}
    listed = {k for g in groups for k in g}
    others = [k for k in sorted(records) if "-politics-" in k and k not in listed][:6]
    path = tmp_path / "bbc_subset.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for doc_id in sorted(in_groups) + others:
            rec = dict(records[doc_id])
            rec["url"] = f"https://www.bbc.co.uk/news/{doc_id}"
            fh.write(json.dumps(rec) + "\n")
    db = tmp_path / "bbc.duckdb"
    report = coder.ingest([str(path)], db, dedup="near", threshold=0.8)
    assert report.documents == len(in_groups) + len(others)
    assert report.clusters is not None

    with EventStore.open(db) as store:
        raw = list(store.iter_events(EventQuery()))
        cluster_of = dict(
            store._con.execute("SELECT doc_id, cluster_id FROM doc_clusters").fetchall()
        )
    # Every listed pair is one cluster of exactly its two documents.
    for a, b in chosen:
        assert cluster_of.get(a) == cluster_of.get(b) == a
    sizes = Counter(cluster_of.values())
    assert all(sizes[a] == 2 for a, _ in chosen)

    group_events = [e for e in raw if e.doc_id in in_groups]
    assert len(group_events) >= 10  # the check below is not vacuous

    folded = fold_events(db, EventQuery(), "clustered")
    # No event is lost: the mentions add up to the stored events.
    assert sum(f.num_mentions for f in folded) == len(raw)
    # Each group's events count once: as many folds as there are distinct event tuples
    # when every group is represented by its first document.
    rep = {b: a for a, b in chosen}

    def key(e: Any) -> tuple[Any, ...]:
        target = e.target.code if e.target else None
        return (rep.get(e.doc_id, e.doc_id), e.source.code, target, e.cameo, e.date, e.mode)

    assert len(folded) == len({key(e) for e in raw})
    for f in folded:
        if f.event.doc_id in in_groups:
            assert f.num_articles == 2, f  # the group's size
            assert f.num_mentions % 2 == 0 and f.num_sources == 1
        else:
            assert f.num_articles == 1

    # "none" keeps every event; re-ingesting changes nothing and keeps the clusters.
    assert len(fold_events(db, EventQuery(), "none")) == len(raw)
    again = coder.ingest([str(path)], db, dedup="near", threshold=0.8)
    assert again.stats.docs_unchanged == report.documents and again.stats.events_added == 0
    assert [
        (f.event.event_id, f.num_mentions) for f in fold_events(db, EventQuery(), "clustered")
    ] == [(f.event.event_id, f.num_mentions) for f in folded]
