"""The JSON API: one router per resource. Read endpoints are public and serve
published editions only; authenticated write endpoints will join the same
routers (with the workflow's permission checks) when they exist."""

from __future__ import annotations

from ninja import NinjaAPI

from shinchoku.api.routers import (
    editions,
    indicators,
    municipalities,
    plans,
    programs,
    search,
)

api = NinjaAPI(
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
