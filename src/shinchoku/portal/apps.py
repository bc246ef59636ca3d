from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    verbose_name = _("Public portal")
    name = "shinchoku.portal"
    label = "portal"

    def ready(self) -> None:
        from shinchoku.portal import signals  # noqa: F401
