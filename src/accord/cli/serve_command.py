"""``accord serve``: the read-only REST API and the web dashboard over a store
(:mod:`accord.web`), run with uvicorn. :mod:`accord.cli.main` adds it to the group."""

from __future__ import annotations

import click

from accord.cli.analysis_commands import DEFAULT_DB
from accord.web.config import DEFAULT_HOST, DEFAULT_PORT


@click.command("serve")
@click.option("--db", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False))
@click.option(
    "--host",
    default=DEFAULT_HOST,
    show_default=True,
    help="Address to listen on. The default answers this machine only; the API has no "
    "authentication, so think before giving 0.0.0.0.",
)
@click.option("--port", type=click.IntRange(0, 65535), default=DEFAULT_PORT, show_default=True)
@click.option(
    "--busy-timeout",
    type=click.FloatRange(min=0.0, max=600.0),
    default=10.0,
    show_default=True,
    metavar="SECONDS",
    help="How long a request waits for a store that an ingest is writing before it "
    "answers 503 store_busy.",
)
@click.option(
    "--keep-open",
    type=click.FloatRange(min=0.0, max=60.0),
    default=0.5,
    show_default=True,
    metavar="SECONDS",
    help="Keep the store open this long after the last request, so that a page's burst of "
    "requests opens it once; no ingest can start writing meanwhile (0: per request only).",
)
@click.option(
    "--allow-host",
    "allowed_hosts",
    multiple=True,
    metavar="NAME",
    help="A Host header name to answer besides localhost and --host (repeatable; '*': any).",
)
def serve(
    db: str,
    host: str,
    port: int,
    busy_timeout: float,
    keep_open: float,
    allowed_hosts: tuple[str, ...],
) -> None:
    """Serve the dashboard and the REST API (/api/v1, schema at /api/v1/openapi.json) over
    the store DB, read-only, until Ctrl-C."""
    import uvicorn

    from accord.web import ServeConfig, create_app, is_loopback

    config = ServeConfig(db=db, host=host, port=port, busy_timeout=busy_timeout,
                         allowed_hosts=tuple(allowed_hosts), keep_open=keep_open)  # fmt: skip
    app = create_app(config)
    if not is_loopback(host):
        click.echo(
            f"accord: warning: listening on {host}, reachable from other machines; the API "
            "is read-only but has no authentication",
            err=True,
        )
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"accord: serving {db} at http://{shown}:{port}/ (Ctrl-C stops)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)
