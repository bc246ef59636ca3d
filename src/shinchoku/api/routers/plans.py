from django.http import HttpRequest
from ninja import Router

from shinchoku.api import presenters
from shinchoku.api.params import Code, Slug
from shinchoku.api.routers.common import public_plan
from shinchoku.api.schemas import ErrorOut, PlanOut

router = Router(tags=["plans"])


@router.get(
    "/municipalities/{code}/plans/{slug}",
    response={200: PlanOut, 404: ErrorOut, 422: ErrorOut},
    url_name="plan",
    operation_id="getPlan",
    summary="Get a plan",
)
def plan_detail(request: HttpRequest, code: Code, slug: Slug):
    """A plan and its published editions, newest first."""
    return presenters.plan(public_plan(code, slug))
