"""The JSON API: one router per resource. Read operations are public and serve
published editions only; write operations (round entries, indicator review,
grades) act on the live data for a signed-in user or a token, with the same
services and permission checks as the web pages."""

from __future__ import annotations

from ninja import NinjaAPI
from ninja.renderers import JSONRenderer

from shinchoku.api import errors
from shinchoku.api.routers import (
    authoring,
    editions,
    entries,
    indicators,
    municipalities,
    plans,
    programs,
    reviews,
    rounds,
    search,
)


class UnicodeJSONRenderer(JSONRenderer):
    """Japanese as UTF-8, not as \\uXXXX escapes: an edition's programs are
    half the bytes (6 bytes a character escaped, 3 in UTF-8), and half the
    time to write."""

    json_dumps_params = {"ensure_ascii": False}


api = NinjaAPI(
    renderer=UnicodeJSONRenderer(),
    title="Shinchoku API",
    version="1",
    description=(
        "Published progress of Japanese municipalities' administrative-reform "
        "plans: the read operations, public and without authentication, serve "
        "published editions only (the licence of the data is stated on "
        "/open-data/). The write operations (round entries, closing and "
        "reopening rounds, indicator review, program grades) change the live data as the web pages do, with the "
        "same role rules: they need a bearer token (`Authorization: Bearer "
        "shk_…`, made with `shinchoku api-token USERNAME`) or a signed-in "
        "session with its CSRF token (X-CSRFToken header). Refusals: 401 "
        "without credentials, 403 when the role does not allow it, 409 when "
        "the resource changed since based_on_version (the body gives the "
        "current version), 422 when the request breaks a rule."
    ),
    urls_namespace="api",
    openapi_url="/openapi.json",
    docs_url=None,
)
errors.install(api)
for module in (
    municipalities,
    plans,
    editions,
    programs,
    indicators,
    search,
    entries,
    rounds,
    reviews,
    authoring,
):
    api.add_router("", module.router)
