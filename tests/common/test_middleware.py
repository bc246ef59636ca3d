"""Request logs and the Content-Security-Policy header."""

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
