"""The notifications' background work, on Django's task framework
(django-tasks, DEP 14): the immediate backend in development and tests, the
database backend and `shinchoku worker` in production (docs/deployment.md)."""

from __future__ import annotations

from django_tasks import task


@task()
def deliver(ids: list[int]) -> int:
    """Mail the notifications with these ids (those not mailed yet)."""
    from shinchoku.notifications.services import deliver_mail

    return deliver_mail(ids)
