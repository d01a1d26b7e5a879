"""accord serve's /api/v1/events takes every event filter of ``accord events`` (issue 12,
item 6) under the same names, and answers what the Python API answers for them: the
filters are :mod:`accord.store.filters`' alone. Countries come as ISO 3166 alpha-2 or
alpha-3 on every endpoint; a code that neither the country tables nor the store know is a
400 in the one error envelope, never an empty answer."""

from __future__ import annotations

import dataclasses
import warnings
from pathlib import Path
from typing import Any

import pytest

import accord
from accord.store import EventQuery

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

EVENTS = "/api/v1/events"


def _all_ids(client: TestClient, **params: Any) -> list[str]:
    """Every event id the API lists for ``params``, page after page."""
    ids: list[str] = []
    while True:
        r = client.get(EVENTS, params={**params, "limit": 500, "offset": len(ids)})
        assert r.status_code == 200, r.text
        body = r.json()
        ids += [row["event_id"] for row in body["data"]]
        if len(ids) >= body["page"]["total"]:
            assert len(ids) == body["page"]["total"]
            return ids


def _error(client: TestClient, path: str, status: int, **params: Any) -> dict[str, Any]:
    r = client.get(path, params=params)
    assert r.status_code == status, r.text
    body = r.json()
    assert set(body) == {"error"} and body["error"]["status"] == status
    return dict(body["error"])


# (API parameters, the same filters as accord.open(db).events() takes them)
SAME_FILTERS: list[tuple[dict[str, Any], dict[str, Any]]] = [
    ({"source": "USA"}, {"source": "USA"}),
    ({"target": "USA"}, {"target": "USA"}),
    ({"source": "XAR", "target": "XBO"}, {"source": "XAR", "target": "XBO"}),
    ({"cameo": "04"}, {"cameo": "04"}),
    ({"cameo": "042"}, {"cameo": "042"}),
    ({"plover": "assault"}, {"plover": "ASSAULT"}),
    ({"has_target": "false"}, {"has_target": False}),
    ({"has_target": "true"}, {"has_target": True}),
    ({"min_confidence": 0.5}, {"min_confidence": 0.5}),
    ({"text": "EMBARGO"}, {"text": "embargo"}),
    ({"since": "2020"}, {"since": "2020-01-01"}),
    ({"since": "2019-06", "until": "2019-06"}, {"since": "2019-06", "until": "2019-06"}),
    ({"until": "2019"}, {"until": "2019-12-31"}),
    ({"country": "US"}, {"country": "USA"}),
    ({"country": "usa"}, {"country": "USA"}),
    ({"a": "us", "b": "US"}, {"dyad": ("USA", "USA")}),
    ({"actor": "xi"}, {"actor": "xi"}),
    ({"root": "4", "quad": 1}, {"root": "04", "quad": 1}),
]


@pytest.mark.parametrize(("api", "python"), SAME_FILTERS, ids=[str(a) for a, _ in SAME_FILTERS])
def test_each_filter_answers_as_the_python_api(
    client: TestClient, db: Path, api: dict[str, Any], python: dict[str, Any]
) -> None:
    expected = accord.open(db).events(**python).column("event_id")
    assert _all_ids(client, **api) == list(expected)


def test_the_filters_narrow_the_store(client: TestClient) -> None:
    # the comparison above would hold for filters that do nothing: these show they filter
    everything = len(_all_ids(client))
    for params in (s for s, _ in SAME_FILTERS):
        assert len(_all_ids(client, **params)) < everything, params
    assert _all_ids(client, plover="ASSAULT")
    assert _all_ids(client, has_target="false")
    june = _all_ids(client, since="2019-06", until="2019-06")
    assert june and set(june) < set(_all_ids(client, until="2019"))


def test_every_filter_of_accord_events_is_an_api_parameter(client: TestClient) -> None:
    schema = client.get("/api/v1/openapi.json").json()
    params = {p["name"] for p in schema["paths"][EVENTS]["get"]["parameters"]}
    fields = {f.name for f in dataclasses.fields(EventQuery)}
    # dyad comes as a and b, modes as all_modes, limit as the page's limit
    as_params = (fields - {"dyad", "modes"}) | {"a", "b", "all_modes"}
    assert as_params <= params, as_params - params


@pytest.mark.parametrize(
    ("path", "params"),
    [
        (EVENTS, {"country": "QQQ"}),
        (EVENTS, {"country": "QQ"}),
        (EVENTS, {"source": "QQQ"}),
        (EVENTS, {"target": "QQQGOV"}),
        (EVENTS, {"a": "QQQ", "b": "USA"}),
        (EVENTS, {"cameo": "99"}),
        (EVENTS, {"plover": "NOTATYPE"}),
        ("/api/v1/series", {"a": "QQQ", "b": "USA"}),
        ("/api/v1/series/events", {"a": "USA", "b": "QQ", "at": "2020-01-01"}),
        ("/api/v1/countries/QQQ", {}),
        ("/api/v1/countries/QQ", {}),
        ("/api/v1/places", {"country": "QQQ"}),
        ("/api/v1/dyads", {"country": "QQQ"}),
        ("/api/v1/network", {"country": "QQQ"}),
    ],
)
def test_an_unknown_code_is_a_400_in_the_envelope(
    client: TestClient, path: str, params: dict[str, Any]
) -> None:
    error = _error(client, path, 400, **params)
    assert error["code"] == "bad_request"
    assert "QQ" in error["message"] or "99" in error["message"] or "NOTATYPE" in error["message"]


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"min_confidence": 1.5}, "min_confidence"),
        ({"has_target": "maybe"}, "has_target"),
        ({"cameo": "04a"}, "cameo"),
        ({"plover": "x" * 33}, "plover"),
        ({"country": "USAA"}, "country"),
    ],
)
def test_filter_values_out_of_their_limits_are_422(
    client: TestClient, params: dict[str, Any], field: str
) -> None:
    error = _error(client, EVENTS, 422, **params)
    assert error["code"] == "invalid" and error["details"][0]["loc"] == ["query", field]


def test_alpha_2_countries_on_every_endpoint(client: TestClient) -> None:
    def data(path: str, **params: Any) -> Any:
        r = client.get(path, params=params)
        assert r.status_code == 200, r.text
        return r.json()["data"]

    assert data("/api/v1/countries/us") == data("/api/v1/countries/USA")
    assert data("/api/v1/countries/gb")["country"] == "GBR"
    assert data("/api/v1/series", a="US", b="us") == data("/api/v1/series", a="USA", b="USA")
    assert sum(r["events"] for r in data("/api/v1/series", a="US", b="US")) > 0
    assert data("/api/v1/dyads", country="gb") == data("/api/v1/dyads", country="GBR")
    assert data("/api/v1/dyads", country="GB")
    assert data("/api/v1/network", country="US") == data("/api/v1/network", country="USA")
    assert data("/api/v1/places", country="US") == data("/api/v1/places", country="USA")


# issue 12's done-when questions, one API call each (test_web.py has the others)


def test_one_call_for_the_monthly_series_of_the_most_active_dyad(
    client: TestClient, db: Path
) -> None:
    r = client.get("/api/v1/series", params={"top": "true", "period": "month"})
    assert r.status_code == 200, r.text
    body = r.json()
    top = accord.open(db).dyads(1).rows()[0]
    assert body["meta"]["label"] == f"{top['side_a']}–{top['side_b']}" == "XAR–XBO"
    assert body["meta"]["top_events"] == top["events"] == sum(x["events"] for x in body["data"])
    assert len(body["data"]) == 24
    international = client.get("/api/v1/series", params={"top": "true", "domestic": "false"})
    assert international.json()["meta"]["label"] == "XAR–XBO"
    assert _error(client, "/api/v1/series", 400, top="true", a="USA", b="CHN")


def test_one_call_for_the_monthly_series_of_chn_usa(client: TestClient, db: Path) -> None:
    r = client.get("/api/v1/series", params={"a": "CHN", "b": "USA", "period": "month"})
    assert r.status_code == 200, r.text
    rows = r.json()["data"]
    expected = accord.open(db).series(("CHN", "USA"), period="month").rows()
    assert len(rows) == len(expected) == 24
    assert {x["events"] for x in rows} == {0}  # zero-filled: no CHN–USA event in the fixture
    assert [x["volume"] for x in rows] == [x["volume"] for x in expected]
    assert all(x["volume"] > 0 for x in rows)
