"""accord serve's dashboard in real headless Chromium (issue 12, item 4): Debian's
chromium driven by Playwright (``executable_path``, ``--no-sandbox``) against a server on a
loopback port, over the analysis fixture store plus one document of hostile text.

Every page loads with no console error and no failed request; a chart renders with data;
a click on a data point lists its events; an event opens its sentence; a number opens the
events behind it; filters live in the URL; and ``<script>``, ``<img onerror>`` and
``javascript:`` URLs in titles, sentences, names, places and URLs stay inert text on
every page. Without chromium these tests skip on a developer's machine and fail in CI
(tests/web_support.py)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote, urlparse

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from accord.web import ServeConfig, create_app
from tests.web_support import (
    HOSTILE_CODE,
    HOSTILE_DOC,
    HOSTILE_PLACE,
    HOSTILE_TITLE,
    IMG,
    SCRIPT,
    build_dashboard_store,
    chromium_path,
    served,
)

PAGES = {
    "overview": "/",
    "events": "/events?country=USA&kind=conflict",
    "dyad": "/dyad?a=XAR&b=XBO",
    "country": "/country?c=USA",
    "network": "/network",
    "map": "/map",
    "document": "/document?id=synthetic-2020-12-17",
    "dyads": "/dyad",
    "countries": "/country",
}
CHARTS = {
    "overview": "#volume-chart",
    "dyad": "#dyad-chart",
    "country": "#country-chart",
    "network": "#network-chart",
    "map": "#map-chart",
}
CHART_READY = """(sel) => {
    const c = echarts.getInstanceByDom(document.querySelector(sel));
    return Boolean(c && c.getOption().series.length > 0);
}"""
HOSTILE_PAGES = (
    "/",
    "/events?text=warned",
    f"/events?doc_id={quote(HOSTILE_DOC)}",
    f"/dyad?a=USA&b={HOSTILE_CODE}&at=2020-06-01",
    "/country?c=USA",
    f"/country?c={HOSTILE_CODE}",
    "/network",
    f"/map?place={quote(HOSTILE_PLACE)}",
    f"/document?id={quote(HOSTILE_DOC)}",
    f"/document?id={quote(HOSTILE_DOC)}#e-hostile-2",
)


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = build_dashboard_store(tmp_path_factory.mktemp("dashboard") / "store.duckdb")
    with served(create_app(ServeConfig(db=str(db)))) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    executable = chromium_path()
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        yield b
        b.close()


class Watched:
    """A page with its console errors, uncaught exceptions and failed requests."""

    def __init__(self, page: Page, base: str) -> None:
        self.page = page
        self.base = base
        self.problems: list[str] = []
        page.on("console", self._console)
        page.on("pageerror", lambda e: self.problems.append(f"uncaught: {e}"))
        page.on("requestfailed", lambda r: self.problems.append(f"failed: {r.url}"))
        page.on("response", self._response)

    def _console(self, msg: Any) -> None:
        if msg.type in ("error", "warning") and "[ECharts]" not in msg.text:
            self.problems.append(f"console {msg.type}: {msg.text}")

    def _response(self, response: Any) -> None:
        if response.status >= 400:
            self.problems.append(f"HTTP {response.status}: {response.url}")

    def open(self, path: str) -> Page:
        self.page.goto(self.base + path)
        self.page.wait_for_load_state("networkidle")
        return self.page


@pytest.fixture
def watched(browser: Browser, base_url: str) -> Iterator[Watched]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    w = Watched(page, base_url)
    yield w
    context.close()


def _series_length(page: Page, selector: str) -> int:
    return int(
        page.evaluate(
            """(sel) => {
                const chart = echarts.getInstanceByDom(document.querySelector(sel));
                if (!chart) return -1;
                const series = chart.getOption().series;
                return Math.max(...series.map(s => (s.data || []).length));
            }""",
            selector,
        )
    )


def _inert(page: Page) -> None:
    """Nothing hostile ran or became markup."""
    state = page.evaluate(
        """() => ({
            pwned: window.__pwned === undefined ? null : String(window.__pwned),
            images: document.querySelectorAll('img').length,
            inlineScripts: document.querySelectorAll('script:not([src])').length,
            bold: document.querySelectorAll('main b').length,
            handlers: [...document.querySelectorAll('*')].filter(
                el => [...el.attributes].some(a => a.name.startsWith('on'))).length,
            jsLinks: [...document.querySelectorAll('a[href]')].filter(
                a => !['http:', 'https:'].includes(a.protocol)).length,
        })"""
    )
    assert state == {
        "pwned": None,
        "images": 0,
        "inlineScripts": 0,
        "bold": 0,
        "handlers": 0,
        "jsLinks": 0,
    }


@pytest.mark.parametrize("name", list(PAGES))
def test_every_page_loads_without_errors(watched: Watched, name: str, tmp_path: Path) -> None:
    page = watched.open(PAGES[name])
    page.wait_for_selector("main h1")
    if name in CHARTS:
        page.wait_for_function(CHART_READY, arg=CHARTS[name])
        assert _series_length(page, CHARTS[name]) > 0, "the chart has no data"
        canvas = page.locator(f"{CHARTS[name]} canvas").first
        box = canvas.bounding_box()
        assert box is not None and box["width"] > 200 and box["height"] > 200
    page.wait_for_load_state("networkidle")
    assert page.locator(".error").count() == 0, page.locator(".error").all_text_contents()
    shot = tmp_path / f"{name}.png"
    page.screenshot(path=str(shot))
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert watched.problems == []


def test_a_click_on_a_data_point_lists_its_events_and_an_event_opens_its_sentence(
    watched: Watched,
) -> None:
    page = watched.open("/dyad?a=XAR&b=XBO")
    page.wait_for_function(CHART_READY, arg="#dyad-chart")
    # the December 2020 conflict bar (series 1, stacked on cooperation)
    x, y = page.evaluate(
        """() => {
            const c = echarts.getInstanceByDom(document.querySelector('#dyad-chart'));
            const o = c.getOption();
            const i = o.xAxis[0].data.indexOf('2020-12-01');
            const top = o.series[0].data[i] + o.series[1].data[i] / 2;
            return c.convertToPixel({seriesIndex: 1}, [i, top]);
        }"""
    )
    box = page.locator("#dyad-chart").bounding_box()
    assert box is not None
    page.mouse.click(box["x"] + x, box["y"] + y)
    rows = page.locator("#point-events tbody tr")
    rows.first.wait_for()
    page.wait_for_load_state("networkidle")
    assert rows.count() == 9
    assert "2020-12-01" in page.locator("#point-events h2").inner_text()
    assert parse_qs(urlparse(page.url).query)["at"] == ["2020-12-01"]
    attacked = rows.filter(has_text="Troops from Arcadia attacked border posts")
    assert attacked.count() == 1
    attacked.get_by_role("link", name="in its document").click()
    page.wait_for_url(re.compile(r"/document\?id=synthetic-2020-12-17#e-"))
    page.wait_for_selector(".event.target")
    target = page.locator(".event.target")
    assert target.count() == 1 and target.is_visible()
    block = page.locator(".sentence-block", has=target)
    assert "Troops from Arcadia attacked border posts held by Borduria." in block.inner_text()
    assert watched.problems == []


def test_a_number_opens_the_events_behind_it(watched: Watched) -> None:
    page = watched.open("/")
    first = page.locator("table").filter(has_text="Dyad").locator("tbody tr").first
    first.wait_for()
    events = first.locator("td").nth(1)
    n = int(events.inner_text())
    events.get_by_role("link").click()
    page.wait_for_url(re.compile(r"/events\?"))
    page.locator(".pager .count").first.wait_for()
    assert page.locator(".pager .count").first.inner_text().endswith(f" of {n}")
    # what changed: the count of the week before opens that week's events
    page = watched.open("/")
    row = page.locator("section", has_text="What changed").locator("tr", has_text="XAR – XBO")
    row.wait_for()
    before = row.locator("td").nth(3)
    n = int(before.inner_text())
    before.get_by_role("link").click()
    page.wait_for_url(re.compile(r"/events\?.*until=2020-12-21"))
    page.locator(".pager .count").first.wait_for()
    assert page.locator(".pager .count").first.inner_text().endswith(f" of {n}")
    # a bar of the volume chart opens that month's events
    page = watched.open("/")
    page.wait_for_function(CHART_READY, arg="#volume-chart")
    x, y, value = page.evaluate(
        """() => {
            const c = echarts.getInstanceByDom(document.querySelector('#volume-chart'));
            const d = c.getOption().series[0].data;
            const i = d.indexOf(Math.max(...d));
            const p = c.convertToPixel({seriesIndex: 0}, [i, d[i] / 2]);
            return [p[0], p[1], d[i]];
        }"""
    )
    box = page.locator("#volume-chart").bounding_box()
    assert box is not None
    page.mouse.click(box["x"] + x, box["y"] + y)
    page.wait_for_url(re.compile(r"/events\?.*since="))
    page.locator(".pager .count").first.wait_for()
    assert page.locator(".pager .count").first.inner_text().endswith(f" of {value}")
    assert watched.problems == []


def test_filters_live_in_the_url(watched: Watched) -> None:
    page = watched.open("/events?country=USA&kind=conflict&since=2020")
    page.locator(".pager .count").first.wait_for()
    assert page.locator("form.filters input[name=country]").input_value() == "USA"
    assert page.locator("form.filters select[name=kind]").input_value() == "conflict"
    assert page.locator(".scope input[name=since]").input_value() == "2020"
    page.locator("form.filters input[name=text]").fill("police")
    page.locator("form.filters button[type=submit]").click()
    page.wait_for_url(re.compile(r"text=police"))
    query = parse_qs(urlparse(page.url).query)
    assert query["country"] == ["USA"] and query["kind"] == ["conflict"]
    assert query["since"] == ["2020"] and "actor" not in query  # empty fields left out
    page.locator(".pager .count").first.wait_for()
    for sentence in page.locator("td.sentence .sentence-text").all_inner_texts():
        assert "police" in sentence.lower()
    assert watched.problems == []


def test_the_event_filters_of_accord_events_live_in_the_url(
    watched: Watched, base_url: str
) -> None:
    query = "source=US&cameo=19&has_target=true&min_confidence=0.2&since=2019-06"
    page = watched.open(f"/events?{query}")
    page.locator(".pager .count").first.wait_for()
    form = page.locator("form.filters")
    assert form.locator("input[name=source]").input_value() == "US"
    assert form.locator("input[name=cameo]").input_value() == "19"
    assert form.locator("input[name=min_confidence]").input_value() == "0.2"
    assert form.locator("select[name=has_target]").input_value() == "true"
    api = page.request.get(f"{base_url}/api/v1/events?{query}&limit=1")
    total = api.json()["page"]["total"]
    assert 0 < total < page.request.get(f"{base_url}/api/v1/events?limit=1").json()["page"]["total"]
    assert page.locator(".pager .count").first.inner_text().endswith(f" of {total}")
    form.locator("input[name=plover]").fill("ASSAULT")
    form.locator("button[type=submit]").click()
    page.wait_for_url(re.compile(r"plover=ASSAULT"))
    shared = parse_qs(urlparse(page.url).query)
    assert shared["source"] == ["US"] and shared["has_target"] == ["true"]
    assert shared["cameo"] == ["19"] and "target" not in shared  # empty fields left out
    page.locator(".pager .count").first.wait_for()
    assert watched.problems == []


@pytest.mark.parametrize("path", HOSTILE_PAGES)
def test_hostile_text_renders_inert(watched: Watched, path: str) -> None:
    page = watched.open(path)
    page.wait_for_selector("main h1")
    page.wait_for_load_state("networkidle")
    _inert(page)
    if path.startswith("/document"):
        assert page.locator("h1.doc-title").inner_text() == HOSTILE_TITLE
        assert IMG in page.locator("main").inner_text()
        assert SCRIPT in page.locator("main").inner_text()
        assert page.locator(".doc-meta a").count() == 0  # the javascript: URL is no link
    if path.startswith("/events"):
        assert page.locator("td.sentence").filter(has_text=IMG).count() >= 1
    # every link out of the page is http(s); every link in it stays on this server
    for href in page.eval_on_selector_all("a[href]", "els => els.map(a => a.href)"):
        assert href.startswith((watched.base, "http://", "https://")), href
    assert watched.problems == []


def test_hostile_links_and_clicks_stay_inert(watched: Watched) -> None:
    page = watched.open(f"/events?doc_id={quote(HOSTILE_DOC)}")
    page.locator("td.sentence").first.wait_for()
    # the article link of a javascript: URL is text, not a link
    assert page.locator("tbody tr").first.locator("td").nth(6).locator("a").count() == 0
    page.get_by_role("link", name="in its document").first.click()
    page.wait_for_url(re.compile(r"/document\?"))
    page.wait_for_selector(".event.target")
    _inert(page)
    assert watched.problems == []
