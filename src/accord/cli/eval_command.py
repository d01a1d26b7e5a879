"""``accord rules`` (the coder's rules, in the order they run) and ``accord eval`` (the
coder scored on gold sets and news corpora). :mod:`accord.cli.main` adds them to the
``accord`` group."""

from __future__ import annotations

import json
from pathlib import Path

import click

from accord.cli.options import _DICTIONARIES_HELP, _settings

EXIT_FLOORS = 6


@click.command(name="rules")
def rules_cmd() -> None:
    """List the coder's rules in the order they run: name, trigger kinds, the candidate
    fields each reads and writes, and what it does (``accord explain`` shows which rule
    changed or dropped each candidate)."""
    from accord.coding.rules import describe
    from accord.coding.ruleset import RULES, TARGET_RULES

    click.echo("Candidate rules (each candidate trigger, in this order):")
    click.echo(describe(RULES))
    click.echo("\nTarget rules (a source left without a target, once the sentence is coded):")
    click.echo(describe(TARGET_RULES))


@click.command(name="eval")
@click.argument("gold", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("-v", "--verbose", is_flag=True, help="List misses and false alarms.")
@click.option(
    "--json",
    "as_json",
    type=click.Path(dir_okay=False),
    help="Also write the scores as JSON to this file.",
)
@click.option(
    "--floors",
    type=click.Path(exists=True, dir_okay=False),
    help="JSON file of minimum scores, or a gate file with 'floors' and 'ceilings' "
    "(maximum false-event rates), such as tests/eval/floors.json; exit 6 if any is not met.",
)
@click.option(
    "--half",
    type=click.Choice(["tune", "check"]),
    help="Score only this half of every set (check when sha256 of the record or document "
    "id is odd). Tune on one half, report the other.",
)
@click.option(
    "--corpus",
    type=click.Path(exists=True, dir_okay=False),
    help="The corpus of a document-level gold file (default: "
    "../../corpus/wikinews/wikinews_2019_2020.jsonl from the gold file).",
)
@click.option(
    "--events",
    "events_file",
    type=click.Path(exists=True, dir_okay=False),
    help="Score the events of this 'accord code' JSON-lines file instead of coding "
    "(every event in it counts, as the reference scorer counts them).",
)
@click.option(
    "--categories",
    default=",".join(("sport", "entertainment", "tech")),
    show_default=True,
    help="For a news corpus: its categories with no politics; every event printed for "
    "their articles is a false event.",
)
@click.option(
    "--no-exclusions",
    is_flag=True,
    help="Also score the gold records the project marks as not evaluated "
    "(accord/data/evaluation/not_evaluated.jsonl).",
)
@click.option("--all-modes", is_flag=True, help="Score non-asserted events too.")
@click.option(
    "--dictionaries", type=click.Path(exists=True, file_okay=False), help=_DICTIONARIES_HELP
)
def eval_cmd(
    gold: tuple[str, ...],
    verbose: bool,
    as_json: str | None,
    floors: str | None,
    half: str | None,
    corpus: str | None,
    events_file: str | None,
    categories: str,
    no_exclusions: bool,
    all_modes: bool,
    dictionaries: str | None,
) -> None:
    """Score the coder on gold JSONL sets (../shared/gold format) and news corpora.

    GOLD files are recognised by their shape: sentence-level gold, actor-resolution
    cases, document-level gold (gold/documents: its corpus is coded article by article),
    or a news corpus (its sport, entertainment and tech articles are scored for false
    events). PETRARCH's mechanics sets go with their own test dictionaries: pass their
    folder with --dictionaries (e.g. ../shared/resources/petrarch2_validation_dictionaries).
    """
    from accord.api import evaluate_files

    results, text = evaluate_files(
        [Path(g) for g in gold],
        _settings(None, all_modes),
        verbose=verbose,
        dictionaries=Path(dictionaries) if dictionaries else None,
        half=half,
        corpus=Path(corpus) if corpus else None,
        events=Path(events_file) if events_file else None,
        categories=[c.strip() for c in categories.split(",") if c.strip()],
        exclusions=not no_exclusions,
    )
    click.echo(text)
    if as_json:
        Path(as_json).write_text(
            json.dumps(results, indent=2, sort_keys=True) + "\n", encoding="utf-8"
        )
    if floors:
        from accord.evaluation import check_gate

        wanted = json.loads(Path(floors).read_text(encoding="utf-8"))
        problems = check_gate(results, wanted)
        for p in problems:
            click.echo(f"accord: below floor or above ceiling: {p}", err=True)
        if problems:
            raise SystemExit(EXIT_FLOORS)
