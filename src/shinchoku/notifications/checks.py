"""`shinchoku check --deploy`: mails need the site's real address."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Warning, register


@register(deploy=True)
def site_url_check(app_configs, **kwargs):
    parts = urlsplit(settings.SITE_URL)
    if parts.scheme == "https" and parts.hostname not in {
        None,
        "localhost",
        "127.0.0.1",
    }:
        return []
    return [
        Warning(
            f"SITE_URL is {settings.SITE_URL!r}: the links in mails would not "
            "reach anyone.",
            hint="Set SITE_URL to the site's https address, e.g. "
            "https://plan.example.lg.jp (docs/deployment.md).",
            id="shinchoku.W001",
        )
    ]
