"""403, 404, 500 and the CSRF failure: the site's layout, in Japanese, with a
way back."""

import pytest
from django.template import loader
from django.test import Client
from django.utils import translation

from tests.language import latin_words


def assert_site_page_in_japanese(html: str) -> None:
    assert 'class="site-header"' in html
    assert 'href="/"' in html  # a way back
    words = latin_words(html)
    assert not words, f"Latin words on a Japanese page: {sorted(words)}"


@pytest.mark.django_db
def test_404_is_a_japanese_page_of_the_site(client):
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "ページが見つかりません" in html
    assert_site_page_in_japanese(html)


@pytest.mark.django_db
def test_403_is_a_japanese_page_of_the_site(client, django_user_model):
    from shinchoku.plans.models import Municipality, Plan

    municipality = Municipality.objects.create(code="132110", name="小平市")
    Plan.objects.create(
        municipality=municipality,
        slug="2021-2024",
        title="計画",
        first_fy=2021,
        last_fy=2024,
    )
    client.force_login(
        django_user_model.objects.create_user(
            "nobody", password="x", last_name="小平", first_name="太郎"
        )
    )
    response = client.post("/staff/132110/plans/2021-2024/rounds/")
    assert response.status_code == 403
    html = response.content.decode()
    assert "このページを開く権限がありません" in html
    assert_site_page_in_japanese(html)


@pytest.mark.django_db
def test_csrf_failure_is_a_japanese_page_of_the_site():
    client = Client(enforce_csrf_checks=True)
    response = client.post("/workflow/login/", {"username": "a", "password": "b"})
    assert response.status_code == 403
    html = response.content.decode()
    assert "フォームを送信できませんでした" in html
    assert_site_page_in_japanese(html)


def test_500_renders_without_a_request_or_the_database():
    """Django's server_error renders 500.html with no context; no db mark, so a
    query would fail this test."""
    with translation.override("ja"):
        html = loader.get_template("500.html").render()
    assert "システムでエラーが発生しました" in html
    assert_site_page_in_japanese(html)


@pytest.mark.django_db
def test_the_500_handler_answers_in_the_site_layout(rf):
    from django.views.defaults import server_error

    with translation.override("ja"):
        response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert 'class="site-header"' in response.content.decode()
