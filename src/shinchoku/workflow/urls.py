from django.contrib.auth import views as auth_views
from django.urls import path

from shinchoku.workflow import views

app_name = "workflow"
PLAN = "staff/<str:code>/plans/<slug:plan>/"
urlpatterns = [
    path("workflow/login/", views.LoginView.as_view(), name="login"),
    path("workflow/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("workflow/", views.home, name="home"),
    path("workflow/rounds/<int:pk>/", views.round_detail, name="round"),
    path("workflow/rounds/<int:pk>/remind/", views.round_remind, name="round-remind"),
    path("workflow/rounds/<int:pk>/close/", views.round_close, name="round-close"),
    path(
        "workflow/rounds/<int:pk>/departments/<int:department>/workbook.xlsx",
        views.workbook_download,
        name="workbook",
    ),
    path(
        "workflow/rounds/<int:pk>/departments/<int:department>/upload/",
        views.workbook_upload,
        name="workbook-upload",
    ),
    path("workflow/entries/<int:pk>/", views.entry_detail, name="entry"),
    path("workflow/entries/<int:pk>/edit/", views.entry_edit, name="entry-edit"),
    path("workflow/entries/<int:pk>/submit/", views.entry_submit, name="entry-submit"),
    path("workflow/entries/<int:pk>/return/", views.entry_return, name="entry-return"),
    path(
        "workflow/entries/<int:pk>/approve/", views.entry_approve, name="entry-approve"
    ),
    path("workflow/entries/<int:pk>/opinions/", views.opinion_add, name="opinion-add"),
    path(
        "workflow/opinions/<int:pk>/respond/",
        views.opinion_respond,
        name="opinion-respond",
    ),
    path(
        "workflow/editions/<int:pk>/publish/",
        views.edition_publish,
        name="edition-publish",
    ),
    path(PLAN + "rounds/", views.round_list, name="rounds"),
    path(PLAN + "editions/", views.edition_list, name="editions"),
    path(PLAN + "editions/diff/", views.edition_diff, name="edition-diff"),
    path(
        PLAN + "programs/<int:number>/history/",
        views.program_history,
        name="program-history",
    ),
    path(
        PLAN + "programs/<int:number>/years/<int:fy>/edit/",
        views.program_year_edit,
        name="program-year-edit",
    ),
]
