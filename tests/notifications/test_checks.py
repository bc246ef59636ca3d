"""`check --deploy` says when mails would link to nowhere."""

from __future__ import annotations

import pytest

from shinchoku.notifications.checks import site_url_check


@pytest.mark.parametrize(
    ("site_url", "warned"),
    [
        ("http://127.0.0.1:8000", True),  # the default
        ("https://localhost", True),
        ("http://plan.example.lg.jp", True),
        ("https://plan.example.lg.jp", False),
    ],
)
def test_site_url_must_be_the_public_https_address(settings, site_url, warned):
    settings.SITE_URL = site_url
    assert [w.id for w in site_url_check(None)] == (
        ["shinchoku.W001"] if warned else []
    )
