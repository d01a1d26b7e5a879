"""The ``accord`` command. Each command parses arguments, builds Settings, calls the library.

Exit codes (stable, documented in README):
  0  success (some inputs may have been recorded as failures; they are listed on stderr)
  1  unexpected internal error
  2  usage error (bad arguments or options)
  3  input error (no input could be read at all)
  4  resource error (model or packaged data missing)
  5  store error (database cannot be opened or written)
  6  evaluation below its score floors
"""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Callable, Iterable, Sequence
from itertools import islice
from pathlib import Path
from typing import Any, TypeVar

import click

from accord._version import __version__
from accord.cli import analysis_commands, eval_command, export_command, serve_command
from accord.cli.eval_command import EXIT_FLOORS as EXIT_FLOORS
from accord.cli.eval_command import eval_cmd as eval_cmd
from accord.cli.eval_command import rules_cmd as rules_cmd
from accord.cli.options import (
    _DICTIONARIES_HELP,
    _settings,
    check_engine,
    common_coding,
    engine_options,
    no_prefilter_option,
    run_options,
    verbs_option,
)
from accord.cli.reporting import _is_skip, _more_counts, _report_failure, _report_warning
from accord.cli.store_commands import DEFAULT_DB, dedup, echo_clusters, events
from accord.config import Settings
from accord.errors import AccordError, UsageError
from accord.formats import STREAM_FORMATS, WRITERS
from accord.model import DocResult, Failure
from accord.safe_output import terminal_text

F = TypeVar("F", bound=Callable[..., Any])

EXIT_INPUT = 3


def _coder(
    settings: Settings,
    actors: Sequence[str],
    dictionaries: str | None = None,
    workers: int = 1,
    verbs: Sequence[str] = (),
) -> Any:
    from accord.api import Coder

    folder = Path(dictionaries) if dictionaries else None
    return Coder.load(
        settings,
        actor_files=[Path(a) for a in actors],
        dictionaries=folder,
        workers=workers,
        verb_files=[Path(v) for v in verbs],
    )


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="accord")
def cli() -> None:
    """accord: who did what to whom, when and where, coded from news text."""


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@common_coding
@run_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(STREAM_FORMATS),
    default="json",
    show_default=True,
    help="Output shape: "
    + "; ".join(f"{n}: {WRITERS[n].help}" for n in STREAM_FORMATS)
    + " (docs/codebook.md).",
)
@no_prefilter_option
@engine_options
@click.option(
    "--parquet",
    metavar="DIR",
    type=click.Path(file_okay=False),
    help="With --engine spark: write events (partitioned by event date), documents and "
    "failures as Parquet under DIR (replaced) instead of printing them.",
)
def code(
    inputs: tuple[str, ...],
    date: str | None,
    all_modes: bool,
    actors: tuple[str, ...],
    verbs: tuple[str, ...],
    statements: bool,
    min_confidence: float,
    workers: int,
    limit: int | None,
    progress: bool | None,
    document_timeout: float,
    fmt: str,
    no_prefilter: bool,
    engine: str,
    master: str | None,
    parquet: str | None,
) -> None:
    """Code INPUTS (files, folders, .jsonl, .gz, '-' for stdin) and print events to stdout."""
    from accord.cli.progress import count_documents, reporter, wanted
    from accord.formats import document_ref, write_events

    check_engine(engine, master, parquet=parquet)
    settings = _settings(
        date,
        all_modes,
        no_prefilter,
        statements=statements,
        min_confidence=min_confidence,
        document_timeout=document_timeout,
    )
    if parquet:
        _code_to_parquet(inputs, settings, actors, master or _spark_master(workers), parquet, verbs)
        return
    results: Iterable[DocResult | Failure]
    if engine == "spark":
        from accord.api import code_inputs_spark

        results = islice(
            code_inputs_spark(
                list(inputs),
                settings,
                actor_files=[Path(a) for a in actors],
                master=master or _spark_master(workers),
                stdin=sys.stdin.buffer,
                verb_files=[Path(v) for v in verbs],
            ),
            limit,
        )
    else:
        coder = _coder(settings, actors, workers=workers, verbs=verbs)
        results = coder.code_inputs(list(inputs), stdin=sys.stdin.buffer, limit=limit)
    out = sys.stdout
    docs = failures = events = undated = warned = 0
    skips: list[Failure] = []
    header_done = False
    show = wanted(progress)
    total = count_documents(inputs, limit) if show else None
    with reporter(show, "coding", total) as bar:
        for item in results:
            if isinstance(item, Failure):
                skip = _is_skip(item)
                if skip:
                    skips.append(item)
                failures += not skip
                bar.advance(1, int(not skip))
                _report_failure(item, bar.echo_err)
                continue
            assert isinstance(item, DocResult)
            for w in item.doc.warnings:
                warned += 1
                _report_warning(w, bar.echo_err)
            for f in item.failures:
                failures += 1
                _report_failure(f, bar.echo_err)
            bar.advance(1, int(bool(item.failures)))
            if item.failures:
                continue
            docs += 1
            events += len(item.events)
            undated += sum(1 for e in item.events if e.date is None)
            ref = {item.doc.id: document_ref(item.doc)}
            write_events(item.events, out, fmt, docs=ref, header=not header_done)
            header_done = True
            out.flush()
    click.echo(
        f"accord: {docs} documents coded, {events} events ({undated} undated: their "
        f"documents carry no date), {failures} failures{_more_counts(skips, warned)}",
        err=True,
    )
    if docs == 0 and failures:
        raise SystemExit(EXIT_INPUT)


def _spark_master(workers: int) -> str | None:
    """``local[N]`` for ``--workers N`` (N > 1); None keeps the engine's default."""
    return f"local[{workers}]" if workers > 1 else None


def _code_to_parquet(
    inputs: tuple[str, ...],
    settings: Settings,
    actors: tuple[str, ...],
    master: str | None,
    out_dir: str,
    verbs: tuple[str, ...] = (),
) -> None:
    from accord.api import code_inputs_to_parquet

    report = code_inputs_to_parquet(
        list(inputs),
        out_dir,
        settings,
        actor_files=[Path(a) for a in actors],
        master=master,
        stdin=sys.stdin.buffer,
        verb_files=[Path(v) for v in verbs],
    )
    for f in report.failures:
        _report_failure(f)
    click.echo(
        f"{out_dir}: {report.documents} documents, {report.events} events, "
        f"{len(report.failures)} failures written as Parquet",
        err=True,
    )
    if report.documents == 0 and report.failures:
        raise SystemExit(EXIT_INPUT)


@cli.command()
@click.argument("inputs", nargs=-1)
@click.option(
    "--db",
    default=DEFAULT_DB,
    show_default=True,
    type=click.Path(dir_okay=False),
    help="DuckDB file to write.",
)
@common_coding
@click.option(
    "--dedup",
    type=click.Choice(["none", "exact", "near"]),
    default="none",
    show_default=True,
    help="Afterwards regroup the store's documents into duplicate clusters "
    "(for 'accord events --fold clustered'): exact copies, or near copies too.",
)
@click.option(
    "--near-threshold",
    type=click.FloatRange(0.0, 1.0, min_open=True),
    default=0.8,
    show_default=True,
    help="Estimated Jaccard similarity (word 5-grams) at which --dedup near links documents.",
)
@no_prefilter_option
@engine_options
@click.option(
    "--from-parquet",
    "from_parquet",
    metavar="DIR",
    type=click.Path(exists=True, file_okay=False),
    help="Import a Parquet export (accord code --engine spark --parquet DIR) instead of "
    "coding INPUTS; importing it again adds nothing.",
)
@run_options
@click.option(
    "--commit-every",
    type=click.IntRange(min=1),
    default=64,
    show_default=True,
    help="Documents per transaction: at most these are coded again after an interruption.",
)
def ingest(
    inputs: tuple[str, ...],
    db: str,
    date: str | None,
    all_modes: bool,
    actors: tuple[str, ...],
    verbs: tuple[str, ...],
    statements: bool,
    min_confidence: float,
    dedup: str,
    near_threshold: float,
    no_prefilter: bool,
    engine: str,
    master: str | None,
    from_parquet: str | None,
    workers: int,
    limit: int | None,
    progress: bool | None,
    document_timeout: float,
    commit_every: int,
) -> None:
    """Code INPUTS into the event store. Re-running adds nothing; changed documents are replaced.

    Each batch of documents is committed in one transaction: an interrupted run (even
    killed) keeps what it committed, and running it again resumes where it stopped.
    """
    from accord.cli.progress import count_documents, reporter, wanted

    check_engine(engine, master)
    if from_parquet:
        if inputs:
            raise UsageError("give INPUTS or --from-parquet, not both")
        from accord.api import import_parquet

        st = import_parquet(from_parquet, db)
        click.echo(
            f"{db}: {st.docs_added} added, {st.docs_replaced} replaced, {st.docs_unchanged} "
            f"unchanged; {st.events_added} events added, {st.events_removed} removed; "
            f"{st.failures_recorded} failures recorded"
        )
        return
    if not inputs:
        raise UsageError("missing INPUTS (or --from-parquet DIR)")
    settings = _settings(
        date,
        all_modes,
        no_prefilter,
        statements=statements,
        min_confidence=min_confidence,
        document_timeout=document_timeout,
    )
    if engine == "spark":
        from accord.api import ingest_spark

        report = ingest_spark(
            _coder(settings, actors, verbs=verbs),
            list(inputs),
            db,
            actor_files=[Path(a) for a in actors],
            master=master or _spark_master(workers),
            stdin=sys.stdin.buffer,
            verb_files=[Path(v) for v in verbs],
        )
        if dedup != "none":
            from accord.api import rebuild_clusters

            report = dataclasses.replace(
                report, clusters=rebuild_clusters(db, dedup, near_threshold)
            )
    else:
        coder = _coder(settings, actors, workers=workers, verbs=verbs)
        show = wanted(progress)
        total = count_documents(inputs, limit) if show else None
        with reporter(show, "ingesting", total) as bar:
            report = coder.ingest(
                list(inputs),
                db,
                stdin=sys.stdin.buffer,
                limit=limit,
                on_progress=bar.advance,
                commit_every=commit_every,
                dedup=dedup,
                threshold=near_threshold,
            )
    for f in report.failures:
        _report_failure(f)
    for w in report.warnings:
        _report_warning(w)
    skips = [f for f in report.failures if _is_skip(f)]
    failed = len(report.failures) - len(skips)
    s = report.stats
    # documents stored before under an id their file no longer gets (ids unique per run)
    renamed = f" ({s.docs_renamed} stored before under another id)" if s.docs_renamed else ""
    click.echo(
        f"{db}: {report.documents} documents read; {s.docs_added} added, {s.docs_replaced} "
        f"replaced{renamed}, {s.docs_unchanged} unchanged; {s.events_added} events added "
        f"({s.events_undated} undated), {s.events_removed} removed; "
        f"{failed} failures{_more_counts(skips, len(report.warnings))}"
    )
    if report.clusters is not None:
        echo_clusters(db, report.clusters)
    if report.documents == 0 and failed:
        raise SystemExit(EXIT_INPUT)


@cli.command()
@click.argument("sentence", required=False)
@click.option("--date", "date", metavar="YYYY-MM-DD", help="Publication date of the text.")
@click.option(
    "--event",
    "event_id",
    metavar="EVENT_ID",
    help="Replay this stored event instead of SENTENCE: its sentence, with its document's "
    "date and title, explained, the stored event marked (with --db).",
)
@click.option(
    "--db",
    default=DEFAULT_DB,
    show_default=True,
    type=click.Path(dir_okay=False),
    help="The event store that holds --event (read only, never created).",
)
@click.option(
    "--actors",
    "actors",
    multiple=True,
    type=click.Path(dir_okay=False),
    help="Extra actor file, CSV or YAML (.yaml/.yml) (repeatable).",
)
@verbs_option
@click.option(
    "--dictionaries", type=click.Path(exists=True, file_okay=False), help=_DICTIONARIES_HELP
)
@click.option(
    "--min-confidence",
    type=click.FloatRange(0.0, 1.0),
    default=None,
    help="Show which events this confidence floor would leave out of 'accord code' "
    "(default: accord's own floor).",
)
def explain(
    sentence: str | None,
    date: str | None,
    event_id: str | None,
    db: str,
    actors: tuple[str, ...],
    verbs: tuple[str, ...],
    dictionaries: str | None,
    min_confidence: float | None,
) -> None:
    """Show why each event in SENTENCE (or a short text) was, or was not, coded; with
    --event, replay a stored event from --db."""
    from accord.cli.explain import render, render_stored

    if event_id is None:
        if sentence is None:
            raise UsageError("give a SENTENCE to explain, or --event EVENT_ID (with --db)")
        settings = _settings(date, False, min_confidence=min_confidence)
        coder = _coder(settings, actors, dictionaries, verbs=verbs)
        render(coder.explain(sentence, date=date), sys.stdout)
        return
    if sentence is not None or date is not None:
        raise UsageError(
            "--event replays a stored event with its own sentence and date: "
            "give no SENTENCE or --date with it"
        )
    from accord.api import read_event

    stored = read_event(db, event_id)  # before the model loads: a wrong id fails at once
    # every mode and bare statement kept, so that a stored event of any of them is found
    settings = _settings(None, True, statements=True, min_confidence=0.0)
    coder = _coder(settings, actors, dictionaries, verbs=verbs)
    render_stored(coder.explain_stored(stored), sys.stdout)


cli.add_command(events)
cli.add_command(export_command.export)
cli.add_command(dedup)
cli.add_command(serve_command.serve)
cli.add_command(eval_command.rules_cmd)
cli.add_command(eval_command.eval_cmd)
for _command in (
    analysis_commands.series,
    analysis_commands.dyads,
    analysis_commands.actors,
    analysis_commands.alerts,
    analysis_commands.changes,
    analysis_commands.summary,
):
    cli.add_command(_command)


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point: run the CLI, turning accord errors into one line and an exit code."""
    try:
        cli.main(
            args=list(argv) if argv is not None else None, prog_name="accord", standalone_mode=False
        )
    except click.exceptions.Abort:
        click.echo("accord: aborted", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(2 if isinstance(exc, click.UsageError) else exc.exit_code)
    except AccordError as exc:  # its message may name an input file or id
        click.echo(f"accord: {terminal_text(str(exc), newlines=True)}", err=True)
        sys.exit(exc.exit_code)
    except BrokenPipeError:
        sys.exit(0)
    except SystemExit:
        raise
    except Exception as exc:
        message = terminal_text(str(exc), newlines=True)
        click.echo(f"accord: internal error: {type(exc).__name__}: {message}", err=True)
        sys.exit(1)


if __name__ == "__main__":  # pragma: no cover
    main()
