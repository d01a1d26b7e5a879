"""Command-line options shared by `accord code` and `accord ingest`, and the Settings that
the coding commands (`code`, `ingest`, `explain`, `eval`) build from theirs."""

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
        default=Settings().min_confidence,
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


def event_filters(func: F) -> F:
    """The event filters of ``accord events`` and ``accord export`` (EventQuery's fields;
    docs/codebook.md, "Queries"). The command receives them as keyword arguments and turns
    them into a query with :func:`event_query`."""
    options = [
        click.option("--actor", help="Source or target: a code (USA, USAGOV, IGOUNO; US for "
                     "USA) or a name matched by whole word (xi: Xi Jinping, not Mexico)."),
        click.option("--source", help="The source only (as --actor)."),
        click.option("--target", help="The target only (as --actor)."),
        click.option("--country", help="Country of source or target: ISO 3166 alpha-2 or "
                     "alpha-3 (US, USA)."),
        click.option("--dyad", metavar="A,B", help="Two actors or countries, either direction."),
        click.option("--since", metavar="DATE", help="First event date: YYYY-MM-DD, YYYY-MM "
                     "or YYYY."),
        click.option("--until", metavar="DATE", help="Last event date: YYYY-MM-DD, YYYY-MM "
                     "or YYYY (2019-06: to 30 June)."),
        click.option("--root", metavar="NN", help="CAMEO root code, e.g. 04."),
        click.option("--cameo", metavar="CODE", help="CAMEO code prefix: 04, 042, 1121."),
        click.option("--plover", metavar="TYPE", help="PLOVER event type, e.g. ASSAULT."),
        click.option("--quad", type=click.IntRange(1, 4), help="Quad class 1-4."),
        click.option("--has-target/--no-target", "has_target", default=None,
                     help="Only events with (without) a target."),
        click.option("--min-confidence", "min_confidence", type=click.FloatRange(0.0, 1.0),
                     default=None, help="Only events with at least this confidence."),
        click.option("--text", help="The sentence holds this text (case-insensitive)."),
        click.option("--doc", "doc_id", help="Only events of this document id."),
        click.option("--all-modes", is_flag=True, help="Include non-asserted events."),
        click.option("--limit", type=click.IntRange(min=1), default=None),
    ]  # fmt: skip
    for option in reversed(options):
        func = option(func)
    return func


FILTER_NAMES: tuple[str, ...] = (
    "actor", "source", "target", "country", "dyad", "since", "until", "root", "cameo",
    "plover", "quad", "has_target", "min_confidence", "text", "doc_id", "all_modes", "limit",
)  # fmt: skip
"""The keyword arguments :func:`event_filters` adds to a command."""


def event_query(filters: dict[str, Any]) -> Any:
    """The :class:`accord.store.EventQuery` of the options :func:`event_filters` added."""
    from accord.model import Mode
    from accord.store.filters import EventQuery, to_date

    pair: tuple[str, str] | None = None
    dyad = filters.get("dyad")
    if dyad:
        parts = [p.strip() for p in str(dyad).split(",")]
        if len(parts) != 2 or not all(parts):
            raise UsageError(f"--dyad expects two actors separated by a comma, got {dyad!r}")
        pair = (parts[0], parts[1])
    return EventQuery(
        actor=filters.get("actor"),
        source=filters.get("source"),
        target=filters.get("target"),
        country=filters.get("country"),
        dyad=pair,
        since=to_date(filters.get("since")),
        until=to_date(filters.get("until"), end=True),
        root=filters.get("root"),
        cameo=filters.get("cameo"),
        plover=filters.get("plover"),
        quad=filters.get("quad"),
        has_target=filters.get("has_target"),
        min_confidence=filters.get("min_confidence"),
        text=filters.get("text"),
        doc_id=filters.get("doc_id"),
        modes=tuple(Mode) if filters.get("all_modes") else (Mode.ASSERTED,),
        limit=filters.get("limit"),
    )


def _settings(
    date: str | None = None,
    all_modes: bool = False,
    no_prefilter: bool = False,
    *,
    statements: bool = False,
    min_confidence: float | None = None,
    document_timeout: float | None = None,
) -> Settings:
    """The settings of a command: accord's defaults (:class:`~accord.config.Settings`) with
    the options given; ``None`` keeps a default."""
    more: dict[str, float] = (
        {} if document_timeout is None else {"document_timeout": document_timeout}
    )
    if min_confidence is not None:
        more["min_confidence"] = min_confidence
    return Settings().replace(
        **more,
        default_date=parse_date(date),
        include_all_modes=all_modes,
        prefilter=not no_prefilter,
        include_statements=statements,
    )


_DICTIONARIES_HELP = (
    "A PETRARCH-format dictionary folder (verbs, actors, agents files) to code with "
    "instead of the packaged dictionaries."
)
