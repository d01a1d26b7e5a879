"""What the events of one sentence, or of one document, become together: one act told
by a chain of verbs is one event (:func:`one_act_per_chain`), the meetings one verb tells
share their place (:func:`one_meeting_place`), an event printed twice is printed once
(:func:`dedupe`), the acts of one the headline reports dead are their life's
(:func:`outlived`). Called by :mod:`accord.coding.coder` after the rules of
:mod:`accord.coding.ruleset` have made each event."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from accord.coding.actor_records import KnowledgeBase
from accord.coding.lexicon import words
from accord.coding.ontology import VIOLENT_ROOTS
from accord.coding.statement_rules import ABOUT, BARE_STATEMENT
from accord.model import Actor, Event, Mode, PlaceBasis, Token

__all__ = ["dedupe", "one_act_per_chain", "one_meeting_place", "outlived", "struck_abroad"]


_CHAIN_DEPS = frozenset({"xcomp", "acl", "conj", "advcl"})
"""Dependencies that join two verbs of one act: 'launched missiles targeting US troops'
(acl), 'decided not to attend' (xcomp), 'tear down and vandalize statues' (conj)."""


def one_act_per_chain(events: list[Event], tokens: Sequence[Token]) -> list[Event]:
    """One act told by two verbs of one chain ('Iran launched missiles targeting US
    troops': 194 and 190; 'decided not to attend': 125 twice) is one event: of two events
    of a sentence with the same source and CAMEO root, and the same target or one with
    none (or only one the rules implied in the named target's country), whose triggers
    hang on each other, the one that names a target stays, else the one with the more
    specific code, else the governing verb's."""
    at = {t.idx: t.i for t in tokens}
    index = [at.get(e.evidence.trigger_span[0]) for e in events]
    dropped: set[int] = set()
    for a, ea in enumerate(events):
        for b in range(a + 1, len(events)):
            eb = events[b]
            ia, ib = index[a], index[b]
            if a in dropped or b in dropped or ia is None or ib is None or ia == ib:
                continue
            if (ea.source.code, ea.cameo[:2]) != (eb.source.code, eb.cameo[:2]):
                continue
            ra, rb = _target_rank(ea), _target_rank(eb)
            if _code_of(ea.target) != _code_of(eb.target) and (
                ra == rb
                or min(ra, rb) == 2
                or (min(ra, rb) == 1 and _country_of(ea.target) != _country_of(eb.target))
            ):
                continue  # two acts aimed at different actors (an implied target counts
                # as the named one only in its country: 'threw rocks' at Serbia's police)
            if _chained(tokens, ia, ib):
                head, dep = a, b
            elif _chained(tokens, ib, ia):
                head, dep = b, a
            else:
                continue
            if _code_of(ea.target) != _code_of(eb.target):  # the one naming its target stays
                keep, drop = (a, b) if ra > rb else (b, a)
            elif _specificity(events[dep].cameo) > _specificity(events[head].cameo):
                keep, drop = dep, head
            else:
                keep, drop = head, dep
            dropped.add(drop)
            events[keep] = _placed_by(events[keep], events[drop])
    return [e for k, e in enumerate(events) if k not in dropped]


def _placed_by(kept: Event, other: Event) -> Event:
    """The kept event of a chain takes the place the other verb's own phrase gave the act
    ('targeting US troops in Iraqi military bases'), where its own is not so given."""
    mine, theirs = kept.location, other.location
    if theirs is None or theirs.basis is not PlaceBasis.SENTENCE:
        return kept
    if mine is not None and mine.basis is PlaceBasis.SENTENCE:
        return kept
    return dataclasses.replace(kept, location=theirs)


def _specificity(code: str) -> tuple[int, bool]:
    """Longer codes are finer; of one length, a code not ending in 0 ('not specified
    below') is ('031' over '030')."""
    return len(code), not code.endswith("0")


def _chained(tokens: Sequence[Token], head: int, dep: int) -> bool:
    """Does the verb at ``dep`` hang on the verb at ``head`` ('decided not to attend'), or
    on its object ('launched missiles targeting US troops'), with no subject of its own
    ('quashed the sentences, and in 1991 it overturned ...' are two acts)?"""
    tok = tokens[dep]
    if tok.dep not in _CHAIN_DEPS or not 0 <= tok.head < len(tokens):
        return False
    if any(t.head == dep and t.dep in ("nsubj", "nsubjpass") for t in tokens):
        return False
    if tok.head == head:
        return True
    owner = tokens[tok.head]
    return tok.dep == "acl" and owner.dep == "dobj" and owner.head == head


def _target_rank(event: Event) -> int:
    """2 for a target the sentence names, 1 for one only the rules implied ('threw rocks':
    at their own country's authorities), 0 for none."""
    target = event.target
    return 0 if target is None else 2 if target.text else 1


def _code_of(actor: Actor | None) -> str | None:
    return actor.code if actor is not None else None


def _country_of(actor: Actor | None) -> str | None:
    return actor.country if actor is not None else None


def one_meeting_place(events: list[Event]) -> list[Event]:
    """The meetings one verb tells ('Mitsotakis met with the IMF, then with President
    Trump') happened at one place: one the sentence or the story placed places the
    others its source held by the same verb."""
    placed = {
        (e.evidence.trigger_span, e.source.code): e.location
        for e in events
        if e.cameo.startswith("04") and e.location is not None
    }
    if not placed:
        return events
    out: list[Event] = []
    for e in events:
        where = placed.get((e.evidence.trigger_span, e.source.code))
        if e.location is None and where is not None and e.cameo.startswith("04"):
            rule = f"{e.evidence.rule}+place:same-meeting"
            e = dataclasses.replace(
                e, location=where, evidence=dataclasses.replace(e.evidence, rule=rule)
            )
        out.append(e)
    return out


def struck_abroad(e: Event) -> bool:
    """Force placed in another country than its source's ('Iran launched missiles
    targeting US troops in Iraqi military bases'): where it struck, not where the source
    is, so it does not set the source's scene for the story's later sentences."""
    place = e.location
    return (
        e.cameo[:2] in VIOLENT_ROOTS
        and place is not None
        and place.country is not None
        and place.country != e.source.country
    )


def dedupe(events: Sequence[Event]) -> list[Event]:
    """Each event once; and a statement kept as one state's words about another (010
    '+about') is left out where the same sentence codes what those words do, from the
    same source to the same target ('Abbas said he was ready to negotiate with Israel':
    the 036, not also a 010 to Israel)."""
    seen: set[str] = set()
    out: list[Event] = []
    for e in events:
        if e.event_id not in seen:
            seen.add(e.event_id)
            out.append(e)
    told = {
        (e.sentence_index, e.source.code, _code_of(e.target))
        for e in out
        if e.cameo != BARE_STATEMENT
    }
    return [
        e
        for e in out
        if not (
            e.cameo == BARE_STATEMENT
            and ABOUT in e.evidence.rule
            and (e.sentence_index, e.source.code, _code_of(e.target)) in told
        )
    ]


_DEATH = re.compile(
    r"\b(?:"
    + "|".join(re.escape(w) for w in sorted(words("death_title_words.txt"), key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)


def outlived(
    events: list[Event], title: str | None, kb: KnowledgeBase, *, keep: bool
) -> list[Event]:
    """The acts of the person a headline reports dead ('Longtime leader of Zimbabwe Robert
    Mugabe dies aged 95'): a story of a death tells its subject's acts as a life already
    over ('Refusing to give up power, Mugabe agreed to power-sharing'), years before the
    story's date, which they would otherwise take. An event whose source's name ends in a
    word the headline writes before its word of death (death_title_words.txt) is
    background: left out, or marked so when every mode is kept (``keep``). What others do
    on the death (condolences, tributes) stays. The one dead is the name the headline
    writes right before its word of death ('... Robert Mugabe dies', 'Lord Scarman, 93,
    dies') or before its first comma ('Nickey Iyambo, former vice-president of Namibia,
    dies'), not another name before it ('Trump aide X dies' is not Trump). A source the
    knowledge base names by a country ('the president of Namibia') is no such person."""
    found = _DEATH.search(title or "")
    if found is None:
        return events
    named = _deceased_words(title[: found.start()] if title else "")
    out: list[Event] = []
    for e in events:
        name = e.source.name or ""
        last = name.split()[-1] if name.split() else ""
        dead = len(last) > 2 and last in named and not _a_country(kb, name)
        if not dead:
            out.append(e)
        elif keep:
            out.append(dataclasses.replace(e, mode=Mode.BACKGROUND))
    return out


def _a_country(kb: KnowledgeBase, name: str) -> bool:
    """Whether the knowledge base reads ``name`` as a country's."""
    words_ = name.split()
    found = kb.match(words_, 0, None)
    return found is not None and found.length == len(words_) and found.entry.kind == "country"


_NAME_WORD = re.compile(r"[A-Z][\w'.-]*")


def _deceased_words(before: str) -> frozenset[str]:
    """The words of the name a headline's words of death follow: the capitalised words
    that end the text before them (an age set off by commas skipped: 'Lord Scarman, 93,'),
    and those that end the text before its first comma ('Nickey Iyambo, former
    vice-president of Namibia,')."""
    out: set[str] = set()
    for part in (before, before.split(",", 1)[0] if "," in before else ""):
        words_ = [w for w in re.split(r"[\s,]+", part) if w and not w.isdigit()]
        while words_ and _NAME_WORD.fullmatch(words_[-1]):
            out.add(words_.pop())
    return frozenset(out)
