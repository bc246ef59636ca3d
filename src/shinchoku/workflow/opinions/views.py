"""Committee opinions on an entry, and the city's responses, posted from the
entry's page."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from shinchoku.workflow import forms
from shinchoku.workflow.models import Opinion
from shinchoku.workflow.opinions import services
from shinchoku.workflow.permissions import Action
from shinchoku.workflow.web import check, entry_or_404, guarded


@guarded
@require_POST
def opinion_add(request: HttpRequest, pk: int) -> HttpResponse:
    entry = entry_or_404(pk)
    check(request, Action.ADD_OPINION, entry)
    form = forms.OpinionForm(request.POST)
    if form.is_valid():
        services.opinion_add(actor=request.user, entry=entry, **form.cleaned_data)
        messages.success(request, _("Opinion recorded."))
    else:
        messages.error(request, _("Write the opinion first."))
    return redirect("workflow:entry", pk=entry.pk)


@guarded
@require_POST
def opinion_respond(request: HttpRequest, pk: int) -> HttpResponse:
    opinion = get_object_or_404(
        Opinion.objects.select_related("entry__round__plan__municipality"), pk=pk
    )
    check(request, Action.RESPOND_OPINION, opinion)
    form = forms.ResponseForm(request.POST)
    if form.is_valid():
        services.opinion_respond(
            actor=request.user, opinion=opinion, **form.cleaned_data
        )
        messages.success(request, _("Response recorded."))
    return redirect("workflow:entry", pk=opinion.entry_id)
