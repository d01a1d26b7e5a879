"""Fingerprints, MinHash/LSH near-duplicate grouping, stored clusters and folded counts."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from pathlib import Path
from typing import Any

import pytest

from accord.errors import UsageError
from accord.model import DocResult, Document, Event
from accord.store import EventQuery, EventStore
from accord.text.fingerprint import (
    NUM_PERM,
    NearDuplicateIndex,
    estimated_jaccard,
    fingerprint,
    group_duplicates,
    lsh_params,
    shingles,
)
from tests.unit.test_store import make_event

_VOCAB = tuple(
    " ".join(
        (
            "government minister talks border police protest capital rally trade sanctions",
            "army election parliament president summit ceasefire treaty embassy delegation",
            "officials villagers farmers court judge prices market bank river bridge school",
            "hospital",
        )
    ).split(" ")
)


def article(seed: int, sentences: int = 20) -> list[str]:
    rng = random.Random(seed)
    return [
        " ".join(rng.choice(_VOCAB) for _ in range(rng.randint(14, 22))).capitalize() + "."
        for _ in range(sentences)
    ]


def jaccard(a: str, b: str) -> float:
    sa, sb = shingles(a), shingles(b)
    return len(sa & sb) / len(sa | sb)


# ---------------------------------------------------------------------- MinHash / LSH


def test_exact_hash_ignores_case_spacing_and_punctuation() -> None:
    a = fingerprint("Russia  accused Ukraine.\n\nTalks  failed!")
    b = fingerprint("russia accused ukraine -- talks failed")
    assert a.text_hash == b.text_hash and a.minhash == b.minhash
    assert fingerprint("Russia accused Ukraine. Talks resumed.").text_hash != a.text_hash
    assert len(a.minhash) == NUM_PERM and all(0 <= v < 2**32 for v in a.minhash)


def test_minhash_estimates_jaccard() -> None:
    base = article(1)
    one_changed = [*base[:10], "An entirely new sentence about the harbour was added.", *base[11:]]
    text_a, text_b = " ".join(base), " ".join(one_changed)
    true = jaccard(text_a, text_b)
    assert 0.8 < true < 0.95
    est = estimated_jaccard(fingerprint(text_a).minhash, fingerprint(text_b).minhash)
    assert abs(est - true) < 0.12
    other = " ".join(article(2))
    assert estimated_jaccard(fingerprint(text_a).minhash, fingerprint(other).minhash) < 0.2


def test_lsh_groups_near_duplicates_and_keeps_distinct_texts_apart() -> None:
    texts: list[tuple[str, str]] = []
    for story in range(12):
        base = article(100 + story)
        texts.append((f"s{story:02d}-a", " ".join(base)))
        edited = list(base)
        edited[story % len(base)] = "Officials later corrected one detail of the report."
        texts.append((f"s{story:02d}-b", " ".join(edited)))
    texts.append(("lone", " ".join(article(999))))
    groups = group_duplicates(texts, threshold=0.8)
    assert groups == [[f"s{k:02d}-a", f"s{k:02d}-b"] for k in range(12)]


def test_near_threshold_is_respected() -> None:
    base = article(7, sentences=10)
    half = base[:5] + article(8, sentences=5)
    pairs = [("a", " ".join(base)), ("b", " ".join(half))]
    assert 0.25 < jaccard(pairs[0][1], pairs[1][1]) < 0.6
    assert group_duplicates(pairs, threshold=0.8) == []
    assert group_duplicates(pairs, threshold=0.15) == [["a", "b"]]


def test_lsh_params_fit_the_signature_and_the_threshold() -> None:
    for threshold in (0.5, 0.8, 0.9):
        bands, rows = lsh_params(threshold)
        assert bands * rows <= NUM_PERM

        def p(s: float, b: int = bands, r: int = rows) -> float:
            return 1 - (1 - s**r) ** b

        assert p(min(threshold + 0.1, 1.0)) > 0.95
        assert p(threshold - 0.3) < 0.1
    with pytest.raises(ValueError):
        lsh_params(0.0)


def test_index_rejects_duplicate_keys() -> None:
    index = NearDuplicateIndex()
    index.add("a", fingerprint("x y z"))
    with pytest.raises(ValueError):
        index.add("a", fingerprint("x y z"))


# ---------------------------------------------------------------------- store


def result(doc_id: str, text: str, events: list[Event], **doc: Any) -> DocResult:
    return DocResult(
        doc=Document(id=doc_id, text=text, **doc),
        events=tuple(events),
        sentence_count=3,
        content_hash=f"h-{doc_id}",
        fingerprint=fingerprint(text),
    )


def ev(doc_id: str, n: int, **over: Any) -> Event:
    return make_event(doc_id, n, **over)


@pytest.fixture
def corpus() -> list[DocResult]:
    base = article(42)
    near = list(base)
    near[3] = "A late paragraph about the weather was inserted by the second outlet."
    other = dt.date(2024, 3, 6)
    return [
        # a, a-copy: exact copies on two outlets; b: a near copy; c: another story, same
        # event tuple; c also mentions the event twice and has a second event.
        result("a", " ".join(base), [ev("a", 0)], url="https://www.alpha.example/x"),
        result("a-copy", " ".join(base).upper(), [ev("a-copy", 0)], url="https://beta.example/y"),
        result("b", " ".join(near), [ev("b", 0)], url="https://alpha.example/z"),
        result(
            "c",
            " ".join(article(43)),
            [ev("c", 0), ev("c", 1), ev("c", 2, date=other)],
            source="Gamma",
        ),
    ]


@pytest.fixture
def store(tmp_path: Path, corpus: list[DocResult]) -> Any:
    with EventStore.open(tmp_path / "e.duckdb") as s:
        s.write(corpus)
        yield s


def folded(store: EventStore, fold: str, **q: Any) -> list[tuple[str, int, int, int]]:
    return [
        (f.event.event_id, f.num_mentions, f.num_articles, f.num_sources)
        for f in store.iter_folded(EventQuery(**q), fold)
    ]


def clusters(store: EventStore) -> dict[str, str]:
    con = store._con
    return dict(con.execute("SELECT doc_id, cluster_id FROM doc_clusters").fetchall())


def test_clusters_exact_and_near(store: EventStore) -> None:
    assert store.cluster_stats() is None
    stats = store.rebuild_clusters("exact")
    assert clusters(store) == {"a": "a", "a-copy": "a"}
    assert (stats.fingerprinted, stats.clusters, stats.clustered_documents) == (4, 1, 2)
    stats = store.rebuild_clusters("near", 0.8)
    assert clusters(store) == {"a": "a", "a-copy": "a", "b": "a"}
    assert (stats.method, stats.threshold, stats.clusters) == ("near", 0.8, 1)
    store.rebuild_clusters("near", 0.8)  # idempotent
    assert clusters(store) == {"a": "a", "a-copy": "a", "b": "a"}
    assert store.cluster_stats() == dataclasses.replace(
        stats, built_at=store.cluster_stats().built_at
    )  # type: ignore[union-attr]
    with pytest.raises(UsageError):
        store.rebuild_clusters("near", 1.5)


def test_fold_policies(store: EventStore) -> None:
    store.rebuild_clusters("near", 0.8)
    # none: every event alone
    assert folded(store, "none") == [
        ("a:0", 1, 1, 1),
        ("a-copy:0", 1, 1, 1),
        ("b:0", 1, 1, 1),
        ("c:0", 1, 1, 1),
        ("c:1", 1, 1, 1),
        ("c:2", 1, 1, 1),
    ]
    # daily: the same tuple on the same day folds across every document; outlets are URL
    # hosts without www. (alpha twice) or the source field (gamma).
    assert folded(store, "daily") == [("a:0", 5, 4, 3), ("c:2", 1, 1, 1)]
    # clustered: only within the duplicate cluster {a, a-copy, b}; c stands alone.
    assert folded(store, "clustered") == [("a:0", 3, 3, 2), ("c:0", 2, 1, 1), ("c:2", 1, 1, 1)]
    # Filters apply before folding, the limit after.
    assert folded(store, "daily", since=dt.date(2024, 3, 6)) == [("c:2", 1, 1, 1)]
    assert folded(store, "clustered", limit=1) == [("a:0", 3, 3, 2)]
    with pytest.raises(UsageError):
        folded(store, "weekly")


def test_fingerprints_follow_their_documents(store: EventStore, corpus: list[DocResult]) -> None:
    store.rebuild_clusters("exact")
    assert store.write(corpus).docs_unchanged == 4  # re-run: nothing changes
    assert store.cluster_stats() is not None and not store.cluster_stats().stale  # type: ignore[union-attr]
    n = store._con.execute("SELECT count(*) FROM fingerprints").fetchall()[0][0]
    assert n == 4
    # "a-copy" changes: its fingerprint is replaced and the clusters are marked stale.
    changed = dataclasses.replace(
        result("a-copy", " ".join(article(77)), [ev("a-copy", 0)]), content_hash="h-new"
    )
    assert store.write([changed]).docs_replaced == 1
    assert store.cluster_stats().stale  # type: ignore[union-attr]
    store.rebuild_clusters("exact")
    assert clusters(store) == {}
    assert store._con.execute("SELECT count(*) FROM fingerprints").fetchall()[0][0] == 4
