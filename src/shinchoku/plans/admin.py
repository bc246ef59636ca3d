from django.contrib import admin

from shinchoku.common.history_admin import ReadOnlyHistoryAdmin as SimpleHistoryAdmin
from shinchoku.plans.models import (
    Direction,
    Edition,
    Municipality,
    Plan,
    Program,
    ProgramYear,
)


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["code", "name"]
    search_fields = ["code", "name"]


class DirectionInline(admin.TabularInline):
    model = Direction
    extra = 0


class EditionInline(admin.TabularInline):
    model = Edition
    extra = 0


@admin.register(Plan)
class PlanAdmin(SimpleHistoryAdmin):
    list_display = [
        "title",
        "municipality",
        "first_fy",
        "last_fy",
        "slug",
        "evaluation_method",
        "department_head_approval",
    ]
    list_filter = ["municipality"]
    inlines = [DirectionInline, EditionInline]


class ProgramYearInline(admin.StackedInline):
    model = ProgramYear
    extra = 0


@admin.register(Program)
class ProgramAdmin(SimpleHistoryAdmin):
    list_display = ["number", "name", "kind", "direction", "ended_after_fy", "plan"]
    list_filter = ["plan", "kind", "direction__number"]
    list_select_related = ["direction", "plan__municipality"]
    search_fields = ["name"]
    inlines = [ProgramYearInline]


@admin.register(Edition)
class EditionAdmin(SimpleHistoryAdmin):
    list_display = [
        "title",
        "plan",
        "meeting",
        "material",
        "date",
        "fiscal_year",
        "published",
    ]
    list_filter = ["plan", "published"]
