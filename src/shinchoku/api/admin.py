"""Tokens on the admin site: listed and revoked (deleted) by system
administrators; made only with `shinchoku api-token`, which shows them once."""

from django.contrib import admin

from shinchoku.api.models import ApiToken
from shinchoku.workflow.permissions import Action, can


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["shown", "name", "user", "created", "last_used"]
    list_filter = ["user"]
    fields = ["user", "name", "shown", "created", "last_used"]
    readonly_fields = fields

    def has_module_permission(self, request):
        return can(request.user, Action.ADMINISTER)

    def has_view_permission(self, request, obj=None):
        return can(request.user, Action.ADMINISTER)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return can(request.user, Action.ADMINISTER)
