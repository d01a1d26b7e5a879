"""accord's attribute rules, lemmas and entity decoder (nlp.attributes, nlp.lemmas,
nlp.entities), with numpy's BLAS, annotate exactly as spaCy's untouched pipeline.

The parser takes the model's ``attribute_ruler``, ``lemmatizer`` and ``ner`` out of the
spaCy pipeline and runs them itself: the ruler's rules applied by lookup, the
lemmatizer's rules with set lookups and a full memory, the entity recogniser's moves
decoded for a whole batch at once; its matrix products go through numpy's BLAS instead
of BLIS (nlp.parser._use_numpy_blas). Every annotation
the coder reads (and the morphology the lemmatizer reads) must equal the untouched
pipeline's: on hand-written sentences that exercise the rarer rules, and on the
Wikinews sample and the gold sets when ../shared is there.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from accord.nlp.attributes import AttributeRules
from accord.nlp.lemmas import RuleLemmas
from tests.shared_data import shared_path

SENTENCES = (
    "Xi holds back-to-back talks with Putin and Trump.",
    "The ministers ain't going to sign it, but they're gonna try.",
    "Let's see whether the U.S. will handle Taiwan arms sales prudently.",
    "That is what those officials said; these talks, however, didn't happen.",
    "He had been told that she would've gotta leave by Monday.",
    "But the rebels, who'd seized the town, were n't seen again.",
    "Which side is it on?  Nobody knows.",
    "'Tis the season, y'all: whatever happens, both sides lose.",
)


def _annotations(doc: Any) -> list[tuple[Any, ...]]:
    return [
        (t.text, t.tag_, t.pos_, t.lemma_, str(t.morph), t.dep_, t.head.i, t.ent_type_, t.ent_iob_)
        for t in doc
    ]


@pytest.fixture(scope="module")
def pipelines(coder: Any) -> tuple[Any, Any]:
    import spacy

    from accord.nlp.parser import SpacyParser

    model = coder.settings.model
    return spacy.load(model), SpacyParser.load(model)


def _texts() -> list[str]:
    texts = list(SENTENCES)
    for name in ("plover_examples_dev", "cameo_codebook_examples"):
        with shared_path("gold", f"{name}.jsonl").open(encoding="utf-8") as fh:
            texts += [json.loads(line).get("text", "") for line in fh if line.strip()]
    path = shared_path("corpus", "wikinews", "wikinews_2019_2020.jsonl")
    with path.open(encoding="utf-8") as fh:
        for k, line in enumerate(fh):
            if k >= 20:
                break
            texts += json.loads(line).get("text", "").split("\n")
    return [t for t in texts if t.strip()]


def _compare(pipelines: tuple[Any, Any], texts: list[str]) -> None:
    reference, parser = pipelines
    assert "attribute_ruler" not in parser._nlp.pipe_names, "the fast rules are not in use"
    assert any(isinstance(step, RuleLemmas) for step in parser._after), "spaCy's lemmatizer"
    assert "ner" not in parser._nlp.pipe_names, "the numpy entity decoder is not in use"
    expected = [_annotations(d) for d in reference.pipe(texts)]
    got = [_annotations(d) for d in parser._docs(texts)]
    for text, a, b in zip(texts, expected, got, strict=True):
        assert a == b, text


def test_rules_equal_the_ruler_on_tricky_sentences(pipelines: tuple[Any, Any]) -> None:
    _compare(pipelines, list(SENTENCES))


@pytest.mark.shared
def test_rules_equal_the_ruler_on_real_text(pipelines: tuple[Any, Any]) -> None:
    texts = _texts()
    assert len(texts) > 100
    _compare(pipelines, texts)


def test_lemmas_are_remembered_and_stay_equal(pipelines: tuple[Any, Any]) -> None:
    # the second pass answers from memory: it must give what the first computed
    texts = list(SENTENCES) * 2
    _compare(pipelines, texts)


def test_other_lemmatizers_are_kept(pipelines: tuple[Any, Any]) -> None:
    reference, _ = pipelines
    lemmatizer = reference.get_pipe("lemmatizer")
    assert RuleLemmas.compile(lemmatizer) is not None
    assert RuleLemmas.compile(reference.get_pipe("tagger")) is None


def test_unknown_rule_shapes_keep_the_ruler(pipelines: tuple[Any, Any]) -> None:
    reference, _ = pipelines
    ruler = reference.get_pipe("attribute_ruler")
    assert AttributeRules.compile(ruler) is not None

    class Odd:
        def __init__(self) -> None:
            self.vocab = ruler.vocab
            self.attrs = [{}]
            self.patterns = [{"patterns": [[{"LOWER": "x", "OP": "+"}]], "attrs": {}, "index": 0}]

    assert AttributeRules.compile(Odd()) is None
