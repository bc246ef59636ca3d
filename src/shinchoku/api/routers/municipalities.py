from django.http import HttpRequest
from ninja import Router
from ninja.decorators import decorate_view
from ninja.pagination import paginate

from shinchoku.api import presenters
from shinchoku.api.pagination import LimitOffset, Presented
from shinchoku.api.params import Code
from shinchoku.api.routers.common import not_found
from shinchoku.api.schemas import ErrorOut, MunicipalityDetailOut, MunicipalityOut
from shinchoku.portal import selectors
from shinchoku.portal.cache import public_cache

router = Router(tags=["municipalities"])


@router.get(
    "/municipalities",
    response={200: list[MunicipalityOut], 422: ErrorOut},
    url_name="municipalities",
    operation_id="listMunicipalities",
    summary="List municipalities",
)
@decorate_view(public_cache)
@paginate(LimitOffset)
def municipality_list(request: HttpRequest):
    """Municipalities with at least one published plan, by code."""
    return Presented(selectors.public_municipalities(), presenters.municipality)


@router.get(
    "/municipalities/{code}",
    response={200: MunicipalityDetailOut, 404: ErrorOut, 422: ErrorOut},
    url_name="municipality",
    operation_id="getMunicipality",
    summary="Get a municipality",
)
@decorate_view(public_cache)
def municipality_detail(request: HttpRequest, code: Code):
    """A municipality and its published plans."""
    try:
        m = selectors.municipality_get(code)
    except selectors.NotFound:
        raise not_found("The municipality") from None
    return {
        **presenters.municipality(m),
        "plans": [presenters.plan_summary(p) for p in m.public_plans],
    }
