"""The numpy entity decoder (nlp.entities.GreedyEntities) finds exactly the entities
of spaCy's own ``ner`` component, including at the edges of its transition rules:
whitespace tokens, sentence boundaries the parser puts inside one text, one-token and
empty texts, batches of very different lengths, and preset entities (handed to the
component)."""

from __future__ import annotations

from typing import Any

import pytest

from accord.nlp.entities import GreedyEntities

EDGES = (
    "",
    "Obama",
    "Paris.",
    "Xi Jinping met Vladimir Putin in Moscow on Monday and Joe Biden in Washington.",
    "The  United   Nations\tSecurity Council  met.",
    "Angela Merkel\n\nEmmanuel Macron and the European Union agreed.",
    "He left. New York Times reporters said so. The United States of America agreed",
    "Talks between the Democratic Republic of the Congo and Rwanda, held in Luanda, "
    "Angola, with mediation by the African Union's Peace and Security Council, ended "
    "on 12 March 2024 with $300 million pledged by the World Bank and 40% of troops out.",
    "U.S. Secretary of State Antony J. Blinken",
    "\n",
    "  Kyiv  ",
)


def _ents(doc: Any) -> list[tuple[str, str, str]]:
    return [(t.text, t.ent_iob_, t.ent_type_) for t in doc]


@pytest.fixture(scope="module")
def models(coder: Any) -> tuple[Any, Any]:
    import spacy

    from accord.nlp.parser import SpacyParser

    model = coder.settings.model
    return spacy.load(model), SpacyParser.load(model)


def test_the_decoder_is_in_use(models: tuple[Any, Any]) -> None:
    _, parser = models
    assert isinstance(parser._entities, GreedyEntities)
    assert "ner" not in parser._nlp.pipe_names


@pytest.mark.parametrize("batch", [1, 3, 64])
def test_entities_equal_the_component_at_the_edges(models: tuple[Any, Any], batch: int) -> None:
    reference, parser = models
    texts = list(EDGES) * 2
    expected = [_ents(d) for d in reference.pipe(texts, batch_size=batch)]
    old = parser._batch_size
    parser._batch_size = batch
    try:
        got = [_ents(d) for d in parser._docs(texts)]
    finally:
        parser._batch_size = old
    assert any(kind for doc in expected for _, _, kind in doc)  # the texts hold entities
    for text, a, b in zip(texts, expected, got, strict=True):
        assert a == b, repr(text)


def test_several_sentences_in_one_text_keep_their_boundaries(models: tuple[Any, Any]) -> None:
    reference, parser = models
    text = "I met John. Smith arrived. New. York is big. Paris"
    doc = parser._docs([text])[0]
    assert sum(1 for _ in doc.sents) > 1  # the parser split it: entities may not cross
    assert _ents(doc) == _ents(reference(text))


def test_preset_entities_go_to_the_component(models: tuple[Any, Any]) -> None:
    from spacy.tokens import Span

    reference, parser = models
    texts = ["Barack Obama visited Kenya and Germany.", "Angela Merkel spoke."]

    def preset(nlp: Any) -> list[Any]:
        docs = []
        for doc in (nlp.make_doc(t) for t in texts):
            docs.append(doc)
        docs[0].set_ents([Span(docs[0], 3, 4, label="ORG")], default="unmodified")
        return docs

    expected = preset(reference)
    for _, component in reference.pipeline:
        expected = list(component.pipe(expected))
    docs = preset(parser._nlp)
    for _, component in parser._nlp.pipeline:
        docs = list(component.pipe(docs))
    for step in parser._after:
        docs = [step(d) for d in docs]
    parser._entities(docs)
    assert [_ents(d) for d in docs] == [_ents(d) for d in expected]
    assert docs[0][3].ent_type_ == "ORG"  # the preset survived


def test_other_components_are_not_modelled(models: tuple[Any, Any]) -> None:
    reference, _ = models
    assert GreedyEntities.compile(reference.get_pipe("ner")) is not None
    assert GreedyEntities.compile(reference.get_pipe("parser")) is None  # 8 features
    assert GreedyEntities.compile(reference.get_pipe("tagger")) is None

    class Beam:
        def __init__(self) -> None:
            self.cfg = {"beam_width": 4}
            self.model = reference.get_pipe("ner").model

    assert GreedyEntities.compile(Beam()) is None


def test_matrix_products_use_numpy(models: tuple[Any, Any]) -> None:
    from thinc.api import NumpyOps

    _, parser = models
    for _, component in parser._nlp.pipeline:
        for node in component.model.walk():
            assert isinstance(node.ops, NumpyOps) and not node.ops.use_blis


@pytest.mark.parametrize("move", ["B-PERSON", "I-ORG", "L-GPE", "U-PERSON", "U-DATE"])
def test_every_validity_rule_holds_when_the_scores_push_against_it(coder: Any, move: str) -> None:
    """With one move's score raised far above the rest, the model wants that move
    everywhere and only the validity rules (no entity over whitespace or across the
    parser's sentence boundaries, I and L only inside an entity of their label, B only
    with room for an L) decide: the decoder must give what the component gives."""
    import spacy

    from accord.nlp.parser import SpacyParser

    model = coder.settings.model
    reference, parser = spacy.load(model), SpacyParser.load(model)
    ner = reference.get_pipe("ner")
    assert isinstance(parser._entities, GreedyEntities)
    names = [ner.moves.get_class_name(i) for i in range(ner.moves.n_moves)]
    for component in (ner, parser._entities.component):
        upper = component.model.get_ref("upper")
        bias = upper.get_param("b").copy()
        bias[names.index(move)] += 1000.0
        upper.set_param("b", bias)
    texts = [*EDGES, "I met John. Smith arrived. New. York is big. Paris"]
    expected = [_ents(d) for d in reference.pipe(texts)]
    got = [_ents(d) for d in parser._docs(texts)]
    for text, a, b in zip(texts, expected, got, strict=True):
        assert a == b, repr(text)


def _blas_threads() -> list[int]:
    from threadpoolctl import threadpool_info

    return [i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"]


def test_blas_runs_on_one_thread_while_the_model_parses(models: tuple[Any, Any]) -> None:
    from threadpoolctl import threadpool_limits

    _, parser = models
    seen: list[list[int]] = []

    def record(doc: Any) -> Any:
        seen.append(_blas_threads())
        return doc

    steps = parser._after
    parser._after = (*steps, record)
    try:
        with threadpool_limits(limits=3, user_api="blas"):
            parser._docs(["Xi met Putin in Moscow.", "Paris."])
            after = _blas_threads()
    finally:
        parser._after = steps
    assert len(seen) == 2 and all(n == 1 for threads in seen for n in threads)
    assert after and all(n == 3 for n in after)


def test_loading_and_coding_leave_the_hosts_blas_threads_alone() -> None:
    """Issue 12: loading a coder changes no BLAS thread count of the process that loads
    it, and neither does coding with it (the old code set the whole process to one
    thread when the model was loaded)."""
    from threadpoolctl import threadpool_limits

    from accord.api import Coder

    with threadpool_limits(limits=3, user_api="blas"):
        before = _blas_threads()
        coder = Coder.load()
        loaded = _blas_threads()
        events = coder.code_text("Xi Jinping met Vladimir Putin in Moscow.", date="2024-03-01")
        coded = _blas_threads()
    assert before and all(n == 3 for n in before)
    assert events  # the document was parsed and coded
    assert loaded == before
    assert coded == before
