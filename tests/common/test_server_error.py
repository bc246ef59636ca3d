"""The 500 page never fails itself: a page that cannot be drawn (here, a static
file missing from the manifest, as before collectstatic) falls back to plain
HTML instead of the server's bare error."""

from django.test import RequestFactory

from shinchoku.common import views


def test_the_site_500_page_in_the_sites_layout():
    response = views.server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert '<header class="site-header">' in response.content.decode()


def test_a_500_page_that_cannot_be_drawn_falls_back(settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {
            "BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"
        },
    }
    settings.STATIC_ROOT = "/nonexistent-static-root"
    response = views.server_error(RequestFactory().get("/api/plans"))
    assert response.status_code == 500
    assert "システムエラー" in response.content.decode()
