"""Round entries (照会の回答): read, save a draft, submit, withdraw, pass on
(the department head's 課内確認), return, approve — the entry page's actions,
through the same services and permission checks."""

from typing import Annotated

from django.http import HttpRequest
from ninja import Path, Router
from ninja.errors import HttpError

from shinchoku.api import presenters
from shinchoku.api.auth import WRITE_AUTH
from shinchoku.api.schemas import (
    ConflictOut,
    EntryDraftIn,
    EntryOut,
    EntrySavedOut,
    ErrorOut,
    ReturnIn,
    TransitionIn,
)
from shinchoku.workflow.entries import selectors, services
from shinchoku.workflow.models import RoundEntry
from shinchoku.workflow.permissions import Action, require

router = Router(tags=["round entries"], auth=WRITE_AUTH)

EntryId = Annotated[
    int,
    Path(ge=1, le=2**63 - 1, description="The round entry's id.", examples=[1]),
]
READ = {200: EntryOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}
# 400: a body that is not JSON at all (ninja's answer, before validation).
WRITE = {**READ, 400: ErrorOut, 409: ConflictOut}


def _entry(entry_id: int) -> RoundEntry:
    try:
        return selectors.entry_get(entry_id)
    except RoundEntry.DoesNotExist:
        raise HttpError(404, "The round entry was not found.") from None


def _present(entry_id: int, **extra) -> dict:
    entry = _entry(entry_id)
    return {**presenters.entry(entry, selectors.entry_reference(entry)), **extra}


def _step(service, request: HttpRequest, entry_id: int, data: TransitionIn) -> dict:
    """A step of the entry that needs nothing but the version it was read at."""
    service(
        actor=request.auth,
        entry=_entry(entry_id),
        based_on_version=data.based_on_version,
        via="api",
    )
    return _present(entry_id)


@router.get(
    "/entries/{entry_id}",
    response=READ,
    url_name="entry",
    operation_id="getEntry",
    summary="Get a round entry",
)
def entry_detail(request: HttpRequest, entry_id: EntryId):
    """A program's entry in an update round: the draft, its state and version,
    and the live record it replaces. For the admin office, the departments of
    the program and, once handed in, the committee."""
    entry = _entry(entry_id)
    require(request.auth, Action.VIEW_ENTRY, entry)
    return presenters.entry(entry, selectors.entry_reference(entry))


@router.patch(
    "/entries/{entry_id}/draft",
    response={**WRITE, 200: EntrySavedOut},
    url_name="entry-draft",
    operation_id="saveEntryDraft",
    summary="Save a round entry's draft",
)
def entry_draft(request: HttpRequest, entry_id: EntryId, data: EntryDraftIn):
    """Save the draft of the fields the round asks for (plan; or achievements
    and kpi_actuals); fields left out stay as they are. For the admin office
    and the program's lead department, while the round is open and the entry
    not submitted."""
    changed = services.entry_save_draft(
        actor=request.auth,
        entry=_entry(entry_id),
        based_on_version=data.based_on_version,
        achievements=data.achievements,
        plan=data.plan,
        kpi_actuals=data.kpi_actuals,
        via="api",
    )
    return _present(entry_id, changed=changed)


@router.post(
    "/entries/{entry_id}/submit",
    response=WRITE,
    url_name="entry-submit",
    operation_id="submitEntry",
    summary="Submit a round entry",
)
def entry_submit(request: HttpRequest, entry_id: EntryId, data: TransitionIn):
    """Hand a drafted (or returned) entry in to the admin office."""
    return _step(services.entry_submit, request, entry_id, data)


@router.post(
    "/entries/{entry_id}/withdraw",
    response=WRITE,
    url_name="entry-withdraw",
    operation_id="withdrawEntry",
    summary="Withdraw a submitted round entry",
)
def entry_withdraw(request: HttpRequest, entry_id: EntryId, data: TransitionIn):
    """Take a submission back while nobody has reviewed it yet (課内確認待ち or
    提出済): it is a draft again. The admin office and the program's lead
    department."""
    return _step(services.entry_withdraw, request, entry_id, data)


@router.post(
    "/entries/{entry_id}/forward",
    response=WRITE,
    url_name="entry-forward",
    operation_id="forwardEntry",
    summary="Pass a round entry on to the admin office",
)
def entry_forward(request: HttpRequest, entry_id: EntryId, data: TransitionIn):
    """課内確認: the head of the lead department passes a submission that waits
    for them on to the admin office (a plan with 課長承認). To send it back
    instead, `return` it."""
    return _step(services.entry_forward, request, entry_id, data)


@router.post(
    "/entries/{entry_id}/return",
    response=WRITE,
    url_name="entry-return",
    operation_id="returnEntry",
    summary="Return a round entry",
)
def entry_return(request: HttpRequest, entry_id: EntryId, data: ReturnIn):
    """Send a submitted entry back to its department, saying why: the admin
    office, or the lead department's head while it waits for 課内確認."""
    services.entry_return(
        actor=request.auth,
        entry=_entry(entry_id),
        comment=data.comment,
        based_on_version=data.based_on_version,
        via="api",
    )
    return _present(entry_id)


@router.post(
    "/entries/{entry_id}/approve",
    response=WRITE,
    url_name="entry-approve",
    operation_id="approveEntry",
    summary="Approve a round entry",
)
def entry_approve(request: HttpRequest, entry_id: EntryId, data: TransitionIn):
    """Approve a submitted entry: its draft becomes the live FY record (and the
    indicators' actuals). Admin office."""
    return _step(services.entry_approve, request, entry_id, data)
