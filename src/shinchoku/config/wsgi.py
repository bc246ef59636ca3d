import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shinchoku.config.settings.base")
application = get_wsgi_application()

from shinchoku.config.startup import settle  # noqa: E402

settle()
