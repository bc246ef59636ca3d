"""Writes of committee opinions (委員会意見) on a round's entries and the city's
responses (市の対応)."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from shinchoku.common.services import ServiceError, User, model_save, signed_in
from shinchoku.workflow.models import Opinion, RoundEntry
from shinchoku.workflow.permissions import Action, require


@transaction.atomic
def opinion_add(
    *, actor: User, entry: RoundEntry, text: str, via: str = "screen"
) -> Opinion:
    # Asked of the entry as saved: whether the member may read it depends on
    # its state, which may have changed since the page was shown.
    entry = (
        RoundEntry.objects.select_for_update(of=("self",))
        .select_related("round__plan__municipality", "program__plan__municipality")
        .get(pk=entry.pk)
    )
    require(actor, Action.ADD_OPINION, entry)
    if not text.strip():
        raise ServiceError(_("Write the opinion first."))
    opinion = Opinion(entry=entry, text=text.strip(), author=signed_in(actor))
    model_save(
        opinion,
        actor=actor,
        reason=f"{via}: opinion on {entry.program.number_label}",
        exclude=["entry", "author"],
    )
    return opinion


@transaction.atomic
def opinion_respond(
    *, actor: User, opinion: Opinion, response: str, via: str = "screen"
) -> bool:
    require(actor, Action.RESPOND_OPINION, opinion)
    response = response.strip()
    if opinion.response == response:
        return False
    opinion.response = response
    opinion.responded_by = signed_in(actor)
    opinion.responded_at = timezone.now()
    model_save(
        opinion,
        actor=actor,
        reason=f"{via}: response to opinion #{opinion.pk}",
        exclude=["entry", "author", "responded_by"],
    )
    return True
