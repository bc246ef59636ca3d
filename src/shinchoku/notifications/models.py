"""Notifications: what the update round tells people, in the app and by mail.

A notification is written in the transaction of the step that caused it (so it
exists exactly when the step happened) and mailed after the commit by a task
(notifications.tasks). Its ``key`` is unique: whatever may run twice (a cron
job's reminders, a retried task) adds nothing the second time.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    ROUND_OPENED = "round_opened", _("Round opened")
    ENTRY_SUBMITTED = "entry_submitted", _("Entry submitted")
    ENTRY_AWAITING_HEAD = "entry_awaiting_head", _("Entry awaiting the head")
    ENTRY_RETURNED = "entry_returned", _("Entry returned")
    ENTRY_APPROVED = "entry_approved", _("Entry approved")
    DEADLINE_NEAR = "deadline_near", _("Deadline near")
    OVERDUE = "overdue", _("Overdue")


class Notification(models.Model):
    """One message to one person (or to a department's shared address)."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
        null=True,
        blank=True,
        help_text=_("Empty for a department's shared address."),
    )
    address = models.EmailField(_("e-mail address"), blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("body"))
    # A path on this site (/workflow/entries/5/); mails carry it absolute.
    link = models.CharField(_("link"), max_length=200, blank=True)
    key = models.CharField(max_length=200, unique=True, editable=False)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    # Whether it should be mailed (an address, and mail not turned off), and
    # when it was.
    wants_mail = models.BooleanField(default=True)
    mailed_at = models.DateTimeField(_("mailed at"), null=True, blank=True)
    mail_error = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(
                fields=["recipient", "read_at"], name="notification_unread_idx"
            ),
        ]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")

    def __str__(self) -> str:
        return self.subject

    @property
    def is_read(self) -> bool:
        return self.read_at is not None


class Preference(models.Model):
    """A person's choice about mail (no row: mail on)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_preference",
    )
    email_enabled = models.BooleanField(
        _("receive notifications by e-mail"), default=True
    )

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")

    def __str__(self) -> str:
        return str(self.user)
