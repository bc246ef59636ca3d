from django.http import HttpRequest
from ninja import Router
from ninja.decorators import decorate_view
from ninja.pagination import paginate

from shinchoku.api import presenters
from shinchoku.api.pagination import LimitOffset
from shinchoku.api.params import Code, EditionId, ProgramNumber, Slug
from shinchoku.api.routers.common import not_found, public_edition
from shinchoku.api.schemas import ErrorOut, ProgramOut
from shinchoku.portal import selectors
from shinchoku.portal.cache import public_cache

router = Router(tags=["programs"])


@router.get(
    "/municipalities/{code}/plans/{slug}/editions/{edition}/programs",
    response={200: list[ProgramOut], 404: ErrorOut, 422: ErrorOut},
    url_name="programs",
    operation_id="listPrograms",
    summary="List an edition's programs",
)
@decorate_view(public_cache)
@paginate(LimitOffset)
def program_list(request: HttpRequest, code: Code, slug: Slug, edition: EditionId):
    """Every program of the edition with every field, in printed order."""
    pe = public_edition(code, slug, edition)
    return [presenters.program(pe, v) for v in pe.programs()]


@router.get(
    "/municipalities/{code}/plans/{slug}/editions/{edition}/programs/{number}",
    response={200: ProgramOut, 404: ErrorOut, 422: ErrorOut},
    url_name="program",
    operation_id="getProgram",
    summary="Get a program",
)
@decorate_view(public_cache)
def program_detail(
    request: HttpRequest,
    code: Code,
    slug: Slug,
    edition: EditionId,
    number: ProgramNumber,
):
    """A program as published in the edition: every field and its records per
    fiscal year."""
    pe = public_edition(code, slug, edition)
    try:
        return presenters.program(pe, pe.program(number))
    except selectors.NotFound:
        raise not_found("The program") from None
