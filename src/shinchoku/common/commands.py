"""What the project's management commands share."""

from __future__ import annotations

from django.core.checks import Tags
from django.core.management.base import BaseCommand
from django.urls import set_urlconf

# Every system check but those of what serves requests: the URL configuration
# (loading it imports every view and the API's schemas, about a second on the
# development machine) and the admin site's pages.
OFFLINE_CHECKS = sorted(
    tag
    for name, tag in vars(Tags).items()
    if not name.startswith("_") and tag not in {Tags.urls, Tags.admin}
)


class OfflineCommand(BaseCommand):
    """A command that serves no request: its checks leave the URLs alone, and
    the links it writes (a report's program pages) are reversed among the
    pages' URLs only (config.page_urls), without loading the API."""

    requires_system_checks = OFFLINE_CHECKS
    # Where the command's links are reversed; a command that links to fewer
    # pages names a smaller URL configuration (config.report_urls).
    urlconf = "shinchoku.config.page_urls"

    def execute(self, *args, **options):
        set_urlconf(self.urlconf)
        try:
            return super().execute(*args, **options)
        finally:
            set_urlconf(None)
