"""What the project's management commands share."""

from __future__ import annotations

from django.core.checks import Tags
from django.core.management.base import BaseCommand
from django.urls import set_urlconf

# Every system check but the URL configuration's: loading it imports every
# view and the API's schemas (about a second on the development machine),
# which a command that serves no request never uses.
OFFLINE_CHECKS = sorted(
    tag
    for name, tag in vars(Tags).items()
    if not name.startswith("_") and tag != Tags.urls
)


class OfflineCommand(BaseCommand):
    """A command that serves no request: its checks leave the URLs alone, and
    the links it writes (a report's program pages) are reversed among the
    pages' URLs only (config.page_urls), without loading the API."""

    requires_system_checks = OFFLINE_CHECKS

    def execute(self, *args, **options):
        set_urlconf("shinchoku.config.page_urls")
        try:
            return super().execute(*args, **options)
        finally:
            set_urlconf(None)
