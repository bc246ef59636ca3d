from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class AccountsConfig(AppConfig):
    default = True
    name = "shinchoku.accounts"
    label = "accounts"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from shinchoku.accounts.middleware import remember_requirement
        from shinchoku.accounts.passwords import remember_must_change

        user_logged_in.connect(
            remember_requirement, dispatch_uid="shinchoku-two-factor-required"
        )
        user_logged_in.connect(
            remember_must_change, dispatch_uid="shinchoku-must-change-password"
        )


class ShinchokuAdminConfig(admin_apps.AdminConfig):
    """django.contrib.admin with accounts.admin_site.AdminSite as admin.site."""

    default = False
    default_site = "shinchoku.accounts.admin_site.AdminSite"
