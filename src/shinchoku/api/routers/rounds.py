"""Update rounds: read one with what closing it meets, close it into an
edition, reopen it to correct that edition — the round page's actions, through
the same services and permission checks."""

from typing import Annotated

from django.http import HttpRequest
from ninja import Path, Router
from ninja.errors import HttpError

from shinchoku.api import presenters
from shinchoku.api.auth import WRITE_AUTH
from shinchoku.api.round_schemas import (
    RoundCloseIn,
    RoundConflictOut,
    RoundReopenIn,
    RoundStateOut,
)
from shinchoku.api.schemas import ErrorOut
from shinchoku.workflow.models import Round
from shinchoku.workflow.permissions import Action, require
from shinchoku.workflow.rounds import selectors, services

router = Router(tags=["rounds"], auth=WRITE_AUTH)

RoundId = Annotated[
    int, Path(ge=1, le=2**63 - 1, description="The round's id.", examples=[1])
]
READ = {
    200: RoundStateOut,
    401: ErrorOut,
    403: ErrorOut,
    404: ErrorOut,
    422: ErrorOut,
}
WRITE = {**READ, 400: ErrorOut, 409: RoundConflictOut}


def _round(round_id: int) -> Round:
    try:
        return selectors.round_get(round_id)
    except Round.DoesNotExist:
        raise HttpError(404, "The round was not found.") from None


def _present(round_id: int) -> dict:
    round_ = _round(round_id)
    return presenters.round_state(round_, selectors.round_close_check(round_))


@router.get(
    "/rounds/{round_id}",
    response=READ,
    url_name="round",
    operation_id="getRound",
    summary="Get a round",
)
def round_detail(request: HttpRequest, round_id: RoundId):
    """A round, the edition it closed into, and what closing it meets: the
    entries in progress (closing is refused over them) and those not started.
    The admin office and the committee."""
    require(request.auth, Action.VIEW_ROUND, _round(round_id))
    return _present(round_id)


@router.post(
    "/rounds/{round_id}/close",
    response=WRITE,
    url_name="round-close",
    operation_id="closeRound",
    summary="Close a round into an edition",
)
def round_close(request: HttpRequest, round_id: RoundId, data: RoundCloseIn):
    """Close an open round and freeze the plan as approved into an edition,
    unpublished until published (PUT /api/editions/{id}/published). Refused
    (409, with `pending`) while entries are in progress; entries not started
    keep their text and are listed in the answer's `not_started`. A round
    reopened since it closed makes a 修正版 that supersedes the edition it
    closed into. Admin office."""
    round_ = _round(round_id)
    values = selectors.close_proposal(round_)
    values.update(data.model_dump(exclude_none=True))
    services.round_close(actor=request.auth, round_=round_, via="api", **values)
    return _present(round_id)


@router.post(
    "/rounds/{round_id}/reopen",
    response=WRITE,
    url_name="round-reopen",
    operation_id="reopenRound",
    summary="Reopen a closed round",
)
def round_reopen(request: HttpRequest, round_id: RoundId, data: RoundReopenIn):
    """Reopen a closed round to correct its edition, saying why: the entries
    of `programs` go back to their departments as returned, with the reason.
    Closing it again makes a 修正版; until then the edition stays as it is.
    Admin office."""
    services.round_reopen(
        actor=request.auth,
        round_=_round(round_id),
        reason=data.reason,
        programs=data.programs,
        via="api",
    )
    return _present(round_id)
