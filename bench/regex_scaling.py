"""How the time of every regex that accord applies to raw text grows with the input.

Usage: python bench/regex_scaling.py [--size 20000] [--repeat 3] [--all]
(``make bench`` prints the same table first, unless ``--no-regex``.)

For each pattern, every adversarial input of :func:`adversarial_inputs` (long runs of
letters, dots, plus and minus signs, ``@``, digits, spaces, newlines, quotes, nested
brackets, ``a.`` and the like, alone and after the lead-ins that anchored patterns need)
is timed at ``--size`` characters and at ten times that, with ``finditer`` over the whole
input (at least the work of ``match``, ``search``, ``sub``, ``split`` or ``findall``).
The scaling figure is time(x10) / time(x1) on the input that is slowest at x10: about 10
for a linear pattern, about 100 for a quadratic one. A measurement script, not a test
(``tests/unit/test_regex_safety.py`` is the test: 1 MB inputs, 2 s a pattern).

The patterns are found, not listed: every compiled pattern held at module level (alone or
in a tuple or a frozen dataclass) by the modules of ``accord.text``, ``accord.ingest`` and
``accord.nlp`` and by the coding modules that read sentence text, and every ``re.*`` call
with a literal pattern inside their functions (:func:`raw_text_patterns`). A pattern that
is quadratic alone but applied only in a bounded way (:func:`bounded_by_use`) is timed
through the code that applies it.
"""

from __future__ import annotations

import argparse
import ast
import dataclasses
import importlib
import inspect
import pkgutil
import re
import sys
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType, ModuleType
from typing import Any

PACKAGES = ("accord.text", "accord.ingest", "accord.nlp")
"""Every module of these packages reads document text."""
MODULES = (
    "accord.coding.domain",
    "accord.coding.kb.text",
    "accord.coding.places",
    "accord.safe_output",
)
"""Coding modules whose patterns run over sentence or token text, and the output escaping
(over ids, file names, names and messages from the input)."""

# Runs of one unit: the characters issue 13 names (letters, dots, plus and minus signs, "@",
# digits, spaces, newlines, quotes, "a.", and all of them mixed) ...
ISSUE_UNITS = ("a", "A", "1", ".", "+", "-", "@", " ", "\n", '"', "'", "a.", "a.+-@1 ")

# ... and the ones that open or close something in some pattern (brackets, tags, entities,
# other spaces and breaks, clock times, date words, terminal escape sequences never closed).
MORE_UNITS = (
    "\t", "\r\n", "\x85", "’", "…", "(", "<", "&", "a-", "a ", "a\n", "(a", "<a", "&a", "a@",
    "@a", "A.", "1.", "a.m. ", "in ", "May ", "<!--", "<?", "\x1b", "\x1b[1", "\x1b]a", "\x9b1",
    "\x9da",
)  # fmt: skip
KINDS = ("issue", "more", "lead-ins")
"""Input groups: runs of :data:`ISSUE_UNITS` and :data:`NESTED` pairs, runs of
:data:`MORE_UNITS`, :data:`LEAD_INS` before runs of :data:`LEAD_BODIES`."""
NESTED = ("()", "[]", "<>")
"""Pairs nested half the input deep: "((((...))))"."""
# Lead-ins that patterns anchored at the start ("^By ...", "^Share on ...") need before the
# run; the other patterns find any run without them.
LEAD_INS = (
    "By ", "Share on ", "more from ", "Photo by ", "(Photo by ", "Subscribe to ", "LONDON, ",
    "Monday, ", "John Smith is a ", "The author is ", "Leave a reply ", "<?xml", "by A",
)  # fmt: skip
LEAD_BODIES = ("a", "A-", "a ", "A. ", " ", "a.")


@dataclass(frozen=True, slots=True)
class RawPattern:
    name: str
    """Module and variable ("accord.text.boilerplate._EMAIL") or function and call."""
    pattern: re.Pattern[Any]
    use: Callable[[str], object] | None = None
    """For a pattern quadratic alone but bounded by how the code applies it: that code,
    timed in its place (see :func:`bounded_by_use`)."""


def bounded_by_use() -> dict[str, tuple[str, Callable[[str], object]]]:
    """Patterns quadratic as bare patterns whose use bounds the work: name -> (why, the
    function that applies the pattern as the code does)."""
    from accord.ingest import feeds
    from accord.ingest.html import looks_like_html

    return {
        "accord.ingest.html._TAG_SNIFF": ("reads the first 4 KB of a file", looks_like_html),
        "accord.ingest.feeds._TAG": ("applied up to the last '>' only", feeds._strip_tags),
    }


def _modules() -> Iterator[ModuleType]:
    for package_name in PACKAGES:
        package = importlib.import_module(package_name)
        yield package
        for info in pkgutil.walk_packages(package.__path__, f"{package_name}."):
            yield importlib.import_module(info.name)
    for name in MODULES:
        yield importlib.import_module(name)


def _held(value: Any, depth: int = 0) -> Iterator[re.Pattern[Any]]:
    """Patterns held by a module-level value: itself, or items of a tuple, list or frozen
    dataclass instance (a table of ``(pattern, resolver, gate)`` rows, a ``_Shape``)."""
    if isinstance(value, re.Pattern):
        yield value
    elif depth >= 3:
        return
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from _held(item, depth + 1)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from _held(getattr(value, field.name), depth + 1)


def _flags(node: ast.expr | None) -> int:
    """``re.IGNORECASE | re.DOTALL`` and the like, as an int (0 for anything else)."""
    if (
        isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id == "re"
    ):
        value = getattr(re, node.attr, None)
        return int(value) if isinstance(value, int) else 0
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        return _flags(node.left) | _flags(node.right)
    return 0


# Where each ``re`` function takes its flags when they are passed by position.
_FLAGS_AT: Mapping[str, int] = MappingProxyType(
    {"compile": 1, "search": 2, "match": 2, "fullmatch": 2, "findall": 2, "finditer": 2}
    | {"split": 3, "sub": 4, "subn": 4}
)


def _inline(module: ModuleType) -> Iterator[tuple[str, re.Pattern[Any]]]:
    """``re.sub(r"<[^>]*>", ...)`` and the like inside functions: literal patterns only,
    named ``module.function:re.sub('<[^>]*>')``."""
    tree = ast.parse(inspect.getsource(module))
    for func in ast.walk(tree):
        if not isinstance(func, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        for node in ast.walk(func):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
                continue
            f = node.func
            if not (isinstance(f.value, ast.Name) and f.value.id == "re" and f.attr in _FLAGS_AT):
                continue
            first = node.args[0] if node.args else None
            if not (isinstance(first, ast.Constant) and isinstance(first.value, (str, bytes))):
                continue
            at = _FLAGS_AT[f.attr]
            flags = node.args[at] if len(node.args) > at else None
            flags = next((k.value for k in node.keywords if k.arg == "flags"), flags)
            name = f"{module.__name__}.{func.name}:re.{f.attr}({first.value!r})"
            yield name, re.compile(first.value, _flags(flags))


def raw_text_patterns() -> list[RawPattern]:
    """Every pattern the text, ingest and nlp layers (and the coding modules of
    :data:`MODULES`) apply to input text, each once, named where it is first found."""
    seen: set[tuple[Any, int]] = set()
    found: list[RawPattern] = []
    bounded = bounded_by_use()
    for module in _modules():
        held: list[tuple[str, re.Pattern[Any]]] = []
        for name, value in sorted(vars(module).items()):
            patterns = list(_held(value))
            for i, p in enumerate(patterns):
                index = f"[{i}]" if len(patterns) > 1 else ""
                held.append((f"{module.__name__}.{name}{index}", p))
        for name, pattern in [*held, *_inline(module)]:
            if (pattern.pattern, pattern.flags) not in seen:
                seen.add((pattern.pattern, pattern.flags))
                use = bounded[name][1] if name in bounded else None
                found.append(RawPattern(name, pattern, use))
    return found


def is_anchored(pattern: re.Pattern[Any]) -> bool:
    """Does the pattern only match at the start of its input ("^" first, no MULTILINE)?"""
    source = pattern.pattern if isinstance(pattern.pattern, str) else pattern.pattern.decode()
    return source.startswith(("^", "\\A")) and not pattern.flags & re.MULTILINE


def adversarial_inputs(size: int, kinds: Sequence[str] = KINDS) -> dict[str, str]:
    """Name -> an input of about ``size`` characters, for each group of :data:`KINDS` asked."""
    out: dict[str, str] = {}
    units = (ISSUE_UNITS if "issue" in kinds else ()) + (MORE_UNITS if "more" in kinds else ())
    for unit in units:
        out[f"run {unit!r}"] = unit * (size // len(unit))
    if "issue" in kinds:
        for pair in NESTED:
            out[f"nested {pair}"] = pair[0] * (size // 2) + pair[1] * (size // 2)
    if "lead-ins" in kinds:
        for lead in LEAD_INS:
            for body in LEAD_BODIES:
                run = body * ((size - len(lead)) // len(body))
                out[f"{lead!r} + run {body!r}"] = f"{lead}{run}!"
    return out


def inputs_for(pattern: re.Pattern[Any], size: int, kinds: Sequence[str] = KINDS) -> dict[str, str]:
    """The adversarial inputs that can reach ``pattern``: lead-ins only for anchored ones."""
    if not is_anchored(pattern):
        kinds = [k for k in kinds if k != "lead-ins"]
    return adversarial_inputs(size, kinds)


def as_subject(pattern: re.Pattern[Any], text: str) -> str | bytes:
    return text.encode("utf-8") if isinstance(pattern.pattern, bytes) else text


def time_pattern(raw: RawPattern, text: str, repeat: int = 1) -> float:
    """Best time of ``repeat`` full ``finditer`` runs of the pattern over ``text`` (of its
    ``use`` on ``text``, where it has one), in seconds."""
    subject = as_subject(raw.pattern, text)
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        if raw.use is not None:
            raw.use(text)
        else:
            for _match in raw.pattern.finditer(subject):
                pass
        best = min(best, time.perf_counter() - start)
    return best


@dataclass(frozen=True, slots=True)
class Scaling:
    name: str
    input: str
    """The input that took longest at x10."""
    seconds_x1: float
    seconds_x10: float

    @property
    def factor(self) -> float:
        return self.seconds_x10 / max(self.seconds_x1, 1e-7)


def measure(size: int = 20_000, repeat: int = 3) -> list[Scaling]:
    """One :class:`Scaling` per pattern."""
    out: list[Scaling] = []
    for raw in raw_text_patterns():
        small, large = inputs_for(raw.pattern, size), inputs_for(raw.pattern, size * 10)
        worst: Scaling | None = None
        for key, text in large.items():
            t10 = time_pattern(raw, text, repeat)
            if worst is None or t10 > worst.seconds_x10:
                worst = Scaling(raw.name, key, 0.0, t10)
        assert worst is not None
        t1 = time_pattern(raw, small[worst.input], repeat)
        out.append(Scaling(raw.name, worst.input, t1, worst.seconds_x10))
    return out


def report(rows: Sequence[Scaling], show_all: bool = True) -> list[str]:
    """Printable lines, the worst scaling first."""
    rows = sorted(rows, key=lambda r: -r.factor)
    lines = []
    for r in rows if show_all else rows[:10]:
        lines.append(
            f"regex: {r.name}: x10 input -> x{r.factor:.1f} time "
            f"({r.seconds_x1 * 1e3:.2f} -> {r.seconds_x10 * 1e3:.2f} ms, {r.input})"
        )
    worst = rows[0].factor if rows else 0.0
    lines.append(f"regex: {len(rows)} patterns, worst scaling x{worst:.1f} (linear: about x10)")
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=20_000, help="Characters at x1.")
    parser.add_argument("--repeat", type=int, default=3, help="Timed runs; the best counts.")
    parser.add_argument("--top", action="store_true", help="Only the ten worst patterns.")
    args = parser.parse_args(argv)
    for line in report(measure(args.size, args.repeat), show_all=not args.top):
        print(line, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
