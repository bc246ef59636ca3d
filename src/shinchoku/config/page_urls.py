"""The pages: the update round's, the staff's and the public portal's (with
the committee report's downloads). config.urls serves them beside the API,
the admin site and the health checks; a management command that writes links
(a report's program pages) reverses them here, without loading the API."""

from django.urls import include, path

urlpatterns = [
    path("", include("shinchoku.accounts.urls")),
    path("", include("shinchoku.workflow.urls")),
    path("", include("shinchoku.notifications.urls")),
    # Staff pages over the live data (may hold text not yet published).
    path("staff/", include("shinchoku.plans.urls")),
    # The admin office's authoring pages.
    path("staff/", include("shinchoku.office.urls")),
    # The public portal: published editions only, no login.
    path("", include("shinchoku.portal.urls")),
]
