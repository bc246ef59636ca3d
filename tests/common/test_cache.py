"""The Redis cache backend of the production settings (common.cache), against
the Redis server on 127.0.0.1:6379 (skipped where there is none)."""

from __future__ import annotations

import socket
import uuid

import pytest

from shinchoku.common.cache import RedisCache

REDIS_URL = "redis://127.0.0.1:6379/13"


def _redis_up() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
    except OSError:
        return False
    return True


pytestmark = pytest.mark.skipif(not _redis_up(), reason="no Redis on 127.0.0.1:6379")


@pytest.fixture
def redis_cache():
    cache = RedisCache(REDIS_URL, {"KEY_PREFIX": f"test-{uuid.uuid4().hex}"})
    yield cache
    cache.clear()


def test_it_stores_and_reads_back(redis_cache):
    redis_cache.set("page", (b"<html>", {"Content-Type": "text/html"}), 60)
    redis_cache.add("generation", "abc", None)
    assert redis_cache.get_many(["generation", "page"]) == {
        "generation": "abc",
        "page": (b"<html>", {"Content-Type": "text/html"}),
    }
    assert redis_cache.add("generation", "other", None) is False


def test_one_client_serves_every_call(redis_cache):
    client = redis_cache._cache.get_client(write=True)
    redis_cache.set("a", 1)
    assert redis_cache._cache.get_client() is client
    assert redis_cache._cache.get_client("a", write=True) is client


def test_public_pages_are_served_from_redis(client, seed_plan, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "shinchoku.common.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": f"test-{uuid.uuid4().hex}",
        }
    }
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = f"/132110/plans/{seed_plan.slug}/"
    try:
        assert client.get(url)["X-Shinchoku-Cache"] == "miss"
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response["X-Shinchoku-Cache"] == "hit"
        assert len(captured) == 0  # neither the token nor the page from the database
    finally:
        cache.clear()
