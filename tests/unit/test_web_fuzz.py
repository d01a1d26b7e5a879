"""An OpenAPI fuzz run of accord serve's API (issue 12, item 4): schemathesis generates
requests for every operation from the server's own schema (/api/v1/openapi.json), valid
ones and invalid ones, and Hypothesis runs them with a fixed seed (derandomised: the same
requests every run); no answer may be a 5xx, and every error is the one envelope.

Sized to stay well under a minute on a 2-core machine; ACCORD_WEB_FUZZ_EXAMPLES sets the
examples per operation and mode (default 20)."""

from __future__ import annotations

import os
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error

from accord.web import ServeConfig, create_app
from tests.web_support import build_dashboard_store

EXAMPLES = int(os.environ.get("ACCORD_WEB_FUZZ_EXAMPLES", "20"))


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory: pytest.TempPathFactory) -> Any:
    db = build_dashboard_store(tmp_path_factory.mktemp("fuzz") / "store.duckdb")
    # schemathesis calls the ASGI app as http://testserver
    app = create_app(ServeConfig(db=str(db), allowed_hosts=("testserver",)))
    return schemathesis.openapi.from_asgi("/api/v1/openapi.json", app)


def _operations(api_schema: Any) -> list[Any]:
    return [result.ok() for result in api_schema.get_all_operations()]


def test_the_schema_has_every_operation(api_schema: Any) -> None:
    paths = {op.path for op in _operations(api_schema)}
    assert len(paths) == 14
    assert {op.method.upper() for op in _operations(api_schema)} == {"GET"}


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_no_generated_request_gets_a_server_error(api_schema: Any, mode: GenerationMode) -> None:
    seen: dict[int, int] = {}
    unsatisfiable: list[str] = []
    for op in _operations(api_schema):

        @given(case=op.as_strategy(generation_mode=mode))
        @settings(
            max_examples=EXAMPLES,
            derandomize=True,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def run(case: Any) -> None:
            response = case.call()
            seen[response.status_code] = seen.get(response.status_code, 0) + 1
            assert response.status_code < 500, (case.path, case.query, response.text[:500])
            if response.status_code >= 400:
                body = response.json()
                assert set(body) == {"error"}, body
                assert body["error"]["status"] == response.status_code
            case.validate_response(response, checks=[not_a_server_error])

        try:
            run()
        except Unsatisfiable:
            # no invalid request exists for an operation without parameters
            unsatisfiable.append(op.path)
    assert unsatisfiable == ([] if mode is GenerationMode.POSITIVE else ["/api/v1/health"])
    assert sum(seen.values()) >= 14 * 5, seen
    if mode is GenerationMode.POSITIVE:
        assert seen.get(200, 0) >= sum(seen.values()) // 4, seen
    else:
        assert seen.get(422, 0) >= sum(seen.values()) // 2, seen
