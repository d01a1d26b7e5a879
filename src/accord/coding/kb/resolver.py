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
from accord.coding.kb.phrases import (
    FORMER,
    GENERIC_TITLES,
    OFFICE_ROLES,
    generic_agent,
    head_flags,
    head_role,
    inside_name,
    only_generic,
    recode,
    singular_word,
)
from accord.coding.kb.records import (
    ActorEntry,
    ActorRecord,
    Candidate,
    KBMatch,
    Mention,
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
        With ``compose``, title words directly before a person are taken with the person."""
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

    # -- phrase resolution ---------------------------------------------------------------------

    def mentions(self, text: str, date: dt.date | None) -> list[Mention]:
        """Every knowledge-base mention in ``text``, left to right, longest first."""
        return [Mention(i, i + m.length, m.entry) for i, m in self.matches(tokenize(text), date)]

    def _title_role(
        self, words: Sequence[str], person: Mention, date: dt.date, lowered: Sequence[str]
    ) -> str | None:
        """The role of the title words taken with a person ("French Foreign Minister
        Jean-Yves Le Drian" -> GOV, "Gen." -> MIL, "former President" -> ELI): the last
        specific role word; else the role of an organisation named in the title ("Hamas
        leader"); else a generic title ("President"). None without a title."""
        roles: list[tuple[str, bool]] = []
        org_role: str | None = None
        name = set(normalize_phrase(person.entry.name))
        i = person.start
        streams = _Streams(words, self._max_len + 8)
        while i < person.end:
            stream = streams.at(i)
            if not stream:
                i += 1
                continue
            # a title word first ("Chancellor Merkel", "General Thierry Burkhard" may be
            # names of their own), unless it is part of the person's name ("Pope Francis")
            title = self._longest(stream, 0, agent_only=True)
            if title is not None and not set(title[0].tokens) <= name:
                pat, end = title
                nxt = stream[end - 1].word + 1
                entry = self._entry(self._pick(pat, date), pat.display, date)
                if entry.role:
                    generic = generic_agent(Mention(i, nxt, entry), lowered)
                    roles.append((entry.role, generic))
                i = nxt
                continue
            found = self._match_stream(stream, date, compose=False)
            if found is None:
                i += 1
                continue
            entry, end = found
            if entry.kind == "person":
                break
            if entry.kind in ("group", "igo", "capital") and entry.role:
                org_role = entry.role
            i = stream[end - 1].word + 1
        if any(r == "ELI" for r, _ in roles):
            return "ELI"
        specific = [r for r, generic in roles if not generic]
        if specific:
            return specific[-1]
        if org_role is not None:
            return org_role
        return roles[-1][0] if roles else None

    def resolve_text(self, text: str, date: dt.date | None) -> ActorEntry | None:
        """Resolve a short actor phrase to one entry (country + role).

        "Russian President Vladimir Putin" -> the person's role on the date;
        "Peruvian authorities" -> PERGOV; "ordinary Uzbeks" -> UZBCVL;
        "Li Wei, a lecturer at Fudan University" -> CHNEDU.

        Precedence: a known person; then a named organisation in the head of the
        phrase; then a country, capital or seat of power with the head role word; then
        an organisation or place in a complement ("... at Fudan University", "... in
        France"); then a role word alone ("---COP"). "former"/"ex-" make the role ELI.
        The head of a phrase is what comes before its first preposition; a comma starts
        a new (appositive) head.

        A person who holds no role on the date (ELI) takes the role of a title written
        with the name ("Prime Minister Boris Johnson" -> GBRGOV after 2022): the text
        says what the person was when it was written. A party takes the role of an
        office word after it ("Labour MPs" -> GBRLEG) and the country of a country word
        before it ("Dutch Labour Party" -> NLDPTY). A place with a role of its own gives
        that role when no role word does ("Somaliland" -> SOMPRE).
        """
        words = tokenize(text)
        every = self.mentions(text, date)
        covered = frozenset(i for m in every for i in range(m.start, m.end))
        found = [m for m in every if not inside_name(m, words, covered)]
        if not found:
            return None
        lowered = [w.lower().strip(".") for w in words]
        head = head_flags(lowered)
        former = any(w in FORMER or w.startswith("ex-") for w in lowered)

        persons = [m for m in found if m.entry.kind == "person"]
        if persons:
            in_head = [m for m in persons if head[m.start]]
            person = (in_head or persons)[0]
            entry = person.entry
            if entry.role in (None, "ELI") and entry.country is not None and not former:
                # out of office on the date (or an unknown role): a title in the text
                # ("Defence Minister ...", "Gen. ...") says what the person was then
                title = self._title_role(words, person, date or dt.date.today(), lowered)
                if title is not None:
                    return recode(entry, title, text, country_only=True)
            return entry

        agents = [m for m in found if m.entry.kind == "agent" and m.entry.role]
        orgs = [m for m in found if m.entry.kind in ("group", "igo")]
        places = [m for m in found if m.entry.kind in ("country", "capital")]
        head_orgs = [m for m in orgs if head[m.start]]
        head_places = [m for m in places if head[m.start]]
        tail_orgs = [m for m in orgs if not head[m.start]]
        tail_places = [m for m in places if not head[m.start]]

        role = head_role(agents, head, lowered)
        generic = role is None or only_generic(agents, lowered)
        if head_orgs:
            org_m = head_orgs[-1]
            org = org_m.entry
            if former:
                return recode(org, "ELI", text)
            org_role = org.role or role
            if org.role == "PTY":
                # a party's members in an office: "Labour MPs" -> LEG, "ANC ministers" -> GOV
                offices = [
                    m.entry.role
                    for m in agents
                    if head[m.start]
                    and m.start >= org_m.end
                    and m.entry.role in OFFICE_ROLES
                    and not generic_agent(m, lowered)
                ]
                org_role = offices[-1] if offices else org.role
                # a party name that many countries use, after a country word: "Norwegian
                # Labour Party", "Swedish Social Democrats"
                before = [m.entry for m in head_places if m.end <= org_m.start]
                if before and before[-1].country and before[-1].country != org.country:
                    return recode(before[-1], org_role, text, country_only=True)
            return recode(org, org_role, text)
        if head_places:
            place = head_places[0].entry
            if role is None:
                # a seat of power ("the Pentagon") or a place with a role of its own
                # ("Abkhazia": a breakaway state) gives the role
                seats = [m.entry.role for m in head_places]
                role = next((r for r in reversed(seats) if r), None)
            if former and role is not None:
                role = "ELI"
            return recode(place, role, text, country_only=True)
        if former and role is not None:
            role = "ELI"
        if role is None and any(
            singular_word(w) in GENERIC_TITLES for w, h in zip(lowered, head, strict=True) if h
        ):
            # "members of SANDF", "head of the Kremlin administration": the complement's role
            seats = [m.entry.role for m in tail_orgs + tail_places if m.entry.role]
            role = seats[0] if seats else None
        if tail_orgs and generic:
            org = tail_orgs[0].entry
            return recode(org, org.role or role, text, country_only=org.country is not None)
        if tail_places:
            first = tail_places[0]
            if tail_orgs and tail_orgs[0].entry.country and tail_orgs[0].start < first.start:
                return recode(tail_orgs[0].entry, role, text, country_only=True)
            return recode(first.entry, role, text, country_only=True)
        if tail_orgs:
            org = tail_orgs[0].entry
            return recode(org, role, text, country_only=org.country is not None)
        if role is not None:
            return ActorEntry(text, "---" + role, None, role, text, "agent")
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
