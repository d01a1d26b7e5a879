"""The analysis fixture store: English Wikinews 2019-2020 as accord codes it, plus a
synthetic dyad with a planted shift.

    python scripts/fixture_store.py build fixture.duckdb   # from the committed files
    python scripts/fixture_store.py refresh                # re-code Wikinews (needs ../shared)

``build`` needs no model: it writes the committed documents and events
(``tests/fixtures/analysis/wikinews_*.jsonl``, coded by ``refresh``) and the synthetic
series into a new store, the same store every time. The synthetic dyad is Arcadia (XAR)
and Borduria (XBO), two invented countries: a cooperative weekly baseline from January
2019 to November 2020 (talks, visits, praise, agreements, a criticism now and then) and
in December 2020 a turn to conflict (accusations, threats, sanctions, an arrest, an
attack). ``alerts`` on this store must report XAR-XBO with exactly the planted conflict
events (:data:`SHIFT_CONFLICT_IDS`).

Wikinews articles are (c) Wikinews contributors, en.wikinews.org, CC BY 2.5
(https://creativecommons.org/licenses/by/2.5/); the committed files keep each article's
URL and title. See tests/fixtures/analysis/README.md.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

from accord.coding.ontology import Ontology
from accord.formats import events_from_jsonl, events_to_jsonl
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

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "tests" / "fixtures" / "analysis"
DOCUMENTS = FOLDER / "wikinews_documents.jsonl"
EVENTS = FOLDER / "wikinews_events.jsonl"
CORPUS = ROOT.parent / "shared" / "corpus" / "wikinews" / "wikinews_2019_2020.jsonl"

SYNTHETIC_DYAD = ("XAR", "XBO")
NAMES = {"XAR": "Arcadia", "XBO": "Borduria"}
BASELINE_START = dt.date(2019, 1, 7)  # a Monday
BASELINE_END = dt.date(2020, 11, 23)  # the last weekly dispatch before the shift
SHIFT_DATES = (dt.date(2020, 12, 3), dt.date(2020, 12, 10), dt.date(2020, 12, 17),
               dt.date(2020, 12, 28))  # fmt: skip
LAST_DATE = SHIFT_DATES[-1]
"""The store's last event date: ``alerts`` and ``changes`` end their latest window here."""

# (CAMEO code, sentence with {s} and {t} for the two countries, trigger word)
_COOPERATION = (
    ("040", "{s} held talks with {t} on fishing rights.", "held talks"),
    ("036", "{s} said it wants to meet {t} to discuss the border crossings.", "meet"),
    ("051", "{s} praised {t} for reopening the mountain railway.", "praised"),
    ("042", "The foreign minister of {s} visited {t} for a two-day trip.", "visited"),
    ("057", "{s} signed a customs agreement with {t}.", "signed"),
    ("061", "{s} agreed to build a power line with {t}.", "agreed"),
    ("043", "{s} hosted a delegation from {t}.", "hosted"),
)
_CRITICISM = ("111", "{s} criticised {t} over the delayed grain shipments.", "criticised")
_SHIFT = (
    ("112", "{s} accused {t} of smuggling weapons across the border.", "accused"),
    ("138", "{s} threatened {t} with military action over the river dam.", "threatened"),
    ("163", "{s} imposed an embargo on {t}.", "imposed"),
    ("173", "Police in {s} arrested two diplomats from {t}.", "arrested"),
    ("190", "Troops from {s} attacked border posts held by {t}.", "attacked"),
    ("111", "{s} condemned {t} for the shelling of the border town.", "condemned"),
    ("125", "{s} rejected a ceasefire proposal from {t}.", "rejected"),
)


def _shift_plan() -> list[tuple[dt.date, tuple[str, str, str], bool]]:
    """(date, template, XAR is the source) of every shift event; one talk among them."""
    plan: list[tuple[dt.date, tuple[str, str, str], bool]] = []
    k = 0
    for i, day in enumerate(SHIFT_DATES):
        for j in range(2):
            plan.append((day, _SHIFT[k % len(_SHIFT)], (i + j) % 2 == 0))
            k += 1
    plan.insert(3, (SHIFT_DATES[1], _COOPERATION[0], True))
    return plan


def _actor(code: str, sentence: str) -> Actor:
    name = NAMES[code]
    start = sentence.index(name)
    return Actor(name, code, code, None, name, (start, start + len(name)))


def _event(
    onto: Ontology, doc_id: str, index: int, day: dt.date, template: tuple[str, str, str],
    forward: bool,
) -> Event:  # fmt: skip
    code, text, trigger = template
    s, t = SYNTHETIC_DYAD if forward else SYNTHETIC_DYAD[::-1]
    sentence = text.format(s=NAMES[s], t=NAMES[t])
    sentence = sentence[0].upper() + sentence[1:]
    at = sentence.index(trigger)
    mapping = onto.plover_for(code)
    entry = onto.get(code)
    return Event(
        doc_id=doc_id,
        event_id=f"{doc_id}-{index}",
        sentence_index=index,
        sentence=sentence,
        sentence_span=(0, len(sentence)),
        date=day,
        date_precision=DatePrecision.DAY,
        date_source=DateSource.PUBLICATION,
        source=_actor(s, sentence),
        target=_actor(t, sentence),
        cameo=code,
        cameo_name=entry.name,
        plover=mapping.type if mapping else None,
        plover_mode=mapping.mode if mapping else None,
        plover_context=mapping.context if mapping else None,
        quad_class=entry.quad_class,
        goldstein=entry.goldstein,
        mode=Mode.ASSERTED,
        location=None,
        confidence=0.9,
        evidence=Evidence(trigger=trigger, trigger_span=(at, at + len(trigger)), rule="synthetic"),
    )


def _document(doc_id: str, day: dt.date, events: list[Event]) -> DocResult:
    text = "\n".join(e.sentence for e in events)
    doc = Document(
        id=doc_id,
        text=text,
        title=f"Synthetic dispatch: Arcadia and Borduria, {day.isoformat()}",
        date=day,
        source="accord synthetic fixture",
        origin="scripts/fixture_store.py",
    )
    return DocResult(doc=doc, events=tuple(events), sentence_count=len(events))


def synthetic_results() -> list[DocResult]:
    """The synthetic dyad's documents, one per dispatch date, in date order."""
    onto = Ontology.load()
    out: list[DocResult] = []
    week, day = 0, BASELINE_START
    while day <= BASELINE_END:
        doc_id = f"synthetic-{day.isoformat()}"
        n = 2 + week % 3
        templates = [_COOPERATION[(week * 3 + j) % len(_COOPERATION)] for j in range(n)]
        if week % 6 == 5:
            templates[-1] = _CRITICISM
        events = [_event(onto, doc_id, j, day, tpl, (week + j) % 2 == 0)
                  for j, tpl in enumerate(templates)]  # fmt: skip
        out.append(_document(doc_id, day, events))
        week += 1
        day += dt.timedelta(days=7)
    by_day: dict[dt.date, list[tuple[tuple[str, str, str], bool]]] = {}
    for when, tpl, forward in _shift_plan():
        by_day.setdefault(when, []).append((tpl, forward))
    for when, items in sorted(by_day.items()):
        doc_id = f"synthetic-{when.isoformat()}"
        events = [_event(onto, doc_id, j, when, tpl, fwd) for j, (tpl, fwd) in enumerate(items)]
        out.append(_document(doc_id, when, events))
    return out


def _shift_conflict_ids() -> frozenset[str]:
    ids: set[str] = set()
    by_day: dict[dt.date, list[str]] = {}
    for when, tpl, _ in _shift_plan():
        by_day.setdefault(when, []).append(tpl[0])
    onto = Ontology.load()
    for when, codes in by_day.items():
        for j, code in enumerate(codes):
            if onto.quad_class(code) in (3, 4):
                ids.add(f"synthetic-{when.isoformat()}-{j}")
    return frozenset(ids)


SHIFT_CONFLICT_IDS: frozenset[str] = _shift_conflict_ids()
"""Event ids of the planted conflict events (the evidence the XAR-XBO alert must show)."""


def wikinews_results() -> list[DocResult]:
    """The committed Wikinews documents with their committed events."""
    events: dict[str, list[Event]] = {}
    with EVENTS.open(encoding="utf-8") as f:
        for e in events_from_jsonl(f):
            events.setdefault(e.doc_id, []).append(e)
    out: list[DocResult] = []
    with DOCUMENTS.open(encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            doc = Document(
                id=d["id"], text="", title=d["title"],
                date=dt.date.fromisoformat(d["date"]) if d["date"] else None,
                url=d["url"], source=d["source"], origin="wikinews_2019_2020.jsonl",
            )  # fmt: skip
            out.append(DocResult(doc=doc, events=tuple(events.pop(doc.id, ())),
                                 sentence_count=d["sentence_count"],
                                 content_hash=d["content_hash"]))  # fmt: skip
    if events:
        raise SystemExit(f"events of unknown documents: {sorted(events)[:3]}")
    return out


def build_fixture_store(path: str | Path) -> Path:
    """Write the fixture store at ``path`` (which must not exist yet)."""
    target = Path(path)
    if target.exists():
        raise FileExistsError(f"{target} exists; the fixture store is built only anew")
    with EventStore.open(target) as store:
        store.write(wikinews_results())
        store.write(synthetic_results())
    return target


def _refresh() -> None:
    """Re-code the Wikinews corpus with this checkout's coder into the committed files."""
    from accord.api import Coder

    if not CORPUS.exists():
        raise SystemExit(f"{CORPUS}: not found (refresh needs ../shared)")
    coder = Coder.load()
    docs: list[dict[str, object]] = []
    events: list[Event] = []
    for r in coder.code_documents(coder.read([str(CORPUS)])):
        if not isinstance(r, DocResult) or r.failures:
            raise SystemExit(f"could not code {r}")
        docs.append({
            "id": r.doc.id, "title": r.doc.title,
            "date": r.doc.date.isoformat() if r.doc.date else None, "url": r.doc.url,
            "source": r.doc.source, "sentence_count": r.sentence_count,
            "content_hash": r.content_hash,
        })  # fmt: skip
        events.extend(r.events)
    FOLDER.mkdir(parents=True, exist_ok=True)
    with DOCUMENTS.open("w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
    with EVENTS.open("w", encoding="utf-8") as f:
        events_to_jsonl(events, f)
    print(f"{len(docs)} documents, {len(events)} events -> {FOLDER}")


def main(argv: list[str]) -> None:
    if len(argv) == 2 and argv[0] == "build":
        print(build_fixture_store(argv[1]))
    elif argv == ["refresh"]:
        _refresh()
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
