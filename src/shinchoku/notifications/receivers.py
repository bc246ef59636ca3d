"""Who hears of which step of the update round (workflow.events):

* a round opens: each lead department's editors (and its shared address), with
  their own programs;
* an entry is submitted: the admin office; where the plan asks for 課長承認,
  an editor's submission first goes to the department's heads (課内確認);
* an entry is returned (with the reason; also when a closed round is reopened
  to correct it) or approved: the lead department's editors;
* the admin office asks for a reminder (the round's button): the departments
  that still owe entries, as `shinchoku send-reminders` would.

Whoever took the step is not told of it.
"""

from __future__ import annotations

from django.utils import timezone

from shinchoku.notifications import compose, selectors, services
from shinchoku.notifications.models import Kind
from shinchoku.workflow import events
from shinchoku.workflow.models import Round, RoundEntry
from shinchoku.workflow.rounds import selectors as round_selectors


def _others(recipients, actor):
    actor_pk = getattr(actor, "pk", None)
    return [r for r in recipients if r.user is None or r.user.pk != actor_pk]


def on_round_opened(sender, *, round: Round, actor, **kwargs) -> None:
    drafts = []
    for row in round_selectors.round_dashboard(round):
        if row.department is None:
            continue
        recipients = selectors.department_recipients(
            row.department, shared_address=True
        )
        drafts += [
            compose.round_opened(round, r, row.department.pk, row.entries)
            for r in _others(recipients, actor)
        ]
    services.notify(drafts)


def on_round_reminded(sender, *, round: Round, rows, actor, **kwargs) -> dict:
    """The admin office's reminder, now: to the departments in rows. Answers
    how many mails each department's reminder goes out as."""
    now = timezone.now()
    today = timezone.localdate(now)
    reached = {}
    for row in rows:
        recipients = selectors.department_recipients(
            row.department, shared_address=True
        )
        services.notify(
            compose.deadline_reminder(
                round, r, row.department.pk, row.missing, today=today, asked_at=now
            )
            for r in recipients
        )
        reached[row.department.pk] = sum(1 for r in recipients if r.mail_on)
    return reached


def _lead(entry: RoundEntry):
    assignment = getattr(entry.program, "assignment", None)
    return assignment.lead if assignment is not None else None


def _entry_step(kind: Kind, entry: RoundEntry, actor, action: str = "") -> None:
    if kind == Kind.ENTRY_SUBMITTED:
        recipients = selectors.office_recipients(entry.round.plan.municipality_id)
    elif kind == Kind.ENTRY_AWAITING_HEAD:
        lead = _lead(entry)
        recipients = selectors.department_head_recipients(lead) if lead else []
    else:
        lead = _lead(entry)
        recipients = selectors.department_recipients(lead) if lead else []
    services.notify(
        compose.entry_step(kind, entry, r, actor, action=action)
        for r in _others(recipients, actor)
    )


def on_entry_submitted(sender, *, entry: RoundEntry, actor, **kwargs) -> None:
    _entry_step(Kind.ENTRY_SUBMITTED, entry, actor)


def on_entry_awaiting_head(sender, *, entry: RoundEntry, actor, **kwargs) -> None:
    _entry_step(Kind.ENTRY_AWAITING_HEAD, entry, actor)


def on_entry_returned(
    sender, *, entry: RoundEntry, actor, action: str = "", **kwargs
) -> None:
    _entry_step(Kind.ENTRY_RETURNED, entry, actor, action)


def on_entry_approved(sender, *, entry: RoundEntry, actor, **kwargs) -> None:
    _entry_step(Kind.ENTRY_APPROVED, entry, actor)


def connect() -> None:
    uid = "shinchoku.notifications"
    events.round_opened.connect(on_round_opened, dispatch_uid=f"{uid}.round_opened")
    events.round_reminded.connect(on_round_reminded, dispatch_uid=f"{uid}.reminded")
    events.entry_submitted.connect(on_entry_submitted, dispatch_uid=f"{uid}.submitted")
    events.entry_awaiting_head.connect(
        on_entry_awaiting_head, dispatch_uid=f"{uid}.awaiting_head"
    )
    events.entry_returned.connect(on_entry_returned, dispatch_uid=f"{uid}.returned")
    events.entry_approved.connect(on_entry_approved, dispatch_uid=f"{uid}.approved")
