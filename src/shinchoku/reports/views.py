"""Report downloads: thin views over reports.selectors and the renderers."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404

from shinchoku.plans.models import Edition
from shinchoku.portal.cache import public_cache
from shinchoku.reports import selectors
from shinchoku.reports.renderers import RENDERERS
from shinchoku.workflow.permissions import Action, can


@public_cache
def edition_report(request, code: str, plan: str, edition: int, fmt: str):
    """An edition's committee report; unpublished ones only for the members of
    the municipality (the same rule as every other view of an edition)."""
    renderer = RENDERERS.get(fmt)
    if renderer is None:
        raise Http404
    obj = get_object_or_404(
        Edition.objects.select_related("plan__municipality"),
        pk=edition,
        plan__slug=plan,
        plan__municipality__code=code,
    )
    if not can(request.user, Action.VIEW_EDITION, obj):
        raise Http404  # unpublished editions do not exist for the public
    data = renderer.render(selectors.edition_report(obj))
    response = HttpResponse(data, content_type=renderer.content_type)
    filename = f"{code}-{plan}-{obj.pk}.{renderer.extension}"
    disposition = "inline" if fmt == "html" else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response
