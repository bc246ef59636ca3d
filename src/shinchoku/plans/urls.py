from django.urls import path

from shinchoku.plans import views

app_name = "plans"
urlpatterns = [
    path("", views.home, name="home"),
    path("<str:code>/plans/<slug:plan>/", views.plan_detail, name="plan"),
    path(
        "<str:code>/plans/<slug:plan>/programs/<int:number>/",
        views.program_detail,
        name="program",
    ),
    path(
        "<str:code>/plans/<slug:plan>/programs/<int:number>/grade/",
        views.program_grade,
        name="program-grade",
    ),
    path(
        "<str:code>/plans/<slug:plan>/indicators/",
        views.plan_indicators,
        name="indicators",
    ),
    path(
        "<str:code>/plans/<slug:plan>/indicators/paste/",
        views.indicators_paste,
        name="indicators-paste",
    ),
    path(
        "<str:code>/plans/<slug:plan>/indicators.csv",
        views.plan_indicators_csv,
        name="indicators-csv",
    ),
    path(
        "<str:code>/plans/<slug:plan>/indicators/<int:pk>/review/",
        views.indicator_review,
        name="indicator-review",
    ),
    path(
        "<str:code>/plans/<slug:plan>/indicators/<int:pk>/actual/",
        views.indicator_actual,
        name="indicator-actual",
    ),
]
