"""Reads of notifications: who hears of a round's step, a person's list and
unread count."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model
from django.db.models import QuerySet

from shinchoku.common.services import User
from shinchoku.notifications.models import Notification, Preference
from shinchoku.workflow.models import Department, Role, person_name

if TYPE_CHECKING:
    from django.contrib.auth.models import User as AuthUser


@dataclass(frozen=True)
class Recipient:
    """A person (user set) or a department's shared mailbox (user None)."""

    user: AuthUser | None
    address: str
    name: str
    mail_on: bool = True

    @property
    def key(self) -> str:
        """What the dedupe key says of the recipient."""
        if self.user is not None:
            return f"u{self.user.pk}"
        return f"a:{self.address.lower()}"


def _people(**membership: object) -> list[Recipient]:
    users: list[AuthUser] = list(
        get_user_model()
        .objects.filter(is_active=True, **membership)
        .order_by("last_name", "first_name", "username")
    )
    off = set(
        Preference.objects.filter(user__in=users, email_enabled=False).values_list(
            "user_id", flat=True
        )
    )
    return [
        Recipient(
            user=u,
            address=u.email,
            name=person_name(u),
            mail_on=bool(u.email) and u.pk not in off,
        )
        for u in users
    ]


def department_recipients(
    department: Department, *, shared_address: bool = False
) -> list[Recipient]:
    """A department's editors; with shared_address, its own mailbox too (the
    round's announcements and reminders go there, an entry's steps do not)."""
    out = _people(
        shinchoku_membership__department=department,
        shinchoku_membership__role=Role.DEPARTMENT_EDITOR,
    )
    known = {r.address.lower() for r in out if r.address}
    if shared_address and department.email and department.email.lower() not in known:
        out.append(Recipient(None, department.email, department.name))
    return out


def department_head_recipients(department: Department) -> list[Recipient]:
    """A department's heads (課長): they pass on or return what its editors
    submit, where the plan asks for 課長承認."""
    return _people(
        shinchoku_membership__department=department,
        shinchoku_membership__role=Role.DEPARTMENT_HEAD,
    )


def office_recipients(municipality_id: int) -> list[Recipient]:
    """The admin office (行政経営課) of a municipality: its editors."""
    return _people(
        shinchoku_membership__municipality_id=municipality_id,
        shinchoku_membership__role=Role.ADMIN_OFFICE,
    )


def notifications_for(user: AuthUser, *, limit: int = 100) -> list[Notification]:
    return list(Notification.objects.filter(recipient=user)[:limit])


def unread_count(user: User) -> int:
    if not user.is_authenticated:
        return 0
    return Notification.objects.filter(recipient_id=user.pk, read_at=None).count()


def notification_get(user: AuthUser, pk: int) -> Notification:
    """One of the user's notifications (DoesNotExist for anyone else's)."""
    return Notification.objects.get(recipient=user, pk=pk)


def mail_enabled(user: AuthUser) -> bool:
    pref = Preference.objects.filter(user=user).first()
    return pref is None or pref.email_enabled


def pending_mail() -> QuerySet[Notification]:
    """Mails not sent yet (queued, or failed and waiting for a retry)."""
    return Notification.objects.filter(wants_mail=True, mailed_at=None)
