from django.urls import path, register_converter

from shinchoku.portal import views


class LocalGovernmentCode:
    """全国地方公共団体コード: six digits (132110)."""

    regex = "[0-9]{6}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(LocalGovernmentCode, "lgcode")

app_name = "portal"
plan = "<lgcode:code>/plans/<slug:plan>/"
edition = plan + "editions/<int:edition>/"
urlpatterns = [
    path("", views.home, name="home"),
    path("search/", views.search, name="search"),
    path("open-data/", views.open_data, name="open_data"),
    path("<lgcode:code>/", views.municipality, name="municipality"),
    path(plan, views.plan, name="plan"),
    path(plan + "programs/<int:number>/", views.program, name="program"),
    path(plan + "indicators/", views.indicators, name="indicators"),
    path(edition, views.edition, name="edition"),
    path(edition + "indicators/", views.edition_indicators, name="edition_indicators"),
    path(
        edition + "programs/<int:number>/",
        views.edition_program,
        name="edition_program",
    ),
    path(edition + "download/<str:name>", views.download, name="download"),
    # The committee report of an edition; an unpublished one for the members of
    # the municipality (editions/<n>/ numbers only published editions).
    path(
        "reports/<str:code>/<slug:plan>/<int:edition>.<str:fmt>",
        views.edition_report,
        name="report",
    ),
]
