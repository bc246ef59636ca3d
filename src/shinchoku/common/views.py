from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


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
