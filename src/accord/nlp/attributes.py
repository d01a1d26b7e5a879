"""The model's attribute rules (part of speech, morphology, lemma exceptions) applied by
direct lookup instead of spaCy's general token Matcher.

spaCy's ``attribute_ruler`` runs a Matcher with every rule over every token; in the
English pipelines nearly all rules test one token's tag, lower-cased text or dependency
label. :class:`AttributeRules` files each rule under its first token's text or tag, so a
token is tested only against the rules that can apply to it, and then sets exactly what
the ruler would have set, in the ruler's order (a later rule wins), with the ruler's own
attribute values. A rule shape it does not know (an operator, another attribute) makes
:meth:`AttributeRules.compile` return None: the caller keeps spaCy's ruler. A test holds
the result equal to the ruler's on real sentences.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

_COLUMNS = ("TAG", "LOWER", "DEP", "IS_SPACE", "ORTH")
"""Token attributes a rule may test, in the order of :meth:`Doc.to_array` columns."""
_STRING_COLUMNS = frozenset({"TAG", "LOWER", "DEP", "ORTH"})
_INDEXED = ("LOWER", "TAG", "DEP", "IS_SPACE")
"""Attributes a rule is filed under (the first its first token tests), most selective
first; a rule testing none of them is tried on every token."""

_IN, _NOT_IN, _REGEX = 0, 1, 2


@dataclass(frozen=True, slots=True)
class _Check:
    offset: int
    """Which token of the match, from its first."""
    column: int
    op: int
    values: frozenset[int]
    regex: re.Pattern[str] | None = None


@dataclass(frozen=True, slots=True)
class _Rule:
    order: int
    """The ruler's attribute id: matches apply in this order."""
    length: int
    checks: tuple[_Check, ...]
    """What must hold beyond the check the rule is filed under."""
    index: int
    """Which token of the match gets the attributes (negative: from the end)."""


class AttributeRules:
    """A spaCy ``AttributeRuler``'s rules, applied without its Matcher. Build with
    :meth:`compile`; call on a parsed ``Doc`` (tags and dependencies set)."""

    __slots__ = ("_any", "_attrs", "_columns", "_indices", "_set_attrs", "_strings", "_tables")

    def __init__(
        self,
        tables: Sequence[tuple[int, Mapping[int, tuple[_Rule, ...]]]],
        any_rules: Sequence[_Rule],
        attrs: Sequence[Mapping[Any, Any]],
        columns: Sequence[int],
        strings: Any,
        set_attrs: Callable[[Any, Any], object],
    ) -> None:
        self._tables = tuple(tables)
        self._any = tuple(any_rules)
        self._attrs = tuple(attrs)
        self._columns = list(columns)
        self._strings = strings
        self._set_attrs = set_attrs
        rules = [r for _, t in self._tables for rs in t.values() for r in rs] + list(self._any)
        self._indices = {r.order: r.index for r in rules}

    @classmethod
    def compile(cls, ruler: Any) -> AttributeRules | None:
        """The rules of a spaCy ``AttributeRuler``, or None if one has a shape not
        handled here (then keep the ruler itself)."""
        try:
            from spacy.attrs import IDS
            from spacy.tokens._retokenize import set_token_attrs
        except ImportError:  # pragma: no cover - private spaCy helper moved
            return None
        strings = ruler.vocab.strings
        if len(ruler.attrs) != len(ruler.patterns):
            return None
        filed: dict[str, dict[int, list[_Rule]]] = {name: {} for name in _INDEXED}
        any_rules: list[_Rule] = []
        for order, entry in enumerate(ruler.patterns):
            for pattern in entry["patterns"]:
                checks = _compile_pattern(pattern, strings)
                if checks is None:
                    return None
                key = _filing(checks)
                rest = tuple(c for c in checks if c is not key)
                if key is None:
                    any_rules.append(_Rule(order, len(pattern), rest, int(entry["index"])))
                    continue
                table = filed[_COLUMNS[key.column]]
                for value in key.values:
                    rule = _Rule(order, len(pattern), rest, int(entry["index"]))
                    table.setdefault(value, []).append(rule)
        tables = [
            (_COLUMNS.index(name), {k: tuple(v) for k, v in filed[name].items()})
            for name in _INDEXED
            if filed[name]
        ]
        columns = [IDS[name] for name in _COLUMNS]
        return cls(tables, any_rules, ruler.attrs, columns, strings, set_token_attrs)

    def __call__(self, doc: Any) -> Any:
        rows = doc.to_array(self._columns).tolist()
        n = len(rows)
        matches: set[tuple[int, int, int]] = set()
        for start, row in enumerate(rows):
            for column, table in self._tables:
                for rule in table.get(row[column], ()):
                    if start + rule.length <= n and self._holds(rule, rows, start):
                        matches.add((rule.order, start, start + rule.length))
            for rule in self._any:
                if start + rule.length <= n and self._holds(rule, rows, start):
                    matches.add((rule.order, start, start + rule.length))
        if not matches:
            return doc
        for order, start, end in sorted(matches):
            index = self._indices[order]
            k = start + index if index >= 0 else end + index
            if not start <= k < end:
                raise ValueError(f"attribute rule {order}: token {index} outside its match")
            self._set_attrs(doc[k], self._attrs[order])
        return doc

    def _holds(self, rule: _Rule, rows: Sequence[Sequence[int]], start: int) -> bool:
        for check in rule.checks:
            value = rows[start + check.offset][check.column]
            if check.op == _IN:
                if value not in check.values:
                    return False
            elif check.op == _NOT_IN:
                if value in check.values:
                    return False
            elif check.regex is None or not check.regex.search(self._strings[value]):
                return False
        return True


def _filing(checks: Sequence[_Check]) -> _Check | None:
    """The check a rule is filed under: an 'is one of' test on its first token."""
    for name in _INDEXED:
        column = _COLUMNS.index(name)
        for c in checks:
            if c.offset == 0 and c.column == column and c.op == _IN:
                return c
    return None


def _compile_pattern(pattern: Sequence[Mapping[str, Any]], strings: Any) -> list[_Check] | None:
    checks: list[_Check] = []
    for offset, spec in enumerate(pattern):
        if not spec:
            return None
        for attr, value in spec.items():
            if attr not in _COLUMNS:
                return None
            check = _check(offset, _COLUMNS.index(attr), value, attr in _STRING_COLUMNS, strings)
            if check is None:
                return None
            checks.append(check)
    return checks or None


def _check(offset: int, column: int, value: Any, text: bool, strings: Any) -> _Check | None:
    def code(v: Any) -> int | None:
        if text:
            return int(strings[v]) if isinstance(v, str) else None
        return int(v) if isinstance(v, bool) else None

    if isinstance(value, (str, bool)):
        c = code(value)
        return None if c is None else _Check(offset, column, _IN, frozenset({c}))
    if not isinstance(value, Mapping) or len(value) != 1:
        return None
    (op, arg), *_ = value.items()
    if op in ("IN", "NOT_IN") and isinstance(arg, (list, tuple)):
        codes = [code(v) for v in arg]
        if any(c is None for c in codes):
            return None
        kind = _IN if op == "IN" else _NOT_IN
        return _Check(offset, column, kind, frozenset(c for c in codes if c is not None))
    if op == "REGEX" and isinstance(arg, str) and text:
        return _Check(offset, column, _REGEX, frozenset(), re.compile(arg))
    return None
