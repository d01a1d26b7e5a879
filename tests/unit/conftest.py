"""Shared unit-test fixtures: the packaged gazetteer (test_places, test_location), and for
the API tests of ``accord serve`` (test_web, test_web_filters) the dashboard's store and a
test client on it, one of each per test module. A module that defines a ``db`` or
``client`` fixture of its own uses its own."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from accord.coding.places import Gazetteer
from accord.web import ServeConfig, create_app
from tests.web_support import BASE, build_dashboard_store

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_dashboard_store(tmp_path_factory.mktemp("web") / "store.duckdb")


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[TestClient]:
    # keep_open=0: nothing holds the store between tests (test_web starts writers;
    # test_the_store_is_kept_open_only_between_close_requests tries the keeper)
    with TestClient(create_app(ServeConfig(db=str(db), keep_open=0)), base_url=BASE) as c:
        yield c


@pytest.fixture(scope="session")
def gaz() -> Gazetteer:
    """The packaged gazetteer, loaded once for the whole run."""
    return Gazetteer.load(lazy=False)
