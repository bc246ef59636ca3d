"""Reminders of a round's deadline, sent by `shinchoku send-reminders` (cron,
once a day or more often): to each department that still owes entries of an
open round, once when the deadline is N days away or nearer, once when it has
passed. The same run mails again what failed to be mailed before. Each reminder's key names the round, its deadline, the department and
the person, so running the command again sends nothing new (and moving a
deadline later reminds again)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db import transaction

from shinchoku.notifications import compose, selectors, services
from shinchoku.workflow.models import Round, RoundStatus
from shinchoku.workflow.rounds import selectors as round_selectors


@dataclass
class ReminderRun:
    drafts: list[compose.Draft] = field(default_factory=list)
    saved: list[int] = field(default_factory=list)
    retried: int = 0


def due_reminders(*, today: dt.date, days_before: int) -> list[compose.Draft]:
    """The reminders due today (whether or not sent before)."""
    drafts = []
    rounds = Round.objects.filter(status=RoundStatus.OPEN).select_related(
        "plan__municipality"
    )
    for round_ in rounds.order_by("deadline", "pk"):
        if (round_.deadline - today).days > days_before:
            continue
        for row in round_selectors.round_dashboard(round_):
            if row.department is None or not row.missing:
                continue
            recipients = selectors.department_recipients(
                row.department, shared_address=True
            )
            drafts += [
                compose.deadline_reminder(
                    round_, r, row.department.pk, row.missing, today=today
                )
                for r in recipients
            ]
    return drafts


@transaction.atomic
def reminders_send(
    *, today: dt.date, days_before: int, dry_run: bool = False
) -> ReminderRun:
    """Save and mail (after the commit) the reminders due today that were not
    sent before; with dry_run, only say which are due."""
    run = ReminderRun(drafts=due_reminders(today=today, days_before=days_before))
    if not dry_run:
        run.saved = services.notify(run.drafts)
        run.retried = services.mail_failed_again()
    return run
