from django.http import HttpRequest
from ninja import Router
from ninja.decorators import decorate_view
from ninja.pagination import paginate

from shinchoku.api import presenters
from shinchoku.api.pagination import LimitOffset
from shinchoku.api.params import Code, EditionId, Slug
from shinchoku.api.routers.common import public_edition
from shinchoku.api.schemas import ErrorOut, IndicatorOut
from shinchoku.portal.cache import public_cache

router = Router(tags=["indicators"])


@router.get(
    "/municipalities/{code}/plans/{slug}/editions/{edition}/indicators",
    response={200: list[IndicatorOut], 404: ErrorOut, 422: ErrorOut},
    url_name="indicators",
    operation_id="listIndicators",
    summary="List an edition's indicators",
)
@decorate_view(public_cache)
@paginate(LimitOffset)
def indicator_list(request: HttpRequest, code: Code, slug: Slug, edition: EditionId):
    """The KPIs published with the edition's programs (empty when the edition has
    none)."""
    return presenters.indicators(public_edition(code, slug, edition))
