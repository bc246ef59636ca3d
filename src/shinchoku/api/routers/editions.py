from django.http import HttpRequest
from ninja import Router
from ninja.decorators import decorate_view

from shinchoku.api import presenters
from shinchoku.api.params import Code, EditionId, Slug
from shinchoku.api.routers.common import public_edition, public_plan
from shinchoku.api.schemas import EditionOut, EditionSummaryOut, ErrorOut
from shinchoku.portal.cache import public_cache

router = Router(tags=["editions"])


@router.get(
    "/municipalities/{code}/plans/{slug}/editions",
    response={200: list[EditionSummaryOut], 404: ErrorOut, 422: ErrorOut},
    url_name="editions",
    operation_id="listEditions",
    summary="List a plan's editions",
)
@decorate_view(public_cache)
def edition_list(request: HttpRequest, code: Code, slug: Slug):
    """The plan's published editions, newest first."""
    pp = public_plan(code, slug)
    return [presenters.edition_summary(r, latest=pp.latest) for r in pp.editions]


@router.get(
    "/municipalities/{code}/plans/{slug}/editions/{edition}",
    response={200: EditionOut, 404: ErrorOut, 422: ErrorOut},
    url_name="edition",
    operation_id="getEdition",
    summary="Get an edition",
)
@decorate_view(public_cache)
def edition_detail(request: HttpRequest, code: Code, slug: Slug, edition: EditionId):
    """An edition as published: sections, 方向性 and its programs in order."""
    return presenters.edition(public_edition(code, slug, edition))
