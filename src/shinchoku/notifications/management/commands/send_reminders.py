"""shinchoku send-reminders: the deadline reminders due today (cron)."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.management.base import CommandError
from django.utils import timezone

from shinchoku.common.commands import OfflineCommand
from shinchoku.notifications.reminders import reminders_send


class Command(OfflineCommand):
    help = (
        "Remind the departments that still owe entries of an open round: once "
        "when its deadline is DAYS days away or nearer, once when it has passed. "
        "Run it from cron; a second run sends nothing already sent."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Remind this many days before the deadline (default: the "
            "SHINCHOKU_REMINDER_DAYS setting, 3).",
        )
        parser.add_argument(
            "--today",
            default=None,
            help="Act as on this day (YYYY-MM-DD; default: today in JST).",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="List the reminders due without saving or mailing them.",
        )

    def handle(self, *args, days, today, dry_run, **options):
        days = settings.SHINCHOKU_REMINDER_DAYS if days is None else days
        if days < 0:
            raise CommandError("--days must be 0 or more")
        try:
            day = dt.date.fromisoformat(today) if today else timezone.localdate()
        except ValueError:
            raise CommandError(
                f"--today: {today!r} is not a date (YYYY-MM-DD)"
            ) from None
        run = reminders_send(today=day, days_before=days, dry_run=dry_run)
        if dry_run:
            for draft in run.drafts:
                who = draft.recipient.address or draft.recipient.name
                self.stdout.write(f"{draft.kind}\t{who}\t{draft.subject}")
            self.stdout.write(f"{len(run.drafts)} reminder(s) due (dry run)")
            return
        self.stdout.write(
            f"{len(run.saved)} new reminder(s) of {len(run.drafts)} due; "
            f"{run.retried} failed mail(s) queued again"
        )
