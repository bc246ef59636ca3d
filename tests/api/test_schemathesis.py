"""The API against its own OpenAPI schema, in process (WSGI): no 5xx, every
response conforms to the schema. Bounded examples keep it to seconds."""

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, settings

# Reading the schema needs no database: it is built from the code.
schema = schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application())


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
def test_the_api_conforms_to_its_schema(case, seed_plan):
    case.call_and_validate()
