"""The pages a committee report links to: each program's staff page and its
public page in a published edition. `shinchoku report` reverses its links here,
so that it imports those two apps' views only, not every page of the site
(config.page_urls), which would cost a sixth of the command's time."""

from django.urls import include, path

urlpatterns = [
    path("staff/", include("shinchoku.plans.urls")),
    path("", include("shinchoku.portal.urls")),
]
