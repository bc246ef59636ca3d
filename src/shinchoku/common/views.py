import logging

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.db import DatabaseError, connection
from django.http import (
    HttpResponse,
    HttpResponseRedirect,
    HttpResponseServerError,
    JsonResponse,
)
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import check_for_language
from django.utils.translation import gettext as _
from django.views import csrf, defaults
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


def bad_request(request, exception=None):
    """handler400: a request too large is a 413 saying the limit (Django
    answers its RequestDataTooBig with a bare 400); the rest as Django does."""
    if isinstance(exception, RequestDataTooBig):
        from shinchoku.common.uploads import too_large_message, upload_limit

        limit = max(upload_limit(), settings.DATA_UPLOAD_MAX_MEMORY_SIZE)
        return render(
            request,
            "413.html",
            {"message": too_large_message(limit)},
            status=413,
        )
    return defaults.bad_request(request, exception)


# What a 500 says when its own page cannot be drawn (a static file missing from
# the manifest, a template error): plain HTML that needs nothing.
SERVER_ERROR_FALLBACK = (
    '<!doctype html><html lang="ja"><meta charset="utf-8">'
    "<title>システムエラー</title><h1>システムエラーが発生しました</h1>"
    "<p>しばらくしてからもう一度お試しください。"
    '<p><a href="/">トップページへ</a></p></html>'
)


def server_error(request, template_name="500.html"):
    """handler500: the site's 500 page (500.html, in the site's layout), or
    the plain fallback if drawing that page fails too — the error page must
    never be an error of its own, which the server would answer with its bare
    HTML even under /api/."""
    try:
        return defaults.server_error(request, template_name)
    except Exception:  # noqa: BLE001 - anything: this is the last resort
        logging.getLogger(__name__).exception("the 500 page could not be drawn")
        return HttpResponseServerError(
            SERVER_ERROR_FALLBACK, content_type="text/html; charset=utf-8"
        )


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: the site's page in the reader's language (403_csrf.html,
    with the request so that it has the site's header), or JSON under /api/."""
    from shinchoku.common.middleware import is_api, json_error

    if is_api(request):
        return json_error(
            403,
            _(
                "CSRF check failed (%(reason)s): a signed-in session sends its "
                "CSRF token in the X-CSRFToken header."
            )
            % {"reason": reason},
        )
    return render(
        request,
        csrf.CSRF_FAILURE_TEMPLATE_NAME,
        {"reason": reason, "debug": settings.DEBUG},
        status=403,
    )


@never_cache
@require_GET
def healthz(request):
    """For load balancers and monitoring: 200 when the database answers a
    `SELECT 1`, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@never_cache
@require_GET
def livez(request):
    """Liveness: the process answers, nothing else is checked (no database, no
    template). Also the floor every page's latency is compared with in
    bench/load.py: the cost of gunicorn, the middleware and the URL resolver."""
    return HttpResponse("ok\n", content_type="text/plain; charset=utf-8")


@require_GET
def language(request):
    """Switch the interface language by a plain link (?language=en&next=/…):
    the language cookie, then back to the page. A link rather than Django's
    POST form keeps public pages free of per-visitor CSRF tokens, so they can be
    cached and shared; choosing a language changes nothing but the reader's own
    display."""
    code = request.GET.get("language", "")
    target = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = "/"
    response = HttpResponseRedirect(target)
    if code and check_for_language(code):
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            code,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            path=settings.LANGUAGE_COOKIE_PATH,
            domain=settings.LANGUAGE_COOKIE_DOMAIN,
            secure=settings.LANGUAGE_COOKIE_SECURE,
            httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        )
    return response
