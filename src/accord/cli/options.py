"""Command-line options shared by `accord code` and `accord ingest`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, TypeVar

import click

from accord.config import SETTINGS_HELP, Settings
from accord.errors import UsageError

F = TypeVar("F", bound=Callable[..., Any])

no_prefilter_option = click.option("--no-prefilter", is_flag=True, help=SETTINGS_HELP["prefilter"])


def run_options(func: F) -> F:
    """--workers, --limit, --progress and --document-timeout, shared by code and ingest."""
    func = click.option(
        "--document-timeout",
        "document_timeout",
        type=click.FloatRange(min=0.0),
        default=Settings().document_timeout,
        show_default=True,
        metavar="SECONDS",
        help=SETTINGS_HELP["document_timeout"],
    )(func)
    func = click.option(
        "--progress/--no-progress",
        "progress",
        default=None,
        help="Show a progress bar on stderr (default: only when stderr is a terminal).",
    )(func)
    func = click.option(
        "--limit",
        type=click.IntRange(min=1),
        default=None,
        help="Stop after this many input documents.",
    )(func)
    func = click.option(
        "--workers",
        type=click.IntRange(min=1),
        default=1,
        show_default=True,
        help="Worker processes, each loading the model once (1: code in this process).",
    )(func)
    return func


def engine_options(func: F) -> F:
    func = click.option(
        "--master",
        metavar="URL",
        help="Spark master for --engine spark: local[N] or a cluster URL.  [default: local[2]]",
    )(func)
    func = click.option(
        "--engine",
        type=click.Choice(["local", "spark"]),
        default="local",
        show_default=True,
        help="Where documents are coded: this process, or Spark (pip install 'accord[spark]').",
    )(func)
    return func


def check_engine(engine: str, master: str | None, **spark_only: object) -> None:
    if engine == "spark":
        return
    named = ["--master"] if master else []
    named += [f"--{k.replace('_', '-')}" for k, v in spark_only.items() if v]
    if named:
        raise UsageError(f"{', '.join(named)} needs --engine spark")


VERBS_HELP = (
    "Extra verb pattern file, tab-separated like accord's own data/verbs/accord_verbs.tsv "
    "(repeatable; later files win)."
)


def verbs_option(func: F) -> F:
    return click.option(
        "--verbs",
        "verbs",
        multiple=True,
        type=click.Path(dir_okay=False),
        help=VERBS_HELP,
    )(func)


def common_coding(func: F) -> F:
    func = click.option(
        "--min-confidence",
        type=click.FloatRange(0.0, 1.0),
        default=0.0,
        show_default=True,
        help=SETTINGS_HELP["min_confidence"]
        + " Confidence is the calibrated chance that the event is right (README).",
    )(func)
    func = click.option("--statements", is_flag=True, help=SETTINGS_HELP["include_statements"])(
        func
    )
    func = verbs_option(func)
    func = click.option(
        "--actors",
        "actors",
        multiple=True,
        type=click.Path(dir_okay=False),
        help="Extra actor file, CSV or YAML (.yaml/.yml) (repeatable).",
    )(func)
    func = click.option("--all-modes", is_flag=True, help=SETTINGS_HELP["include_all_modes"])(func)
    func = click.option("--date", "date", metavar="YYYY-MM-DD", help=SETTINGS_HELP["default_date"])(
        func
    )
    return func


def parse_date(value: str | None) -> dt.date | None:
    """A YYYY-MM-DD option as a date (None when absent); a bad value is a usage error."""
    from accord.api import parse_date as parse

    return parse(value)
