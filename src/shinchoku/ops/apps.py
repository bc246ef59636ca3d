from django.apps import AppConfig


class OpsConfig(AppConfig):
    """Operating an install: backup and restore, synthetic data at national scale."""

    name = "shinchoku.ops"
    label = "ops"
