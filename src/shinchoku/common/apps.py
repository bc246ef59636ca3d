from django.apps import AppConfig


class CommonConfig(AppConfig):
    name = "shinchoku.common"
    label = "common"
