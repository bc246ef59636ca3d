"""The admin site, signing in through accounts.views like the staff pages: one
lockout, one code step, so a second factor cannot be skipped at /admin/."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm


class AdminSite(admin.AdminSite):
    def has_permission(self, request) -> bool:
        from shinchoku.accounts.middleware import required_in_session

        return super().has_permission(request) and (
            request.user.is_verified() or not required_in_session(request)
        )

    def login(self, request, extra_context=None):
        from django.http import HttpResponseRedirect
        from django.urls import reverse

        from shinchoku.accounts.views import SignInView

        if request.method == "GET" and self.has_permission(request):
            return HttpResponseRedirect(reverse("admin:index", current_app=self.name))
        context = {
            **self.each_context(request),
            "title": "Log in",
            "subtitle": None,
            "app_path": request.get_full_path(),
            "username": request.user.get_username(),
            **(extra_context or {}),
        }
        if "next" not in request.GET and "next" not in request.POST:
            context["next"] = reverse("admin:index", current_app=self.name)
        request.current_app = self.name
        return SignInView.as_view(
            extra_context=context,
            authentication_form=self.login_form or AdminAuthenticationForm,
            template_name=self.login_template or "admin/login.html",
            redirect_authenticated_user=False,
        )(request)
