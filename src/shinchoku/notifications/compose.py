"""What each notification says: its subject, its body (a Japanese template,
dates in 和暦, absolute links built on the SITE_URL setting) and its key.

Mails are written in the site's language (settings.LANGUAGE_CODE), whoever's
request caused them, and kept as written: the in-app list shows the same text.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from shinchoku.common import wareki
from shinchoku.notifications.models import Kind
from shinchoku.notifications.selectors import Recipient
from shinchoku.workflow.models import EntryAction, Round, RoundEntry, person_name


@dataclass(frozen=True)
class Draft:
    """A notification not yet saved: to whom, what, and its unique key."""

    recipient: Recipient
    kind: str
    key: str
    subject: str
    body: str
    link: str


def absolute(path: str) -> str:
    """A path on this site as a link a mail can carry."""
    return settings.SITE_URL.rstrip("/") + path


def date_label(day: dt.date) -> str:
    """令和8年12月15日(火): how a Japanese office writes a deadline."""
    weekday = "月火水木金土日"[day.weekday()]
    return f"{wareki.date_label(day)}({weekday})"


def datetime_label(moment: dt.datetime) -> str:
    """令和8年12月15日(火) 14:05, in the site's time zone (JST)."""
    local = timezone.localtime(moment)
    return f"{date_label(local.date())} {local:%H:%M}"


def entry_link(entry: RoundEntry) -> str:
    return reverse("workflow:entry", args=[entry.pk])


def _draft(kind: Kind, key: str, recipient: Recipient, subject: str, link: str, **ctx):
    context = {
        "name": recipient.name,
        "url": absolute(link) if link else "",
        "settings_url": absolute(reverse("notifications:settings")),
        **ctx,
    }
    body = render_to_string(f"notifications/mail/{kind.value}.txt", context)
    return Draft(recipient, kind.value, f"{key}:{recipient.key}", subject, body, link)


def _in_site_language(build):
    def wrapper(*args, **kwargs):
        with translation.override(settings.LANGUAGE_CODE):
            return build(*args, **kwargs)

    wrapper.__doc__ = build.__doc__
    return wrapper


def _programs(entries: list[RoundEntry]) -> list[dict[str, str]]:
    return [{"label": e.label, "url": absolute(entry_link(e))} for e in entries]


@_in_site_language
def round_opened(
    round_: Round, recipient: Recipient, department_pk: int, entries: list[RoundEntry]
) -> Draft:
    """To a department: the round is open, these are your programs."""
    deadline = date_label(round_.deadline)
    subject = _("[Shinchoku] %(round)s: please write by %(deadline)s") % {
        "round": round_.title,
        "deadline": deadline,
    }
    return _draft(
        Kind.ROUND_OPENED,
        f"round_opened:{round_.pk}:d{department_pk}",
        recipient,
        subject,
        reverse("workflow:home"),
        round=round_,
        deadline=deadline,
        programs=_programs(entries),
    )


@_in_site_language
def deadline_reminder(
    round_: Round,
    recipient: Recipient,
    department_pk: int,
    missing: list[RoundEntry],
    *,
    today: dt.date,
    asked_at: dt.datetime | None = None,
) -> Draft:
    """To a department that still owes entries: the deadline is near, or past.
    asked_at: the admin office asked now (the round's button), not the
    schedule: one reminder per minute it is asked in (a double click sends
    one)."""
    overdue = today > round_.deadline
    kind = Kind.OVERDUE if overdue else Kind.DEADLINE_NEAR
    deadline = date_label(round_.deadline)
    if overdue:
        subject = _("[Shinchoku] %(round)s: the deadline %(deadline)s has passed")
    else:
        subject = _("[Shinchoku] %(round)s: due %(deadline)s")
    subject %= {"round": round_.title, "deadline": deadline}
    return _draft(
        kind,
        # One per deadline: a deadline moved later is reminded of again.
        f"{kind.value}:{round_.pk}:{round_.deadline.isoformat()}:d{department_pk}"
        + (f":asked{timezone.localtime(asked_at):%Y%m%d%H%M}" if asked_at else ""),
        recipient,
        subject,
        reverse("workflow:home"),
        round=round_,
        deadline=deadline,
        days=(round_.deadline - today).days,
        programs=_programs(missing),
    )


ENTRY_SUBJECTS = {
    Kind.ENTRY_SUBMITTED: gettext_noop(
        "[Shinchoku] %(program)s was submitted (%(round)s)"
    ),
    Kind.ENTRY_AWAITING_HEAD: gettext_noop(
        "[Shinchoku] %(program)s waits for your check (%(round)s)"
    ),
    Kind.ENTRY_RETURNED: gettext_noop(
        "[Shinchoku] %(program)s was returned (%(round)s)"
    ),
    Kind.ENTRY_APPROVED: gettext_noop(
        "[Shinchoku] %(program)s was approved (%(round)s)"
    ),
}


@_in_site_language
def entry_step(
    kind: Kind, entry: RoundEntry, recipient: Recipient, actor, *, action: str = ""
) -> Draft:
    """To the office (submitted), the department head (awaiting the head) or
    the department (returned by the office or, action head_return, by the
    head; approved)."""
    subject = _(ENTRY_SUBJECTS[kind]) % {
        "program": entry.label,
        "round": entry.round.title,
    }
    moment = {
        Kind.ENTRY_SUBMITTED: entry.submitted_at,
        Kind.ENTRY_APPROVED: entry.approved_at,
    }.get(kind) or timezone.now()
    return _draft(
        kind,
        # The version changes with every step: a resubmission is news again.
        f"{kind.value}:{entry.pk}:v{entry.version}",
        recipient,
        subject,
        entry_link(entry),
        entry=entry,
        round=entry.round,
        actor=person_name(actor) if actor is not None else "",
        by_head=action == EntryAction.HEAD_RETURN,
        when=datetime_label(moment),
        deadline=date_label(entry.round.deadline),
    )
