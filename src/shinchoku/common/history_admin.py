"""History in the admin site is an audit trail: viewable, never revertable.

simple_history's SIMPLE_HISTORY_REVERT_DISABLED only hides the revert button;
its history form still saves a POST. This admin refuses the POST itself."""

from django.core.exceptions import PermissionDenied
from simple_history.admin import SimpleHistoryAdmin


class ReadOnlyHistoryAdmin(SimpleHistoryAdmin):
    def has_change_history_permission(self, request, obj=None):
        return False

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method != "GET":
            raise PermissionDenied
        return super().history_form_view(
            request, object_id, version_id, extra_context=extra_context
        )
