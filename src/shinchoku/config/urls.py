from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from shinchoku.api.urls import api
from shinchoku.api.views import api_docs
from shinchoku.common.views import healthz, language, livez
from shinchoku.config import page_urls
from shinchoku.portal.cache import public_cache
from shinchoku.portal.sitemaps import SITEMAPS

handler400 = "shinchoku.common.views.bad_request"
handler500 = "shinchoku.common.views.server_error"

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("language/", language, name="language"),
    path("admin/", admin.site.urls),
    path("healthz", healthz, name="healthz"),
    path("livez", livez, name="livez"),
    path("api/", api.urls),
    path("api/docs/", api_docs, name="api_docs"),
    path(
        "sitemap.xml",
        public_cache(sitemap),
        {"sitemaps": SITEMAPS},
        name="django.contrib.sitemaps.views.sitemap",
    ),
    *page_urls.urlpatterns,
]
