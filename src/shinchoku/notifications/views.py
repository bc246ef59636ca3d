"""A person's notifications: the list (unread first marked), one message (read
when opened), marking all read, and turning mail off or on."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from shinchoku.notifications import selectors, services
from shinchoku.notifications.models import Notification


class PreferenceForm(forms.Form):
    email_enabled = forms.BooleanField(
        label=gettext_lazy("Receive notifications by e-mail"), required=False
    )


@login_required
def notification_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "notifications/list.html",
        {"notifications": selectors.notifications_for(request.user)},
    )


@login_required
def notification_detail(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        notification = selectors.notification_get(request.user, pk)
    except Notification.DoesNotExist:
        raise Http404 from None
    services.notification_read(actor=request.user, notification=notification)
    return render(request, "notifications/detail.html", {"notification": notification})


@login_required
@require_POST
def notifications_read(request: HttpRequest) -> HttpResponse:
    services.notifications_read_all(actor=request.user)
    messages.success(request, _("All notifications are marked read."))
    return redirect("notifications:list")


@login_required
def preference_edit(request: HttpRequest) -> HttpResponse:
    enabled = selectors.mail_enabled(request.user)
    form = PreferenceForm(request.POST or None, initial={"email_enabled": enabled})
    if request.method == "POST" and form.is_valid():
        on = form.cleaned_data["email_enabled"]
        services.preference_set(actor=request.user, email_enabled=on)
        messages.success(
            request,
            _("Notifications will be mailed to you.")
            if on
            else _("Notifications will no longer be mailed to you."),
        )
        return redirect("notifications:settings")
    return render(
        request,
        "notifications/settings.html",
        {"form": form, "address": request.user.email},
    )
