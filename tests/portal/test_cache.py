"""The public pages' cache (portal.cache): anonymous readers share rendered pages
until anything public changes; signed-in users and API clients with credentials
never see, nor fill, it."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from shinchoku.plans.models import Edition
from shinchoku.portal import cache as page_cache
from shinchoku.portal.models import PublicState
from tests.portal.helpers import add_edition, program_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan_url(seed_plan):
    return f"/132110/plans/{seed_plan.slug}/"


PUBLIC = [
    "/",
    "/132110/",
    "/open-data/",
    "/search/?q=電子決裁",
    "/sitemap.xml",
    "/api/municipalities",
    "/api/plans",
    "/api/search?q=DX",
]


def fetch(client, url, **kwargs):
    response = client.get(url, **kwargs)
    assert response.status_code == 200, url
    return response


def test_a_second_anonymous_visit_is_one_query(client, plan_url):
    pages = [
        *PUBLIC,
        plan_url,
        f"{plan_url}programs/12/",
        f"{plan_url}indicators/",
        f"{plan_url}editions/1/download/records.csv",
    ]
    for url in pages:
        first = fetch(client, url)
        assert first["X-Shinchoku-Cache"] == "miss", url
        with CaptureQueriesContext(connection) as captured:
            second = fetch(client, url)
        assert second["X-Shinchoku-Cache"] == "hit", url
        assert len(captured) == 1, url  # the generation token
        assert second.content == first.content, url
        assert second["Content-Type"] == first["Content-Type"], url
        assert "Cookie" in second["Vary"] and "Accept-Language" in second["Vary"]


def test_public_pages_set_no_cookie_and_hold_no_csrf_token(client, plan_url):
    for url in (plan_url, f"{plan_url}programs/12/", "/"):
        response = fetch(client, url)
        assert not response.cookies, url
        assert b"csrfmiddlewaretoken" not in response.content, url


def test_publishing_a_new_edition_shows_at_once(client, seed_plan, plan_url):
    before = fetch(client, f"{plan_url}programs/12/").content.decode()
    assert "令和7年度当初計画" not in before

    def rename(snapshot):
        program_of(snapshot, 12)["name"] = "電子化の新しい名前"

    add_edition(seed_plan, "令和7年度当初計画", change=rename)
    after = fetch(client, f"{plan_url}programs/12/")
    assert after["X-Shinchoku-Cache"] == "miss"
    assert "電子化の新しい名前" in after.content.decode()


def test_withdrawing_an_edition_empties_the_pages_at_once(client, seed_plan, plan_url):
    fetch(client, plan_url)
    edition = Edition.objects.get(plan=seed_plan)
    edition.published = False
    edition.save()
    assert client.get(plan_url).status_code == 404


def test_every_public_write_replaces_the_token(seed_plan):
    token = page_cache.generation()
    seed_plan.municipality.save()
    assert page_cache.generation() != token


def test_no_token_row_means_no_cache(client, plan_url):
    PublicState.objects.all().delete()
    first = fetch(client, plan_url)
    second = fetch(client, plan_url)
    assert "X-Shinchoku-Cache" not in first and "X-Shinchoku-Cache" not in second
    page_cache.invalidate()  # and the row comes back
    assert PublicState.objects.count() == 1


def test_signed_in_users_neither_read_nor_fill_the_cache(client, plan_url):
    user = get_user_model().objects.create_user("kakarichou", password="pw-12345678")
    staff = type(client)()
    staff.force_login(user)
    mine = fetch(staff, plan_url)
    assert "X-Shinchoku-Cache" not in mine
    assert b"kakarichou" in mine.content
    anonymous = fetch(client, plan_url)
    assert anonymous["X-Shinchoku-Cache"] == "miss"
    assert b"kakarichou" not in anonymous.content
    again = fetch(staff, plan_url)
    assert "X-Shinchoku-Cache" not in again and b"kakarichou" in again.content


def test_credentials_bypass_the_api_cache(client):
    fetch(client, "/api/plans")
    response = client.get("/api/plans", headers={"authorization": "Bearer nothing"})
    assert "X-Shinchoku-Cache" not in response


def test_each_language_has_its_own_pages(client, plan_url):
    ja = fetch(client, plan_url).content.decode()
    en = fetch(client, plan_url, headers={"accept-language": "en"}).content.decode()
    assert 'lang="ja"' in ja and "このページの内容" in ja
    assert 'lang="en"' in en and "On this page" in en
    client.cookies["django_language"] = "en"
    cached_en = fetch(client, plan_url)
    assert cached_en["X-Shinchoku-Cache"] == "hit"
    assert 'lang="en"' in cached_en.content.decode()


def test_not_found_and_errors_are_not_kept(client, plan_url):
    assert client.get(f"{plan_url}programs/99/").status_code == 404
    response = client.get(f"{plan_url}programs/99/")
    assert response.status_code == 404 and "X-Shinchoku-Cache" not in response


def test_the_language_links_set_the_cookie_and_come_back(client, plan_url):
    html = fetch(client, plan_url).content.decode()
    assert f'href="/language/?language=en&amp;next={plan_url}"' in html
    response = client.get("/language/", {"language": "en", "next": plan_url})
    assert response.status_code == 302 and response["Location"] == plan_url
    assert response.cookies["django_language"].value == "en"
    assert 'lang="en"' in fetch(client, plan_url).content.decode()


def test_the_language_link_stays_on_this_site(client):
    response = client.get(
        "/language/", {"language": "en", "next": "https://evil.example/"}
    )
    assert response.status_code == 302 and response["Location"] == "/"
    unknown = client.get("/language/", {"language": "xx", "next": "/"})
    assert "django_language" not in unknown.cookies


def test_the_cache_can_be_turned_off(client, plan_url, settings):
    settings.SHINCHOKU_PUBLIC_CACHE = False
    fetch(client, plan_url)
    assert "X-Shinchoku-Cache" not in fetch(client, plan_url)


@pytest.fixture
def shared(monkeypatch):
    """The cache as one for every app server (Redis, the database cache)."""
    monkeypatch.setattr(page_cache, "_shared", lambda: True)


def test_a_shared_cache_serves_hits_without_the_database(client, plan_url, shared):
    fetch(client, plan_url)
    with CaptureQueriesContext(connection) as captured:
        assert fetch(client, plan_url)["X-Shinchoku-Cache"] == "hit"
    assert len(captured) == 0


def test_a_shared_cache_learns_the_new_token_when_the_write_commits(
    seed_plan, shared, django_capture_on_commit_callbacks
):
    from django.core.cache import cache

    token = page_cache.generation()
    assert cache.get(page_cache.GENERATION_KEY) == token
    with django_capture_on_commit_callbacks() as callbacks:
        seed_plan.municipality.save()
        # not yet committed: readers keep the old token
        assert cache.get(page_cache.GENERATION_KEY) == token
    for callback in callbacks:
        callback()
    new = cache.get(page_cache.GENERATION_KEY)
    assert new != token and new == page_cache._stored_generation()


def test_a_cache_that_fails_costs_no_page(client, plan_url, shared, monkeypatch):
    from django.core.cache import cache

    def down(*args, **kwargs):
        raise ConnectionError("redis is down")

    monkeypatch.setattr(cache, "get", down)
    monkeypatch.setattr(cache, "set", down)
    response = fetch(client, plan_url)
    assert "X-Shinchoku-Cache" not in response
    assert "文書の電子化" in response.content.decode()


@pytest.mark.parametrize(
    ("accept", "compressed"),
    [
        ("gzip, deflate, br", True),
        ("br;q=1.0, gzip;q=0.8", True),
        ("gzip;q=0", False),
        ("identity", False),
        ("", False),
    ],
)
def test_cached_pages_go_compressed_to_who_accepts_it(
    client, plan_url, accept, compressed
):
    import gzip

    first = fetch(client, plan_url).content
    hit = fetch(client, plan_url, headers={"accept-encoding": accept})
    assert hit["X-Shinchoku-Cache"] == "hit"
    assert "Accept-Encoding" in hit["Vary"]
    if compressed:
        assert hit["Content-Encoding"] == "gzip"
        assert gzip.decompress(hit.content) == first
    else:
        assert "Content-Encoding" not in hit
        assert hit.content == first


def test_the_token_copy_lapses_so_a_lost_update_heals(seed_plan, shared, monkeypatch):
    """If the cache is unreachable when a write commits, the old copy of the
    token only lives GENERATION_TIMEOUT seconds; then the database's wins."""
    from django.core.cache import cache

    timeouts = []
    real_set = cache.set

    def spying_set(key, value, timeout=None):
        timeouts.append((key, timeout))
        real_set(key, value, timeout)

    monkeypatch.setattr(cache, "set", spying_set)
    page_cache._publish_generation("new")
    assert timeouts == [(page_cache.GENERATION_KEY, page_cache.GENERATION_TIMEOUT)]


def test_a_token_copy_that_cannot_be_written_is_logged(shared, monkeypatch, caplog):
    from django.core.cache import cache

    def down(*args, **kwargs):
        raise ConnectionError("redis is down")

    monkeypatch.setattr(cache, "set", down)
    page_cache._publish_generation("lost")  # no exception
    assert "cannot write the generation" in caplog.text
