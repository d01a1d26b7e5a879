"""What the tests of ``accord serve`` share: the dashboard's store (the analysis fixture
plus one document of hostile text), a server on a free loopback port, and the system's
Chromium for the browser tests.

Chromium is Debian's ``chromium`` (``make setup`` installs it). Without it a browser test
skips on a developer's machine and **fails** where it is expected: with
``ACCORD_REQUIRE_BROWSER=1`` (which ``.ci/run`` sets) or in CI (``CI`` set);
``ACCORD_REQUIRE_BROWSER=0`` lets a CI-like run without a browser skip instead.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from collections.abc import Mapping
from pathlib import Path

import pytest
from scripts.dashboard_screenshots import free_port, served
from scripts.fixture_store import build_fixture_store

from accord.model import (
    Actor,
    DatePrecision,
    DateSource,
    DocResult,
    Document,
    Event,
    Evidence,
    Mode,
    Place,
    PlaceBasis,
    PlaceType,
)
from accord.store import EventStore

__all__ = [
    "BASE",
    "build_dashboard_store",
    "chromium_path",
    "free_port",
    "hostile_result",
    "served",
]

BASE = "http://127.0.0.1"
"""The base URL of the API tests' clients of ``accord serve`` (tests/unit/conftest.py)."""

REQUIRE_BROWSER_ENV = "ACCORD_REQUIRE_BROWSER"
CHROMIUM_ENV = "ACCORD_CHROMIUM"

SCRIPT = '<script>window.__pwned = "script"</script>'
IMG = "<img src=x onerror=\"window.__pwned = 'img'\">"
JS_URL = "javascript:window.__pwned='url'"
HOSTILE_DOC = "hostile-<b>doc</b>"
HOSTILE_TITLE = f"Hostile title {SCRIPT} {IMG}"
HOSTILE_CODE = "XHS"
HOSTILE_NAME = f"Hostilia {IMG}"
HOSTILE_PLACE = f"Hostile Town {IMG}"
HOSTILE_DATE = dt.date(2020, 6, 15)


def _hostile_event(index: int) -> Event:
    sentence = f"The United States warned Hostilia {IMG} and {SCRIPT} about {JS_URL} #{index}."
    src, tgt, trg = "The United States", "Hostilia", "warned"
    s, t, g = sentence.index(src), sentence.index(tgt), sentence.index(trg)
    return Event(
        doc_id=HOSTILE_DOC,
        event_id=f"hostile-{index}",
        sentence_index=index,
        sentence=sentence,
        sentence_span=(index * 200, index * 200 + len(sentence)),
        date=HOSTILE_DATE,
        date_precision=DatePrecision.DAY,
        date_source=DateSource.PUBLICATION,
        source=Actor(src, "USA", "USA", None, f"United States {SCRIPT}", (s, s + len(src))),
        target=Actor(tgt, HOSTILE_CODE, HOSTILE_CODE, None, HOSTILE_NAME, (t, t + len(tgt))),
        cameo="130",
        cameo_name=f"Threaten {IMG}",
        plover="THREATEN",
        plover_mode=None,
        plover_context=None,
        quad_class=3,
        goldstein=-4.4,
        mode=Mode.ASSERTED,
        location=Place(
            name=HOSTILE_PLACE,
            country=HOSTILE_CODE,
            lat=12.5,
            lon=8.5,
            type=PlaceType.CITY,
            basis=PlaceBasis.SENTENCE,
        ),
        confidence=0.8,
        evidence=Evidence(trigger=trg, trigger_span=(g, g + len(trg)), rule=f"rule {SCRIPT}"),
    )


def hostile_result(events: int = 5) -> DocResult:
    """A document whose title, URL, outlet, sentences, actor names, event name, place and
    rule all carry ``<script>``, ``<img onerror>`` or a ``javascript:`` URL."""
    evs = tuple(_hostile_event(i) for i in range(events))
    doc = Document(
        id=HOSTILE_DOC,
        text="\n".join(e.sentence for e in evs),
        title=HOSTILE_TITLE,
        date=HOSTILE_DATE,
        url=JS_URL,
        source=f"Outlet {IMG}",
        origin="tests/web_support.py",
    )
    return DocResult(doc=doc, events=evs, sentence_count=events + 3)


def build_dashboard_store(path: Path) -> Path:
    """The analysis fixture store plus the hostile document."""
    build_fixture_store(path)
    with EventStore.open(path) as store:
        store.write([hostile_result()])
    return path


def browser_required(environ: Mapping[str, str] | None = None) -> bool:
    """Whether a browser test must fail rather than skip without Chromium."""
    env = os.environ if environ is None else environ
    value = env.get(REQUIRE_BROWSER_ENV)
    if value is not None and value.strip() != "":
        return value.strip() not in ("0", "false", "no")
    return env.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def chromium_path(environ: Mapping[str, str] | None = None) -> str:
    """The system Chromium, or the test stops: a skip, or a failure where it is required."""
    env = os.environ if environ is None else environ
    for candidate in (env.get(CHROMIUM_ENV), shutil.which("chromium"), "/usr/bin/chromium",
                      shutil.which("chromium-browser")):  # fmt: skip
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    message = (
        "Debian's chromium is not installed (make setup installs it: apt-get install chromium)"
    )
    if browser_required(env):
        pytest.fail(f"{message}; the browser tests are required here ({REQUIRE_BROWSER_ENV} or CI)",
                    pytrace=False)  # fmt: skip
    pytest.skip(message)
