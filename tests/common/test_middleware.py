"""Request logs, the Content-Security-Policy header and the sign-in throttle."""

import json
import logging

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache

from shinchoku.common.logging import JsonFormatter

LOGIN = "/admin/login/"


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


def request_records(caplog):
    return [r for r in caplog.records if r.name == "shinchoku.request"]


@pytest.mark.django_db
def test_every_request_is_logged_once_with_its_fields(client, caplog):
    caplog.set_level(logging.INFO, logger="shinchoku.request")
    response = client.get("/healthz", HTTP_X_REQUEST_ID="abc-123")
    (record,) = request_records(caplog)
    fields = record.request_log
    assert fields["method"] == "GET" and fields["path"] == "/healthz"
    assert fields["status"] == 200 and fields["user_id"] is None
    assert fields["request_id"] == "abc-123" == response["X-Request-ID"]
    assert isinstance(fields["duration_ms"], float) and fields["duration_ms"] >= 0


@pytest.mark.django_db
def test_the_log_names_the_signed_in_user_and_a_fresh_request_id(client, caplog):
    user = get_user_model().objects.create_user("clerk", password="pw-123456!")
    client.force_login(user)
    caplog.set_level(logging.INFO, logger="shinchoku.request")
    response = client.get("/no-such-page/", HTTP_X_REQUEST_ID="not a token!")
    (record,) = request_records(caplog)
    assert record.request_log["user_id"] == user.pk
    assert record.request_log["status"] == 404
    request_id = record.request_log["request_id"]
    assert len(request_id) == 32 and request_id == response["X-Request-ID"]


def test_the_json_formatter_writes_one_line_of_the_request_fields():
    record = logging.LogRecord(
        "shinchoku.request", logging.INFO, __file__, 1, "GET / 200", (), None
    )
    record.request_log = {"method": "GET", "path": "/計画/", "status": 200}
    line = JsonFormatter().format(record)
    assert "\n" not in line
    data = json.loads(line)
    assert data["path"] == "/計画/" and data["status"] == 200
    assert data["level"] == "INFO" and data["logger"] == "shinchoku.request"


@pytest.mark.django_db
def test_csp_header_is_sent_only_when_configured(client, settings):
    assert "Content-Security-Policy" not in client.get("/healthz")
    settings.SHINCHOKU_CSP = "default-src 'self'"
    assert client.get("/healthz")["Content-Security-Policy"] == "default-src 'self'"


def _fail(client, username="clerk", ip="10.0.0.1", **headers):
    return client.post(
        LOGIN,
        {"username": username, "password": "wrong", "next": "/admin/"},
        REMOTE_ADDR=ip,
        **headers,
    )


@pytest.mark.django_db
def test_sign_in_is_refused_with_429_after_too_many_failures(client, settings):
    settings.SHINCHOKU_LOGIN_THROTTLE = {"limit": 3, "window": 600}
    get_user_model().objects.create_superuser("clerk", "", "right-pw-123")
    for _ in range(3):
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
        LOGIN, {"username": "clerk", "password": "right-pw-123"}, REMOTE_ADDR="10.0.0.1"
    )
    assert right.status_code == 429
    # … but only for this username from this address.
    assert _fail(client, username="other").status_code == 200
    assert _fail(client, ip="10.0.0.2").status_code == 200


@pytest.mark.django_db
def test_a_successful_sign_in_clears_the_failures(client, settings):
    settings.SHINCHOKU_LOGIN_THROTTLE = {"limit": 3, "window": 600}
    get_user_model().objects.create_superuser("clerk", "", "right-pw-123")
    for _ in range(2):
        _fail(client)
    ok = client.post(
        LOGIN, {"username": "clerk", "password": "right-pw-123"}, REMOTE_ADDR="10.0.0.1"
    )
    assert ok.status_code == 302
    client.logout()
    for _ in range(2):
        assert _fail(client).status_code == 200
    assert _fail(client).status_code == 200  # the third failure since the reset
    assert _fail(client).status_code == 429
