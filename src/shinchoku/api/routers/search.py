from typing import Annotated

from django.http import HttpRequest
from ninja import Query, Router
from ninja.decorators import decorate_view

from shinchoku.api import presenters
from shinchoku.api.pagination import LimitOffset
from shinchoku.api.schemas import ErrorOut, SearchPageOut
from shinchoku.portal import search as portal_search
from shinchoku.portal.cache import SEARCH_TIMEOUT, public_cache

router = Router(tags=["search"])


@router.get(
    "/search",
    response={200: SearchPageOut, 422: ErrorOut},
    url_name="search",
    operation_id="search",
    summary="Search programs",
)
@decorate_view(public_cache(timeout=SEARCH_TIMEOUT))
def search(
    request: HttpRequest,
    q: Annotated[
        str,
        Query(
            min_length=1,
            max_length=200,
            description="Words to find (Japanese needs no spaces), e.g. 電子決裁.",
            examples=["電子決裁"],
        ),
    ],
    page: Query[LimitOffset.Input],
    all_editions: Annotated[
        bool, Query(description="Search every published edition, not the latest.")
    ] = False,
):
    """Programs of published editions holding every word of q, best first."""
    results = portal_search.search(
        q, all_editions=all_editions, limit=page.limit, offset=page.offset
    )
    return {
        "count": results.total,
        "capped": results.capped,
        "limit": page.limit,
        "offset": page.offset,
        "items": [presenters.search_hit(h) for h in results.hits],
    }
