"""CAMEO verb patterns: load the packaged dictionary and match it against parsed sentences.

The dictionary (converted from PETRARCH2's CAMEO.2.0, MIT) groups verb forms into
blocks with a default code, and lists patterns of words before (``pre``) and after
(``post``) the verb (``*``). A pattern element is a word, a ``{multi word}`` phrase,
a ``(PREP words)`` prepositional group, an ``&SYNSET`` reference, or a marker:
``$`` (the source sits here), ``+`` (the target sits here), ``^`` (skip).

Matching works on dependency-parsed sentences: the words of a pattern must occur, in
order, among the tokens of the verb's clause after (or before) the verb. The most
specific matching pattern (most words) wins; without one the verb form's or block's
default code applies.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

from accord.errors import ResourceError
from accord.model import Token

Phrase = tuple[str, ...]
"""A sequence of lower-case words that must occur on consecutive tokens."""

_CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "parataxis", "csubj", "acl", "xcomp"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})


@dataclass(frozen=True, slots=True)
class Slot:
    """One element of a pattern: any of ``alternatives`` must match, or a marker."""

    alternatives: tuple[Phrase, ...] = ()
    marker: str = ""
    """'$' source, '+' target, '^' skip; empty for word slots."""
    prep: str = ""
    """The preposition of the group this slot sits in ('' outside groups)."""


@dataclass(frozen=True, slots=True)
class Pattern:
    block: str
    pre: tuple[Slot, ...]
    post: tuple[Slot, ...]
    code: str | None
    code2: str | None
    verbs: frozenset[str]
    line: int
    text: str

    @property
    def weight(self) -> int:
        return sum(1 for s in (*self.pre, *self.post) if not s.marker)

    def marker_prep(self, marker: str) -> str | None:
        """The preposition whose object holds the source ('$') or target ('+'), if marked."""
        for slot in self.post:
            if slot.marker == marker and slot.prep:
                return slot.prep
        return None


@dataclass(frozen=True, slots=True)
class VerbForm:
    words: Phrase
    block: str
    code: str | None
    code2: str | None
    no_code: bool


@dataclass(frozen=True, slots=True)
class VerbMatch:
    """The result of coding one verb token."""

    form: VerbForm
    code: str
    code2: str | None
    pattern: Pattern | None
    tokens: tuple[int, ...]
    """Sentence token indices of the verb form and the matched pattern words."""

    @property
    def rule(self) -> str:
        if self.pattern is None:
            return f"verb:{self.form.block}:{' '.join(self.form.words)}"
        return f"pattern:{self.form.block}:{self.pattern.line}:{self.pattern.text}"


def _lemma_guesses(word: str) -> tuple[str, ...]:
    out = [word]
    if word.endswith("ies") and len(word) > 4:
        out.append(word[:-3] + "y")
    if word.endswith("es") and len(word) > 4:
        out.append(word[:-2])
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        out.append(word[:-1])
    return tuple(out)


def _word_phrase(raw: str) -> Phrase:
    word = raw.strip("_").lower()
    parts: list[str] = []
    for piece in word.replace("-", " - ").split():
        parts.append(piece)
    return tuple(parts)


class VerbDictionary:
    """The compiled verb dictionary. Immutable after :meth:`load`."""

    def __init__(
        self,
        forms: Mapping[str, tuple[VerbForm, ...]],
        patterns: Mapping[str, tuple[Pattern, ...]],
        version: str,
    ) -> None:
        self._forms = dict(forms)
        self._patterns = dict(patterns)
        self.version = version

    @classmethod
    def load(cls) -> VerbDictionary:
        try:
            raw = (
                resources.files("accord.data.verbs")
                .joinpath("cameo_verbs.json")
                .read_text(encoding="utf-8")
            )
        except (FileNotFoundError, ModuleNotFoundError) as exc:
            raise ResourceError(f"packaged verb dictionary missing: {exc}") from exc
        return cls.from_json(json.loads(raw))

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> VerbDictionary:
        synsets: dict[str, tuple[Phrase, ...]] = {
            name: tuple(tuple(w for p in words for w in _word_phrase(p)) for words in entries)
            for name, entries in data["synsets"].items()
        }
        forms: dict[str, list[VerbForm]] = {}
        patterns: dict[str, tuple[Pattern, ...]] = {}
        for block in data["blocks"]:
            name = block["name"]
            block_forms: list[VerbForm] = []
            for v in block["verbs"]:
                words = tuple(w for p in v["words"] for w in _word_phrase(p))
                form = VerbForm(
                    words=words,
                    block=name,
                    code=v["code"] or block["code"],
                    code2=v["code2"] if v["code"] else block["code2"],
                    no_code=bool(v["no_code"]),
                )
                block_forms.append(form)
                forms.setdefault(words[0], []).append(form)
            block_verbs = {" ".join(f.words) for f in block_forms}
            compiled = []
            for p in block["patterns"]:
                named = frozenset(v for v in p["verbs"] if v in block_verbs)
                compiled.append(
                    Pattern(
                        block=name,
                        pre=_compile_slots(p["pre"], synsets),
                        post=_compile_slots(p["post"], synsets),
                        code=p["code"],
                        code2=p["code2"],
                        verbs=named,
                        line=int(p["line"]),
                        text=" ".join([*p["pre"], "*", *p["post"]]),
                    )
                )
            patterns[name] = tuple(compiled)
        frozen_forms = {k: tuple(sorted(v, key=lambda f: -len(f.words))) for k, v in forms.items()}
        return cls(frozen_forms, patterns, str(data.get("version", "unknown")))

    def forms_for(self, lemma: str) -> tuple[VerbForm, ...]:
        return self._forms.get(lemma.lower(), ())

    def has_verb(self, lemma: str) -> bool:
        return lemma.lower() in self._forms

    def match(self, tokens: Sequence[Token], verb: int) -> VerbMatch | None:
        """Code the verb at ``tokens[verb]``; None when it carries no event."""
        tok = tokens[verb]
        candidates = self.forms_for(tok.lemma) or self.forms_for(tok.text.lower())
        if not candidates:
            return None
        children = children_of(tokens)
        best: VerbMatch | None = None
        for form in candidates:
            extra = _form_tokens(tokens, verb, form.words[1:], children)
            if extra is None:
                continue
            used = {verb, *extra}
            pre, post = _contexts(tokens, verb, children, used)
            found = self._best_pattern(form, pre, post)
            if found is not None:
                pattern, matched = found
                if pattern.code is None:
                    return None
                cand = VerbMatch(
                    form, pattern.code, pattern.code2, pattern, tuple(sorted(used | set(matched)))
                )
            else:
                if form.no_code or not form.code:
                    continue
                cand = VerbMatch(form, form.code, form.code2, None, tuple(sorted(used)))
            if best is None or _rank(cand) > _rank(best):
                best = cand
        return best

    def _best_pattern(
        self, form: VerbForm, pre: Sequence[Token], post: Sequence[Token]
    ) -> tuple[Pattern, list[int]] | None:
        verb_name = " ".join(form.words)
        best: tuple[Pattern, list[int]] | None = None
        for pattern in self._patterns.get(form.block, ()):
            if pattern.verbs and verb_name not in pattern.verbs:
                continue
            if best is not None and pattern.weight <= best[0].weight:
                continue
            matched_post = _match_slots(pattern.post, post)
            if matched_post is None:
                continue
            matched_pre = _match_slots(pattern.pre, pre)
            if matched_pre is None:
                continue
            best = (pattern, matched_pre + matched_post)
        return best


def _rank(m: VerbMatch) -> tuple[int, int]:
    return (m.pattern.weight if m.pattern else 0, len(m.form.words))


def _compile_slots(
    raw: Sequence[str], synsets: Mapping[str, tuple[Phrase, ...]]
) -> tuple[Slot, ...]:
    slots: list[Slot] = []
    prep = ""
    in_group = False
    expect_prep = False
    phrase: list[str] | None = None
    for tok in raw:
        if tok == "(":
            in_group, expect_prep, prep = True, True, ""
            continue
        if tok == ")":
            in_group, prep = False, ""
            continue
        if tok == "{":
            phrase = []
            continue
        if tok == "}":
            if phrase:
                words = tuple(w for p in phrase for w in _word_phrase(p))
                slots.append(Slot(alternatives=(words,), prep=prep))
            phrase = None
            continue
        if phrase is not None:
            phrase.append(tok)
            continue
        if tok in ("$", "+", "^", "%"):
            slots.append(Slot(marker=tok, prep=prep))
            continue
        if tok.startswith("&"):
            alts = synsets.get(tok[1:], ())
            if alts:
                slots.append(Slot(alternatives=alts, prep=prep))
            continue
        alternatives = tuple(_word_phrase(w) for w in tok.split("/") if w)
        slots.append(Slot(alternatives=alternatives, prep=prep))
        if in_group and expect_prep:
            prep = tok.lower()
            expect_prep = False
    return tuple(slots)


def children_of(tokens: Sequence[Token]) -> dict[int, list[int]]:
    out: dict[int, list[int]] = {}
    for t in tokens:
        if t.head != t.i:
            out.setdefault(t.head, []).append(t.i)
    return out


def subtree(children: Mapping[int, Sequence[int]], root: int) -> set[int]:
    seen = {root}
    stack = [root]
    while stack:
        for c in children.get(stack.pop(), ()):
            if c not in seen:
                seen.add(c)
                stack.append(c)
    return seen


def _form_tokens(
    tokens: Sequence[Token], verb: int, rest: Phrase, children: Mapping[int, Sequence[int]]
) -> list[int] | None:
    """Indices of the particle words of a multi-word verb form (e.g. 'with' of 'meet with')."""
    found: list[int] = []
    pos = verb
    for word in rest:
        nxt = pos + 1
        if nxt < len(tokens) and _word_match(tokens[nxt], word):
            found.append(nxt)
            pos = nxt
            continue
        kid = next(
            (
                c
                for c in children.get(verb, ())
                if c not in found
                and _word_match(tokens[c], word)
                and tokens[c].dep in ("prt", "prep", "dobj", "acomp", "advmod", "compound:prt")
            ),
            None,
        )
        if kid is None:
            return None
        found.append(kid)
        pos = kid
    return found


def _contexts(
    tokens: Sequence[Token], verb: int, children: Mapping[int, Sequence[int]], used: set[int]
) -> tuple[list[Token], list[Token]]:
    """Tokens of the verb's clause before and after the verb, minus embedded clauses."""
    excluded: set[int] = set()
    for c in children.get(verb, ()):
        dep = tokens[c].dep
        if dep in _CLAUSE_DEPS or (dep == "conj" and tokens[c].pos in ("VERB", "AUX")):
            excluded |= subtree(children, c)
    clause = subtree(children, verb) - excluded - used
    pre = [tokens[i] for i in sorted(clause) if i < verb]
    post = [tokens[i] for i in sorted(clause) if i > verb]
    return pre, post


def _word_match(tok: Token, word: str) -> bool:
    low = tok.text.lower()
    if low == word or tok.lemma.lower() == word:
        return True
    return tok.lemma.lower() in _lemma_guesses(word)


def _match_slots(slots: Sequence[Slot], context: Sequence[Token]) -> list[int] | None:
    """Match word slots as an ordered subsequence of ``context``; token indices or None."""
    matched: list[int] = []
    pos = 0
    for slot in slots:
        if slot.marker:
            continue
        hit = _find(slot.alternatives, context, pos)
        if hit is None:
            return None
        start, length = hit
        matched.extend(context[k].i for k in range(start, start + length))
        pos = start + length
    return matched


def _find(
    alternatives: Iterable[Phrase], context: Sequence[Token], pos: int
) -> tuple[int, int] | None:
    best: tuple[int, int] | None = None
    for phrase in alternatives:
        n = len(phrase)
        for start in range(pos, len(context) - n + 1):
            if best is not None and start >= best[0]:
                break
            if all(_word_match(context[start + k], phrase[k]) for k in range(n)):
                best = (start, n)
                break
    return best
