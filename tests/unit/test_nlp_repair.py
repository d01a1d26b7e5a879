"""The parse repairs (accord.nlp.repair) on hand-built parses."""

from __future__ import annotations

from accord.nlp.repair import (
    REPAIRS,
    finite_conjunct_of_infinitive,
    gerund_subject_of_a_noun,
    participle_subject_of_preposition,
    repair,
    visiting_names_the_visitor,
)
from tests.unit.parsing import parsed, tagged, with_entities

# "Raab urged the embassy to reconsider and spoke with Pompeo ."
_URGED = [
    ("Raab", "Raab", "PROPN", "nsubj", 1),
    ("urged", "urge", "VERB", "ROOT", 1),
    ("the", "the", "DET", "det", 3),
    ("embassy", "embassy", "NOUN", "dobj", 1),
    ("to", "to", "PART", "aux", 5),
    ("reconsider", "reconsider", "VERB", "xcomp", 1),
    ("and", "and", "CCONJ", "cc", 5),
    ("spoke", "speak", "VERB", "conj", 5),
    ("with", "with", "ADP", "prep", 7),
    ("Pompeo", "Pompeo", "PROPN", "pobj", 8),
    (".", ".", "PUNCT", "punct", 1),
]


def test_past_tense_conjunct_of_an_infinitive_joins_the_verb_above() -> None:
    ps = tagged(parsed(_URGED), {1: "VBD", 5: "VB", 7: "VBD"})
    out = finite_conjunct_of_infinitive(ps.tokens)
    assert out[7].head == 1 and out[7].dep == "conj"
    assert [t.head for t in out if t.i != 7] == [t.head for t in ps.tokens if t.i != 7]


def test_bare_form_conjunct_stays_inside_the_infinitive() -> None:
    # "wants to cancel the vote and argue": the tagger may say VBP for the bare form.
    for tag in ("VB", "VBP"):
        ps = tagged(parsed(_URGED), {1: "VBD", 5: "VB", 7: tag})
        assert finite_conjunct_of_infinitive(ps.tokens)[7].head == 5


def test_conjunct_of_a_finite_verb_is_left_alone() -> None:
    ps = tagged(parsed(_URGED), {1: "VBD", 5: "VBD", 7: "VBD"})
    assert finite_conjunct_of_infinitive(ps.tokens) == ps.tokens


def test_infinitive_without_to_is_left_alone() -> None:
    spec = list(_URGED)
    spec[4] = ("not", "not", "PART", "neg", 5)
    ps = tagged(parsed(spec), {1: "VBD", 5: "VB", 7: "VBD"})
    assert finite_conjunct_of_infinitive(ps.tokens)[7].head == 5


def test_repair_runs_every_declared_repair() -> None:
    ps = tagged(parsed(_URGED), {1: "VBD", 5: "VB", 7: "VBD"})
    assert finite_conjunct_of_infinitive in REPAIRS
    assert repair(ps.tokens)[7].head == 1


# "Peru granted asylum to five officers holed up in a residence ." as the parser leaves
# it: 'to' with no object, 'officers' the subject of 'holed'
_HOLED = [
    ("Peru", "Peru", "PROPN", "nsubj", 1),
    ("granted", "grant", "VERB", "ROOT", 1),
    ("asylum", "asylum", "NOUN", "dobj", 1),
    ("to", "to", "ADP", "prep", 1),
    ("five", "five", "NUM", "nummod", 5),
    ("officers", "officer", "NOUN", "nsubj", 6),
    ("holed", "hole", "VERB", "advcl", 1),
    ("up", "up", "ADP", "prt", 6),
    ("in", "in", "ADP", "prep", 6),
    ("a", "a", "DET", "det", 10),
    ("residence", "residence", "NOUN", "pobj", 8),
    (".", ".", "PUNCT", "punct", 1),
]


def test_the_noun_after_an_objectless_preposition_is_its_object() -> None:
    for tag in ("VBN", "VBD"):
        ps = tagged(parsed(_HOLED), {1: "VBD", 6: tag})
        out = participle_subject_of_preposition(ps.tokens)
        assert (out[5].head, out[5].dep) == (3, "pobj")
        assert (out[6].head, out[6].dep) == (5, "acl")
        assert participle_subject_of_preposition in REPAIRS


def test_a_preposition_with_its_object_or_a_verb_with_an_auxiliary_is_left_alone() -> None:
    spec = list(_HOLED)
    spec[5] = ("officers", "officer", "NOUN", "pobj", 3)  # 'to' has its object
    ps = tagged(parsed(spec), {1: "VBD", 6: "VBN"})
    assert participle_subject_of_preposition(ps.tokens) == ps.tokens
    spec = list(_HOLED)
    spec.insert(6, ("were", "be", "AUX", "auxpass", 7))  # 'officers were holed up'
    spec = [
        (w, lem, pos, dep, h + 1 if h >= 6 and i != 6 else h)
        for i, (w, lem, pos, dep, h) in enumerate(spec)
    ]
    spec[5] = ("officers", "officer", "NOUN", "nsubj", 7)
    ps = tagged(parsed(spec), {1: "VBD", 7: "VBN"})
    assert participle_subject_of_preposition(ps.tokens) == ps.tokens


# "The Red Cross operating in Iraq said ..." as the parser leaves it: 'operating' a
# gerund clause subject of 'said', with 'Cross' its own subject
_OPERATING = [
    ("The", "the", "DET", "det", 2),
    ("Red", "Red", "PROPN", "compound", 2),
    ("Cross", "Cross", "PROPN", "nsubj", 3),
    ("operating", "operate", "VERB", "csubj", 6),
    ("in", "in", "ADP", "prep", 3),
    ("Iraq", "Iraq", "PROPN", "pobj", 4),
    ("said", "say", "VERB", "ROOT", 6),
    (".", ".", "PUNCT", "punct", 6),
]


def test_a_determined_noun_before_an_ing_participle_is_the_subject() -> None:
    ps = tagged(parsed(_OPERATING), {3: "VBG", 6: "VBD"})
    out = gerund_subject_of_a_noun(ps.tokens)
    assert (out[2].head, out[2].dep) == (6, "nsubj")
    assert (out[3].head, out[3].dep) == (2, "acl")
    assert gerund_subject_of_a_noun in REPAIRS


def test_a_gerund_clause_with_a_bare_subject_is_left_alone() -> None:
    # "Russia invading Ukraine was a mistake": no determiner, a true gerund clause
    spec = [
        ("Russia", "Russia", "PROPN", "nsubj", 1),
        ("invading", "invade", "VERB", "csubj", 3),
        ("Ukraine", "Ukraine", "PROPN", "dobj", 1),
        ("was", "be", "AUX", "ROOT", 3),
        ("a", "a", "DET", "det", 5),
        ("mistake", "mistake", "NOUN", "attr", 3),
    ]
    ps = tagged(parsed(spec), {1: "VBG"})
    assert gerund_subject_of_a_noun(ps.tokens) == ps.tokens


def _visiting(
    dep: str, head: int, second: str, second_dep: str
) -> list[tuple[str, str, str, str, int]]:
    """'Xi held talks with visiting President Macron .' (dep 'pcomp' under 'with'), or
    'Putin met visiting President Macron .' (dep 'xcomp' under 'met')."""
    return [
        ("Xi", "Xi", "PROPN", "nsubj", 1),
        ("held", "hold", "VERB", "ROOT", 1),
        (second, second.lower(), "NOUN" if second_dep == "dobj" else "ADP", second_dep, 1),
        ("visiting", "visit", "VERB", dep, head),
        ("President", "President", "PROPN", "compound", 5),
        ("Macron", "Macron", "PROPN", "dobj", 3),
        (".", ".", "PUNCT", "punct", 1),
    ]


def test_visiting_before_a_persons_name_names_the_visitor() -> None:
    spec = _visiting("pcomp", 2, "with", "prep")
    tokens = with_entities(tagged(parsed(spec), {3: "VBG"}), [(4, 6, "PERSON")])
    out = visiting_names_the_visitor(tokens)
    assert (out[5].head, out[5].dep) == (2, "pobj")  # talks with Macron
    assert (out[3].head, out[3].dep) == (5, "amod")  # the visiting Macron
    met = with_entities(
        tagged(parsed(_visiting("xcomp", 1, "talks", "dobj")), {3: "VBG"}), [(4, 6, "PERSON")]
    )
    out = visiting_names_the_visitor(met)
    assert (out[5].head, out[5].dep) == (1, "dobj")
    assert visiting_names_the_visitor in REPAIRS


def test_visiting_a_place_is_left_alone() -> None:
    # 'He talked about visiting China .': China is visited (no person named)
    spec = _visiting("pcomp", 2, "about", "prep")
    tokens = with_entities(tagged(parsed(spec), {3: "VBG"}), [(5, 6, "GPE")])
    assert visiting_names_the_visitor(tokens) == tokens
