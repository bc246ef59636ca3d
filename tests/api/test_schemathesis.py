"""The API against its own OpenAPI schema, in process (WSGI): no 5xx, every
response conforms to the schema. Bounded examples keep it to seconds.

The write operations are called with a token of the admin office (who may do
every one of them), on an open round; path ids are often mapped to real
objects so that generated bodies reach the services, not only the 404."""

import datetime as dt

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from shinchoku.api.services import api_token_create
from shinchoku.plans.models import Indicator
from shinchoku.workflow.models import RoundKind
from shinchoku.workflow.rounds import services as round_services

# Reading the schema needs no database: it is built from the code.
schema = schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application())


@pytest.fixture(autouse=True)
def keep_the_test_connection():
    """A WSGI request closes the database connection when it ends (as in
    production); the test's transaction lives on it, so keep it open, as
    Django's test client does."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def writer(seed_plan):
    """A token of the admin office and the ids of real objects to write to:
    the entries of an open achievements round and the plan's indicators."""
    from tests.workflow.conftest import build_people

    people = build_people(seed_plan)
    round_ = round_services.round_open(
        actor=people["gyosei"],
        plan=seed_plan,
        kind=RoundKind.ACHIEVEMENTS,
        fiscal_year=2023,
        deadline=dt.date(2030, 1, 31),
    )
    _record, token = api_token_create(user=people["gyosei"], name="schemathesis")
    return {
        "headers": {"Authorization": f"Bearer {token}"},
        "entry_id": sorted(round_.entries.values_list("pk", flat=True)),
        "indicator_id": sorted(
            Indicator.objects.filter(program__plan=seed_plan).values_list(
                "pk", flat=True
            )
        ),
    }


def aim_at_real_objects(case, ids: dict[str, list[int]]) -> None:
    """Replace a generated integer id by a real one half of the time (even
    ones), so that the other half still checks the 404s."""
    params = case.path_parameters or {}
    for name in ("entry_id", "indicator_id"):
        value = params.get(name)
        if isinstance(value, int) and not isinstance(value, bool) and value % 2 == 0:
            params[name] = ids[name][value // 2 % len(ids[name])]


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
def test_the_api_conforms_to_its_schema(case, request):
    request.getfixturevalue("seed_plan")
    if not case.operation.definition.raw.get("security"):
        # Uncompressed: the WSGI transport hands schemathesis the bytes as sent,
        # and a cached public answer goes gzip-compressed to clients that accept
        # it (tests/portal/test_cache.py checks that body).
        case.call_and_validate(headers={"Accept-Encoding": "identity"})
        return
    writer = request.getfixturevalue("writer")
    aim_at_real_objects(case, writer)
    case.call_and_validate(
        headers=writer["headers"],
        # A well-formed request may still break a rule the schema cannot state
        # (a grade not on this plan's scale, an indicator of another program):
        # the answer is then 422 by design, not a rejection of valid data.
        excluded_checks=[positive_data_acceptance],
    )
