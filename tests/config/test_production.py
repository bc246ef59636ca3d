"""The production profile: it refuses to start without its secrets, passes
Django's deployment checks, shares state through the database (or Redis), and
serves under gunicorn with the security headers."""

from __future__ import annotations

import http.client
import json
import os
import re
import secrets
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src"
PRODUCTION = "shinchoku.config.settings.production"


def prod_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "PYTHONPATH": str(SRC),  # this checkout, not the editable install
        "SHINCHOKU_DATA_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": PRODUCTION,
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "example.org",
        "SITE_URL": "https://example.org",
    }
    env.update(extra)
    return {k: v for k, v in env.items() if v is not None}


def shinchoku(*args: str, env: dict[str, str], timeout: int = 60):
    return subprocess.run(
        [sys.executable, "-m", "shinchoku.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
    )


def settings_in(env: dict[str, str], *names: str) -> dict:
    code = (
        "import json, django; django.setup(); from django.conf import settings; "
        f"print(json.dumps({{n: getattr(settings, n, None) for n in {list(names)!r}}}, "
        "default=str))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_check_deploy_passes_with_the_documented_environment(tmp_path):
    result = shinchoku(
        "check", "--deploy", "--fail-level", "WARNING", env=prod_env(tmp_path)
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    ("missing", "value"),
    [
        ("SECRET_KEY", None),
        ("SECRET_KEY", " "),
        ("ALLOWED_HOSTS", None),
        ("ALLOWED_HOSTS", " , "),
    ],
)
def test_production_refuses_to_start_without_required_variables(
    tmp_path, missing, value
):
    env = prod_env(tmp_path, **{missing: value})
    result = shinchoku("check", env=env)
    assert result.returncode != 0
    assert f"ImproperlyConfigured: {missing} must be set in the environment" in (
        result.stderr
    )
    assert not (tmp_path / "secret_key").exists()  # no per-server generated key


def test_state_shared_between_servers_lives_in_the_database(tmp_path):
    s = settings_in(
        prod_env(tmp_path), "DEBUG", "CACHES", "SESSION_ENGINE", "DATABASES"
    )
    assert s["DEBUG"] is False
    assert s["CACHES"]["default"]["BACKEND"].endswith("DatabaseCache")
    assert s["SESSION_ENGINE"] == "django.contrib.sessions.backends.db"
    db = s["DATABASES"]["default"]
    assert db["CONN_MAX_AGE"] == 600 and db["CONN_HEALTH_CHECKS"] is True


def test_redis_is_the_cache_when_redis_url_is_set(tmp_path):
    s = settings_in(
        prod_env(tmp_path, REDIS_URL="redis://127.0.0.1:6379/5"),
        "CACHES",
        "SESSION_ENGINE",
    )
    assert s["CACHES"]["default"]["BACKEND"].endswith("RedisCache")
    assert s["CACHES"]["default"]["LOCATION"] == "redis://127.0.0.1:6379/5"
    assert s["SESSION_ENGINE"].endswith("cached_db")


def test_http_is_redirected_to_https_except_the_health_check(tmp_path):
    code = (
        "import django; django.setup(); from django.test import Client; "
        "c = Client(SERVER_NAME='example.org'); "
        "r = c.get('/'); print(r.status_code, r['Location']); "
        "r = c.get('/healthz'); print(r.status_code, "
        "r.headers.get('Strict-Transport-Security', '-')); "
        "r = c.get('/healthz', secure=True); print(r['Strict-Transport-Security']); "
        "print(c.get('/livez').status_code)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=prod_env(tmp_path),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "301 https://example.org/",
        "200 -",  # load balancers probe over plain http
        "max-age=31536000; includeSubDomains; preload",
        "200",  # /livez too
    ]


def _redis_running() -> bool:
    try:
        import redis  # noqa: F401
    except ImportError:
        return False
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
    except OSError:
        return False
    return True


@pytest.mark.skipif(not _redis_running(), reason="no redis package or server")
def test_the_redis_cache_works(tmp_path):
    key = f"shinchoku-test-{secrets.token_hex(4)}"
    code = (
        "import django; django.setup(); from django.core.cache import cache; "
        f"cache.set({key!r}, 41, 30); cache.incr({key!r}); print(cache.get({key!r})); "
        f"cache.delete({key!r})"
    )
    env = prod_env(tmp_path, REDIS_URL="redis://127.0.0.1:6379/5")
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "42"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(port: int, path: str, headers: dict | None = None, body=None, method="GET"):
    # A hang guard, not a timing: a loaded machine boots a worker slowly.
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    conn.request(
        method, path, body=body, headers={"Host": "example.org", **(headers or {})}
    )
    response = conn.getresponse()
    return response, response.read()


@pytest.fixture(scope="module")
def gunicorn_server(tmp_path_factory):
    """shinchoku serve --gunicorn on a migrated SQLite file, prepared as the
    deployment guide says (migrate, createcachetable, collectstatic). Yields the
    port and the file its stderr (the JSON log) goes to."""
    tmp_path = tmp_path_factory.mktemp("gunicorn")
    env = prod_env(tmp_path, SECURE_SSL_REDIRECT="0")
    for step in (
        ["migrate", "--noinput"],
        ["createcachetable"],
        ["collectstatic", "--noinput"],
    ):
        result = shinchoku(*step, env=env)
        assert result.returncode == 0, result.stderr
    port = _free_port()
    log = tmp_path / "stderr.log"
    with open(log, "w") as stderr:
        server = subprocess.Popen(
            [sys.executable, "-m", "shinchoku.cli", "serve", "--gunicorn"]
            + ["--workers", "2", "--port", str(port)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )
    try:
        for _ in range(300):  # wait for gunicorn to listen (not a timed assertion)
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert server.poll() is None, log.read_text()
                time.sleep(0.05)
        yield port, log
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_gunicorn_serves_with_security_headers_and_json_logs(gunicorn_server):
    port, log = gunicorn_server
    response, body = _get(port, "/healthz", {"X-Request-ID": "probe-1"})
    assert response.status == 200
    assert json.loads(body) == {"status": "ok", "database": "ok"}
    assert response.getheader("X-Request-ID") == "probe-1"

    response, body = _get(port, "/")
    assert response.status == 200
    headers = {k.lower(): v for k, v in response.getheaders()}
    assert headers["content-security-policy"].startswith("default-src 'self';")
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert headers["x-frame-options"] == "DENY"
    assert headers["referrer-policy"] == "same-origin"
    assert headers["x-content-type-options"] == "nosniff"
    css = re.search(rb'href="(/static/shinchoku/css/site\.[0-9a-f]{12}\.css)"', body)
    assert css, "static URLs carry the manifest's content hash"
    response, _ = _get(port, css[1].decode())
    assert response.status == 200
    assert "immutable" in response.getheader("Cache-Control")

    response, _ = _get(port, "/", {"Host": "evil.example"})
    assert response.status == 400  # ALLOWED_HOSTS

    # Each record is flushed as it is written: the line is in the file by now.
    text = log.read_text()
    lines = [json.loads(line) for line in text.splitlines() if line.startswith("{")]
    probe = next(line for line in lines if line.get("request_id") == "probe-1")
    assert probe["path"] == "/healthz" and probe["status"] == 200
    assert {"method", "duration_ms", "user_id"} <= set(probe)


def test_the_sign_in_throttle_holds_across_gunicorn_workers(gunicorn_server):
    """Failures are counted in the database (django-axes), so every
    worker (and every app server) refuses after the limit."""
    port, _ = gunicorn_server
    response, body = _get(port, "/admin/login/")
    cookie = response.getheader("Set-Cookie").split(";")[0]
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body)[1]
    form = f"csrfmiddlewaretoken={token.decode()}&username=clerk&password=wrong"
    statuses = []
    for _ in range(7):
        response, _ = _get(
            port,
            "/admin/login/",
            {
                "Cookie": cookie,
                "Content-Type": "application/x-www-form-urlencoded",
            },
            body=form,
            method="POST",
        )
        statuses.append(response.status)
    # django-axes answers the fifth failure with the lockout, and refuses after.
    assert statuses == [200] * 4 + [429, 429, 429]


def test_with_the_database_down_the_api_answers_json_and_serve_says_why(tmp_path):
    """Nothing listens on port 1: every database call fails."""
    env = prod_env(
        tmp_path,
        SECURE_SSL_REDIRECT="0",
        DATABASE_URL="postgres://nobody@127.0.0.1:1/none",
        CONN_MAX_AGE="0",
    )
    # The development server refuses to start, saying why (no traceback).
    result = shinchoku("serve", "--port", str(_free_port()), env=env)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr, result.stderr
    assert "database" in result.stderr and "127.0.0.1:1" in result.stderr
    # gunicorn starts without the database; the API says it failed, as JSON.
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "shinchoku.cli", "serve", "--gunicorn"]
        + ["--workers", "1", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(300):  # wait for gunicorn to listen (not a timed assertion)
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.05)
        response, body = _get(port, "/api/municipalities")
        assert response.status == 500
        assert response.getheader("Content-Type").startswith("application/json"), body[
            :3000
        ]
        assert json.loads(body)["detail"]
    finally:
        server.terminate()
        server.wait(timeout=30)
