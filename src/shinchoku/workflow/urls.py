from django.contrib.auth import views as auth_views
from django.urls import path

from shinchoku.workflow.editions import views as editions
from shinchoku.workflow.entries import views as entries
from shinchoku.workflow.opinions import views as opinions
from shinchoku.workflow.programs import views as programs
from shinchoku.workflow.review import views as review
from shinchoku.workflow.rounds import views as rounds
from shinchoku.workflow.workbook import views as workbook

app_name = "workflow"
PLAN = "staff/<str:code>/plans/<slug:plan>/"
urlpatterns = [
    path("workflow/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("workflow/", entries.home, name="home"),
    path("workflow/rounds/<int:pk>/", rounds.round_detail, name="round"),
    path("workflow/rounds/<int:pk>/remind/", rounds.round_remind, name="round-remind"),
    path("workflow/rounds/<int:pk>/close/", rounds.round_close, name="round-close"),
    path("workflow/rounds/<int:pk>/reopen/", rounds.round_reopen, name="round-reopen"),
    path("workflow/rounds/<int:pk>/review/", review.review_queue, name="review"),
    path(
        "workflow/rounds/<int:pk>/review/approve/",
        review.review_approve,
        name="review-approve",
    ),
    path("workflow/rounds/<int:pk>/status.csv", review.status_csv, name="status-csv"),
    path(
        "workflow/rounds/<int:pk>/status.xlsx", review.status_xlsx, name="status-xlsx"
    ),
    path(
        "workflow/rounds/<int:pk>/departments/<int:department>/workbook.xlsx",
        workbook.workbook_download,
        name="workbook",
    ),
    path(
        "workflow/rounds/<int:pk>/departments/<int:department>/upload/",
        workbook.workbook_upload,
        name="workbook-upload",
    ),
    path("workflow/entries/<int:pk>/", entries.entry_detail, name="entry"),
    path("workflow/entries/<int:pk>/edit/", entries.entry_edit, name="entry-edit"),
    path(
        "workflow/entries/<int:pk>/submit/", entries.entry_submit, name="entry-submit"
    ),
    path(
        "workflow/entries/<int:pk>/return/", entries.entry_return, name="entry-return"
    ),
    path(
        "workflow/entries/<int:pk>/approve/",
        entries.entry_approve,
        name="entry-approve",
    ),
    path(
        "workflow/entries/<int:pk>/opinions/", opinions.opinion_add, name="opinion-add"
    ),
    path(
        "workflow/opinions/<int:pk>/respond/",
        opinions.opinion_respond,
        name="opinion-respond",
    ),
    path(
        "workflow/editions/<int:pk>/publish/",
        editions.edition_publish,
        name="edition-publish",
    ),
    path(PLAN + "rounds/", rounds.round_list, name="rounds"),
    path(PLAN + "editions/", editions.edition_list, name="editions"),
    path(PLAN + "editions/diff/", editions.edition_diff, name="edition-diff"),
    path(
        PLAN + "programs/<int:number>/history/",
        programs.program_history,
        name="program-history",
    ),
    path(
        PLAN + "programs/<int:number>/years/<int:fy>/edit/",
        programs.program_year_edit,
        name="program-year-edit",
    ),
]
