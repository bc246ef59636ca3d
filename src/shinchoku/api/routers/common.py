"""Loading helpers shared by the routers: portal selectors, 404 when missing."""

from __future__ import annotations

from ninja.errors import HttpError

from shinchoku.portal import selectors

ERRORS = {404: "ErrorOut", 422: "ErrorOut"}


def not_found(what: str) -> HttpError:
    return HttpError(404, f"{what} was not found or is not published.")


def public_plan(code: str, slug: str) -> selectors.PublicPlan:
    try:
        return selectors.plan_get(code=code, slug=slug)
    except selectors.NotFound:
        raise not_found("The plan") from None


def public_edition(code: str, slug: str, edition: str) -> selectors.PublicEdition:
    number = None if edition == "latest" else int(edition)
    try:
        return selectors.edition_get(code=code, slug=slug, number=number)
    except selectors.NotFound:
        raise not_found("The edition") from None
