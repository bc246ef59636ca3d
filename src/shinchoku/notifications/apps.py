from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "shinchoku.notifications"
    verbose_name = _("Notifications")

    def ready(self) -> None:
        # The update round announces its steps (workflow.events); mails follow.
        from shinchoku.notifications import checks, receivers  # noqa: F401

        receivers.connect()
