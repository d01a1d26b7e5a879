"""PETRARCH dictionary readers (accord.coding.petrarch_format) and the dictionary-folder
loader (accord.coding.petrarch_dicts), on small inline dictionary snippets."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from accord.coding.kb import ActorKB, tokenize
from accord.coding.ontology import Ontology
from accord.coding.petrarch_dicts import LenientOntology, find_files, load_folder
from accord.coding.petrarch_format import (
    clean_name,
    code_pair,
    convert_verbs,
    parse_actor_file,
    parse_agents,
    parse_code,
    pattern_tokens,
    phoenix_date,
)
from accord.coding.verbs import VerbDictionary
from accord.errors import UsageError

CAMEO_STYLE = """####### SYNONYM SETS #######
&CURRENCY
+DOLLARS
+SWISS FRANCS

####### VERB PATTERNS #######
--- ABANDON  [345]  ---
ABANDON    # comment
+GIVE_UP {+GAVE_UP} [346]
- * &CURRENCY  [070]  # ABANDON
- * ( TO &CURRENCY ) [---]
- *_LAWS [---]
--- DELAY [120]  [031:031]  ---
DELAY
######## TRANSFORMATIONS ##########
- ignored * [999]
"""

OLD_STYLE = """<!-- VALIDATION VERBS -->
&TIETYPES
+MILITARY
+ECONOMIC

--- ABANDON  [345]  ---
ABANDON
- * NEW_&TIETYPES_RELATIONS [903]
- IN_* [075A]
- SUGGESTED_+ * DEMAND [111]

&ACCORDSYN  # a set of sets
+&TIETYPES
+CLOSER

--- LASH OUT  [122] ---
LASH OUT
- INCHING &ACCORDSYN * [083]
<!-- a comment between blocks -->
--- BREAK [1717] ---
BREAK { BROKE BROKEN }
- * ARTILLERY [def]
"""


def _block(data: dict[str, Any], name: str) -> dict[str, Any]:
    blocks = data["blocks"]
    assert isinstance(blocks, list)
    return next(b for b in blocks if b["name"] == name)


def test_code_pair() -> None:
    assert code_pair("040:040") == ("040", "040")
    assert code_pair("---") == (None, None)
    assert code_pair(" 1717 ") == ("1717", None)


def test_cameo_layout_synsets_forms_patterns() -> None:
    data = convert_verbs(CAMEO_STYLE, version="v", source="s")
    assert data["version"] == "v" and data["source"] == "s"
    assert data["synsets"] == {"CURRENCY": [["dollars"], ["swiss", "francs"]]}
    abandon = _block(data, "ABANDON")
    assert abandon["code"] == "345"
    assert [v["words"] for v in abandon["verbs"]] == [["abandon"], ["give", "up"]]
    assert abandon["verbs"][1]["code"] == "346"
    texts = [(p["pre"], p["post"], p["code"]) for p in abandon["patterns"]]
    assert texts == [
        ([], ["&CURRENCY"], "070"),
        ([], ["(", "TO", "&CURRENCY", ")"], None),
    ]  # '*_LAWS' is kept joined (and dropped) in the CAMEO build, as it always was
    assert abandon["patterns"][0]["verbs"] == ["abandon"]
    delay = _block(data, "DELAY")
    assert (delay["code"], delay["code2"]) == ("120", None)
    assert not any(b["name"] == "ignored" for b in data["blocks"])


def test_old_layout_synsets_between_blocks_and_joined_markers() -> None:
    data = convert_verbs(OLD_STYLE, version="v", source="s", split_connected=True)
    synsets = data["synsets"]
    assert synsets["TIETYPES"] == [["military"], ["economic"]]
    # a set inside a set is expanded
    assert synsets["ACCORDSYN"] == [["military"], ["economic"], ["closer"]]
    abandon = _block(data, "ABANDON")
    posts = {p["code"]: (p["pre"], p["post"]) for p in abandon["patterns"]}
    assert posts["903"] == ([], ["{", "NEW", "&TIETYPES", "RELATIONS", "}"])
    assert posts["075A"] == (["IN"], [])
    assert posts["111"] == (["SUGGESTED", "+"], ["DEMAND"])
    # multi-word block names; synset lines are no verb forms; comments are skipped
    lash = _block(data, "LASH OUT")
    assert lash["code"] == "122" and [v["words"] for v in lash["verbs"]] == [["lash", "out"]]
    assert [v["words"] for v in abandon["verbs"]] == [["abandon"]]
    brk = _block(data, "BREAK")
    assert brk["code"] == "1717" and brk["patterns"][0]["code"] == "def"
    assert [v["words"] for v in brk["verbs"]] == [["break"]]


def test_old_layout_compiles_and_matches_synset_phrases() -> None:
    verbs = VerbDictionary.from_json(
        convert_verbs(OLD_STYLE, version="v", source="s", split_connected=True)
    )
    assert verbs.has_verb("abandon") and verbs.has_verb("lash") and verbs.has_verb("break")


def test_pattern_tokens() -> None:
    assert pattern_tokens(" * {AIR_STRIKE} (IN CITY)") == [
        "*", "{", "AIR_STRIKE", "}", "(", "IN", "CITY", ")",
    ]  # fmt: skip
    assert pattern_tokens("IN_*") == ["IN_*"]
    assert pattern_tokens("IN_AND_*_OUT", split_connected=True) == ["IN_AND", "*", "OUT"]


def test_phoenix_dates_and_codes() -> None:
    assert phoenix_date("950601") == dt.date(1995, 6, 1)
    assert phoenix_date("130119") == dt.date(2013, 1, 19)
    assert phoenix_date("20100109") == dt.date(2010, 1, 9)
    assert phoenix_date("99") is None
    code = parse_code("HOBGOV 19950601 - 19990815")
    assert code is not None and code.code == "HOBGOV"
    assert (code.start, code.end) == (dt.date(1995, 6, 1), dt.date(1999, 8, 15))
    later = parse_code("HOBREB > 990816")
    assert later is not None and later.open_end and later.end is None
    assert parse_code("ELR/GAL") is None


ACTORS = """<!-- comment line -->
AUSTRALIA [AUS]
+AUSTRALIAN

GOLLUM  # pas
+SMEAGOL
	[HOB < 950601]
	[HOBGOV 19950601 - 19990815]
ENT
	[ENT]
LORIEN  [ELR/GAL]
"""


def test_actor_file_entries() -> None:
    entries = parse_actor_file(ACTORS, "test")
    assert [e.names for e in entries] == [
        ("AUSTRALIA", "+AUSTRALIAN"),
        ("GOLLUM", "+SMEAGOL"),
        ("ENT",),
    ]
    assert [c.code for c in entries[1].codes] == ["HOB", "HOBGOV"]
    assert clean_name("+MINAS_TIRITH") == ["MINAS TIRITH"]
    assert clean_name("EUROPEAN_UNION_(EU)") == ["EUROPEAN UNION", "EU"]


def test_agents_with_substitutions_and_plurals() -> None:
    text = (
        "!PERSON! = MAN, WOMAN\n"
        "CONGRESS!PERSON! [~LEG]\n"
        "ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]\n"
        "HUMAN_RIGHTS_BODY  [NGO~]\n"
        "GOLDEN_GOOSE [~GGS]\n"
    )
    assert list(parse_agents(text)) == [
        (["congressman", "congresswoman"], "LEG"),
        (["attorney general", "attorneys general"], "GOV"),
    ]


FOLDER_VERBS = """--- DEPART [032]  ---
DEPART
--- AGREE  [081] ---
AGREE
- % * [030:030]
"""
FOLDER_ACTORS = """KUWAIT [KUW]
THE_KU [USAEDU]
+K.U.
UNITED_STATES [USA]
+U.S.
AL-QAEDA [IMGMOSALQ]
SAM_GAMGEE [HOB]
	[HOBMIL 20080120-20121109]
	[ORCHOB 20100109-20100112]
"""
FOLDER_AGENTS = "GOVERNMENT  [~GOV]\nSTUDENT  [~EDU]\n"


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    (tmp_path / "X.verbs.txt").write_text(FOLDER_VERBS, encoding="utf-8")
    (tmp_path / "X.actors.txt").write_text(FOLDER_ACTORS, encoding="utf-8")
    (tmp_path / "X.agents.txt").write_text(FOLDER_AGENTS, encoding="utf-8")
    (tmp_path / "X.discards.txt").write_text("BASEBALL\n", encoding="utf-8")
    return tmp_path


def _codes(kb: ActorKB, text: str, date: dt.date | None = None) -> list[str]:
    """The codes of the knowledge-base names in ``text``, left to right."""
    found = kb.matches(tokenize(text), date or dt.date(1995, 1, 1))
    return [m.entry.code for _, m in found]


def test_folder_knowledge_base_keeps_codes_as_written(folder: Path) -> None:
    loaded = load_folder(folder)
    kb = loaded.kb
    assert _codes(kb, "Kuwait") == ["KUW"]
    assert _codes(kb, "the Kuwait government") == ["KUW", "---GOV"]
    assert _codes(kb, "Al-Qaeda") == ["IMGMOSALQ"]
    assert _codes(kb, "The KU") == ["USAEDU"] and _codes(kb, "K.U.") == ["USAEDU"]
    assert _codes(kb, "students") == ["---EDU"]
    assert _codes(kb, "the packaged knowledge base is not underneath: France") == []
    # date-restricted codes: the later appointment inside the longer span wins
    assert _codes(kb, "Sam Gamgee", dt.date(2009, 1, 1)) == ["HOBMIL"]
    assert _codes(kb, "Sam Gamgee", dt.date(2010, 1, 10)) == ["ORCHOB"]
    assert loaded.verbs.has_verb("depart") and not loaded.verbs.has_verb("arrest")
    assert loaded.version.startswith("dictionaries ")


def test_folder_file_discovery_errors(tmp_path: Path) -> None:
    with pytest.raises(UsageError):
        find_files(tmp_path / "missing")
    (tmp_path / "a.verbs.txt").write_text("", encoding="utf-8")
    with pytest.raises(UsageError, match="actors"):
        find_files(tmp_path)


def test_lenient_ontology_answers_for_test_codes() -> None:
    onto = LenientOntology(Ontology.load())
    assert onto.get("042").name == Ontology.load().get("042").name
    placeholder = onto.get("1717")
    assert placeholder.plover is None and placeholder.goldstein == 0.0
    assert onto.get("def").quad_class == 0
