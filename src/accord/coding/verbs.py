"""CAMEO verb patterns: load the packaged dictionary and code the verbs of parsed sentences.

The dictionary (converted from PETRARCH2's CAMEO.2.0, MIT, by scripts/build_verbs.py, with
accord's own verb forms, patterns and corrections from ``data/verbs/accord_verbs.tsv`` and
any user files applied on top: :mod:`accord.coding.verb_files`) groups verb forms into
blocks with a default code, and lists patterns of words around the verb (syntax and
matching: :mod:`accord.coding.patterns`; packaged files and compiled forms:
:mod:`accord.coding.verb_forms`).
The most specific matching pattern wins (most words; then most tokens matched; then the
verb's own over those noted for other verbs of its block; then one starting on a noun
rather than its modifier, nearest the verb); without one the verb form's or block's
default code applies.

On top of the patterns:

* frames (:mod:`accord.coding.frames`): a verb that embeds another action is coded from
  both, "threatened to attack" -> 138x, "refused to lift the curfew" -> 1241, "urged
  Iran to release ..." -> 0253, "X said Y must withdraw" -> 10x. Commitments ("agreed to
  resign") give the framing verb a bare 030: the coder re-codes the embedded action as
  the intent itself;
* a statement that only reports a coded event ("X attacked Y, police said") is no event
  of its own: CAMEO codes a bare statement (010) only when nothing more specific is said;
* prepositional and adjectival uses of verbs ("according to", "occupied territories")
  carry no event.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Container, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from accord.coding.frames import (
    Frames,
    complement,
    negated,
    obliged,
    other_actor,
    other_subject,
    subject_of,
)
from accord.coding.lexicon import words
from accord.coding.modality import classify, committed
from accord.coding.patterns import (
    Context,
    Pattern,
    PatternIndex,
    children_of,
    context_keys,
    contexts,
    form_tokens,
    match_slots,
    subtree,
    verb_stems,
)
from accord.coding.verb_files import VerbEntry, apply_entries, parse_verb_file, read_verb_files
from accord.coding.verb_forms import (
    ACCORD_VERBS,
    CONVERTED,
    DEFAULTS_REVIEW,
    FRAME_TABLES,
    PACKAGED,
    DefaultsReview,
    VerbForm,
    compile_blocks,
)
from accord.errors import AccordError, ResourceError, UsageError
from accord.model import Mode, Token

__all__ = [
    "ACCORD_VERBS",
    "DEFAULTS_REVIEW",
    "FRAME_TABLES",
    "PACKAGED",
    "DefaultsReview",
    "Pattern",
    "VerbDictionary",
    "VerbForm",
    "VerbMatch",
    "children_of",
    "subtree",
]


_NO_EVENT_DEPS = frozenset({"prep", "amod", "compound", "nmod", "case", "mark", "agent"})
"""Verbs used as prepositions or modifiers: 'according to', 'occupied territories'."""
_SPEECH_ACT_ROOTS = frozenset({"02", "03", "10", "12", "13"})
_FRAME_ROOTS = frozenset({"01", "02", "10", "12", "13"})
_ASKING_FRAMES = frozenset({"appeal", "demand"})
"""Frames that ask another actor to act (or not to act)."""
_POSSIBILITY = frozenset({"could", "might", "may", "can"})
_DEPARTING = words("departing_verbs.txt")
_MANDATIVE = words("mandative_verbs.txt")
_SPEECH_ROOTS = frozenset({"01", "02", "03", "10", "11", "12", "13"})
ADMIT = "admit"
"""The frame of an admission ('acknowledged its forces had shot down the jet': 015)."""
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss", "nummod"})
_OWN_PATTERNS_ONLY = frozenset({"EXPLAIN_VERBAL"})
_COMPLEMENT_DEPS = frozenset({"dobj", "xcomp", "ccomp", "nsubjpass", "dative"})
"""Blocks whose verbs differ too much to share patterns: 'expressed opposition' is
disapproval, 'cited opposition' and 'described his rival' are not."""
_DEFAULTS = frozenset({"010", "020", "030", "100", "120", "130"})


@dataclass(frozen=True, slots=True)
class VerbMatch:
    """The result of coding one verb token."""

    form: VerbForm
    code: str
    code2: str | None
    pattern: Pattern | None
    tokens: tuple[int, ...]
    """Sentence token indices of the verb form and the matched pattern words."""
    frame: str = ""
    """'intent', 'appeal', 'demand', 'reject' or 'threaten' when coded as a frame."""
    inner: VerbMatch | None = None
    """The embedded action a frame was coded from ("attack" of "threatened to attack")."""
    inner_verb: int | None = None
    """Token index of the embedded action's verb, when coded as a frame."""

    @property
    def rule(self) -> str:
        if self.pattern is None:
            base = f"verb:{self.form.block}:{' '.join(self.form.words)}"
        else:
            base = f"pattern:{self.form.block}:{self.pattern.line}:{self.pattern.text}"
        if not self.frame:
            return base
        inner = f"({self.inner.rule})" if self.inner is not None else ""
        return f"frame:{self.frame}:{base}{inner}"


class VerbDictionary:
    """The compiled verb dictionary. Immutable after :meth:`load`."""

    def __init__(
        self,
        forms: Mapping[str, tuple[VerbForm, ...]],
        patterns: Mapping[str, tuple[Pattern, ...]],
        version: str,
        frames: Frames | None = None,
    ) -> None:
        self._forms = dict(forms)
        self._patterns = {block: PatternIndex(ps) for block, ps in patterns.items()}
        self.version = version
        self.frames = frames or Frames.from_json(None)

    @classmethod
    def load(
        cls, extra_files: Sequence[Path] = (), *, codes: Container[str] | None = None
    ) -> VerbDictionary:
        """The packaged dictionary (``data/verbs``): the CAMEO.2.0 conversion
        (``cameo_verbs.json``) with accord's verb file (``accord_verbs.tsv``) applied, then
        each of ``extra_files`` (users' files in the same format:
        :mod:`accord.coding.verb_files`); accord's review of bare defaults
        (``defaults_review.tsv``: verbs that code only through a pattern) and its frame
        tables. ``codes``: the CAMEO codes a user file may use (the ontology), if checked.

        Its version is the conversion's, plus a digest of accord's files, plus one of the
        user files when there are any: it changes whenever any of them does."""
        try:
            folder = resources.files("accord.data.verbs")
            texts = {name: folder.joinpath(name).read_text(encoding="utf-8") for name in PACKAGED}
        except (FileNotFoundError, ModuleNotFoundError) as exc:
            raise ResourceError(f"packaged verb dictionary missing: {exc}") from exc
        try:
            data = json.loads(texts[CONVERTED])
            numbered = apply_entries(data, parse_verb_file(texts[ACCORD_VERBS], ACCORD_VERBS))
            review = DefaultsReview.parse(texts[DEFAULTS_REVIEW])
            frames = Frames.from_tables(*(texts[name] for name in FRAME_TABLES))
        except (AccordError, ValueError, KeyError, TypeError) as exc:
            raise ResourceError(f"packaged verb dictionary broken: {exc}") from exc
        digest = hashlib.sha256()
        for name in PACKAGED:
            digest.update(texts[name].encode("utf-8"))
            digest.update(b"\x00")
        version = f"{data.get('version', 'unknown')}+accord.{digest.hexdigest()[:12]}"
        if extra_files:
            entries, user_digest = read_verb_files(extra_files)
            if codes is not None:
                _check_codes(entries, codes)
            apply_entries(data, entries, numbered=numbered)
            version = f"{version}+user.{user_digest[:8]}"
        data["version"] = version
        return cls.from_json(data, review, frames)

    @classmethod
    def from_json(
        cls,
        data: Mapping[str, Any],
        review: DefaultsReview | None = None,
        frames: Frames | None = None,
    ) -> VerbDictionary:
        """Compile the dictionary's JSON, with ``review`` applied (:class:`DefaultsReview`);
        ``frames``: the frame tables (default: the JSON's own ``frames``, if any)."""
        forms, patterns = compile_blocks(data, review or DefaultsReview())
        version = str(data.get("version", "unknown"))
        frames = frames if frames is not None else Frames.from_json(data.get("frames"))
        return cls(forms, patterns, version, frames)

    def forms_for(self, lemma: str) -> tuple[VerbForm, ...]:
        return self._forms.get(lemma.lower(), ())

    def has_verb(self, lemma: str) -> bool:
        return lemma.lower() in self._forms

    def match(
        self,
        tokens: Sequence[Token],
        verb: int,
        children: Mapping[int, Sequence[int]] | None = None,
    ) -> VerbMatch | None:
        """Code the verb at ``tokens[verb]``; None when it carries no event.
        ``children``: :func:`children_of` the tokens, when the caller has it."""
        kids = children if children is not None else children_of(tokens)
        return self._match(tokens, verb, kids, 0)

    def _match(
        self,
        tokens: Sequence[Token],
        verb: int,
        children: Mapping[int, Sequence[int]],
        depth: int,
    ) -> VerbMatch | None:
        tok = tokens[verb]
        if tok.dep in _NO_EVENT_DEPS or _going_to(tokens, verb, children):
            return None  # 'according to', 'occupied territories', 'is going to attack'
        candidates = self.forms_for(tok.lemma) or self.forms_for(tok.text.lower())
        for stem in () if candidates else verb_stems(tok.text.lower()):
            candidates = candidates or self.forms_for(stem)
        if not candidates:
            return None
        plain = self._plain(tokens, verb, children, candidates)
        if plain is not None and plain.code == "":
            return None
        if depth < 3:
            framed = self._framed(tokens, verb, children, candidates[0], plain, depth)
            if framed is not None:
                return framed if framed.code else None
        return plain

    def _plain(
        self,
        tokens: Sequence[Token],
        verb: int,
        children: Mapping[int, Sequence[int]],
        candidates: Sequence[VerbForm],
    ) -> VerbMatch | None:
        """The verb's own dictionary code; a match with code '' when a pattern says none."""
        best: VerbMatch | None = None
        for form in candidates:
            extra = form_tokens(tokens, verb, form.words[1:], children)
            if extra is None:
                continue
            used = {verb, *extra}
            pre, post = contexts(tokens, verb, children, used)
            found = self._best_pattern(form, pre, post)
            if found is not None:
                pattern, matched, code = found
                if code is None:
                    return VerbMatch(form, "", None, pattern, tuple(sorted(used)))
                code2 = pattern.code2 if code == pattern.code else None
                cand = VerbMatch(form, code, code2, pattern, tuple(sorted(used | set(matched))))
            else:
                if form.no_code or not form.code:
                    continue
                if form.intransitive and any(
                    tokens[c].dep in ("dobj", "ccomp") for c in children.get(verb, ())
                ):
                    continue  # 'demonstrated a phone / that ...': not the intransitive sense
                if form.needs_complement and not any(
                    tokens[c].dep in _COMPLEMENT_DEPS for c in children.get(verb, ())
                ):
                    continue  # 'the party has declined': not the sense of refusing
                cand = VerbMatch(form, form.code, form.code2, None, tuple(sorted(used)))
            if best is None or _rank(cand) > _rank(best):
                best = cand
        return best

    def _framed(
        self,
        tokens: Sequence[Token],
        verb: int,
        children: Mapping[int, Sequence[int]],
        form: VerbForm,
        plain: VerbMatch | None,
        depth: int,
    ) -> VerbMatch | None:
        """The verb coded as a frame over an embedded action, or None when it is none."""
        lemma = tokens[verb].lemma.lower()
        frame = self.frames.lemmas.get(lemma)
        if frame is None and lemma in self.frames.object_appeal:
            frame = "intent"
        if frame is None:
            if plain is not None and plain.code == "010" and plain.pattern is None:
                framed = self._obligation(tokens, verb, children, plain, depth)
                if framed is None and self._reports_event(tokens, verb, children, depth):
                    return VerbMatch(plain.form, "", None, None, plain.tokens)
                return framed
            return None
        comp = complement(tokens, verb, children)
        if comp is None or (
            frame == "intent"
            and lemma not in self.frames.object_appeal
            and tokens[comp].dep == "ccomp"
        ):
            return None  # 'agreed that ...' states an accord, not a commitment
        if (
            frame == "threaten"
            and tokens[comp].dep == "ccomp"
            and other_actor(tokens, verb, comp, children)
            and any(
                tokens[c].dep == "aux" and tokens[c].text.lower() in _POSSIBILITY
                for c in children.get(comp, ())
            )
        ):
            # 'warned that Biden could destroy the growth': what another might do is a
            # warning about them, no threat ('warned that Ukraine would face
            # consequences' stays one)
            return None
        if frame == "intent" and other_subject(tokens, verb, comp, children):
            frame = "appeal"
        elif lemma in self.frames.object_appeal and lemma not in self.frames.lemmas:
            return None
        if plain is not None and plain.pattern is not None and plain.code not in _DEFAULTS:
            return None  # a specific pattern of the framing verb ('declined to comment')
        mandative = lemma in _MANDATIVE and tokens[comp].dep == "ccomp"
        if mandative and (
            not _mandate(tokens, comp, children) or _self_bound(tokens, verb, comp, children)
        ):
            # 'insisted his spending plans were affordable': a fact asserted, no demand;
            # 'insisted that it needed to develop its industry': a need of its own, no demand
            return VerbMatch(form, "", None, None, (verb,))
        inner = self._match(tokens, comp, children, depth + 1)
        base = plain or VerbMatch(form, "", None, None, (verb,))
        default = self.frames.codes[frame][""]
        if negated(tokens, comp, children):
            if frame in _ASKING_FRAMES and plain is not None and plain.code[:2] != default[:2]:
                # 'pressured Trump not to commute the sentence': asking someone not to act
                # is still the appeal or demand, whatever else the verb names alone (170)
                return _framed_match(base, default, frame, None, comp)
            if frame != "intent":
                return None  # 'urged them not to ...': the verb's own code
            frame, default = "reject", self.frames.codes["reject"][""]  # 'vowed not to'
        elif frame == "intent" and inner is not None and inner.code[:2] not in ("01", "02"):
            # the coder re-codes the embedded action as the intent itself
            return _framed_match(base, default, frame, None, comp)
        if frame == ADMIT and (
            inner is None or inner.code[:2] in _SPEECH_ROOTS or not _own_act(tokens, comp, children)
        ):
            # 'acknowledged the economy was weak', 'admitted wanting to phase out the
            # industry': a fact or a stance, no act owned
            return None
        if inner is None and frame == "intent" and tokens[comp].lemma.lower() in _DEPARTING:
            return VerbMatch(base.form, "", None, None, base.tokens)  # 'plans on leaving the EU'
        if inner is None or (inner.code[:2] in _FRAME_ROOTS and frame != "reject"):
            own = plain is not None and plain.code[:2] == default[:2]
            return _framed_match(base, plain.code if own and plain else default, frame, None, comp)
        return _framed_match(base, self.frames.reframe(inner.code, frame), frame, inner, comp)

    def _reports_event(
        self, tokens: Sequence[Token], verb: int, children: Mapping[int, Sequence[int]], depth: int
    ) -> bool:
        """'X attacked Y, police said': the statement only reports a coded event (CAMEO
        codes a bare statement, 010, only when it says nothing more specific)."""
        tok = tokens[verb]
        clauses = [c for c in children.get(verb, ()) if tokens[c].dep in ("ccomp", "parataxis")]
        if not clauses and tok.dep in ("parataxis", "advcl", "conj") and tok.head < verb:
            clauses = [tok.head]
        for c in clauses:
            if tokens[c].pos not in ("VERB", "AUX"):
                continue
            mode = classify(tokens, c, children)
            if mode is Mode.FUTURE and not committed(tokens, c, children):
                continue  # a forecast ('this is going to lead to ...') is no event
            if mode in (Mode.ASSERTED, Mode.FUTURE) and self._match(tokens, c, children, depth + 1):
                return True
        return False

    def _obligation(
        self,
        tokens: Sequence[Token],
        verb: int,
        children: Mapping[int, Sequence[int]],
        plain: VerbMatch,
        depth: int,
    ) -> VerbMatch | None:
        """'X said (that) Y must withdraw': a demand (10x) or, with 'should', an appeal."""
        for c in children.get(verb, ()):
            if tokens[c].dep != "ccomp":
                continue
            action, frame = obliged(tokens, c, children)
            if frame is None or not other_actor(tokens, verb, c, children):
                continue
            inner = self._match(tokens, action, children, depth + 1)
            if inner is not None and inner.code[:2] not in _FRAME_ROOTS:
                code = self.frames.reframe(inner.code, frame)
                return _framed_match(plain, code, frame, inner, action)
            if action == c:  # a modal ('must'), not just 'needs to'
                return _framed_match(plain, self.frames.codes[frame][""], frame, None, action)
        return None

    def _best_pattern(
        self, form: VerbForm, pre: Context, post: Context
    ) -> tuple[Pattern, list[int], str | None] | None:
        """The most specific matching pattern, with its code for this verb form.

        A pattern noted for other verbs of the block ('* SANCTIONS # IMPOSE') serves the
        whole block, after the verb's own ones; a speech-act code of another verb is
        re-framed for this one ('* SUPPORT [022] # URGE' for 'demand': 102). Patterns with
        words before the verb, or with nothing but a preposition ('* (TO) # HEAD'), stay
        with their own verbs.
        """
        verb_name = " ".join(form.words)
        frame = self.frames.lemmas.get(form.words[0])
        best: tuple[Pattern, list[int], str | None] | None = None
        best_rank: tuple[int, int, bool, bool, int] = (-1, 0, False, False, 0)
        post_keys, pre_keys = context_keys(post), context_keys(pre)
        index = self._patterns.get(form.block)
        for pattern in index.candidates(pre_keys, post_keys) if index is not None else ():
            own = not pattern.verbs or verb_name in pattern.verbs
            if pattern.weight < best_rank[0]:
                continue
            code = pattern.code
            if not own:
                if pattern.pre or code is None or not pattern.has_content:
                    continue
                if form.block in _OWN_PATTERNS_ONLY:
                    continue
                if code[:2] in _SPEECH_ACT_ROOTS:
                    if frame is None or frame == "intent":
                        continue
                    code = self.frames.reframe(code, frame)
            if not all(s.marker or s.may_match(post_keys) for s in pattern.post) or not all(
                s.marker or s.may_match(pre_keys) for s in pattern.pre
            ):
                continue  # a required word is nowhere in the context
            matched_post = match_slots(pattern.post, post)
            if matched_post is None:
                continue
            matched_pre = match_slots(pattern.pre, pre)
            if matched_pre is None:
                continue
            # equally many words: more tokens matched ('{BOMB ATTACK}' over 'ATTACK'), the
            # verb's own, a noun rather than its modifier ('weapons inspectors'), the nearest
            first = min(matched_post, default=-1)
            rank = (
                pattern.weight,
                len(matched_post) + len(matched_pre),
                own,
                first >= 0 and _dep_at(post, first) not in _MODIFIER_DEPS,
                -first if first >= 0 else -999,
            )
            if rank > best_rank:
                best, best_rank = (pattern, matched_pre + matched_post, code), rank
        return best


def _check_codes(entries: Sequence[VerbEntry], codes: Container[str]) -> None:
    for e in entries:
        for code in (e.code, e.code2):
            if code is not None and code not in codes:
                raise UsageError(f"line {e.line}: unknown CAMEO code {code!r}", origin=e.origin)


def _framed_match(
    base: VerbMatch, code: str, frame: str, inner: VerbMatch | None, inner_verb: int
) -> VerbMatch:
    return VerbMatch(base.form, code, None, base.pattern, base.tokens, frame, inner, inner_verb)


def _dep_at(context: Context, index: int) -> str:
    return next((t.dep for t in context.tokens if t.i == index), "")


def _going_to(tokens: Sequence[Token], verb: int, children: Mapping[int, Sequence[int]]) -> bool:
    """'going to' + verb is a future, not a trip."""
    return tokens[verb].text.lower() in ("going", "gonna") and any(
        tokens[c].dep == "xcomp" for c in children.get(verb, ())
    )


def _rank(m: VerbMatch) -> tuple[int, int]:
    return (m.pattern.weight if m.pattern else 0, len(m.form.words))


def _mandate(tokens: Sequence[Token], comp: int, children: Mapping[int, Sequence[int]]) -> bool:
    """Is the clause a mandate: an obligation ('that the EU must act', 'has to go', as
    :func:`accord.coding.frames.obliged` reads it) or a bare subjunctive ('that Iran
    withdraw')?"""
    if obliged(tokens, comp, children)[1] is not None:
        return True
    kids = children.get(comp, ())
    if tokens[comp].lemma.lower() == "have" and any(tokens[c].dep == "xcomp" for c in kids):
        return True  # 'has to go'
    if any(tokens[c].dep in ("aux", "auxpass") for c in kids):
        return False
    subject = subject_of(tokens, comp, children)
    if subject is None:
        return False
    if tokens[comp].tag == "VB":
        return True
    # 'that the budget include funding': a singular subject with the bare form the tagger
    # reads as a plural present
    return tokens[comp].tag == "VBP" and tokens[subject].tag in ("NN", "NNP")


_FIRST_PERSON = frozenset({"i", "we"})
_PERSONAL = frozenset({"he", "she"})
"""Subject pronouns of a reported clause that may stand for the speaker: a first person
(the speaker's own side), 'he' / 'she' for a person, 'it' for a body."""


def _self_bound(
    tokens: Sequence[Token], verb: int, comp: int, children: Mapping[int, Sequence[int]]
) -> bool:
    """Does the mandate bind the speaker itself: the clause's subject a pronoun that can
    stand for the speaker ('the government insisted that it needed to', 'Blair insisted he
    must', 'we must')? Binding oneself is a statement of one's own course, no demand on
    anyone (CAMEO 1.1b3 10: demands are made of another)."""
    subject = subject_of(tokens, comp, children)
    if subject is None or tokens[subject].pos != "PRON":
        return False
    word = tokens[subject].text.lower()
    if word in _FIRST_PERSON:
        return True
    if word not in _PERSONAL and word != "it":
        return False
    speaker = subject_of(tokens, verb, children)
    if speaker is None:
        return False
    said = tokens[speaker]
    person = said.ent_type == "PERSON" or said.text.lower() in _PERSONAL
    if word in _PERSONAL:
        return person
    return not person and said.tag not in ("NNS", "NNPS") and said.text.lower() != "they"


def _own_act(tokens: Sequence[Token], comp: int, children: Mapping[int, Sequence[int]]) -> bool:
    """Is the admitted act the speaker's side's own: its subject a pronoun ('it had', 'we
    made') or owned by one ('their government had shot down'), or none ('admitted
    shooting down the jet')?"""
    subject = subject_of(tokens, comp, children)
    if subject is None or tokens[subject].pos == "PRON":
        return True
    return any(
        tokens[c].dep == "poss" and tokens[c].pos == "PRON" for c in children.get(subject, ())
    )
