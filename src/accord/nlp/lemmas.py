"""spaCy's English rule lemmatizer, computed the same way at a fraction of the cost.

spaCy's ``EnglishLemmatizer`` (rule mode) looks each word-form up in per-POS word lists
(Python lists, searched linearly: ~0.3 ms for a word not seen before) and caches only
the forms that are not base forms, so even a warm run re-derives every base form from
the token's morphology. :class:`RuleLemmas` follows the same steps in the same order
(base form test, suffix rules, index, exceptions) with the lists turned into sets once,
and remembers every answer by (word, POS, morphology), which determine it. A lemma set
earlier (by the attribute rules) is kept, as spaCy keeps it. Anything other than
spaCy's English rule lemmatizer makes :meth:`RuleLemmas.compile` return None, and the
caller keeps spaCy's component. A test holds the lemmas equal to spaCy's on real text.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

_TABLES = ("lemma_index", "lemma_exc", "lemma_rules")
_CACHE_LIMIT = 500_000
"""Remembered answers before the memory starts over (bounded over millions of documents)."""


class RuleLemmas:
    """Lemmas for parsed, POS-tagged ``Doc`` s; build with :meth:`compile`."""

    __slots__ = ("_attrs", "_cache", "_exc", "_index", "_morph", "_pos_names", "_rules", "_vocab")

    def __init__(
        self,
        vocab: Any,
        index: Mapping[str, frozenset[str]],
        exc: Mapping[str, Mapping[str, Sequence[str]]],
        rules: Mapping[str, Sequence[tuple[str, str]]],
    ) -> None:
        from spacy.attrs import LEMMA, MORPH, ORTH, POS
        from spacy.parts_of_speech import NAMES

        self._vocab = vocab
        self._index = index
        self._exc = exc
        self._rules = rules
        self._pos_names: Mapping[int, str] = {int(k): str(v).lower() for k, v in NAMES.items()}
        self._attrs = [ORTH, POS, MORPH, LEMMA]
        self._cache: dict[tuple[int, int, int], int] = {}
        """(orth, pos, morph) -> lemma hash: what the lemma depends on."""
        self._morph: dict[int, dict[str, str]] = {}

    @classmethod
    def compile(cls, lemmatizer: Any) -> RuleLemmas | None:
        """The tables of spaCy's English rule lemmatizer, or None for any other kind."""
        try:
            from spacy.lang.en.lemmatizer import EnglishLemmatizer
        except ImportError:  # pragma: no cover - spaCy without English
            return None
        if type(lemmatizer) is not EnglishLemmatizer or lemmatizer.mode != "rule":
            return None
        if lemmatizer.overwrite:
            return None
        lookups = lemmatizer.lookups
        if not all(lookups.has_table(t) for t in _TABLES):
            return None
        from spacy.parts_of_speech import NAMES

        index_table, exc_table, rules_table = (lookups.get_table(t) for t in _TABLES)
        index: dict[str, frozenset[str]] = {}
        exc: dict[str, dict[str, Sequence[str]]] = {}
        rules: dict[str, tuple[tuple[str, str], ...]] = {}
        # the tables are keyed by string hashes: look each part of speech up by name
        for pos in {str(name).lower() for name in NAMES.values()}:
            if index_table.get(pos):
                index[pos] = frozenset(index_table.get(pos))
            if exc_table.get(pos):
                exc[pos] = dict(exc_table.get(pos))
            if rules_table.get(pos):
                rules[pos] = tuple((str(old), str(new)) for old, new in rules_table.get(pos))
        return cls(lemmatizer.vocab, index, exc, rules)

    def __call__(self, doc: Any) -> Any:
        rows = doc.to_array(self._attrs)
        changed = False
        strings = self._vocab.strings
        for k, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma != 0:
                continue  # set by the attribute rules: spaCy keeps it too
            key = (orth, pos, morph)
            found = self._cache.get(key)
            if found is None:
                found = int(strings.add(self._lemma(strings[orth], pos, morph)))
                if len(self._cache) >= _CACHE_LIMIT:
                    self._cache.clear()
                self._cache[key] = found
            rows[k, 3] = found
            changed = True
        if changed:
            doc.from_array(self._attrs[3:], rows[:, 3:])
        return doc

    def _features(self, morph: int) -> dict[str, str]:
        found = self._morph.get(morph)
        if found is None:
            from spacy.tokens import MorphAnalysis

            found = dict(MorphAnalysis.from_id(self._vocab, morph).to_dict())
            self._morph[morph] = found
        return found

    def _lemma(self, text: str, pos: int, morph: int) -> str:
        """``EnglishLemmatizer.rule_lemmatize(token)[0]``, step by step."""
        univ_pos = self._pos_names.get(pos, "")
        if univ_pos in ("", "eol", "space"):
            return text.lower()
        if _is_base_form(univ_pos, self._features(morph)):
            return text.lower()
        index = self._index.get(univ_pos)
        exceptions = self._exc.get(univ_pos)
        rules = self._rules.get(univ_pos)
        if not (index or exceptions or rules):
            return text if univ_pos == "propn" else text.lower()
        index = index or frozenset()
        string = text.lower()
        forms: list[str] = []
        oov_forms: list[str] = []
        for old, new in rules or ():
            if string.endswith(old):
                form = string[: len(string) - len(old)] + new
                if not form:
                    continue
                if form in index:
                    forms.insert(0, form)
                elif not form.isalpha():
                    forms.append(form)
                else:
                    oov_forms.append(form)
        forms = list(dict.fromkeys(forms))
        for form in (exceptions or {}).get(string, []):
            if form not in forms:
                forms.insert(0, form)
        if not forms:
            forms.extend(oov_forms)
        return forms[0] if forms else text


def _is_base_form(univ_pos: str, morphology: Mapping[str, str]) -> bool:
    """``EnglishLemmatizer.is_base_form``."""
    if univ_pos == "noun" and morphology.get("Number") == "Sing":
        return True
    if univ_pos == "verb" and morphology.get("VerbForm") == "Inf":
        return True
    if univ_pos == "verb" and (
        morphology.get("VerbForm") == "Fin"
        and morphology.get("Tense") == "Pres"
        and morphology.get("Number") is None
    ):
        return True
    if univ_pos == "adj" and morphology.get("Degree") == "Pos":
        return True
    return (
        morphology.get("VerbForm") == "Inf"
        or morphology.get("VerbForm") == "None"
        or morphology.get("Degree") == "Pos"
    )
