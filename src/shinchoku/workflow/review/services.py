"""Writes of the review queue: approving several submitted entries at once."""

from __future__ import annotations

from django.db import transaction

from shinchoku.common.services import User
from shinchoku.workflow.entries.services import entry_approve
from shinchoku.workflow.models import RoundEntry


@transaction.atomic
def entries_approve(
    *, actor: User, entries: list[tuple[RoundEntry, int]], via: str = "screen"
) -> list[RoundEntry]:
    """Approve each entry at the version the office confirmed, all or none:
    one refused (changed since, no longer submitted, not allowed) refuses
    them all, with its reason, and nothing is approved."""
    return [
        entry_approve(actor=actor, entry=entry, based_on_version=version, via=via)
        for entry, version in entries
    ]
