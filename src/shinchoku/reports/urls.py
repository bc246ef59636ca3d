from django.urls import path

from shinchoku.reports import views

app_name = "reports"
urlpatterns = [
    path(
        "reports/<str:code>/<slug:plan>/<int:edition>.<str:fmt>",
        views.edition_report,
        name="edition",
    ),
]
