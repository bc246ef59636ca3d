from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "shinchoku.imports"
    label = "imports"
