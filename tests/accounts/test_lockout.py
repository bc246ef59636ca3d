"""The sign-in lockout: too many failures for one user name from one address
are refused with 429, however the user name is spelt."""

import datetime as dt

import pytest
from axes.models import AccessFailureLog
from django.contrib.auth import get_user_model

LOGINS = ["/workflow/login/", "/admin/login/"]


def _post(client, url, username, password="wrong", ip="10.0.0.1"):
    return client.post(
        url, {"username": username, "password": password}, REMOTE_ADDR=ip
    )


@pytest.mark.django_db
@pytest.mark.parametrize("url", LOGINS)
def test_a_full_width_user_name_shares_the_lockout_of_the_ascii_one(
    client, settings, url
):
    """ｇｙｏｓｅｉ is gyosei to the sign-in form (NFKC): guessing with it must
    count against gyosei, and cannot sign in while gyosei is locked."""
    settings.AXES_FAILURE_LIMIT = 3
    get_user_model().objects.create_superuser("gyosei", "", "right-pw-123")
    for _ in range(2):
        assert _post(client, url, "gyosei").status_code == 200
    # The third failure locks the pair out (django-axes answers it with 429).
    assert _post(client, url, "gyosei").status_code == 429
    assert _post(client, url, "ｇｙｏｓｅｉ").status_code == 429
    assert _post(client, url, "ｇｙｏｓｅｉ", "right-pw-123").status_code == 429
    assert _post(client, url, "GYOSEI", "right-pw-123").status_code == 429


@pytest.mark.django_db
@pytest.mark.parametrize("url", LOGINS)
def test_full_width_failures_lock_the_ascii_user_name(client, settings, url):
    settings.AXES_FAILURE_LIMIT = 3
    get_user_model().objects.create_superuser("gyosei", "", "right-pw-123")
    for _ in range(3):
        _post(client, url, "ｇｙｏｓｅｉ")
    assert _post(client, url, "gyosei", "right-pw-123").status_code == 429


def _fail(client, username="clerk", ip="10.0.0.1", **headers):
    return client.post(
        "/admin/login/",
        {"username": username, "password": "wrong", "next": "/admin/"},
        REMOTE_ADDR=ip,
        **headers,
    )


@pytest.mark.django_db
def test_sign_in_is_refused_with_429_after_too_many_failures(client, settings):
    settings.AXES_FAILURE_LIMIT = 3
    settings.AXES_COOLOFF_TIME = dt.timedelta(minutes=10)
    get_user_model().objects.create_superuser("clerk", "", "right-pw-123")
    for _ in range(2):
        assert _fail(client).status_code == 200  # the form again, with an error
    refused = _fail(client)
    assert refused.status_code == 429
    assert refused["Retry-After"] == "600"
    # Japanese by default (the site's language), English when asked for.
    assert "10分待って" in refused.content.decode()
    message = _fail(client, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Too many failed sign-in attempts" in message and "10 minutes" in message
    # Even the right password is refused while locked out …
    right = client.post(
        "/admin/login/",
        {"username": "clerk", "password": "right-pw-123"},
        REMOTE_ADDR="10.0.0.1",
    )
    assert right.status_code == 429
    # … but only for this username from this address.
    assert _fail(client, username="other").status_code == 200
    assert _fail(client, ip="10.0.0.2").status_code == 200
    # Every attempt that failed or was refused is on record, under one spelling.
    assert AccessFailureLog.objects.filter(username="clerk").count() == 6


@pytest.mark.django_db
def test_a_successful_sign_in_clears_the_failures(client, settings):
    settings.AXES_FAILURE_LIMIT = 3
    get_user_model().objects.create_superuser("clerk", "", "right-pw-123")
    for _ in range(2):
        _fail(client)
    ok = client.post(
        "/admin/login/",
        {"username": "clerk", "password": "right-pw-123"},
        REMOTE_ADDR="10.0.0.1",
    )
    assert ok.status_code == 302
    client.logout()
    for _ in range(2):
        assert _fail(client).status_code == 200
    assert _fail(client).status_code == 429  # the third failure since the reset
