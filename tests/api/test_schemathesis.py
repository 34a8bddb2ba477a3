"""Property-based tests of the API from its own OpenAPI document (schemathesis).

schemathesis reads ``/api/v2/openapi.json`` from the WSGI application and generates
requests for every documented operation, valid ones and invalid ones; each is sent to the
application in-process and its answer checked: never a server error, and a status, content
type, headers and body the document describes. The seed and the example budget are fixed,
so a run is repeatable and takes seconds.
"""

import hypothesis
import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from schemathesis import GenerationMode

from tests.api.conftest import publish
from tests.factories import ProcedurePageFactory

SEED = 20261201
EXAMPLES = 60


@pytest.fixture
def wsgi_application():
    """The project's WSGI application, keeping the test's database connection open between
    requests as Django's test client does (on PostgreSQL closing it would end the test's
    transaction)."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    try:
        yield get_wsgi_application()
    finally:
        for signal in (request_started, request_finished):
            signal.connect(close_old_connections)


@pytest.fixture
def api_schema(procedure, procedure_index, wsgi_application):
    """The API's document as the WSGI application serves it, with two public procedures."""
    publish(ProcedurePageFactory(parent=procedure_index, code="KA-01148"))
    return schemathesis.openapi.from_wsgi("/api/v2/openapi.json", wsgi_application)


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_api_answers_as_documented(api_schema, mode):
    @hypothesis.given(case=api_schema.as_strategy(generation_mode=mode))
    @hypothesis.seed(SEED)
    @hypothesis.settings(
        max_examples=EXAMPLES,
        database=None,
        deadline=None,
        suppress_health_check=list(hypothesis.HealthCheck),
    )
    def answers_as_documented(case):
        case.call_and_validate()

    answers_as_documented()
