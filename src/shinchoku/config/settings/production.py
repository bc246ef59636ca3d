"""Production profile: the base settings, hardened, for one or more stateless app
servers (gunicorn) on one PostgreSQL, behind a TLS-terminating proxy.

    DJANGO_SETTINGS_MODULE=shinchoku.config.settings.production
    SECRET_KEY=…  ALLOWED_HOSTS=plan.example.lg.jp  DATABASE_URL=postgres://…

Everything that must be shared between app servers lives in the database (or
Redis): sessions, the cache, the sign-in lockout's attempts. Nothing is kept on an
app server's disk except the collected static files. See docs/deployment.md.
"""

from shinchoku.config import env

# Checked before the base settings load: base would otherwise generate a key file
# in the data dir, which a production server must not depend on (each app server
# would get its own key).
_SECRET_KEY = env.require(
    "SECRET_KEY",
    "50 or more random characters, the same on every app server "
    "(e.g. python3 -c 'import secrets; print(secrets.token_urlsafe(50))')",
)
_ALLOWED_HOSTS = env.require_list(
    "ALLOWED_HOSTS", "the host names the site is served under, comma-separated"
)

from shinchoku.config.settings.base import *  # noqa: E402, F403
from shinchoku.config.settings.base import DATA_DIR, DATABASES  # noqa: E402

DEBUG = False
SECRET_KEY = _SECRET_KEY
ALLOWED_HOSTS = _ALLOWED_HOSTS
CSRF_TRUSTED_ORIGINS = env.get_list("CSRF_TRUSTED_ORIGINS", [])

# Persistent connections, checked before reuse so a restarted PostgreSQL does not
# cost a failed request. Behind pgbouncer in transaction mode, set CONN_MAX_AGE=0.
DATABASES["default"]["CONN_MAX_AGE"] = env.get_int("CONN_MAX_AGE", 600)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

# Shared state for any number of app servers: Redis when REDIS_URL is set (needs
# the `redis` package: pip install 'shinchoku[redis]'), else a database table
# (created by `shinchoku createcachetable`).
REDIS_URL = env.get_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "shinchoku.common.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "shinchoku",
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "shinchoku_cache",
            # Mostly rendered public pages (portal.cache, 10–300 KB each): room
            # for a busy portal's pages; beyond it a third is dropped.
            "OPTIONS": {"MAX_ENTRIES": env.get_int("CACHE_MAX_ENTRIES", 20000)},
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.db"

# Static files: collected once per release (`shinchoku collectstatic`), served by
# whitenoise with hashed, compressed, far-future-cached names.
STATIC_ROOT = env.get_str("STATIC_ROOT") or str(DATA_DIR / "static")
WHITENOISE_USE_FINDERS = False
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# HTTPS. Behind a proxy that terminates TLS, set SECURE_PROXY_SSL_HEADER=1 so
# Django trusts its X-Forwarded-Proto header — only if the proxy always sets (or
# strips) that header, else a client could claim https itself.
SECURE_SSL_REDIRECT = env.get_bool("SECURE_SSL_REDIRECT", True)
# load balancers probe over plain http
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^livez$"]
if env.get_bool("SECURE_PROXY_SSL_HEADER", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env.get_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SECURE = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SHINCHOKU_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; "
    "img-src 'self' data:; frame-ancestors 'none'; base-uri 'self'; "
    "form-action 'self'"
)

# One JSON line per request (common.middleware.RequestLogMiddleware) and per
# warning or error, on stderr: gunicorn passes it to journald.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "shinchoku.common.logging.JsonFormatter"}},
    "handlers": {
        "stderr": {"class": "logging.StreamHandler", "formatter": "json"},
    },
    "root": {"handlers": ["stderr"], "level": "WARNING"},
    "loggers": {
        "shinchoku.request": {
            "handlers": ["stderr"],
            "level": "INFO",
            "propagate": False,
        },
        # Sign-ins: django-axes' failures and lockouts, two-factor enrolment
        # and refused codes (docs/security.md, "What is logged").
        "axes": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
        "shinchoku.security": {
            "handlers": ["stderr"],
            "level": "INFO",
            "propagate": False,
        },
        # The request log line already records 4xx/5xx; keep tracebacks only.
        "django.request": {
            "handlers": ["stderr"],
            "level": "ERROR",
            "propagate": False,
        },
    },
}

# Mails are queued in the database and sent by `shinchoku worker` (any number
# of them, on any server): no request waits for the mail server.
# SHINCHOKU_TASKS=immediate sends from the app server after the commit instead.
TASKS = {
    "default": {
        "BACKEND": TASKS_BACKENDS[env.get_str("SHINCHOKU_TASKS", "database")],  # noqa: F405
        "QUEUES": ["default"],
    }
}
