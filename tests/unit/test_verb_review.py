"""accord's review of the verb dictionary's defaults (data/verbs/defaults_review.tsv)."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from accord.coding.verb_files import apply_entries, parse_verb_file
from accord.coding.verbs import ACCORD_VERBS, DEFAULTS_REVIEW, DefaultsReview, VerbDictionary


def _data() -> tuple[dict[str, object], str]:
    """The dictionary the review applies to (CAMEO.2.0 with accord's verb file applied)."""
    folder = resources.files("accord.data.verbs")
    raw = json.loads(folder.joinpath("cameo_verbs.json").read_text(encoding="utf-8"))
    ours = folder.joinpath(ACCORD_VERBS).read_text(encoding="utf-8")
    apply_entries(raw, parse_verb_file(ours, ACCORD_VERBS))
    return raw, folder.joinpath(DEFAULTS_REVIEW).read_text(encoding="utf-8")


def test_every_reviewed_entry_names_a_block_and_form_or_pattern_of_the_dictionary() -> None:
    raw, text = _data()
    blocks = {b["name"]: b for b in raw["blocks"]}  # type: ignore[index, union-attr]
    review = DefaultsReview.parse(text)
    for table in (review.pattern_only, review.actor_target):
        for block, forms in table.items():
            assert block in blocks, block
            known = {" ".join(v["words"]).lower() for v in blocks[block]["verbs"]}
            assert forms <= known | {"*"}, (block, forms - known)
    for block, patterns in review.no_event.items():
        known = {" ".join([*p["pre"], "*", *p["post"]]).upper() for p in blocks[block]["patterns"]}
        assert patterns <= known, (block, patterns - known)


def test_every_review_line_gives_a_reason_and_the_file_names_its_source() -> None:
    _, text = _data()
    assert "source:" in text
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            assert len(line.split("\t")) == 4 and line.split("\t")[3].strip(), line


def test_the_loaded_dictionary_applies_the_review() -> None:
    verbs = VerbDictionary.load()
    assert all(f.no_code for f in verbs.forms_for("die"))
    assert any(f.needs_actor_target for f in verbs.forms_for("release"))
    assert not any(f.no_code for f in verbs.forms_for("kill"))


@pytest.mark.parametrize(
    "line",
    ["DIE\t*\tbogus\twhy", "DISCOVER\t* DEAD\tpattern\twhy", "DIE\tdie\tnone\twhy"],
)
def test_a_malformed_review_line_is_refused(line: str) -> None:
    with pytest.raises(ValueError):
        DefaultsReview.parse(line)
