"""Frames: verbs that embed another action, and how their CAMEO code combines with it.

As in PETRARCH2's verb interactions, "threatened to attack" is a threat of force (138x),
"refused to lift the curfew" a refusal to ease sanctions (1241), "urged Iran to release
..." an appeal (0253), and a statement that someone else *must* act ("X said Y must
withdraw") a demand (10x). The tables (which CAMEO family a frame belongs to, which kind
of action a code names) are package data beside the verb dictionary
(``accord/data/verbs``: ``frame_verbs.tsv``, ``frame_codes.tsv``, ``action_kinds.tsv``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from accord.coding.lexicon import entries, mapping, words
from accord.model import Token

_COMPLEMENT_PREPS = words("complement_prepositions.txt")
_OBLIGATION_AUX = mapping("obligation_auxiliaries.tsv")
_OBLIGATION_VERBS = mapping("obligation_verbs.tsv")
_ACTOR_ENTS = frozenset({"GPE", "ORG", "NORP", "PERSON"})


WISH = "wish"
"""The frame of ``frame_verbs.tsv`` for verbs that frame an appeal only when the embedded
action has its own subject ('wants Germany to pay')."""


def _rows(text: str, width: int) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = []
    for line in entries(text):
        cells = tuple(c.strip() for c in line.split("\t"))
        if len(cells) != width or not all(cells):
            raise ValueError(f"want {width} tab-separated columns: {line.strip()!r}")
        rows.append(cells)
    return rows


@dataclass(frozen=True, slots=True)
class Frames:
    """How framing verbs combine with the action they embed (see the module docstring)."""

    content: Mapping[str, str]
    codes: Mapping[str, Mapping[str, str]]
    lemmas: Mapping[str, str]
    object_appeal: frozenset[str]

    @classmethod
    def from_json(cls, data: Mapping[str, Any] | None) -> Frames:
        data = data or {}
        return cls(
            content=dict(data.get("content", {})),
            codes={k: dict(v) for k, v in data.get("codes", {}).items()},
            lemmas=dict(data.get("lemmas", {})),
            object_appeal=frozenset(data.get("object_appeal", ())),
        )

    @classmethod
    def from_tables(cls, verbs: str, codes: str, kinds: str) -> Frames:
        """Frames from the texts of ``frame_verbs.tsv`` (lemma, frame), ``frame_codes.tsv``
        (frame, kind of action or '*', code) and ``action_kinds.tsv`` (code prefix, kind).
        A malformed line raises ValueError."""
        table: dict[str, dict[str, str]] = {}
        for frame, kind, code in _rows(codes, 3):
            table.setdefault(frame, {})["" if kind == "*" else kind] = code
        lemmas: dict[str, str] = {}
        wishes: set[str] = set()
        for lemma, frame in _rows(verbs, 2):
            if frame == WISH:
                wishes.add(lemma.lower())
            elif frame in table:
                lemmas[lemma.lower()] = frame
            else:
                raise ValueError(f"frame {frame!r} of {lemma!r} has no codes")
        content = {prefix: kind for prefix, kind in _rows(kinds, 2)}
        for frame_codes in table.values():
            for kind, code in frame_codes.items():
                if kind:
                    content.setdefault(code, kind)
        return cls(content=content, codes=table, lemmas=lemmas, object_appeal=frozenset(wishes))

    def kind(self, code: str) -> str | None:
        """The kind of action a code names ('aid3', 'yield6', 'fight', ...), if any."""
        for n in (4, 3, 2):
            if len(code) >= n and code[:n] in self.content:
                return self.content[code[:n]]
        return None

    def reframe(self, code: str, frame: str) -> str:
        """The code of ``frame`` (e.g. 'reject') applied to an action coded ``code``."""
        codes = self.codes.get(frame, {})
        kind = self.kind(code)
        return codes.get(kind or "", codes.get("", code))


def complement(
    tokens: Sequence[Token], verb: int, children: Mapping[int, Sequence[int]]
) -> int | None:
    """The action a framing verb embeds: 'to attack' (xcomp), 'that they withdraw' (ccomp),
    'on holding talks' (a preposition's gerund)."""
    kids = children.get(verb, ())
    for deps in (("xcomp",), ("ccomp",)):
        for c in kids:
            if tokens[c].dep in deps and tokens[c].pos in ("VERB", "AUX"):
                return c
    for c in kids:
        if tokens[c].dep == "prep" and tokens[c].text.lower() in _COMPLEMENT_PREPS:
            for g in children.get(c, ()):
                if tokens[g].dep == "pcomp" and tokens[g].pos == "VERB":
                    return g
    return None


def subject_of(
    tokens: Sequence[Token], verb: int, children: Mapping[int, Sequence[int]]
) -> int | None:
    return next(
        (c for c in children.get(verb, ()) if tokens[c].dep in ("nsubj", "nsubjpass")), None
    )


def other_subject(
    tokens: Sequence[Token], verb: int, comp: int, children: Mapping[int, Sequence[int]]
) -> bool:
    """Whether the embedded action is someone else's: 'wants Germany to pay'."""
    own = subject_of(tokens, comp, children)
    if own is not None and tokens[comp].dep == "ccomp":
        return True
    return tokens[comp].dep == "xcomp" and any(
        tokens[c].dep == "dobj" for c in children.get(verb, ())
    )


def negated(tokens: Sequence[Token], verb: int, children: Mapping[int, Sequence[int]]) -> bool:
    return any(tokens[c].dep == "neg" for c in children.get(verb, ()))


def obliged(
    tokens: Sequence[Token], clause: int, children: Mapping[int, Sequence[int]]
) -> tuple[int, str | None]:
    """The action of a reported clause and its obligation frame ('must' -> demand)."""
    kids = children.get(clause, ())
    if negated(tokens, clause, children):
        return clause, None
    for c in kids:
        word = tokens[c].text.lower()
        if tokens[c].dep == "aux" and word in _OBLIGATION_AUX:
            return through_copula(tokens, clause, children), _OBLIGATION_AUX[word]
    frame = _OBLIGATION_VERBS.get(tokens[clause].lemma.lower())
    xcomp = next((c for c in kids if tokens[c].dep == "xcomp"), None)
    modal = any(tokens[c].dep == "aux" and tokens[c].tag == "MD" for c in kids)
    if frame is not None and xcomp is not None and not modal:
        return xcomp, frame
    return clause, None


def through_copula(
    tokens: Sequence[Token], clause: int, children: Mapping[int, Sequence[int]]
) -> int:
    """'must be ready to mediate' -> 'mediate'."""
    if tokens[clause].pos != "AUX":
        return clause
    for c in children.get(clause, ()):
        if tokens[c].dep == "acomp":
            for g in children.get(c, ()):
                if tokens[g].dep == "xcomp":
                    return g
    return clause


def other_actor(
    tokens: Sequence[Token], verb: int, clause: int, children: Mapping[int, Sequence[int]]
) -> bool:
    """A named subject of the reported clause other than the speaker ('Sudan must')."""
    subj = subject_of(tokens, clause, children)
    if subj is None:
        return False
    t = tokens[subj]
    if t.pos not in ("PROPN", "NOUN") or (
        t.pos == "NOUN"
        and t.ent_type not in _ACTOR_ENTS
        and not any(tokens[k].ent_type in _ACTOR_ENTS for k in children.get(subj, ()))
    ):
        return False
    speaker = subject_of(tokens, verb, children)
    return speaker is None or tokens[speaker].lemma.lower() != t.lemma.lower()
