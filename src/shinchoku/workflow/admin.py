"""The admin site for the update round: set-up (departments, memberships,
assignments, indicators) for system administrators; rounds, entries and
opinions are read-only here because they change only through the services;
history is read-only everywhere (SIMPLE_HISTORY_REVERT_DISABLED)."""

from django.contrib import admin

from shinchoku.common.history_admin import ReadOnlyHistoryAdmin as SimpleHistoryAdmin
from shinchoku.plans.models import Indicator
from shinchoku.workflow.models import (
    Department,
    Membership,
    Opinion,
    ProgramAssignment,
    Round,
    RoundEntry,
)
from shinchoku.workflow.people import services as people_services
from shinchoku.workflow.permissions import Action, can


class _Guarded(admin.ModelAdmin):
    """Only system administrators reach these pages (workflow.permissions)."""

    def has_module_permission(self, request):
        return can(request.user, Action.ADMINISTER)

    def has_view_permission(self, request, obj=None):
        return can(request.user, Action.ADMINISTER)

    def has_add_permission(self, request):
        return can(request.user, Action.ADMINISTER)

    def has_change_permission(self, request, obj=None):
        return can(request.user, Action.ADMINISTER)

    def has_delete_permission(self, request, obj=None):
        return can(request.user, Action.ADMINISTER)


class _ReadOnly(_Guarded):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Department)
class DepartmentAdmin(_Guarded, SimpleHistoryAdmin):
    list_display = ["name", "municipality", "is_admin_office", "email"]
    list_filter = ["municipality", "is_admin_office"]

    def save_model(self, request, obj, form, change):
        """Through the service: its permission check and history row."""
        if change:
            people_services.department_update(
                actor=request.user,
                department=obj,
                data={f: form.cleaned_data[f] for f in form.changed_data},
                via="admin",
            )
        else:
            saved = people_services.department_create(
                actor=request.user,
                via="admin",
                **{
                    f: form.cleaned_data[f]
                    for f in ("municipality", *people_services.DEPARTMENT_EDITABLE)
                },
            )
            obj.pk = saved.pk


@admin.register(Membership)
class MembershipAdmin(_Guarded, SimpleHistoryAdmin):
    list_display = ["user", "role", "municipality", "department"]
    list_filter = ["role", "municipality"]

    def save_model(self, request, obj, form, change):
        """Through the service: its permission check and history row."""
        saved = people_services.membership_set(
            actor=request.user,
            user=obj.user,
            role=obj.role,
            municipality=obj.municipality,
            department=obj.department,
            via="admin",
        )
        obj.pk = saved.pk

    list_select_related = ["user", "municipality", "department"]


@admin.register(ProgramAssignment)
class ProgramAssignmentAdmin(_Guarded, SimpleHistoryAdmin):
    list_display = ["program", "lead"]
    list_select_related = ["program", "lead"]
    filter_horizontal = ["supporting"]


@admin.register(Indicator)
class IndicatorAdmin(_Guarded, SimpleHistoryAdmin):
    list_display = ["name", "unit", "program"]
    list_select_related = ["program"]


@admin.register(Round)
class RoundAdmin(_ReadOnly, SimpleHistoryAdmin):
    list_display = ["__str__", "plan", "status", "deadline", "edition"]


@admin.register(RoundEntry)
class RoundEntryAdmin(_ReadOnly, SimpleHistoryAdmin):
    list_display = ["__str__", "state", "updated_by", "updated_at"]
    list_filter = ["round", "state"]
    list_select_related = ["round", "program", "updated_by"]


@admin.register(Opinion)
class OpinionAdmin(_ReadOnly, SimpleHistoryAdmin):
    list_display = ["__str__", "entry", "author", "created_at"]
