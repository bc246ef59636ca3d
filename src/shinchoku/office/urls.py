from django.urls import path

from shinchoku.office import imports, people, views

app_name = "office"
PLAN = "<str:code>/plans/<slug:plan>/"
urlpatterns = [
    path("<str:code>/office/", views.home, name="home"),
    path("<str:code>/office/plans/new/", views.plan_create, name="plan-create"),
    path(
        "<str:code>/office/departments/new/",
        people.department_form,
        name="department-create",
    ),
    path(
        "<str:code>/office/departments/<int:pk>/",
        people.department_form,
        name="department-edit",
    ),
    path("<str:code>/office/people/new/", people.person_create, name="person-create"),
    path(
        "<str:code>/office/people/<int:pk>/",
        people.membership_edit,
        name="membership-edit",
    ),
    path(PLAN + "edit/", views.plan_edit, name="plan-edit"),
    path(PLAN + "import/", imports.import_upload, name="import"),
    path(
        PLAN + "import/<int:pk>/mapping/", imports.import_mapping, name="import-mapping"
    ),
    path(
        PLAN + "import/<int:pk>/preview/", imports.import_preview, name="import-preview"
    ),
    path(
        PLAN + "import/<int:pk>/confirm/",
        imports.import_confirm_view,
        name="import-confirm",
    ),
    path(PLAN + "next/", views.next_period, name="next-period"),
    path(PLAN + "programs/new/", views.program_form, name="program-create"),
    path(PLAN + "programs/<int:number>/edit/", views.program_form, name="program-edit"),
    path(
        PLAN + "programs/<int:number>/indicators/new/",
        views.indicator_add,
        name="indicator-add",
    ),
]
