from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    verbose_name = _("JSON API")
    name = "shinchoku.api"
    label = "api"
