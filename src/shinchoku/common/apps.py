from django.apps import AppConfig


class CommonConfig(AppConfig):
    name = "shinchoku.common"
    label = "common"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in, user_login_failed

        from shinchoku.common import throttle

        user_login_failed.connect(
            throttle.on_login_failed, dispatch_uid="shinchoku-throttle-failed"
        )
        user_logged_in.connect(
            throttle.on_logged_in, dispatch_uid="shinchoku-throttle-ok"
        )
