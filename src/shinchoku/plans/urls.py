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
]
