from django.apps import AppConfig


class PlansConfig(AppConfig):
    verbose_name = "Plans"
    name = "shinchoku.plans"
    label = "plans"
