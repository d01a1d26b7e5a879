"""The public API is exactly what __all__ says, and the layers import one way."""

from __future__ import annotations

import ast
from pathlib import Path

import accord

SRC = Path(accord.__file__).parent

EXPECTED = {
    "AccordError", "Actor", "Coder", "DocResult", "Document", "Event", "EventQuery",
    "Evidence", "Failure", "IngestReport", "Mode", "Place", "Settings", "__version__",
    "code_text", "evaluate_files", "parse_date", "query_events",
    "FoldedEvent", "fold_events", "rebuild_clusters", "open", "StoreReader",
}  # fmt: skip


def test_all_is_exactly_the_public_api() -> None:
    assert set(accord.__all__) == EXPECTED
    for name in accord.__all__:
        assert hasattr(accord, name), name


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            out.add(node.module)
    return out


def test_spacy_is_imported_only_in_the_nlp_layer() -> None:
    for path in SRC.rglob("*.py"):
        if "spacy" in {m.split(".")[0] for m in _imports(path)}:
            assert path.parent.name == "nlp", path


def test_lower_layers_never_import_higher_ones() -> None:
    order = ["ingest", "text", "nlp", "coding", "store", "analysis"]
    for i, layer in enumerate(order):
        higher = {f"accord.{h}" for h in order[i + 1 :]} | {"accord.cli", "accord.api"}
        for path in (SRC / layer).rglob("*.py"):
            for module in _imports(path):
                assert not any(module == h or module.startswith(h + ".") for h in higher), (
                    f"{path.relative_to(SRC)} imports {module}"
                )


def test_pyspark_is_imported_only_by_the_spark_engine() -> None:
    for path in SRC.rglob("*.py"):
        if {"pyspark", "py4j"} & {m.split(".")[0] for m in _imports(path)}:
            assert path.relative_to(SRC).as_posix() == "engine/spark.py", path


def test_the_coder_version_follows_the_packaged_code_and_data(tmp_path: Path) -> None:
    from accord.pipeline import tree_digest

    for name in ("pipeline.py", "model.py", "config.py"):
        (tmp_path / name).write_text("x = 1\n", encoding="utf-8")
    (tmp_path / "coding").mkdir()
    rule = tmp_path / "coding" / "ruleset.py"
    rule.write_text("RULES = ()\n", encoding="utf-8")
    (tmp_path / "data").mkdir()
    words = tmp_path / "data" / "words.txt"
    words.write_text("a\n", encoding="utf-8")
    (tmp_path / "cli").mkdir()
    printing = tmp_path / "cli" / "main.py"
    printing.write_text("print()\n", encoding="utf-8")
    first = tree_digest(tmp_path)
    printing.write_text("print('x')\n", encoding="utf-8")
    assert tree_digest(tmp_path) == first  # the CLI does not decide events
    rule.write_text("RULES = (1,)\n", encoding="utf-8")
    second = tree_digest(tmp_path)
    assert second != first
    words.write_text("b\n", encoding="utf-8")
    assert tree_digest(tmp_path) not in (first, second)
