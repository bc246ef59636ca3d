"""The API's documentation page: server-rendered from the OpenAPI schema (no
script, nothing from a CDN)."""

from __future__ import annotations

from django.shortcuts import render
from django.views.decorators.http import require_safe

from shinchoku.api.urls import api

METHODS = ("get", "post", "put", "patch", "delete")


def operations(schema: dict) -> list[dict]:
    """The schema's operations in path order, flattened for the template."""
    found = []
    for path, item in schema.get("paths", {}).items():
        for method in METHODS:
            op = item.get(method)
            if op is None:
                continue
            found.append(
                {
                    "id": op.get("operationId", f"{method}-{path}"),
                    "method": method.upper(),
                    "path": path,
                    "summary": op.get("summary", ""),
                    "description": op.get("description", ""),
                    "tags": op.get("tags", []),
                    "auth": bool(op.get("security")),
                    "parameters": [
                        {
                            "name": p["name"],
                            "in": p["in"],
                            "required": p.get("required", False),
                            "description": p.get("description")
                            or p.get("schema", {}).get("description", ""),
                        }
                        for p in op.get("parameters", [])
                    ],
                    "responses": sorted(op.get("responses", {})),
                }
            )
    return found


@require_safe
def api_docs(request):
    schema = api.get_openapi_schema()
    return render(
        request,
        "api/docs.html",
        {
            "schema_info": schema.get("info", {}),
            "operations": operations(schema),
        },
    )
