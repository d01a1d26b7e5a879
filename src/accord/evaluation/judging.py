"""A judged-precision sheet: a seeded random sample of the events accord prints, laid out for a
person to judge line by line (the protocol of ``../shared/docs/judging.md``), and the tally of
a filled-in sheet.

Each item shows the article's title, date and address, the sentence before and after the
evidence sentence, and the event's fields; under it, one empty line per judgement:

* ``real``: yes / no
* ``source_ok``: yes / country_only / no
* ``target_ok``: yes / country_only / no / missing_should_exist / null_ok
* ``code_ok``: exact / root / no
* ``date_ok``: yes / no / unsure
* ``note``: free text (what a careful coder would have produced instead)

**Fully correct** = real AND source_ok in {yes, country_only} AND target_ok in {yes,
country_only, null_ok} AND code_ok in {exact, root} (date_ok is reported, not required).
"""

from __future__ import annotations

import datetime as dt
import math
import random
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from accord.errors import MalformedRecord
from accord.model import Actor, Event

FIELDS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "real": ("yes", "no"),
        "source_ok": ("yes", "country_only", "no"),
        "target_ok": ("yes", "country_only", "no", "missing_should_exist", "null_ok"),
        "code_ok": ("exact", "root", "no"),
        "date_ok": ("yes", "no", "unsure"),
    }
)
"""The judged fields and the answers each accepts (``note`` is free text)."""
_GOOD_SOURCE = frozenset({"yes", "country_only"})
_GOOD_TARGET = frozenset({"yes", "country_only", "null_ok"})
_GOOD_CODE = frozenset({"exact", "root"})

_ITEM = re.compile(r"^### (\d+)\. (\S+)")
_ANSWER = re.compile(r"^- (real|source_ok|target_ok|code_ok|date_ok|note):[ \t]*(.*)$")


@dataclass(frozen=True, slots=True)
class ArticleContext:
    """What a judge sees of the article around an event."""

    title: str | None
    date: dt.date | None
    url: str | None
    sentences: tuple[str, ...]
    """The article's sentences as the coder split them (``Event.sentence_index`` indexes them)."""


def draw_sample(events: Sequence[Event], n: int, seed: int) -> list[Event]:
    """``n`` events drawn at random (seeded; all of them when there are fewer), in the order
    they were drawn. The same events and seed always give the same sample."""
    ordered = sorted(events, key=lambda e: (e.doc_id, e.sentence_index, e.event_id))
    return random.Random(seed).sample(ordered, min(n, len(ordered)))


def _actor(a: Actor | None) -> str:
    if a is None:
        return "(none)"
    return f'`{a.code}` "{a.text}"' if a.text else f"`{a.code}` (implied)"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def render_sheet(
    sample: Sequence[Event], articles: Mapping[str, ArticleContext], header: str
) -> str:
    """The sheet in Markdown: ``header`` (attribution, how it was drawn), then one item per
    event with empty answer lines."""
    lines = [header.rstrip(), ""]
    lines.append("Answers: " + "; ".join(f"{k}: {' / '.join(v)}" for k, v in FIELDS.items()))
    lines.append("")
    for n, e in enumerate(sample, start=1):
        art = articles[e.doc_id]
        i = e.sentence_index
        before = art.sentences[i - 1] if i > 0 else ""
        after = art.sentences[i + 1] if i + 1 < len(art.sentences) else ""
        when = e.date.isoformat() if e.date else "(none)"
        precision = e.date_precision.value if e.date_precision else "-"
        lines += [
            f"### {n}. {e.event_id}",
            f'- article: {e.doc_id} "{_one_line(art.title or "")}" '
            f"({art.date.isoformat() if art.date else 'undated'}) {art.url or ''}".rstrip(),
            f"- before: {_one_line(before)}",
            f"- sentence: **{_one_line(e.sentence)}**",
            f"- after: {_one_line(after)}",
            f"- source: {_actor(e.source)}",
            f"- target: {_actor(e.target)}",
            f"- code: {e.cameo} {e.cameo_name}",
            f"- date: {when} ({precision}, {e.date_source.value}); mode {e.mode.value}; "
            f'trigger "{e.evidence.trigger}"',
            *(f"- {field}: " for field in (*FIELDS, "note")),
            "",
        ]
    return "\n".join(lines)


@dataclass(frozen=True, slots=True)
class Judgement:
    number: int
    event_id: str
    answers: Mapping[str, str]
    """Field -> answer as written (lower-cased); empty where not yet judged."""
    note: str = ""

    @property
    def judged(self) -> bool:
        return all(self.answers.get(f) for f in FIELDS)

    @property
    def fully_correct(self) -> bool:
        a = self.answers
        return (
            a.get("real") == "yes"
            and a.get("source_ok") in _GOOD_SOURCE
            and a.get("target_ok") in _GOOD_TARGET
            and a.get("code_ok") in _GOOD_CODE
        )


def parse_sheet(text: str, origin: str = "sheet") -> list[Judgement]:
    """The judgements of a (partly) filled-in sheet; an answer a field does not accept is
    an error naming the item."""
    items: list[Judgement] = []
    current: tuple[int, str] | None = None
    answers: dict[str, str] = {}
    note = ""

    def close() -> None:
        if current is not None:
            items.append(Judgement(current[0], current[1], MappingProxyType(dict(answers)), note))

    for lineno, line in enumerate(text.splitlines(), start=1):
        head = _ITEM.match(line)
        if head:
            close()
            current, answers, note = (int(head.group(1)), head.group(2)), {}, ""
            continue
        found = _ANSWER.match(line)
        if current is None or not found:
            continue
        field, value = found.group(1), found.group(2).strip()
        if field == "note":
            note = value
            continue
        value = value.lower()
        if value and value not in FIELDS[field]:
            raise MalformedRecord(
                f"item {current[0]}: {field} {value!r} is not one of {', '.join(FIELDS[field])}",
                origin=f"{origin}:{lineno}",
            )
        answers[field] = value
    close()
    return items


@dataclass(frozen=True, slots=True)
class JudgingTally:
    items: int
    judged: int
    fully_correct: int
    counts: Mapping[str, Mapping[str, int]]
    """Field -> answer -> how many judged items gave it."""

    @property
    def share(self) -> float | None:
        return self.fully_correct / self.judged if self.judged else None

    @property
    def margin(self) -> float | None:
        """Half-width of a 95% normal-approximation interval around :attr:`share`."""
        p = self.share
        return None if p is None else 1.96 * math.sqrt(p * (1 - p) / self.judged)


def tally(judgements: Sequence[Judgement]) -> JudgingTally:
    """Share fully correct and each field's counts, over the items judged in full."""
    done = [j for j in judgements if j.judged]
    counts = {f: dict(Counter(j.answers[f] for j in done)) for f in FIELDS}
    return JudgingTally(
        items=len(judgements),
        judged=len(done),
        fully_correct=sum(1 for j in done if j.fully_correct),
        counts=MappingProxyType({k: MappingProxyType(v) for k, v in counts.items()}),
    )


def format_tally(result: JudgingTally) -> str:
    share = result.share
    lines = [
        f"items {result.items}, judged in full {result.judged}",
        "fully correct: "
        + (
            "n/a"
            if share is None
            else f"{result.fully_correct}/{result.judged} = {share:.3f} "
            f"(± {result.margin or 0.0:.3f}, 95%)"
        ),
    ]
    for field, answers in FIELDS.items():
        got = result.counts.get(field, {})
        lines.append(f"  {field:<10} " + ", ".join(f"{a} {got.get(a, 0)}" for a in answers))
    return "\n".join(lines) + "\n"
