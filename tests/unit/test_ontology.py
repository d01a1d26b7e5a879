from __future__ import annotations

import dataclasses

import pytest

from accord.coding.ontology import CameoCode, Ontology, PloverMapping, UnknownCode
from accord.errors import AccordError


@pytest.fixture(scope="module")
def onto() -> Ontology:
    return Ontology.load()


def test_every_cameo_code_is_present(onto: Ontology) -> None:
    codes = onto.codes()
    assert len(codes) == 313
    assert onto.roots() == tuple(f"{i:02d}" for i in range(1, 21))
    assert {len(c) for c in codes} == {2, 3, 4}
    for code in ("010", "0211", "042", "1041", "1214", "175", "2042"):
        assert code in onto
    # every 3- and 4-digit code hangs under a present parent
    for code in codes:
        if len(code) > 2:
            assert code[:-1] in codes


def test_every_code_has_name_goldstein_quad_and_plover(onto: Ontology) -> None:
    for entry in onto:
        assert entry.name and entry.name == entry.name.strip()
        assert -10.0 <= entry.goldstein <= 10.0
        assert entry.quad_class in (1, 2, 3, 4)
        if entry.root == "01":  # PLOVER has no public-statement category
            assert entry.plover is None
            continue
        assert entry.plover is not None, entry.code
        assert entry.plover.isupper()
        assert entry.plover_source in ("crosswalk", "accord")


def test_quad_classes_follow_the_roots(onto: Ontology) -> None:
    expected = {1: range(1, 6), 2: range(6, 9), 3: range(9, 14), 4: range(14, 21)}
    for quad, roots in expected.items():
        for root in roots:
            for code in onto.codes():
                if code.startswith(f"{root:02d}"):
                    assert onto.get(code).quad_class == quad


def test_known_values(onto: Ontology) -> None:
    visit = onto.get("042")
    assert visit.name == "Make a visit"
    assert (visit.plover, visit.plover_mode) == ("CONSULT", "visit")
    assert onto.get("190").goldstein == -10.0
    assert onto.get("190").plover == "ASSAULT"
    assert onto.get("04").name == "Consult"
    assert onto.get("173").plover_mode == "arrest"
    assert onto.get("1121").plover_context == "crime;corruption"
    assert onto.get("163").plover == "COERCE"  # listed under SANCTION, mapped to COERCE
    assert onto.get("022").plover == "REQUEST"


def test_gdelt_differences_are_kept(onto: Ontology) -> None:
    differing = {
        e.code for e in onto if e.goldstein_gdelt is not None and e.goldstein_gdelt != e.goldstein
    }
    assert differing == {"016", "022", "164", "165"}
    assert onto.get("016").goldstein == -5.0
    assert onto.get("016").goldstein_gdelt == -2.0
    assert onto.get("1213").goldstein_gdelt is None


def test_normalisation_and_root(onto: Ontology) -> None:
    assert onto.get(42).code == "042"
    assert onto.get("42").code == "042"
    assert onto.get(" 0231 ").code == "0231"
    assert onto.get(4).code == "04"
    assert onto.get("10").code == "10"
    assert onto.root("042") == "04"
    assert onto.root("1041") == "10"
    assert onto.root(190) == "19"
    assert onto.children("04") == ("040", "041", "042", "043", "044", "045", "046")


def test_unknown_code_is_a_key_error_and_an_accord_error(onto: Ontology) -> None:
    with pytest.raises(KeyError):
        onto.get("999")
    with pytest.raises(AccordError) as info:
        onto.get("0")
    assert isinstance(info.value, UnknownCode)
    assert info.value.code == "unknown_code"
    assert "999" not in onto
    assert None not in onto


def test_plover_for_falls_back_to_the_parent(onto: Ontology) -> None:
    assert onto.plover_for("042") == PloverMapping("CONSULT", "visit", None)
    # '0215' is not a CAMEO code: its parent 021 answers
    assert onto.plover_for("0215") == onto.plover_for("021")
    assert onto.plover_for("0215") == PloverMapping("REQUEST", "assist", None)
    assert onto.plover_for("010") is None
    with pytest.raises(UnknownCode):
        onto.plover_for("99")


def test_records_and_table_are_immutable(onto: Ontology) -> None:
    entry = onto.get("042")
    assert isinstance(entry, CameoCode)
    with pytest.raises(dataclasses.FrozenInstanceError):
        entry.name = "x"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        onto._table = {}  # type: ignore[misc]


def test_from_text_rejects_a_bad_table() -> None:
    with pytest.raises(AccordError):
        Ontology.from_text("code,name\n01,x\n")
