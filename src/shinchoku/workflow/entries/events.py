"""What the steps of an entry announce, for whoever reacts to them (mails, the
dashboard): ``entry_stepped`` is sent once the step's transaction committed,
with ``event`` (the EntryEvent kept in the thread). Nothing is sent for a step
that was rolled back."""

from __future__ import annotations

from django.db import transaction
from django.dispatch import Signal

from shinchoku.workflow.models import EntryEvent

# Sent with sender=EntryEvent and event=<EntryEvent> after commit.
entry_stepped = Signal()


def announce(event: EntryEvent) -> None:
    """Send entry_stepped for the event when the current transaction commits."""
    transaction.on_commit(
        lambda: entry_stepped.send(sender=EntryEvent, event=event), robust=False
    )
