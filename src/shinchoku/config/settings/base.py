"""Settings shared by every profile. Values that differ between installs come
from the environment, through config.env only."""

from __future__ import annotations

import datetime as dt

import dj_database_url
from django.utils.translation import gettext_lazy as _

from shinchoku.config import env

PACKAGE_DIR = env.PACKAGE_DIR
DATA_DIR = env.data_dir()

DEBUG = env.get_bool("DEBUG", False)
SECRET_KEY = env.secret_key(required=False)
ALLOWED_HOSTS = env.get_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])

INSTALLED_APPS = [
    # django.contrib.admin, signing in through accounts (two-factor)
    "shinchoku.accounts.apps.ShinchokuAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "simple_history",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "shinchoku.common",
    "shinchoku.accounts",
    "shinchoku.plans",
    "shinchoku.imports",
    "shinchoku.reports",
    "shinchoku.workflow",
    "shinchoku.notifications",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.sitemaps",
    "shinchoku.portal",
    "shinchoku.api",
    "shinchoku.ops",
]

MIDDLEWARE = [
    "shinchoku.common.middleware.RequestLogMiddleware",
    "shinchoku.common.middleware.ApiJsonErrorsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "shinchoku.common.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "shinchoku.accounts.middleware.TwoFactorMiddleware",
    "shinchoku.accounts.passwords.PasswordChangeMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: turns a locked-out sign-in into the 429.
    "axes.middleware.AxesMiddleware",
]

# django-axes first: it refuses a locked-out user name before any password is
# checked (accounts.lockout).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "shinchoku.config.urls"
WSGI_APPLICATION = "shinchoku.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {"default": dj_database_url.parse(env.database_url(), conn_max_age=0)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        # Readers go on while an import or a round's step writes (WAL); every
        # commit is still synced to disk (FULL), and a writer waits for another
        # instead of failing ("database is locked").
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "ja"
LANGUAGES = [("ja", _("Japanese")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Asia/Tokyo"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
# Only where collectstatic is used (production); whitenoise serves from the
# package otherwise.
STATIC_ROOT = env.get_str("STATIC_ROOT") or None
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
# Serve straight from the package in every profile: one install, no collectstatic
# step for a single-city server. Production may still run collectstatic.
WHITENOISE_USE_FINDERS = True

# Request sizes. Form fields and JSON bodies: Django's 2.5 MB (an API draft of
# 200 bullets of 2,000 characters fits). Files: kept in memory up to 2.5 MB, and
# a request carrying files is refused over SHINCHOKU_MAX_UPLOAD_SIZE before it
# is read (common.uploads); a department's workbook is some 50 KB.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
SHINCHOKU_MAX_UPLOAD_SIZE = 5 * 2**20
FILE_UPLOAD_HANDLERS = [
    "shinchoku.common.uploads.UploadLimitHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]

# Django's page, or JSON under /api/.
CSRF_FAILURE_VIEW = "shinchoku.common.views.csrf_failure"

LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "workflow:home"
# The update round's mails (notifications) go through Django's mail backend:
# the console unless an install configures SMTP (EMAIL_BACKEND
# django.core.mail.backends.smtp.EmailBackend and EMAIL_HOST…).
EMAIL_BACKEND = env.get_str(
    "EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
EMAIL_HOST = env.get_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env.get_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env.get_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env.get_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env.get_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = 30
DEFAULT_FROM_EMAIL = env.get_str("DEFAULT_FROM_EMAIL", "shinchoku@localhost")
# The site's address as people reach it: mails link to pages under it.
SITE_URL = env.get_str("SITE_URL", "http://127.0.0.1:8000")
# Deadline reminders (shinchoku send-reminders): this many days before.
SHINCHOKU_REMINDER_DAYS = env.get_int("SHINCHOKU_REMINDER_DAYS", 3)
# Background work (mails): Django's task framework (django-tasks). "immediate"
# runs a task when it is queued, after the commit, in the same process (one
# server, development, tests); "database" queues it in a table that
# `shinchoku worker` processes (production: docs/deployment.md).
TASKS_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
TASKS = {
    "default": {
        "BACKEND": TASKS_BACKENDS[env.get_str("SHINCHOKU_TASKS", "immediate")],
        "QUEUES": ["default"],
    }
}
# History is an audit trail: nobody reverts it through the admin site.
SIMPLE_HISTORY_REVERT_DISABLED = True

# Shinchoku's own settings
SHINCHOKU_SEED_FILE = PACKAGE_DIR / "data" / "seed" / "000_2d84f118a6c300da.txt"
# Japanese TrueType fonts for the PDF report, first existing one wins.
SHINCHOKU_PDF_FONTS = [
    env.get_str("SHINCHOKU_PDF_FONT"),
    "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf",
    "/usr/share/fonts/truetype/ipaexfont-gothic/ipaexg.ttf",
    "/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf",
    "/usr/share/fonts/truetype/fonts-japanese-gothic.ttf",
]
# Open data: the licence stated on every download and on the data dictionary.
SHINCHOKU_OPEN_DATA_LICENSE = {
    "name": "CC BY 4.0",
    "url": "https://creativecommons.org/licenses/by/4.0/deed.ja",
}

# Content-Security-Policy header (common.middleware); empty: none. Production sets it.
SHINCHOKU_CSP = ""
# Sign-in lockout (django-axes, see accounts.lockout): 5 failures for one user
# name from one client address lock that pair out for 15 minutes; a successful
# sign-in clears the count. Attempts are kept in the database (shared by every
# app server, listed in the admin site under "Axes").
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = dt.timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_USERNAME_CALLABLE = "shinchoku.accounts.lockout.username"
AXES_CLIENT_IP_CALLABLE = "shinchoku.accounts.lockout.client_ip"
AXES_LOCKOUT_CALLABLE = "shinchoku.accounts.lockout.lockout_response"
# Two-factor sign-in (accounts.twofactor): the issuer authenticator apps show.
OTP_TOTP_ISSUER = "Shinchoku"
# The admin site never shows a device's secret or QR code: whoever saw it could
# make the codes of someone else's second factor.
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
# The META key a trusted reverse proxy puts the client address in, e.g.
# HTTP_X_REAL_IP; empty: REMOTE_ADDR.
SHINCHOKU_CLIENT_IP_HEADER = env.get_str("SHINCHOKU_CLIENT_IP_HEADER")
# Anonymous visitors share rendered public pages until something public changes
# (portal.cache); 0 renders every request (debugging, benchmarks of rendering).
SHINCHOKU_PUBLIC_CACHE = env.get_bool("SHINCHOKU_PUBLIC_CACHE", True)
