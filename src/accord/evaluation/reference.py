"""The rules of the reference scorer, ``../shared/tools/score_gold.py``, exactly.

``accord eval`` and that script must give the same numbers on the same events; every rule
here mirrors one of its functions (named in each docstring) and the tests hold the two to
the same results. Change nothing here without changing the reference first.

* :func:`half_of`: the fixed tune/check split of every set, by record or document id.
* :func:`output_country`, :func:`gold_country`, :func:`event_root`: what is compared.
* :func:`whole_dyad_counts`: sentence-level gold on (source country, target country, type),
  every output event counted, greedy matching with the most specific gold first
  (``sentgold``).
* :func:`required_matches`, :func:`forbidden_hit`, :func:`place_key`: document-level gold
  (``docgold``, ``docgeo``).
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from accord.evaluation.matching import Counts
from accord.model import Actor, Event

Half = Literal["tune", "check"]
HALVES: tuple[Half, ...] = ("tune", "check")

SentKey = tuple[str | None, str | None, str | None]
"""(source country, target country, type): a PLOVER type or a two-digit CAMEO root."""


def half_of(record_id: str) -> Half:
    """'check' when the sha256 of the id, read as a number, is odd; else 'tune'
    (``half_of``)."""
    digest = hashlib.sha256(str(record_id).encode()).hexdigest()
    return "check" if int(digest, 16) % 2 else "tune"


def in_half(record_id: str, half: Half | None) -> bool:
    """True when ``half`` is None (the whole set) or the id falls in it."""
    return half is None or half_of(record_id) == half


def output_country(actor: Actor | None) -> str | None:
    """Country of an output actor: ISO3, 'IGO' for international organisations, or None
    (``country``)."""
    if actor is None:
        return None
    code = actor.code or ""
    if code.startswith("IGO") or actor.country == "IGO":
        return "IGO"
    if actor.country:
        return actor.country
    return code[:3] if code[:3] not in ("", "---") else None


def gold_country(code: str | None) -> str | None:
    """Country of a gold actor code; '---' (and no code) is None, a wildcard
    (``gold_country``)."""
    if not code:
        return None
    if code.startswith("IGO"):
        return "IGO"
    return code[:3] if code[:3] != "---" else None


def event_root(event: Event) -> str | None:
    """The two-digit CAMEO root of an output event, None for a shorter code (``root``)."""
    code = event.cameo or ""
    return code[:2] if len(code) >= 2 else None


# -- sentence-level gold (sentgold) ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GoldTriple:
    """A gold event as the whole-dyad rule sees it: raw codes as written in the gold."""

    source: str | None
    target: str | None
    code: str | None
    plover: str | None


def whole_dyad_keys(
    gold: Sequence[GoldTriple], events: Sequence[Event]
) -> tuple[list[SentKey], list[SentKey]]:
    """The gold and output keys of one record: PLOVER type when any gold event has one,
    else the CAMEO root (``sentgold``)."""
    plover_mode = any(g.plover for g in gold)
    gold_keys: list[SentKey] = [
        (
            gold_country(g.source),
            gold_country(g.target),
            g.plover if plover_mode else (g.code or "")[:2],
        )
        for g in gold
    ]
    out_keys: list[SentKey] = [
        (
            output_country(e.source),
            output_country(e.target),
            (e.plover or "").upper() if plover_mode else event_root(e),
        )
        for e in events
    ]
    return gold_keys, out_keys


def whole_dyad_counts(gold: Sequence[GoldTriple], events: Sequence[Event]) -> Counts:
    """tp/fp/fn of one record on (source country, target country, type): a gold None is a
    wildcard; every output event counts, duplicates included; gold items are matched
    greedily, the most specific first (``sentgold``)."""
    right = whole_dyad_right(gold, events)
    matched = sum(right)
    return Counts(matched, len(right) - matched, len(gold) - matched)


def whole_dyad_right(gold: Sequence[GoldTriple], events: Sequence[Event]) -> list[bool]:
    """For each output event (in the order given), whether it is a true positive of the
    whole-dyad match of :func:`whole_dyad_counts` (the same greedy matching: gold items
    most specific first, output events in the order of their keys)."""
    gold_keys, out_keys = whole_dyad_keys(gold, events)
    gold_keys.sort(key=lambda x: (x[0] is None, x[1] is None, str(x)))
    order = sorted(range(len(out_keys)), key=lambda i: str(out_keys[i]))
    right = [False] * len(out_keys)
    for gs, gt, gk in gold_keys:
        for i in order:
            s, t, k = out_keys[i]
            if right[i] or k != gk:
                continue
            if (gs is None or s == gs) and (gt is None or t == gt):
                right[i] = True
                break
    return right


# -- document-level gold (docgold, docgeo) --------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RequiredRule:
    """What a required item asks of a document's events."""

    source: str
    target: str | None
    """None: any target."""
    symmetric: bool
    roots: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ForbiddenRule:
    """What a forbidden item forbids: events with one of ``roots`` that involve
    ``countries`` (one country, or a pair in either direction; ``(X, X)`` is domestic), or
    events whose sentence contains one of ``sentence_contains`` (then nothing else counts)."""

    countries: tuple[str, ...]
    roots: tuple[str, ...]
    sentence_contains: tuple[str, ...] | None = None


def required_matches(rule: RequiredRule, events: Sequence[Event]) -> list[Event]:
    """The events that find a required item: its source country, its target country (any
    target when None; either direction when symmetric) and one of its roots (``_matches``)."""
    out: list[Event] = []
    for e in events:
        if event_root(e) not in rule.roots:
            continue
        s, t = output_country(e.source), output_country(e.target)
        pairs = [(s, t)] + ([(t, s)] if rule.symmetric else [])
        if any(
            ps == rule.source and (rule.target is None or pt == rule.target) for ps, pt in pairs
        ):
            out.append(e)
    return out


def forbidden_hit(rule: ForbiddenRule, event: Event) -> bool:
    """Whether ``event`` is one a forbidden item forbids (``_forbidden_hit``)."""
    if rule.sentence_contains is not None:
        sentence = (event.sentence or "").lower()
        return any(x.lower() in sentence for x in rule.sentence_contains)
    if event_root(event) not in rule.roots:
        return False
    cs = rule.countries
    s, t = output_country(event.source), output_country(event.target)
    if len(cs) == 1:
        return cs[0] in (s, t)
    if cs[0] == cs[1]:  # domestic X-X: also an X event with no target
        return s == cs[0] and t in (cs[0], None)
    return sorted([s or "", t or ""]) == sorted(cs)


def place_key(name: str | None) -> str:
    """A place name folded for comparison: accents, case, 'the'/'city'/'of', and anything
    after a comma dropped (``_place``)."""
    s = unicodedata.normalize("NFKD", name or "").encode("ascii", "ignore").decode().lower()
    s = s.split(",")[0].replace("-", " ").replace(".", " ")
    words = [w for w in s.split() if w not in ("the", "city", "of")]
    return " ".join(words)
