"""Writes of notifications: record what is to be told (in the caller's
transaction), mail it after the commit through the task queue, mark it read,
and a person's choice about mail."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.utils import timezone

from shinchoku.notifications.compose import Draft
from shinchoku.notifications.models import Notification, Preference

if TYPE_CHECKING:
    from django.contrib.auth.models import User as AuthUser

log = logging.getLogger(__name__)


def notify(drafts: Iterable[Draft]) -> list[int]:
    """Save the drafts whose key is new (a key seen before adds nothing: a rerun
    tells nobody twice) and mail them once the transaction commits. Returns the
    ids of the notifications saved."""
    drafts = list(drafts)
    seen = set(
        Notification.objects.filter(key__in=[d.key for d in drafts]).values_list(
            "key", flat=True
        )
    )
    new = [
        Notification(
            recipient=d.recipient.user,
            address=d.recipient.address,
            kind=d.kind,
            subject=d.subject[:200],
            body=d.body,
            link=d.link,
            key=d.key,
            wants_mail=d.recipient.mail_on and bool(d.recipient.address),
        )
        for d in drafts
        if d.key not in seen
    ]
    if not new:
        return []
    # Another run may have saved the same key meanwhile: the database keeps one.
    Notification.objects.bulk_create(new, ignore_conflicts=True)
    saved = Notification.objects.filter(key__in=[n.key for n in new])
    ids = list(saved.values_list("pk", flat=True))
    to_mail = list(
        saved.filter(wants_mail=True, mailed_at=None).values_list("pk", flat=True)
    )
    if to_mail:
        mail_after_commit(to_mail)
    return ids


def mail_after_commit(ids: list[int]) -> None:
    """Queue the mails of these notifications once the current transaction
    commits (at once outside one): the request never waits for SMTP."""
    from shinchoku.notifications.tasks import deliver

    transaction.on_commit(lambda: deliver.enqueue(ids), robust=True)


def mail_failed_again() -> int:
    """Queue again the mails that failed (the mail server was down): `shinchoku
    send-reminders` does, so cron retries them. Returns how many."""
    ids = list(
        Notification.objects.filter(wants_mail=True, mailed_at=None)
        .exclude(mail_error="")
        .values_list("pk", flat=True)
    )
    if ids:
        mail_after_commit(ids)
    return len(ids)


def deliver_mail(ids: Iterable[int]) -> int:
    """Mail the notifications not mailed yet, one connection for all; each is
    marked mailed in its own transaction, with its row locked, so two workers
    (or a retried task) never send one twice. A failure is recorded on the
    notification, which a later run retries. Returns the number sent."""
    sent = 0
    # Opened by the first message sent, reused by the others; a message that
    # cannot be sent (the server is down) is recorded and the next one tries.
    connection = get_connection(fail_silently=False)
    try:
        for pk in ids:
            sent += _deliver_one(pk, connection)
    finally:
        connection.close()
    return sent


def _deliver_one(pk: int, connection: BaseEmailBackend) -> int:
    with transaction.atomic():
        notification = (
            Notification.objects.select_for_update(skip_locked=True)
            .filter(pk=pk, wants_mail=True, mailed_at=None)
            .first()
        )
        if notification is None:
            return 0
        message = EmailMessage(
            notification.subject,
            notification.body,
            settings.DEFAULT_FROM_EMAIL,
            [notification.address],
            connection=connection,
            headers={"Auto-Submitted": "auto-generated"},
        )
        try:
            message.send()
        except Exception as exc:  # noqa: BLE001 - kept, and retried later
            log.warning("mail of notification %s failed: %s", pk, exc)
            notification.mail_error = str(exc)[:1000] or type(exc).__name__
            notification.save(update_fields=["mail_error"])
            return 0
        notification.mailed_at = timezone.now()
        notification.mail_error = ""
        notification.save(update_fields=["mailed_at", "mail_error"])
        return 1


def notification_read(*, actor: AuthUser, notification: Notification) -> None:
    """Mark one of the actor's notifications read."""
    if notification.recipient_id != actor.pk:
        raise PermissionError("not the recipient")
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])


def notifications_read_all(*, actor: AuthUser) -> int:
    return Notification.objects.filter(recipient=actor, read_at=None).update(
        read_at=timezone.now()
    )


def preference_set(*, actor: AuthUser, email_enabled: bool) -> Preference:
    """A person turns mail of notifications on or off (for themselves only).
    Notifications already queued are not mailed once turned off."""
    preference, _created = Preference.objects.update_or_create(
        user=actor, defaults={"email_enabled": email_enabled}
    )
    if not email_enabled:
        Notification.objects.filter(recipient=actor, mailed_at=None).update(
            wants_mail=False
        )
    return preference
