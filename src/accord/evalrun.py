"""Running the coder for ``accord eval``: the bridge between a loaded :class:`~accord.api.Coder`
and :mod:`accord.evaluation` (which never imports the pipeline).

Every set is scored through the code path users run: sentences through
:meth:`Coder.code_text`, whole articles of a corpus read with the project's own readers and
coded with :meth:`Coder.code_documents` (what ``accord code`` does), or the events of an
``accord code`` file given with ``events``. Which file is which is decided from its shape:
a document-level gold (``doc``/``required``/``forbidden`` lines and a ``skipped`` line), an
actor-resolution set (``expected``), a sentence-level set (``events``), or else a news corpus
(``text`` without gold), scored for false events on its non-political categories.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from accord.coding.resolve import resolve_phrase
from accord.config import Settings
from accord.errors import InputError, MalformedRecord, UsageError
from accord.evaluation import (
    DEFAULT_CATEGORIES,
    Article,
    CodedDocuments,
    Corpus,
    DocumentCoder,
    EvalReport,
    Exclusion,
    Half,
    RecordedEvents,
    Scope,
    evaluate,
    evaluate_nonpolitical,
    exclusions_for,
    format_report,
    load_exclusions,
    load_gold,
    recorded_coder,
    report_to_dict,
)
from accord.evaluation.gold import json_objects
from accord.formats import events_from_jsonl
from accord.ingest import iter_documents
from accord.model import DocResult, Document, Event, Failure, Sentence

if TYPE_CHECKING:
    from accord.api import Coder

_CORPORA: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {"wikinews": ("corpus", "wikinews", "wikinews_2019_2020.jsonl")}
)
"""Document-level gold -> its corpus, relative to the data folder above ``gold/documents``
(the gold file's name starts with the key)."""


def packaged_exclusions() -> tuple[Exclusion, ...]:
    """The project's list of gold records it does not evaluate (and why)."""
    ref = resources.files("accord").joinpath("data", "evaluation", "not_evaluated.jsonl")
    with resources.as_file(ref) as path:
        return load_exclusions(path)


@dataclass(frozen=True, slots=True)
class EvalOptions:
    """How ``accord eval`` scores: which half, which records, where events come from."""

    half: Half | None = None
    corpus: Path | None = None
    """The corpus of a document-level gold file (default: found beside the gold)."""
    events: Path | None = None
    """Score the events of this ``accord code`` JSONL file instead of coding."""
    categories: tuple[str, ...] = DEFAULT_CATEGORIES
    """Categories of a news corpus whose articles hold no politics (false-event measure)."""
    exclusions: tuple[Exclusion, ...] | None = None
    """Records not evaluated (None: the packaged list; () for none)."""
    verbose: bool = False


def file_family(path: Path) -> str:
    """'documents', 'actors', 'events' or 'corpus', from the first record of a JSONL file."""
    try:
        with path.open(encoding="utf-8-sig") as f:
            for n, row in json_objects(f, str(path)):
                if "doc" in row or "skipped" in row:
                    return "documents"
                if "expected" in row and "events" not in row:
                    return "actors"
                if "events" in row:
                    return "events"
                if "text" in row or "html" in row:
                    return "corpus"
                raise MalformedRecord("neither gold nor a news corpus", origin=f"{path}:{n}")
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", origin=str(path)) from exc
    raise InputError("file holds no records", origin=str(path))


def default_corpus(gold_path: Path) -> Path:
    """Where the corpus of a document-level gold file lives by default."""
    name = gold_path.name
    parts = next((v for k, v in _CORPORA.items() if name.startswith(k)), None)
    if parts is None:
        raise UsageError(f"{gold_path}: no known corpus for this document set; pass --corpus")
    return gold_path.resolve().parent.parent.parent.joinpath(*parts)


def read_corpus(path: Path, settings: Settings) -> dict[str, Document]:
    """The documents of a corpus file by id, read as ``accord code`` reads them."""
    if not path.is_file():
        raise UsageError(f"corpus not found: {path} (pass --corpus)")
    docs: dict[str, Document] = {}
    for item in iter_documents([str(path)], settings):
        if isinstance(item, Failure):
            raise InputError(f"{item.doc_id}: {item.message}", origin=str(path))
        docs[item.id] = item
    return docs


def document_coder(coder: Coder, docs: Mapping[str, Document]) -> DocumentCoder:
    """Codes the documents asked for, in the corpus's order, through
    :meth:`Coder.code_documents`; an id the corpus lacks is a usage error (a gold that
    does not fit its corpus would be scored as an article with no events)."""

    def code(ids: Sequence[str]) -> CodedDocuments:
        missing = [i for i in ids if i not in docs]
        if missing:
            raise UsageError(
                f"{len(missing)} document(s) of the gold are not in the corpus "
                f"(first: {', '.join(missing[:3])}); is --corpus the right file?"
            )
        wanted = set(ids)
        events: dict[str, tuple[Event, ...]] = {}
        errors: dict[str, str] = {}
        items = [d for i, d in docs.items() if i in wanted]
        for result in coder.code_documents(items):
            if isinstance(result, Failure):
                errors[result.doc_id] = f"{result.stage} failed ({result.code}): {result.message}"
                continue
            assert isinstance(result, DocResult)
            if result.failures:
                f = result.failures[0]
                errors[result.doc.id] = f"{f.stage} failed ({f.code}): {f.message}"
            events[result.doc.id] = result.events
        return CodedDocuments(MappingProxyType(events), MappingProxyType(errors))

    return code


def recorded_events(path: Path) -> RecordedEvents:
    """The events of an ``accord code`` JSON-lines file, by document id."""
    try:
        with path.open(encoding="utf-8") as f:
            return RecordedEvents.of(events_from_jsonl(f), origin=str(path))
    except OSError as exc:
        raise InputError(f"cannot read events: {exc.strerror or exc}", origin=str(path)) from exc
    except MalformedRecord as exc:
        raise MalformedRecord(exc.message, origin=str(path)) from exc


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def sentence_coder(coder: Coder) -> Callable[[str, dt.date | None], list[Event]]:
    def code(text: str, date: dt.date | None) -> list[Event]:
        return coder.code_text(text, date=date, doc_id="gold")

    return code


def phrase_resolver(
    coder: Coder,
) -> Callable[[str, str | None, dt.date | None], tuple[str | None, str | None] | None]:
    """Resolves an actor phrase (its context before it, if any) the way the coder resolves
    the actors of a sentence: parsed by the coder's parser, then
    :func:`accord.coding.resolve.resolve_phrase` with the coder's knowledge base."""
    resources = coder.resources

    def resolve(
        text: str, context: str | None, date: dt.date | None
    ) -> tuple[str | None, str | None] | None:
        phrase = f"{context} {text}" if context else text
        (parsed,) = resources.parser.parse([Sentence(0, phrase, (0, len(phrase)))])
        ref = resolve_phrase(parsed.tokens, resources.kb, date)
        if ref is None:
            return None
        country = ref.country or ("IGO" if ref.code.startswith("IGO") else None)
        return country, ref.role

    return resolve


def evaluate_paths(
    paths: Sequence[Path], get_coder: Callable[[], Coder], options: EvalOptions, settings: Settings
) -> tuple[dict[str, Any], str]:
    """Score each file (gold set or news corpus): (scores by set name, printable report).

    ``get_coder`` is called only when something must be coded (not for ``options.events``
    alone), so a scoring of recorded events loads no model."""
    exclusions = packaged_exclusions() if options.exclusions is None else options.exclusions
    recorded = recorded_events(options.events) if options.events is not None else None
    scores: dict[str, Any] = {}
    texts: list[str] = []
    run = _Run(get_coder, options, settings, recorded)
    for path in paths:
        report = run.evaluate(path, exclusions)
        scores[report.set_name] = report_to_dict(report)
        texts.append(format_report(report, verbose=options.verbose))
    return scores, "\n\n".join(texts)


@dataclass(frozen=True, slots=True)
class _Run:
    get_coder: Callable[[], Coder]
    options: EvalOptions
    settings: Settings
    recorded: RecordedEvents | None

    def evaluate(self, path: Path, exclusions: Iterable[Exclusion]) -> EvalReport:
        family = file_family(path)
        name = path.name.removesuffix(".jsonl").removesuffix(".json")
        scope = Scope(self.options.half, exclusions_for(exclusions, name))
        if family == "corpus":
            return self._nonpolitical(path, name, scope)
        gold = load_gold(path)
        if gold.kind == "documents":
            if self.recorded is not None:
                return evaluate(gold, documents=recorded_coder(self.recorded), scope=scope)
            docs = read_corpus(self.options.corpus or default_corpus(path), self.settings)
            coded = document_coder(self.get_coder(), docs)
            return evaluate(gold, documents=coded, scope=scope)
        if gold.kind == "actors":
            return evaluate(gold, resolver=phrase_resolver(self.get_coder()), scope=scope)
        coder = self.recorded if self.recorded is not None else sentence_coder(self.get_coder())
        return evaluate(gold, coder, include_all_modes=self.settings.include_all_modes, scope=scope)

    def _nonpolitical(self, path: Path, name: str, scope: Scope) -> EvalReport:
        categories = self.options.categories
        docs = read_corpus(path, self.settings)
        articles = tuple(Article.of(d) for d in docs.values())
        if not any(a.category in categories for a in articles):
            raise UsageError(
                f"{path}: no article of the categories {', '.join(categories)} "
                "(a news corpus is scored for false events on its non-political categories)"
            )
        corpus = Corpus(name, str(path), _digest(path), articles)
        if self.recorded is not None:
            coded = recorded_coder(self.recorded)
        else:
            coded = document_coder(self.get_coder(), docs)
        return evaluate_nonpolitical(corpus, coded, categories, scope)
