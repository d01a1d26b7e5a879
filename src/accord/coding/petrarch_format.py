"""Readers for PETRARCH / TABARI dictionary files: verb patterns, actors and agents.

Used by the build scripts (``scripts/build_verbs.py``, ``scripts/build_actors.py``; accord's
own verb corrections are applied at load time, :mod:`accord.coding.verb_files`, its actor
corrections by the actor build), by :mod:`accord.coding.verb_files` to read patterns, and
at run time by :mod:`accord.coding.petrarch_dicts` to code with a dictionary folder as it
is (``accord eval --dictionaries DIR``).

Verb files: the CAMEO.2.0 layout (a synonym-set section, then ``####### VERB PATTERNS``,
then ``######## TRANSFORMATIONS``) and the older KEDS/TABARI layout of the PETRARCH
validation dictionaries (synonym sets between the verb blocks, multi-word block names)
are both read. :func:`convert_verbs` returns the JSON shape that
:meth:`accord.coding.verbs.VerbDictionary.from_json` compiles; codes are kept as written
(WEIS codes, test codes such as ``1717`` or ``075A``).

Actor files: a name line, ``+`` synonym lines, ``[CODE dates]`` code lines. Agent files:
``PATTERN {PLURALS} [~ROLE]`` with ``!SUB! = a, b`` substitutions.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from accord.coding.kb.text import wordset

__all__ = [
    "RELIGION",
    "ROLES",
    "Code",
    "Entry",
    "clean_name",
    "code_pair",
    "convert_verbs",
    "form_words",
    "parse_actor_file",
    "parse_agents",
    "parse_code",
    "pattern_tokens",
    "phoenix_date",
    "role_from_chunks",
    "title",
]


# -- verbs ---------------------------------------------------------------------------------

_VERB_SECTION = "####### VERB PATTERNS"
_TRANSFORMATIONS = "######## TRANSFORMATIONS"
_HEADER = re.compile(r"^---\s+(.+?)\s+\[([^\]]*)\]")
_CODE = re.compile(r"\[([^\]]*)\]")
_MARKERS = frozenset({"*", "+", "$", "^", "%"})


def code_pair(raw: str) -> tuple[str | None, str | None]:
    """'040:040' -> ('040', '040'); '---' or '' -> (None, None)."""
    raw = raw.strip()
    if raw in ("", "---"):
        return None, None
    if ":" in raw:
        a, b = raw.split(":", 1)
        return (a.strip() or None), (b.strip() or None)
    return raw, None


def form_words(form: str) -> list[str]:
    """A verb form line's words: '+BREAK_DOWN' -> ['break', 'down']."""
    return [w.lower() for w in form.strip("+").strip("_").replace(" ", "_").split("_") if w]


def _split_connected(token: str) -> str:
    """'IN_*' -> 'IN *', 'SUGGESTED_+' -> 'SUGGESTED +', 'DEMAND_&GENINT_CONVENTIONS' ->
    '{DEMAND &GENINT CONVENTIONS}': markers joined to words with '_' stand apart, and words
    joined to a synonym set stay one phrase."""
    if "_" not in token or token.startswith("{"):
        return token
    parts = token.split("_")
    if not any(p in _MARKERS or p.startswith("&") for p in parts):
        return token
    out: list[str] = []
    run: list[str] = []

    def flush() -> None:
        if not run:
            return
        if any(p.startswith("&") for p in run) and len(run) > 1:
            out.append("{" + " ".join(run) + "}")
        else:
            out.append("_".join(run))
        run.clear()

    for p in parts:
        if p in _MARKERS:
            flush()
            out.append(p)
        elif p:
            run.append(p)
    flush()
    return " ".join(out)


def pattern_tokens(body: str, *, split_connected: bool = False) -> list[str]:
    """The tokens of a pattern line: parentheses and braces stand apart.

    With ``split_connected``, markers and synonym sets joined to words by '_' are split
    off too ('IN_*', 'SUGGESTED_+', 'X_&SET'); the CAMEO.2.0 build keeps them joined, as
    it always has, so that its packaged data stays stable.
    """
    if split_connected:
        body = " ".join(_split_connected(t) for t in body.split())
    body = body.replace("(", " ( ").replace(")", " ) ")
    return body.replace("{", " { ").replace("}", " } ").split()


def _expand_synsets(synsets: dict[str, list[list[str]]]) -> None:
    """Synonym sets inside synonym sets ('+&TIETYPES'): replaced by their members."""
    for _ in range(3):
        for name, entries in synsets.items():
            expanded: list[list[str]] = []
            for words in entries:
                ref = words[0][1:].upper() if len(words) == 1 and words[0][:1] == "&" else None
                inner = synsets.get(ref or "") or synsets.get((ref or "") + "_")
                if ref and inner is not None and ref != name:
                    expanded.extend(inner)
                else:
                    expanded.append(words)
            synsets[name] = expanded


def convert_verbs(
    text: str, *, version: str, source: str, split_connected: bool = False
) -> dict[str, object]:
    """A PETRARCH verb dictionary -> accord's verb JSON (version, source, synsets, blocks)."""
    lines = text.splitlines()
    start = next((i for i, ln in enumerate(lines) if ln.startswith(_VERB_SECTION)), None)
    # CAMEO.2.0 notes the verbs a pattern is for in its comment ('# ABANDON, LEAVE'); in
    # the older layout a comment is only a comment ('# tony 4/29/91')
    notes = start is not None
    if start is None:
        start = next((i for i, ln in enumerate(lines) if _HEADER.match(ln)), len(lines))
    end = next((i for i, ln in enumerate(lines) if ln.startswith(_TRANSFORMATIONS)), len(lines))
    synsets: dict[str, list[list[str]]] = {}
    current: str | None = None
    for ln in lines[:start]:
        s = ln.split("#", 1)[0].rstrip()
        if s.startswith("&"):
            current = s[1:].strip()
            synsets[current] = []
        elif s.startswith("+") and current:
            synsets[current].append(form_words(s))
    blocks: list[dict[str, object]] = []
    block: dict[str, object] | None = None
    current = None
    for number, ln in enumerate(lines[start:end], start=start + 1):
        if not ln.strip() or ln.startswith(("#", "<")):
            continue
        header = _HEADER.match(ln)
        if header:
            current = None
            code, code2 = code_pair(header.group(2))
            block = {
                "name": header.group(1),
                "code": code,
                "code2": code2,
                "verbs": [],
                "patterns": [],
            }
            blocks.append(block)
            continue
        if ln.startswith("&"):
            current = ln.split("#", 1)[0].strip()[1:].strip()
            synsets[current] = []
            continue
        if current is not None:
            if ln.startswith("+"):
                synsets[current].append(form_words(ln.split("#", 1)[0].rstrip()))
                continue
            current = None
        if block is None:
            continue
        body, _, comment = ln.partition("#")
        if ln.startswith("-"):
            m = _CODE.search(body)
            if not m:
                continue
            code, code2 = code_pair(m.group(1))
            tokens = pattern_tokens(body[1 : m.start()], split_connected=split_connected)
            if "*" not in tokens:
                continue
            star = tokens.index("*")
            verbs = [v.strip().lower() for v in comment.split(",") if v.strip() and notes]
            patterns = block["patterns"]
            assert isinstance(patterns, list)
            patterns.append(
                {
                    "pre": tokens[:star],
                    "post": tokens[star + 1 :],
                    "code": code,
                    "code2": code2,
                    "verbs": [v.replace("_", " ") for v in verbs],
                    "line": number,
                }
            )
            continue
        form = body.split("{", 1)[0]
        m = _CODE.search(body)
        if m:
            form = body[: m.start()].split("{", 1)[0]
        words = form_words(form.strip())
        if not words:
            continue
        code, code2 = code_pair(m.group(1)) if m else (None, None)
        explicit_none = bool(m and m.group(1).strip() == "---")
        forms = block["verbs"]
        assert isinstance(forms, list)
        forms.append({"words": words, "code": code, "code2": code2, "no_code": explicit_none})
    _expand_synsets(synsets)
    return {"version": version, "source": source, "synsets": synsets, "blocks": blocks}


# -- actors --------------------------------------------------------------------------------

ROLES = wordset(
    "GOV MIL REB OPP PTY COP JUD SPY LEG MED EDU BUS CRM CVL ELI LAB HLH REF AGR DEV HRI "
    "ENV NGO IGO MNC UAF INS SEP RAD MOD REL IMG PRM"
)
"""The roles a Phoenix code's 3-letter parts are read as."""
RELIGION = wordset("MUS CHR JEW BUD HIN CTH PRO SHI SUN SIK ORT ATH JAN BAH ZRO DRZ")
"""Religion parts, read as the role REL."""

_CODE_RE = re.compile(r"\[([^\]]*)\]")
_DATE_RE = re.compile(
    r"^(?:(?P<lt><)\s*(?P<d1>\d+)|(?P<gt>>)\s*(?P<d2>\d+)|"
    r"(?P<a>\d+)\s*-\s*(?P<b>\d+)|(?P<single>\d+))$"
)


def phoenix_date(raw: str) -> dt.date | None:
    """YYMMDD (00-29 -> 20xx, 30-99 -> 19xx) or YYYYMMDD; None if malformed."""
    raw = raw.strip()
    try:
        if len(raw) == 6:
            yy = int(raw[:2])
            year = 2000 + yy if yy < 30 else 1900 + yy
            return dt.date(year, int(raw[2:4]), int(raw[4:6]))
        if len(raw) == 8:
            return dt.date(int(raw[:4]), int(raw[4:6]), int(raw[6:8]))
    except ValueError:
        return None
    return None


def title(name: str) -> str:
    """'VLADIMIR_PUTIN' -> 'Vladimir Putin'."""
    words = []
    for w in name.replace("_", " ").split():
        parts = [
            p[:1].upper() + p[1:].lower() if p.isupper() or p.islower() else p for p in w.split("-")
        ]
        words.append("-".join(parts))
    return " ".join(words)


def clean_name(raw: str, junk: frozenset[str] = frozenset()) -> list[str]:
    """A Phoenix name -> accord patterns (parentheses split off, underscores to spaces);
    names in ``junk`` (upper case, underscores) give none."""
    name = raw.strip().lstrip("+").strip().strip("_").strip()
    if not name or name.upper().strip("_") in junk:
        return []
    out: list[str] = []
    paren = re.search(r"\(([^)]*)\)", name)
    if paren:
        inner = paren.group(1).strip("_ ")
        name = (name[: paren.start()] + name[paren.end() :]).strip("_ ")
        if re.fullmatch(r"[A-Z][A-Z0-9./-]{1,7}", inner):
            out.append(inner)
    name = re.sub(r"_+", " ", name).strip()
    if name:
        out.insert(0, name)
    return [n for n in out if n and "," not in n[-1:]]


def role_from_chunks(chunks: list[str], *, institution: bool) -> str | None:
    """The role of a code's 3-letter parts: an intelligence part wins; for an institution
    a legislative or judicial part after GOV; otherwise the first known role."""
    mapped = ["REL" if c in RELIGION else "CVL" if c == "PPL" else c for c in chunks]
    if "SPY" in mapped:
        return "SPY"
    if institution and mapped[:1] == ["GOV"] and mapped[1:2] in (["LEG"], ["JUD"]):
        return mapped[1]
    for c in mapped:
        if c in ROLES:
            return c
    return None


@dataclass(frozen=True, slots=True)
class Code:
    """One ``[CODE dates]`` of an actor entry."""

    code: str
    start: dt.date | None
    end: dt.date | None
    open_end: bool
    """Written as '>DATE' or a single date: held from ``start`` on."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One actor of an actor file: its names (as written) and codes."""

    names: tuple[str, ...]
    codes: tuple[Code, ...]
    source: str = ""


def parse_code(raw: str) -> Code | None:
    """'HOBGOV 19950601 - 19990815' -> Code; None for a malformed code ('ELR/GAL')."""
    parts = raw.strip().split(None, 1)
    if not parts:
        return None
    code = parts[0].strip().upper()
    if not re.fullmatch(r"[A-Z\-]{3,15}", code):
        return None
    start = end = None
    open_end = False
    if len(parts) > 1:
        m = _DATE_RE.match(parts[1].strip())
        if m is None:
            return Code(code, None, None, False)
        if m.group("lt"):
            end = phoenix_date(m.group("d1"))
        elif m.group("gt"):
            start, open_end = phoenix_date(m.group("d2")), True
        elif m.group("a"):
            start, end = phoenix_date(m.group("a")), phoenix_date(m.group("b"))
        else:
            start = phoenix_date(m.group("single"))
            open_end = True
    return Code(code, start, end, open_end)


@dataclass(slots=True)
class _Draft:
    names: list[str] = field(default_factory=list)
    codes: list[Code] = field(default_factory=list)


def parse_actor_file(text: str, source: str) -> list[Entry]:
    """TABARI/PETRARCH .actors format: a name line, '+' synonym lines, '[CODE dates]'.
    Lines starting with '<!' (the validation files' XML-style comments) are skipped."""
    drafts: list[_Draft] = []
    current: _Draft | None = None
    for raw in text.splitlines():
        if raw.startswith("<!"):
            continue
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        codes = [c for c in (parse_code(x) for x in _CODE_RE.findall(line)) if c is not None]
        rest = _CODE_RE.sub(" ", line).strip()
        if rest.startswith("+"):
            if current is None:
                continue
            current.names.append(rest)
        elif rest:
            if current is not None and not current.codes:
                current.names.append(rest)  # a continuation line missing its '+'
            else:
                current = _Draft(names=[rest])
                drafts.append(current)
        if codes and current is not None:
            current.codes.extend(codes)
    return [Entry(tuple(d.names), tuple(d.codes), source) for d in drafts if d.codes]


def parse_agents(text: str) -> Iterator[tuple[list[str], str]]:
    """(lower-case names, role) for each ``[~ROLE]`` agent; plurals in braces and
    ``!SUB!`` substitutions expanded. Prefix forms (``[IGO~]``) and roles that map to
    no known role are skipped."""
    subs: dict[str, list[str]] = {}
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        sub = re.match(r"^(![A-Z]+!)\s*=\s*(.+)$", line)
        if sub:
            subs[sub.group(1)] = [s.strip() for s in sub.group(2).split(",") if s.strip()]
            continue
        m = re.match(r"^(?P<pat>[^\[{]+?)\s*(?:\{(?P<pl>[^}]*)\})?\s*\[(?P<code>[^\]]+)\]", line)
        if not m:
            continue
        code = m.group("code").strip()
        if not code.startswith("~"):
            continue  # [IGO~] prefix forms: not a role of their own
        chunks = [code[1:][i : i + 3] for i in range(0, len(code) - 1, 3)]
        role = role_from_chunks(chunks, institution=False)
        if role is None:
            continue
        forms = [m.group("pat").strip()]
        if m.group("pl") and m.group("pl").strip():
            forms.append(m.group("pl").strip())
        expanded: list[str] = []
        for form in forms:
            variants = [form]
            for key, values in subs.items():
                if key in form:
                    variants = [v.replace(key, val) for v in variants for val in values]
            expanded.extend(variants)
        names = []
        for form in expanded:
            cleaned = re.sub(r"_+", " ", form).strip(" _")
            if cleaned and cleaned not in names:
                names.append(cleaned.lower())
        if names:
            yield names, role
