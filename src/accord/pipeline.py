"""The pure per-document function and the resources it needs.

``process_document(doc, resources)`` does no I/O and reads no globals: the same
inputs always give the same :class:`DocResult`. ``process_batch`` parses the
sentences of many documents in one spaCy batch and gives exactly the results of
calling ``process_document`` on each (a test holds it to that). Engines (local,
multiprocessing, Spark) only feed documents in and collect results.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from accord._version import __version__
from accord.coding import lexicon
from accord.coding.coder import CodingContext, OntologyLike, code_document
from accord.coding.kb import ActorKB
from accord.coding.mentions import find_mentions
from accord.coding.ontology import Ontology
from accord.coding.petrarch_dicts import LenientOntology, load_folder
from accord.coding.places import Gazetteer
from accord.coding.prefilter import select_sentences
from accord.coding.tracing import Decision
from accord.coding.verbs import VerbDictionary
from accord.config import Settings
from accord.errors import AccordError, UsageError
from accord.model import (
    CleanDocument,
    DocResult,
    Document,
    Event,
    Failure,
    ParsedSentence,
    Sentence,
)
from accord.nlp import Parser, SpacyParser, Tokenizer
from accord.text import clean_document
from accord.text.fingerprint import fingerprint


@dataclass(frozen=True, slots=True)
class Resources:
    """Everything process_document needs, built once per process (or executor)."""

    settings: Settings
    parser: Parser
    coding: CodingContext
    kb: ActorKB
    version: str
    """Identifies code + data versions; part of every content hash."""
    tokenizer: Tokenizer | None = None
    """The parser's own tokenizer, for the sentence pre-filter (none: parse everything)."""


def build_resources(
    settings: Settings,
    *,
    actor_files: Sequence[Path] = (),
    parser: Parser | None = None,
    dictionaries: Path | None = None,
    verb_files: Sequence[Path] = (),
) -> Resources:
    """Load the model, knowledge base, verb dictionary and ontology.

    ``actor_files`` and ``verb_files``: users' actor files (:mod:`accord.coding.kb.files`)
    and verb pattern files (:mod:`accord.coding.verb_files`), applied after the packaged
    data, later files winning. With ``dictionaries`` (a PETRARCH-format folder: verbs,
    actors, agents files) its verbs and actors replace the packaged ones
    (:mod:`accord.coding.petrarch_dicts`); it cannot be combined with ``verb_files``.
    """
    ontology: OntologyLike
    if dictionaries is None:
        kb = ActorKB.load(extra_files=tuple(actor_files))
        ontology = Ontology.load()
        verbs = VerbDictionary.load(tuple(verb_files), codes=ontology)
    elif verb_files:
        raise UsageError(
            "verb files add to the packaged verb dictionary: they cannot be combined with a "
            "dictionary folder (--dictionaries)"
        )
    else:
        folder = load_folder(dictionaries, actor_files)
        kb, verbs = folder.kb, folder.verbs
        ontology = LenientOntology(Ontology.load())
    places = Gazetteer.load()
    if parser is None:
        parser = SpacyParser.load(settings.model, batch_size=settings.batch_size)
    ctx = CodingContext(
        kb=kb,
        verbs=verbs,
        ontology=ontology,
        include_all_modes=settings.include_all_modes,
        places=places,
        include_statements=settings.include_statements,
    )
    extra = ",".join(sorted(str(p) for p in actor_files))
    version = (
        f"accord {__version__}; code {coder_digest()}; verbs {verbs.version}; "
        f"lexicon {lexicon.digest()}; kb {kb.version}; places {places.version}; {extra}"
    )
    tokenizer = parser if isinstance(parser, Tokenizer) else None
    return Resources(
        settings=settings, parser=parser, coding=ctx, kb=kb, version=version, tokenizer=tokenizer
    )


_CODER_PARTS = ("ingest", "text", "nlp", "coding", "data")
_CODER_MODULES = ("pipeline.py", "model.py", "config.py")


def coder_digest() -> str:
    """A digest of everything in the package that decides a document's events: the code
    of reading, cleaning, parsing and coding, this module, the records and settings, and
    every packaged data file. Part of the coder's version, so that ``accord ingest`` codes
    stored documents again after an upgrade that changes any of them (no hand-bumped
    version number decides that)."""
    return tree_digest(resources.files("accord"))


def tree_digest(root: Traversable) -> str:
    """:func:`coder_digest` of the package tree at ``root``."""
    h = hashlib.sha256()
    for name in _CODER_MODULES:
        h.update(name.encode("utf-8") + b"\x00" + root.joinpath(name).read_bytes())
    for part in _CODER_PARTS:
        folder = root.joinpath(part)
        if folder.is_dir():
            for path, data in sorted(_files(folder, part)):
                h.update(path.encode("utf-8") + b"\x00" + data + b"\x00")
    return h.hexdigest()[:12]


def _files(folder: Traversable, prefix: str) -> Iterable[tuple[str, bytes]]:
    for item in folder.iterdir():
        name = f"{prefix}/{item.name}"
        if item.is_dir():
            if item.name != "__pycache__":
                yield from _files(item, name)
        elif not item.name.endswith((".pyc", ".pyo")):
            yield name, item.read_bytes()


def _with_default_date(doc: Document, settings: Settings) -> Document:
    if doc.date is None and settings.default_date is not None:
        return dataclasses.replace(doc, date=settings.default_date)
    return doc


def content_hash(doc: Document, resources: Resources) -> str:
    """Hash of what determines a document's events: its content, date and the coder version.

    Computed on the input document (before cleaning), so a runner can skip documents
    already stored with this hash before doing any work.
    """
    doc = _with_default_date(doc, resources.settings)
    h = hashlib.sha256()
    for part in (
        doc.text,
        doc.title or "",
        str(doc.date or ""),
        resources.version,
        str(resources.settings.include_all_modes),
        str(resources.settings.include_statements),
    ):
        h.update(part.encode("utf-8"))
        h.update(b"\x00")
    return h.hexdigest()


def _prepare(
    doc: Document, resources: Resources, *, prefilter: bool = True
) -> tuple[CleanDocument, list[Sentence]]:
    settings = resources.settings
    clean = clean_document(_with_default_date(doc, settings))
    limit = settings.max_sentence_chars
    sentences = [s for s in clean.sentences if len(s.text) <= limit]
    if prefilter and settings.prefilter and resources.tokenizer is not None and sentences:
        sentences = _worth_parsing(clean, sentences, resources, resources.tokenizer)
    return clean, sentences


def _worth_parsing(
    clean: CleanDocument, sentences: list[Sentence], resources: Resources, tokenizer: Tokenizer
) -> list[Sentence]:
    """The sentences that can hold an event or matter to later ones (coding.prefilter)."""
    texts = [s.text for s in sentences]
    keep = select_sentences(
        tokenizer.words(texts),
        texts,
        resources.kb,
        publication=clean.doc.date,
        has_dateline_place=clean.dateline is not None and bool(clean.dateline.place),
    )
    return [s for s, k in zip(sentences, keep, strict=True) if k]


def printed(events: Sequence[Event], settings: Settings) -> tuple[Event, ...]:
    """The events the settings let through: at least ``min_confidence``, and with a target
    when ``require_target``."""
    return tuple(
        e
        for e in events
        if e.confidence >= settings.min_confidence
        and (e.target is not None or not settings.require_target)
    )


def _finish(
    doc: Document, clean: CleanDocument, parsed: Sequence[ParsedSentence], resources: Resources
) -> DocResult:
    events = printed(code_document(clean, parsed, resources.coding), resources.settings)
    return DocResult(
        doc=clean.doc,
        events=events,
        sentence_count=len(clean.sentences),
        content_hash=content_hash(doc, resources),
        fingerprint=fingerprint(clean.text),
    )


def process_document(doc: Document, resources: Resources) -> DocResult:
    """Code one document. Raises AccordError subclasses on bad input."""
    clean, sentences = _prepare(doc, resources)
    parsed = resources.parser.parse(sentences)
    return _finish(doc, clean, parsed, resources)


DocProgress = Callable[[int | None], None]
"""Told where a batch is (:func:`process_batch`): a document's index before the work on that
document alone, None before the work the documents share."""


def _nowhere(index: int | None) -> None:
    del index


def process_batch(
    docs: Sequence[Document], resources: Resources, *, on_doc: DocProgress | None = None
) -> list[DocResult]:
    """Code many documents with one parser batch; each failure stays with its document.

    ``on_doc`` (the workers' time budget, :mod:`accord.engine.parallel`) is called with a
    document's index before that document is cleaned and before it is coded, and with None
    before the sentences of all of them are parsed together."""
    at = on_doc or _nowhere
    prepared: list[tuple[CleanDocument, list[Sentence]] | Failure] = []
    for i, doc in enumerate(docs):
        at(i)
        try:
            prepared.append(_prepare(doc, resources))
        except Exception as exc:
            prepared.append(_failure(doc, "text", exc))
    all_sentences = [s for p in prepared if not isinstance(p, Failure) for s in p[1]]
    at(None)
    try:
        parsed_all = _parse_once(all_sentences, resources.parser)
    except Exception:
        out: list[DocResult] = []
        for i, doc in enumerate(docs):
            at(i)
            out.append(safe_process(doc, resources))
        return out
    results: list[DocResult] = []
    offset = 0
    for i, (doc, p) in enumerate(zip(docs, prepared, strict=True)):
        if isinstance(p, Failure):
            results.append(DocResult(doc=doc, failures=(p,)))
            continue
        clean, sentences = p
        parsed = parsed_all[offset : offset + len(sentences)]
        offset += len(sentences)
        at(i)
        try:
            results.append(_finish(doc, clean, parsed, resources))
        except Exception as exc:
            results.append(DocResult(doc=doc, failures=(_failure(doc, "coding", exc),)))
    return results


def _parse_once(sentences: Sequence[Sentence], parser: Parser) -> list[ParsedSentence]:
    """Parse each distinct sentence text once (syndicated copies, repeated captions and
    bylines): a parse depends on the text alone, so a copy takes the first one's."""
    first: dict[str, int] = {}
    distinct: list[Sentence] = []
    for s in sentences:
        if s.text not in first:
            first[s.text] = len(distinct)
            distinct.append(s)
    parsed = parser.parse(distinct)
    if len(distinct) == len(sentences):
        return parsed
    out: list[ParsedSentence] = []
    for s in sentences:
        ps = parsed[first[s.text]]
        out.append(ps if ps.sentence is s else dataclasses.replace(ps, sentence=s))
    return out


@dataclass(frozen=True, slots=True)
class Explanation:
    """Everything behind one document's events: parses, actor mentions, decisions."""

    result: DocResult
    sentences: tuple[ParsedSentence, ...]
    mentions: tuple[tuple[int, str, str, str], ...]
    """(sentence index, text, actor code, kind) for every knowledge-base mention."""
    decisions: tuple[Decision, ...]
    left_out: tuple[tuple[Event, str], ...] = ()
    """Events coded but not printed, each with the reason: below ``--min-confidence``, or
    with no target under ``require_target``."""


def explain_document(doc: Document, resources: Resources) -> Explanation:
    """Code one document and record why each candidate trigger was, or was not, coded.

    Every sentence is parsed (no pre-filter), so that every candidate trigger is shown."""
    clean, sentences = _prepare(doc, resources, prefilter=False)
    parsed = resources.parser.parse(sentences)
    trace: list[Decision] = []
    coded = code_document(clean, parsed, resources.coding, trace)
    events = printed(coded, resources.settings)
    mentions = tuple(
        (
            ps.sentence.index,
            " ".join(t.text for t in ps.tokens[m.start : m.end]),
            m.entry.code,
            m.entry.kind,
        )
        for ps in parsed
        for m in find_mentions(ps.tokens, resources.kb, clean.doc.date)
    )
    result = DocResult(
        doc=clean.doc,
        events=events,
        sentence_count=len(clean.sentences),
        content_hash=content_hash(doc, resources),
    )
    floor = resources.settings.min_confidence
    left_out = tuple(
        (
            e,
            f"confidence {e.confidence} below --min-confidence {floor}"
            if e.confidence < floor
            else "no target (require_target)",
        )
        for e in coded
        if e not in events
    )
    return Explanation(result, tuple(parsed), mentions, tuple(trace), left_out)


def safe_process(doc: Document, resources: Resources) -> DocResult:
    """process_document, with any error recorded as a Failure instead of raised."""
    try:
        return process_document(doc, resources)
    except Exception as exc:
        return DocResult(doc=doc, failures=(_failure(doc, "pipeline", exc),))


def iter_results(
    docs: Iterable[Document], resources: Resources, *, batch_docs: int = 32
) -> Iterable[DocResult]:
    """Stream results for a stream of documents, in input order, in bounded batches."""
    batch: list[Document] = []
    for doc in docs:
        batch.append(doc)
        if len(batch) >= batch_docs:
            yield from process_batch(batch, resources)
            batch = []
    if batch:
        yield from process_batch(batch, resources)


def _failure(doc: Document, stage: str, exc: BaseException) -> Failure:
    code = exc.code if isinstance(exc, AccordError) else type(exc).__name__
    message = exc.message if isinstance(exc, AccordError) else str(exc) or type(exc).__name__
    return Failure(doc_id=doc.id, origin=doc.origin, stage=stage, code=code, message=message)
