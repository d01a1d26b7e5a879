"""Verb pattern files: accord's own (data/verbs/accord_verbs.tsv) and users' (--verbs)."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from accord.coding.ontology import Ontology
from accord.coding.verb_files import apply_entries, parse_verb_file
from accord.coding.verbs import ACCORD_VERBS, FRAME_TABLES, PACKAGED, VerbDictionary
from accord.errors import UsageError
from tests.unit.parsing import parsed

_FOLDER = resources.files("accord.data.verbs")


def _converted() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        _FOLDER.joinpath("cameo_verbs.json").read_text(encoding="utf-8")
    )
    return data


def _zorble(verb: str = "zorbled", lemma: str = "zorble") -> Any:
    """'Freedonia zorbled Sylvania.'"""
    return parsed(
        [
            ("Freedonia", "Freedonia", "PROPN", "nsubj", 1),
            (verb, lemma, "VERB", "ROOT", 1),
            ("Sylvania", "Sylvania", "PROPN", "dobj", 1),
            (".", ".", "PUNCT", "punct", 1),
        ]
    )


def test_the_converted_dictionary_is_cameo_2_0_alone() -> None:
    data = _converted()
    assert data["version"] == "cameo-2.0" and "frames" not in data
    assert not any(v.get("added") for b in data["blocks"] for v in b["verbs"])
    assert not any(p["line"] < 0 for b in data["blocks"] for p in b["patterns"])


def test_accords_verb_file_gives_a_reason_for_every_line_and_names_known_blocks() -> None:
    text = _FOLDER.joinpath(ACCORD_VERBS).read_text(encoding="utf-8")
    assert "\n# source:" in text
    entries = parse_verb_file(text, ACCORD_VERBS)
    assert len(entries) > 200
    blocks = {b["name"] for b in _converted()["blocks"]}
    for e in entries:
        assert e.why, f"line {e.line}: no reason"
        assert e.block in blocks, f"line {e.line}: no block {e.block}"
    codes = Ontology.load()
    assert all(c in codes for e in entries for c in (e.code, e.code2) if c is not None)


@pytest.mark.parametrize("name", [n for n in PACKAGED if n.endswith(".tsv")])
def test_every_verb_table_names_its_source(name: str) -> None:
    header = _FOLDER.joinpath(name).read_text(encoding="utf-8").splitlines()
    header = header[: next(i for i, ln in enumerate(header) if not ln.startswith("#"))]
    assert len(header) >= 2 and any(ln.startswith("# source:") for ln in header), name


def test_accords_entries_are_in_the_loaded_dictionary() -> None:
    verbs = VerbDictionary.load()
    assert {f.code for f in verbs.forms_for("urge") if f.block == "APPEAL"} == {"020"}
    assert {f.code for f in verbs.forms_for("demobilize")} == {"0873"}
    assert all(f.no_code for f in verbs.forms_for("go") if f.words in (("go",), ("go", "away")))
    assert {f.code for f in verbs.forms_for("sue") if f.block == "SUE"} == {"115"}
    assert all(f.code == "120" for f in verbs.forms_for("reject") if f.block == "REFUSE")
    assert verbs.frames.lemmas["urge"] == "appeal" and "want" in verbs.frames.object_appeal


def test_an_entry_sets_every_form_or_pattern_written_so_or_adds_one() -> None:
    data: dict[str, Any] = {
        "synsets": {"FOOD": [["food"]]},
        "blocks": [
            {
                "name": "GIVE",
                "code": "070",
                "code2": None,
                "verbs": [{"words": ["give"], "code": None, "code2": None, "no_code": False}],
                "patterns": [
                    {"pre": [], "post": ["AID"], "code": "070", "code2": None, "verbs": ["give"]},
                ],
            }
        ],
    }
    text = (
        "GIVE\tgive\t---\tonly patterns\n"
        "GIVE\tgive: * AID\t071\tset\n"
        "GIVE\t* &FOOD\t073\tadded\n"
        "GIVE\thand out\t.\tadded, the block's code\n"
        "GIVE\t=\t072\tthe block's default\n"
        "NEWBLOCK\tzorble\t042:042\ta new block\n"
    )
    assert apply_entries(data, parse_verb_file(text, "t.tsv"), numbered=5) == 7
    give, new = data["blocks"]
    assert give["code"] == "072"
    assert give["verbs"] == [
        {"words": ["give"], "code": None, "code2": None, "no_code": True},
        {"words": ["hand", "out"], "code": None, "code2": None, "no_code": False},
    ]
    assert [(p["post"], p["code"], p["verbs"], p.get("line")) for p in give["patterns"]] == [
        (["AID"], "071", ["give"], None),
        (["&FOOD"], "073", [], -7),
    ]
    assert new["name"] == "NEWBLOCK" and new["verbs"][0]["code2"] == "042"


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("APPEAL urge 020", "got 1 column"),
        ("appeal\turge\t020", "bad block name"),
        ("APPEAL\turge\t42x", "bad code"),
        ("APPEAL\t* ( TO\t020", "unclosed"),
        ("APPEAL\t* * TALKS\t020", "exactly one '*'"),
        ("APPEAL\t*\t020", "needs words"),
        ("APPEAL\t* TALKS\t.", "for verb forms"),
        ("APPEAL\tcall (on)\t020", "needs '*'"),
        ("APPEAL\t: * TALKS\t020", "no verb before"),
        ("APPEAL\t=\t.", "default code"),
    ],
)
def test_a_malformed_line_names_its_line(line: str, reason: str) -> None:
    with pytest.raises(UsageError) as err:
        parse_verb_file(f"# a comment\n\n{line}\n", "mine.tsv")
    assert err.value.origin == "mine.tsv"
    assert str(err.value).startswith("mine.tsv: line 3: ") and reason in str(err.value)


def test_a_user_file_adds_a_verb_after_accords_and_enters_the_version(tmp_path: Path) -> None:
    packaged = VerbDictionary.load()
    assert packaged.match(_zorble().tokens, 1) is None
    mine = tmp_path / "mine.tsv"
    mine.write_text("# my verbs\nZORBLE\tzorble\t042\ta made-up visit\n", encoding="utf-8")
    verbs = VerbDictionary.load([mine], codes=Ontology.load())
    m = verbs.match(_zorble().tokens, 1)
    assert m is not None and m.code == "042" and m.rule == "verb:ZORBLE:zorble"
    assert verbs.version.startswith(packaged.version + "+user.")
    mine.write_text("ZORBLE\tzorble\t043\ta made-up visit\n", encoding="utf-8")
    again = VerbDictionary.load([mine])
    assert again.version != verbs.version
    assert again.match(_zorble().tokens, 1).code == "043"  # type: ignore[union-attr]


def test_a_later_file_wins(tmp_path: Path) -> None:
    first, second = tmp_path / "a.tsv", tmp_path / "b.tsv"
    first.write_text("ZORBLE\tzorble\t042\n", encoding="utf-8")
    second.write_text("ZORBLE\tzorble\t043\n", encoding="utf-8")
    m = VerbDictionary.load([first, second]).match(_zorble().tokens, 1)
    assert m is not None and m.code == "043"
    # and a user file can change accord's own: 'demobilized' is no event for this user
    third = tmp_path / "c.tsv"
    third.write_text("RETREAT\tdemobilize\t---\tnot an event here\n", encoding="utf-8")
    m = VerbDictionary.load([third]).match(_zorble("demobilized", "demobilize").tokens, 1)
    assert m is None


def test_a_user_pattern_is_numbered_after_accords(tmp_path: Path) -> None:
    mine = tmp_path / "mine.tsv"
    mine.write_text("ZORBLE\tzorble\t---\nZORBLE\t* SYLVANIA\t043\n", encoding="utf-8")
    m = VerbDictionary.load([mine]).match(_zorble().tokens, 1)
    ours = parse_verb_file(_FOLDER.joinpath(ACCORD_VERBS).read_text("utf-8"), ACCORD_VERBS)
    number = sum(1 for e in ours if e.kind == "pattern") + 1
    assert m is not None and m.code == "043"
    assert m.rule == f"pattern:ZORBLE:-{number}:* SYLVANIA"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("ZORBLE\t* &NOSUCHSET\t042\n", "line 1: no synonym set '&NOSUCHSET' in the dictionary"),
        ("ZORBLE\tzorble\t042\nZORBLE\tzorble\t999\n", "line 2: unknown CAMEO code '999'"),
    ],
)
def test_a_user_file_naming_what_does_not_exist_is_refused(
    tmp_path: Path, text: str, reason: str
) -> None:
    mine = tmp_path / "mine.tsv"
    mine.write_text(text, encoding="utf-8")
    with pytest.raises(UsageError) as err:
        VerbDictionary.load([mine], codes=Ontology.load())
    assert str(err.value) == f"{mine}: {reason}"


def test_an_unreadable_user_file_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="cannot read verb file"):
        VerbDictionary.load([tmp_path / "missing.tsv"])


def test_the_version_digests_every_packaged_file() -> None:
    assert set(FRAME_TABLES) <= set(PACKAGED)
    assert VerbDictionary.load().version.startswith("cameo-2.0+accord.")


def test_the_readme_example_file_loads(tmp_path: Path) -> None:
    readme = Path(__file__).resolve().parents[2].joinpath("README.md").read_text("utf-8")
    start = readme.index("# my verbs\n")
    example = tmp_path / "readme.tsv"
    example.write_text(readme[start : readme.index("```", start)], encoding="utf-8")
    assert len(parse_verb_file(example.read_text("utf-8"), str(example))) == 3
    verbs = VerbDictionary.load([example], codes=Ontology.load())
    m = verbs.match(_zorble().tokens, 1)
    assert m is not None and m.code == "042"
    assert all(f.no_code for f in verbs.forms_for("demobilize"))
