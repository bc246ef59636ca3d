from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "shinchoku.reports"
    label = "reports"
