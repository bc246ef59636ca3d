"""Bad input, fuzzed: the JSON API's read endpoints called with random path
segments (numbers too big for any column, Unicode digits, encoded NUL and
invalid UTF-8, slashes, dots) and random query parameters (known ones with
wrong values, unknown ones, repeated ones). Whatever comes in, the answer is
never a 5xx — a 404 or 422 names the problem — and a 200 is JSON.

schemathesis (test_schemathesis.py) checks the answers against the schema;
this goes where the schema does not.

FUZZ_EXAMPLES=2000 runs a longer search (the default keeps the suite fast)."""

from __future__ import annotations

import os
from urllib.parse import quote

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shinchoku.imports.services import import_file

FUZZ = settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "50")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

PLAN = "/api/municipalities/{code}/plans/{slug}"
ROUTES = [
    "/api/municipalities",
    "/api/municipalities/{code}",
    "/api/plans",
    PLAN,
    PLAN + "/editions",
    PLAN + "/editions/{edition}",
    PLAN + "/editions/{edition}/programs",
    PLAN + "/editions/{edition}/programs/{number}",
    PLAN + "/editions/{edition}/indicators",
    "/api/search",
    "/api/openapi.json",
    "/api/docs/",
]
VALID = {"code": "132110", "slug": "2021-2024", "edition": "latest", "number": "12"}
ODD = st.sampled_from(
    [
        "0",
        "-1",
        "1.5",
        "1e3",
        "99999999999999999999",
        "9" * 400,
        "１３２１１０",
        "１２",
        "latest",
        "LATEST",
        "latest ",
        "%00",
        "%ff",
        "%ef%bf%bf",
        "..",
        ".",
        "a%2Fb",
        "%E3%80%80",
        "",
        "null",
        "[]",
    ]
)
TEXT = st.text(max_size=12).map(lambda s: quote(s, safe=""))
SEGMENT = st.one_of(ODD, TEXT, st.integers(-(10**30), 10**30).map(str))
PARAMS = st.dictionaries(
    st.sampled_from(
        ["limit", "offset", "q", "all_editions", "page", "format", "code", "x"]
    ),
    st.one_of(
        st.text(max_size=20),
        st.integers(-(10**30), 10**30).map(str),
        st.sampled_from(["", "true", "false", "1", "yes", "電子決裁", "%", "\x00"]),
        st.lists(st.text(max_size=5), max_size=3),
    ),
    max_size=4,
)


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        import_file(django_settings.SHINCHOKU_SEED_FILE)
    yield
    with django_db_blocker.unblock():
        call_command("flush", interactive=False, verbosity=0)


@st.composite
def requests(draw):
    route = draw(st.sampled_from(ROUTES))
    segments = {
        name: draw(st.one_of(st.just(value), SEGMENT)) for name, value in VALID.items()
    }
    path = route.format(**segments)
    if draw(st.integers(0, 5)) == 0:  # an extra segment, or a trailing slash
        path += draw(st.sampled_from(["/", "/x", "//", "/%00"]))
    return path, draw(PARAMS)


@pytest.mark.django_db
@FUZZ
@given(request=requests())
def test_read_endpoints_never_answer_5xx(seeded, request):
    path, params = request
    response = Client().get(path, params)
    assert response.status_code < 500, (path, params, response.content[:300])
    if (
        response.status_code == 200
        and path.startswith("/api/")
        and path != "/api/docs/"
    ):
        assert response["Content-Type"].startswith("application/json")
        response.json()
