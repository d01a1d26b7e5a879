"""The pattern side of the verb dictionary: pattern syntax and where patterns look.

A pattern element is a word, a ``{multi word}`` phrase, a ``(PREP words)`` prepositional
group, an ``&SYNSET`` reference (``&FIGHT_GAMES``: the set followed by 'games'), or a
marker: ``$`` (the source sits here), ``+`` (the target sits here), ``^`` (skip).

Patterns match dependency-parsed sentences: their words must occur, in order, among the
tokens of the verb's clause (:func:`clause_of`) before or after the verb. The first word
after the verb must sit in the verb's complements (:func:`contexts`): words deep inside
adjuncts ('arrested ... in a sweep of the area') do not start a pattern, and a passive
subject counts as the object ('talks were held' ~ 'held talks').
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from accord.coding.anchors import anchors
from accord.coding.lexicon import mapping, words
from accord.model import Token

Phrase = tuple[str, ...]
"""A sequence of lower-case words that must occur on consecutive tokens."""

_PARTICLES = words("verb_particles.txt")
_IRREGULAR = mapping("irregular_past_forms.tsv")
_CLAUSE_DEPS = frozenset(
    {"ccomp", "advcl", "relcl", "parataxis", "csubj", "csubjpass", "acl", "xcomp"}
)


@dataclass(frozen=True, slots=True)
class Slot:
    """One element of a pattern: any of ``alternatives`` must match, or a marker."""

    alternatives: tuple[Phrase, ...] = ()
    marker: str = ""
    """'$' source, '+' target, '^' skip; empty for word slots."""
    prep: str = ""
    """The preposition of the group this slot sits in ('' outside groups)."""
    opens_group: bool = False
    """The preposition word of a ``(PREP words)`` group itself."""
    firsts: frozenset[str] = field(init=False, default=frozenset())
    """First words of the alternatives: a token whose text is one of them may match."""
    first_lemmas: frozenset[str] = field(init=False, default=frozenset())
    """Lemmas that may match a first word (:func:`word_match`)."""
    guesses: tuple[tuple[str, ...], ...] = field(init=False, default=())
    """Per alternative, :func:`lemma_guesses` of its first word."""

    def __post_init__(self) -> None:
        firsts = frozenset(p[0] for p in self.alternatives if p)
        lemmas = frozenset(g for w in firsts for g in lemma_guesses(w))
        object.__setattr__(self, "firsts", firsts)
        object.__setattr__(self, "first_lemmas", lemmas)
        guesses = tuple(lemma_guesses(p[0]) if p else () for p in self.alternatives)
        object.__setattr__(self, "guesses", guesses)

    def may_match(self, keys: ContextKeys) -> bool:
        """False when no token of the context can start any alternative: a cheap,
        exact pre-check before :func:`match_slots` (never False when a match exists)."""
        lows, lemmas = keys
        return (
            not self.firsts.isdisjoint(lows)
            or not self.first_lemmas.isdisjoint(lemmas)
            or ("on" in self.firsts and "upon" in lows)
        )


ContextKeys = tuple[frozenset[str], frozenset[str]]
"""Lower-cased texts and lemmas of a context's tokens (:func:`context_keys`)."""


def context_keys(context: Context) -> ContextKeys:
    return (
        frozenset(t.text.lower() for t in context.tokens),
        frozenset(t.lemma.lower() for t in context.tokens),
    )


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
    weight: int = field(init=False, default=0)
    """How many word slots the pattern has (its specificity)."""
    has_content: bool = field(init=False, default=False)
    """Whether a word other than a group's preposition or a verb particle is required
    ('* (TO)' and '* UP' have none: they stay with the verbs they were noted for)."""

    def __post_init__(self) -> None:
        slots = (*self.pre, *self.post)
        object.__setattr__(self, "weight", sum(1 for s in slots if not s.marker))
        content = any(not s.marker and not s.opens_group and not _particle(s) for s in slots)
        object.__setattr__(self, "has_content", content)

    def marker_prep(self, marker: str) -> str | None:
        """The preposition whose object holds the source ('$') or target ('+'), if marked."""
        for slot in self.post:
            if slot.marker == marker and slot.prep:
                return slot.prep
        return None


def _particle(slot: Slot) -> bool:
    """A slot of phrasal-verb particles alone ('UP' of '* UP', verb_particles.txt)."""
    return bool(slot.alternatives) and all(
        len(p) == 1 and p[0] in _PARTICLES for p in slot.alternatives
    )


class PatternIndex:
    """One block's patterns, looked up by the words they need.

    Each pattern is filed under the first words of one word slot (its first after the
    verb, else its first before it): a pattern none of whose keys occurs in the verb's
    context fails :meth:`Slot.may_match` anyway, so :meth:`candidates` skips it without
    a look. Candidates come back in dictionary order (ties go to the earlier pattern)."""

    __slots__ = ("_always", "_patterns", "_post_lemma", "_post_low", "_pre_lemma", "_pre_low")

    def __init__(self, patterns: Sequence[Pattern]) -> None:
        self._patterns = tuple(patterns)
        always: list[int] = []
        post_low: dict[str, list[int]] = {}
        post_lemma: dict[str, list[int]] = {}
        pre_low: dict[str, list[int]] = {}
        pre_lemma: dict[str, list[int]] = {}
        for k, pattern in enumerate(self._patterns):
            anchor = next((s for s in pattern.post if not s.marker), None)
            lows, lemmas = post_low, post_lemma
            if anchor is None:
                anchor = next((s for s in pattern.pre if not s.marker), None)
                lows, lemmas = pre_low, pre_lemma
            if anchor is None:
                always.append(k)
                continue
            for w in anchor.firsts | ({"upon"} if "on" in anchor.firsts else set()):
                lows.setdefault(w, []).append(k)
            for w in anchor.first_lemmas:
                lemmas.setdefault(w, []).append(k)
        self._always = tuple(always)
        self._post_low, self._post_lemma = post_low, post_lemma
        self._pre_low, self._pre_lemma = pre_low, pre_lemma

    def candidates(self, pre: ContextKeys, post: ContextKeys) -> list[Pattern]:
        found = set(self._always)
        for keys, table in (
            (post[0], self._post_low),
            (post[1], self._post_lemma),
            (pre[0], self._pre_low),
            (pre[1], self._pre_lemma),
        ):
            for key in keys:
                hits = table.get(key)
                if hits:
                    found.update(hits)
        return [self._patterns[k] for k in sorted(found)]


def lemma_guesses(word: str) -> tuple[str, ...]:
    out = [word]
    if word.endswith("ies") and len(word) > 4:
        out.append(word[:-3] + "y")
    if word.endswith("es") and len(word) > 4:
        out.append(word[:-2])
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        out.append(word[:-1])
    return tuple(out)


def word_phrase(raw: str) -> Phrase:
    """'AIR_STRIKE' -> ('air', 'strike'); 'SIT-IN' -> ('sit', '-', 'in')."""
    word = raw.strip("_").lower().replace("_", " ")
    return tuple(word.replace("-", " - ").split())


@dataclass(frozen=True, slots=True)
class Context:
    tokens: list[Token]
    anchors: set[int] | None
    """Token indices where a pattern's first word may match (None: anywhere)."""
    by_text: Mapping[str, list[int]] = field(init=False, default_factory=dict)
    """Lower-cased token text -> positions in ``tokens`` (ascending)."""
    by_lemma: Mapping[str, list[int]] = field(init=False, default_factory=dict)
    """Lower-cased lemma -> positions in ``tokens`` (ascending)."""
    _starts: dict[tuple[str, tuple[str, ...]], list[int]] = field(
        init=False, default_factory=dict, repr=False, compare=False
    )
    """What :meth:`starts` found, by its arguments: thousands of patterns share a first
    word, and this context is built for one sentence."""

    def __post_init__(self) -> None:
        by_text: dict[str, list[int]] = {}
        by_lemma: dict[str, list[int]] = {}
        for k, t in enumerate(self.tokens):
            by_text.setdefault(t.text.lower(), []).append(k)
            by_lemma.setdefault(t.lemma.lower(), []).append(k)
        object.__setattr__(self, "by_text", by_text)
        object.__setattr__(self, "by_lemma", by_lemma)

    def starts(self, word: str, guesses: tuple[str, ...]) -> list[int]:
        """Positions (ascending) of the tokens :func:`word_match` accepts for ``word``;
        ``guesses`` are its :func:`lemma_guesses`."""
        key = (word, guesses)
        known = self._starts.get(key)
        if known is not None:
            return known
        found = list(self.by_text.get(word, ()))
        if word == "on":
            found += self.by_text.get("upon", ())
        for g in guesses:
            found += self.by_lemma.get(g, ())
        result = sorted(set(found))
        self._starts[key] = result
        return result


def compile_slots(
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
                slots.append(Slot(alternatives=phrase_alternatives(phrase, synsets), prep=prep))
            phrase = None
            continue
        if phrase is not None:
            phrase.append(tok)
            continue
        if tok in ("$", "+", "^", "%"):
            slots.append(Slot(marker=tok, prep=prep))
            continue
        if tok.startswith("&"):
            # '&FIGHT_GAMES': the set FIGHT followed by 'games'; an unknown set never matches
            slots.append(Slot(alternatives=synset_phrase(tok[1:], synsets), prep=prep))
            continue
        alternatives = tuple(word_phrase(w) for w in tok.split("/") if w)
        opens = in_group and expect_prep
        slots.append(Slot(alternatives=alternatives, prep=prep, opens_group=opens))
        if opens:
            prep = tok.lower()
            expect_prep = False
    return tuple(slots)


def synset_phrase(name: str, synsets: Mapping[str, tuple[Phrase, ...]]) -> tuple[Phrase, ...]:
    parts = name.split("_")
    for k in range(len(parts), 0, -1):
        head = "_".join(parts[:k])
        if head in synsets or head + "_" in synsets:
            rest = tuple(w.lower() for w in parts[k:] if w)
            return tuple(p + rest for p in synsets.get(head, synsets.get(head + "_", ())))
    return ()


def phrase_alternatives(
    parts: Sequence[str], synsets: Mapping[str, tuple[Phrase, ...]]
) -> tuple[Phrase, ...]:
    """'{&FOOD AID}': every synonym of the set followed by 'aid'."""
    out: list[Phrase] = [()]
    for part in parts:
        options = synset_phrase(part[1:], synsets) if part.startswith("&") else (word_phrase(part),)
        out = [done + option for done in out for option in options]
    return tuple(p for p in out if p)


def children_of(tokens: Sequence[Token]) -> dict[int, list[int]]:
    out: dict[int, list[int]] = {}
    for t in tokens:
        if t.head != t.i:
            out.setdefault(t.head, []).append(t.i)
    return out


SUBJECT_DEPS = frozenset({"nsubj", "csubj"})


def governing_verb(tokens: Sequence[Token], i: int) -> int | None:
    """The nearest verb above token ``i`` in the parse (the clause it belongs to)."""
    for _ in range(len(tokens)):
        head = tokens[i].head
        if head == i:
            return None
        if tokens[head].pos in ("VERB", "AUX"):
            return head
        i = head
    return None


def subtree(children: Mapping[int, Sequence[int]], root: int) -> set[int]:
    seen = {root}
    stack = [root]
    while stack:
        for c in children.get(stack.pop(), ()):
            if c not in seen:
                seen.add(c)
                stack.append(c)
    return seen


def reported_words(
    tokens: Sequence[Token], children: Mapping[int, Sequence[int]], verb: int
) -> set[int]:
    """The words a verb of saying reports: its clausal complement ('said (that) ...'), or
    the clause it is attached to ('"...", X said')."""
    out: set[int] = set()
    for k in children.get(verb, ()):
        if tokens[k].dep in ("ccomp", "parataxis"):
            out |= subtree(children, k)
    tok = tokens[verb]
    if not out and tok.dep in ("parataxis", "ccomp", "advcl", "conj") and tok.head != verb:
        out = subtree(children, tok.head) - subtree(children, verb)
    return out


def form_tokens(
    tokens: Sequence[Token], verb: int, rest: Phrase, children: Mapping[int, Sequence[int]]
) -> list[int] | None:
    """Indices of the particle words of a multi-word verb form (e.g. 'with' of 'meet with')."""
    found: list[int] = []
    pos = verb
    temporal = time_phrases(tokens, verb, children) if rest else set()
    for word in rest:
        nxt = pos + 1
        if nxt < len(tokens) and tokens[nxt].dep != "aux" and word_match(tokens[nxt], word):
            found.append(nxt)
            pos = nxt
            continue
        kid = next(
            (
                c
                for c in children.get(verb, ())
                if c not in found
                and c not in temporal
                and word_match(tokens[c], word)
                and tokens[c].dep in ("prt", "prep", "dobj", "acomp", "advmod", "compound:prt")
            ),
            None,
        )
        if kid is None:
            return None
        found.append(kid)
        pos = kid
    return found


def contexts(
    tokens: Sequence[Token], verb: int, children: Mapping[int, Sequence[int]], used: set[int]
) -> tuple[Context, Context]:
    """What a pattern sees before and after the verb, within its clause (:func:`clause_of`).

    Before: the subject and the verb's own modifiers. After: the rest of the clause, in
    order; a passive subject counts as the object ('talks were held' ~ 'held talks'). The
    first word after the verb must sit in the verb's complements (object, particle,
    infinitive) or be a preposition of the verb: words deep inside adjuncts ('arrested
    ... in a sweep of the area') do not start a pattern.
    """
    clause = (
        clause_of(tokens, verb, children)
        - used
        - time_phrases(tokens, verb, children)
        - _attribution(tokens, verb, children)
    )
    clause = {i for i in clause if not _hyphen_tail(tokens, i)}
    kids = children.get(verb, ())
    subjects: set[int] = set()
    objects: set[int] = set()
    for c in kids:
        dep = tokens[c].dep
        if dep in ("nsubj", "csubj", "expl"):
            subjects |= subtree(children, c)
        elif dep == "nsubjpass":
            objects |= subtree(children, c)
    # a passive verb's particle comes before its subject, as before the object of the
    # active ('the bid was thrown out' ~ 'threw out the bid')
    particles = {c for c in kids if tokens[c].dep == "prt"} if objects else set()
    before = {i for i in clause if i < verb and (i in subjects or i in kids)}
    pre = [tokens[i] for i in sorted(before | _reporting_head(tokens, verb)) if i not in objects]
    post = [tokens[i] for i in sorted(clause & particles)]
    post += [tokens[i] for i in sorted(clause & objects)]
    post += [
        tokens[i] for i in sorted(clause) if i > verb and i not in objects and i not in particles
    ]
    return Context(pre, None), Context(post, anchors(tokens, verb, children) & clause)


def _hyphen_tail(tokens: Sequence[Token], i: int) -> bool:
    """An adjective after the hyphen of a compound ('free' of 'police-free zones',
    'tax-free'): part of another word, it is no pattern word of its own ('set up
    police-free zones' is no 'set free'). A noun there stays ('a free-trade pact' is a
    trade pact)."""
    return (
        i >= 2
        and tokens[i].pos == "ADJ"
        and tokens[i - 1].text in ("-", "\u2013")
        and not tokens[i - 1].whitespace
        and not tokens[i - 2].whitespace
    )


def _reporting_head(tokens: Sequence[Token], verb: int) -> set[int]:
    """The verb that reports this clause, when it comes first: 'indicated' of 'Ethiopia
    indicated it would act' is a word before 'act' (patterns such as INDICATED WOULD *)."""
    tok = tokens[verb]
    if tok.dep == "ccomp" and tok.head < verb and tokens[tok.head].pos == "VERB":
        return {tok.head}
    return set()


def time_phrases(
    tokens: Sequence[Token], verb: int, children: Mapping[int, Sequence[int]]
) -> set[int]:
    """Prepositional phrases of time ('on Monday', 'in March'): no pattern word sits there,
    so 'called Trump on Monday' is not CALL ON."""
    out: set[int] = set()
    for c in children.get(verb, ()):
        if tokens[c].dep != "prep":
            continue
        objs = [g for g in children.get(c, ()) if tokens[g].dep == "pobj"]
        if objs and all(tokens[g].ent_type in ("DATE", "TIME") for g in objs):
            out |= subtree(children, c)
    return out


_ATTRIBUTION = words("attribution_prepositions.txt")


def _attribution(
    tokens: Sequence[Token], verb: int, children: Mapping[int, Sequence[int]]
) -> set[int]:
    """A phrase naming who reports the sentence ('according to state media'): no pattern
    word sits there, so 'entered the town according to state media' is not ENTER *
    &TREATY through the lemma 'accord'."""
    out: set[int] = set()
    for c in children.get(verb, ()):
        if tokens[c].dep == "prep" and tokens[c].text.lower() in _ATTRIBUTION:
            out |= subtree(children, c)
    return out


def clause_of(
    tokens: Sequence[Token], verb: int, children: Mapping[int, Sequence[int]]
) -> set[int]:
    """The verb's subtree without embedded clauses (relative, adverbial, reported,
    conjoined verbs), keeping a chain of infinitival complements ('agreed to hold talks')."""
    out = {verb}
    stack = [verb]
    while stack:
        head = stack.pop()
        for c in children.get(head, ()):
            t = tokens[c]
            if t.dep in _CLAUSE_DEPS:
                if t.dep != "xcomp" or (head != verb and tokens[head].dep != "xcomp"):
                    continue
            elif t.dep == "conj" and t.pos in ("VERB", "AUX"):
                continue
            out.add(c)
            stack.append(c)
    return out


def word_match(tok: Token, word: str) -> bool:
    low = tok.text.lower()
    if low == word or tok.lemma.lower() == word:
        return True
    if word == "on" and low == "upon":
        return True
    return tok.lemma.lower() in lemma_guesses(word)


def noted_verbs(notes: Iterable[str], block_verbs: set[str]) -> Iterable[str]:
    """The verbs a pattern was noted for, as the block's forms where one matches
    ('CALLED_OFF' -> 'call off'); a note naming no verb of the block is kept as written, so
    the pattern still counts as another verb's ('* SUPPORT [022] # URGE' in DEMAND)."""
    for note in notes:
        first, _, rest = note.partition(" ")
        irregular = _IRREGULAR.get(first)
        for stem in (first, *verb_stems(first), *((irregular,) if irregular else ())):
            form = f"{stem} {rest}".strip()
            if form in block_verbs:
                yield form
                break
        else:
            yield note


def verb_stems(word: str) -> tuple[str, ...]:
    """Base forms to try when the parser's lemma is not in the dictionary ('staged')."""
    out: list[str] = []
    for suffix in ("ing", "ed", "es", "s", "d"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            out += [stem, stem + "e"]
            if len(stem) > 2 and stem[-1] == stem[-2]:
                out.append(stem[:-1])
    if word.endswith("ied"):
        out.append(word[:-3] + "y")
    return tuple(out)


def match_slots(slots: Sequence[Slot], context: Context) -> list[int] | None:
    """Match word slots as an ordered subsequence of ``context``; token indices or None."""
    matched: list[int] = []
    pos = 0
    first = True
    for slot in slots:
        if slot.marker:
            continue
        hit = _find(slot, context, pos, context.anchors if first else None)
        if hit is None:
            return None
        start, length = hit
        matched.extend(context.tokens[k].i for k in range(start, start + length))
        pos = start + length
        first = False
    return matched


def _find(
    slot: Slot, context: Context, pos: int, anchors: set[int] | None = None
) -> tuple[int, int] | None:
    """The earliest start at or after ``pos`` (and in ``anchors``) of any of the slot's
    alternatives, the first listed winning a tie: (start, length)."""
    tokens = context.tokens
    best: tuple[int, int] | None = None
    for phrase, guesses in zip(slot.alternatives, slot.guesses, strict=True):
        n = len(phrase)
        starts = context.starts(phrase[0], guesses) if n else range(pos, len(tokens) + 1)
        for start in starts:
            if start < pos:
                continue
            if start > len(tokens) - n or (best is not None and start >= best[0]):
                break
            if anchors is not None and tokens[start].i not in anchors:
                continue
            if all(word_match(tokens[start + k], phrase[k]) for k in range(1, n)):
                best = (start, n)
                break
    return best
