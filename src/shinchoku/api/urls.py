"""The JSON API: one router per resource. Read endpoints are public and serve
published editions only; authenticated write endpoints will join the same
routers (with the workflow's permission checks) when they exist."""

from __future__ import annotations

from ninja import NinjaAPI
from ninja.renderers import JSONRenderer

from shinchoku.api.routers import (
    editions,
    indicators,
    municipalities,
    plans,
    programs,
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
        "plans. Read-only, no authentication; the licence of the data is stated "
        "on /open-data/."
    ),
    urls_namespace="api",
    openapi_url="/openapi.json",
    docs_url=None,
)
for module in (municipalities, plans, editions, programs, indicators, search):
    api.add_router("", module.router)
