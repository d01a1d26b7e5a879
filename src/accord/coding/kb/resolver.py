"""The actor knowledge base: names of countries, capitals, organisations, armed groups,
people (with dated roles) and role words ("agents"), resolved to CAMEO-style codes.

How a person resolves on a date: the dated role valid on that date (a non-ELI role is
preferred, then the latest appointment); otherwise the person's undated code; otherwise
their country with role ELI (former official / elite); for people without a country,
their last known code. ``date=None`` means today.

Overriding: an actor in a later file replaces an earlier actor with the same kind and
name, and a pattern in a later file hides the same pattern in earlier files. Within one
file a pattern may name several actors (e.g. "Bush"); the one holding a role on the
date wins. The files and their format: :mod:`accord.coding.kb.files`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import MappingProxyType

from accord.coding.kb.builder import build_tables
from accord.coding.kb.files import read_sources
from accord.coding.kb.records import (
    NATIONAL_NGO_PREFIX,
    ActorEntry,
    ActorRecord,
    Candidate,
    KBMatch,
    PatternRecord,
    RoleSpan,
    code_role,
    name_key,
    span_order,
)
from accord.coding.kb.text import (
    POSSESSIVE,
    Tok,
    normalize_phrase,
    singular,
    token_stream,
    tokenize,
)
from accord.coding.lexicon import words
from accord.errors import ResourceError, UsageError

__all__ = ["ActorKB"]


class ActorKB:
    """Immutable actor knowledge base. Build it with :meth:`load`."""

    __slots__ = ("_actors", "_by_first", "_countries", "_exact", "_max_len", "_names", "version")

    version: str
    _actors: tuple[ActorRecord, ...]
    _by_first: Mapping[str, tuple[int, ...]]
    """First token of the names -> their lengths, longest first."""
    _exact: Mapping[tuple[str, ...], PatternRecord]
    _countries: frozenset[str]
    _max_len: int
    _names: Mapping[str, tuple[int, ...]]

    def __init__(
        self,
        actors: tuple[ActorRecord, ...],
        patterns: Mapping[tuple[str, ...], PatternRecord],
        countries: frozenset[str],
        version: str,
    ) -> None:
        first: dict[str, set[int]] = {}
        for pat in patterns.values():
            first.setdefault(pat.tokens[0], set()).add(len(pat.tokens))
        by_first = {k: tuple(sorted(v, reverse=True)) for k, v in first.items()}
        names: dict[str, list[int]] = {}
        for i, actor in enumerate(actors):
            names.setdefault(name_key(actor.name), []).append(i)
        setattr_ = object.__setattr__
        setattr_(self, "_actors", actors)
        setattr_(self, "_by_first", MappingProxyType(by_first))
        setattr_(self, "_exact", MappingProxyType(dict(patterns)))
        setattr_(self, "_countries", countries)
        setattr_(self, "_max_len", max((len(p.tokens) for p in patterns.values()), default=1))
        setattr_(self, "_names", MappingProxyType({k: tuple(v) for k, v in names.items()}))
        setattr_(self, "version", version)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("ActorKB is immutable")

    # -- construction -------------------------------------------------------------------

    @classmethod
    def load(cls, extra_files: Sequence[Path] = ()) -> ActorKB:
        """The packaged knowledge base, extended by user CSV or YAML files (later files
        win; a ``.yaml``/``.yml`` name means YAML)."""
        sources, version = read_sources(extra_files)
        try:
            return cls.from_sources(sources, version)
        except UsageError as exc:
            if exc.origin is not None and not any(exc.origin == str(p) for p in extra_files):
                raise ResourceError(str(exc)) from exc
            raise

    @classmethod
    def from_sources(cls, sources: Sequence[tuple[str, str, str, bool]], version: str) -> ActorKB:
        """Build from (origin, schema, file text, upper-case source) tuples, in order."""
        actors, patterns, countries = build_tables(sources)
        return cls(actors, patterns, countries, version)

    # -- basic facts ---------------------------------------------------------------------

    def __len__(self) -> int:
        """Number of distinct patterns."""
        return len(self._exact)

    @property
    def countries(self) -> frozenset[str]:
        return self._countries

    def history(self, name: str) -> tuple[RoleSpan, ...]:
        """The dated roles of the actor(s) called ``name`` (canonical name), oldest first."""
        ids = self._names.get(name_key(name), ())
        spans = [s for i in ids for s in self._actors[i].spans]
        return tuple(sorted(spans, key=span_order))

    # -- resolution ------------------------------------------------------------------------

    def _country_of(self, code: str) -> str | None:
        head = code[:3]
        if head in self._countries:
            return head
        if head == NATIONAL_NGO_PREFIX and code[3:6] in self._countries:
            return code[3:6]  # "NGOUSAHRI" (the ACLU): an NGO of that country
        return None

    def _role_of(self, code: str) -> str | None:
        return code_role(code)

    def _code_on(self, actor: ActorRecord, date: dt.date) -> str:
        active = [s for s in actor.spans if s.contains(date)]
        if active:
            preferred = [s for s in active if self._role_of(s.code) != "ELI"] or active
            return max(preferred, key=span_order).code
        if actor.code:
            return actor.code
        if actor.kind == "person":
            if actor.country is not None:
                return actor.country + "ELI"
            return max(actor.spans, key=lambda s: s.end or dt.date.max).code
        if actor.spans:
            before = [s for s in actor.spans if s.end is not None and s.end <= date]
            if before:
                return max(before, key=lambda s: s.end or dt.date.max).code
            return actor.spans[0].code
        return "---"

    def _entry(self, actor: ActorRecord, pattern: str, date: dt.date) -> ActorEntry:
        code = self._code_on(actor, date)
        role = self._role_of(code)
        for explicit_code, explicit_role in actor.roles:
            if explicit_code == code:
                role = explicit_role
        return ActorEntry(pattern, code, self._country_of(code), role, actor.name, actor.kind)

    def _pick(self, pat: PatternRecord, date: dt.date) -> ActorRecord:
        if len(pat.actors) == 1:
            return self._actors[pat.actors[0]]
        best: tuple[int, dt.date, int] | None = None
        chosen = self._actors[pat.actors[0]]
        for order, i in enumerate(pat.actors):
            actor = self._actors[i]
            active = [s for s in actor.spans if s.contains(date)]
            if any(self._role_of(s.code) != "ELI" for s in active):
                score = (3, max(s.start or dt.date.min for s in active), -order)
            elif active:
                score = (2, max(s.start or dt.date.min for s in active), -order)
            else:
                past = [s.end for s in actor.spans if s.end is not None and s.end <= date]
                score = (1, max(past), -order) if past else (0, dt.date.min, -order)
            if best is None or score > best:
                best, chosen = score, actor
        return chosen

    # -- matching ------------------------------------------------------------------------

    def _case_ok(self, pat: PatternRecord, toks: Sequence[Tok]) -> bool:
        for flag, tok in zip(pat.strict, toks, strict=False):
            if not flag:
                continue
            if flag == "U":
                if not tok.upper:
                    return False
            elif flag == "C":
                if not tok.cap:
                    return False
            elif tok.raw != flag[1:]:
                return False
        return pat.agent or any(t.cap for t in toks)

    def _longest(
        self, stream: Sequence[Tok], pos: int, *, agent_only: bool = False
    ) -> tuple[PatternRecord, int] | None:
        if pos >= len(stream):
            return None
        # names are unique token sequences: at most one per length can match here
        left = len(stream) - pos
        for n in self._by_first.get(stream[pos].norm, ()):
            if n > left:
                continue
            window = stream[pos : pos + n]
            pat = self._exact.get(tuple(t.norm for t in window))
            if pat is None or (agent_only and not pat.agent):
                continue
            if self._case_ok(pat, window):
                return pat, pos + n
        return None

    def _match_stream(
        self, stream: Sequence[Tok], date: dt.date, *, compose: bool = True
    ) -> tuple[ActorEntry, int] | None:
        """Longest entry at the start of ``stream``; returns (entry, stream end).
        With ``compose``, title words directly before a person are taken with the person;
        an organisation's name with an office of its own before them makes the whole the
        organisation ("U.N. Secretary-General Kofi Annan": data/lexicon/igo_offices.txt)."""
        if not stream:
            return None
        starts = [0, 1] if stream[0].norm == "the" else [0]
        for pos in reversed(starts):
            found = self._longest(stream, pos)
            if found is None:
                continue
            pat, end = found
            actor = self._pick(pat, date)
            entry = self._entry(actor, pat.display, date)
            if compose and actor.kind != "person":
                composed = self._compose_person(stream, end, date)
                if composed is not None:
                    if actor.kind == "igo" and _igo_office(pat.tokens, stream, end):
                        return entry, composed[1]  # "NATO Secretary General Jens Stoltenberg"
                    return composed
            return entry, end
        return None

    def _compose_person(
        self, stream: Sequence[Tok], pos: int, date: dt.date
    ) -> tuple[ActorEntry, int] | None:
        """ "Russian President Vladimir Putin": country/role words followed by a person."""
        steps = 0
        while pos < len(stream) and steps < 6:
            if stream[pos].norm == POSSESSIVE:
                pos += 1
                continue
            found = self._longest(stream, pos)
            if found is None:
                return None
            pat, end = found
            actor = self._pick(pat, date)
            if actor.kind == "person":
                return self._entry(actor, pat.display, date), end
            if actor.kind != "agent":
                return None
            pos, steps = end, steps + 1
        return None

    def match(self, words: Sequence[str], start: int, date: dt.date | None) -> KBMatch | None:
        """Longest knowledge-base name at ``words[start:]``, resolved for ``date``.

        Country or role words directly before a known person are taken together with
        the person ("Russian President Vladimir Putin" -> one match, the person).
        """
        if start < 0 or start >= len(words):
            return None
        return self._match_at(_Streams(words, self._max_len + 8), start, date or dt.date.today())

    def matches(self, words: Sequence[str], date: dt.date | None) -> list[tuple[int, KBMatch]]:
        """The names of ``words`` left to right, each the longest at its start (as
        :meth:`match`), a match's words not searched again: (start, match) pairs."""
        streams = _Streams(words, self._max_len + 8)
        when = date or dt.date.today()
        out: list[tuple[int, KBMatch]] = []
        i = 0
        while i < len(words):
            m = self._match_at(streams, i, when)
            if m is not None and m.length > 0:
                out.append((i, m))
                i += m.length
            else:
                i += 1
        return out

    def _match_at(self, streams: _Streams, start: int, date: dt.date) -> KBMatch | None:
        first = streams.first_norm(start)
        if first is None or (first not in self._by_first and first != "the"):
            return None  # fast path: no pattern starts with this word
        stream = streams.at(start)
        found = self._match_stream(stream, date)
        if found is None:
            return None
        entry, end = found
        return KBMatch(stream[end - 1].word + 1 - start, entry)

    def candidates(self, words: Sequence[str]) -> list[Candidate]:
        """Every name that could match at any position of ``words``, on any date.

        A superset of what :meth:`match` finds position by position (it also looks inside
        longer names), with the kinds, roles and countries of every actor the name may
        stand for: a cheap, date-free view for deciding whether a sentence can matter.
        """
        streams = _Streams(words, self._max_len + 8)
        out: list[Candidate] = []
        for i in range(len(words)):
            if streams.first_norm(i) not in self._by_first:
                continue
            stream = streams.at(i)
            found = self._longest(stream, 0)
            if found is None:
                continue
            pat, end = found
            out.append(self._candidate(pat, i, stream[end - 1].word + 1))
        return out

    def offices(
        self, words: Sequence[str]
    ) -> list[tuple[int, str, list[tuple[dt.date, dt.date | None]]]]:
        """The people ``words`` name with more than one word (one person to a name),
        each with where the name starts and the offices the knowledge base dates for them
        (any role but ELI), as (first day, end): what an undated story's time is read
        from (:mod:`accord.coding.story_time`)."""
        out: list[tuple[int, str, list[tuple[dt.date, dt.date | None]]]] = []
        for c in self.candidates(words):
            if c.kinds != {"person"} or len(set(c.names)) != 1:
                continue
            if c.end - c.start < 2:
                continue  # 'Charles' of 'Charles Clarke' is no King Charles: one word is
                # no witness ('Tony Blair', 'President Trump' are)
            held = [
                (s.start, s.end)
                for s in self.history(c.names[0])
                if s.start is not None and self._role_of(s.code) not in (None, "ELI")
            ]
            if held:
                out.append((c.start, c.names[0], held))
        return out

    def _candidate(self, pat: PatternRecord, start: int, end: int) -> Candidate:
        kinds: set[str] = set()
        roles: set[str] = set()
        codes: set[str] = set()
        names: list[str] = []
        for a in pat.actors:
            actor = self._actors[a]
            kinds.add(actor.kind)
            names.append(actor.name)
            codes.update(c for c in (actor.code, *(s.code for s in actor.spans)) if c)
            roles.update(r for _, r in actor.roles)
        roles.update(r for r in map(self._role_of, codes) if r)
        countries = {c for c in map(self._country_of, codes) if c}
        return Candidate(
            start, end, frozenset(kinds), frozenset(roles), frozenset(countries),
            frozenset(codes), tuple(names),
        )  # fmt: skip

    def lookup(self, phrase: str, date: dt.date | None) -> ActorEntry | None:
        """The entry whose pattern is exactly ``phrase`` (after normalisation)."""
        stream = token_stream(tokenize(phrase), 0, 10_000)
        if stream and stream[0].norm == "the" and len(stream) > 1:
            stream = stream[1:]
        pat = self._exact.get(tuple(t.norm for t in stream))
        if pat is None or not self._case_ok(pat, stream):
            return None
        when = date or dt.date.today()
        return self._entry(self._pick(pat, when), pat.display, when)

    def agent_role(self, word_or_phrase: str) -> str | None:
        """CAMEO role of a role word or phrase ("policemen" -> COP), plurals included."""
        toks = normalize_phrase(word_or_phrase)
        if toks and toks[0] == "the":
            toks = toks[1:]
        if not toks:
            return None
        candidates = [toks]
        single = singular(toks[-1])
        if single is not None:
            candidates.append((*toks[:-1], single))
        for cand in candidates:
            pat = self._exact.get(cand)
            if pat is not None and pat.agent:
                return self._role_of(self._actors[pat.actors[0]].code or "---")
        return None


class _Streams:
    """The normalised tokens of one sentence, built once, viewed from any word on.

    ``at(i)`` is exactly ``token_stream(words, i, limit)`` when that stream starts at
    word ``i``, and empty otherwise (a word with no tokens of its own, a full stop)."""

    __slots__ = ("_first", "_limit", "_stream", "_words")

    def __init__(self, words: Sequence[str], limit: int) -> None:
        self._words = words
        self._limit = limit
        self._stream = token_stream(words, 0, 1 << 62)
        first = [-1] * len(words)
        for k in range(len(self._stream) - 1, -1, -1):
            first[self._stream[k].word] = k
        self._first = first

    def first_norm(self, i: int) -> str | None:
        """The first token of ``at(i)``, None when it is empty."""
        k = self._first[i] if 0 <= i < len(self._first) else -1
        if k < 0 or self._words[i] == ".":
            return None
        return self._stream[k].norm

    def at(self, i: int) -> list[Tok]:
        k = self._first[i] if 0 <= i < len(self._first) else -1
        if k < 0 or self._words[i] == ".":
            return []
        stream = self._stream
        end = k + self._limit
        # token_stream takes whole words: the last one may run past the limit
        while 0 < end < len(stream) and stream[end].word == stream[end - 1].word:
            end += 1
        return stream[k:end]


_IGO_OFFICES = words("igo_offices.txt")
_LONGEST_OFFICE = max(len(o.split()) for o in _IGO_OFFICES)


def _igo_office(name: Sequence[str], stream: Sequence[Tok], pos: int) -> bool:
    """Whether an organisation's name ends with an office inside it ("NATO
    Secretary-General") or the words at ``pos`` after it name one ("U.N.
    Secretary-General")."""
    ends = (" ".join(name[-n:]) for n in range(1, min(_LONGEST_OFFICE, len(name)) + 1))
    after = (
        " ".join(t.norm for t in stream[pos : pos + n])
        for n in range(1, min(_LONGEST_OFFICE, len(stream) - pos) + 1)
    )
    return any(o in _IGO_OFFICES for o in (*ends, *after))
