from django.http import HttpRequest
from ninja import Router
from ninja.decorators import decorate_view
from ninja.pagination import paginate

from shinchoku.api import presenters
from shinchoku.api.pagination import LimitOffset, Presented
from shinchoku.api.params import Code, Slug
from shinchoku.api.routers.common import public_plan
from shinchoku.api.schemas import ErrorOut, PlanOut, PlanSummaryOut
from shinchoku.portal import selectors
from shinchoku.portal.cache import public_cache

router = Router(tags=["plans"])


@router.get(
    "/plans",
    response={200: list[PlanSummaryOut], 422: ErrorOut},
    operation_id="listPlans",
    summary="List plans",
)
@decorate_view(public_cache)
@paginate(LimitOffset)
def plan_list(request: HttpRequest):
    """Every published plan of every municipality, by municipality code."""
    return Presented(selectors.public_plans(), presenters.plan_summary)


@router.get(
    "/municipalities/{code}/plans/{slug}",
    response={200: PlanOut, 404: ErrorOut, 422: ErrorOut},
    url_name="plan",
    operation_id="getPlan",
    summary="Get a plan",
)
@decorate_view(public_cache)
def plan_detail(request: HttpRequest, code: Code, slug: Slug):
    """A plan and its published editions, newest first."""
    return presenters.plan(public_plan(code, slug))
