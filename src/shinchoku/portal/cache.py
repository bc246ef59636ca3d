"""The public pages' cache: a rendered page (or public API answer) is kept and
served again until anything it may show changes.

What the public reads is published and frozen (editions' snapshots, their
search rows, committee opinions): it changes only when the admin office
publishes, imports or answers an opinion. Every such write replaces one
*generation* token (a row of its own, in the same transaction as the write);
cache keys carry the token, so a page cached before the write is never served
after it — on every app server at once, whatever the cache backend (a
per-process cache included). A time limit bounds what an entry can cost the
cache.

Only anonymous requests take part: a request with a session cookie (staff,
committee members) or an Authorization header is rendered for its user and never
stored. A response is stored only when it is a 200 that sets no cookie.
Keys also carry the host and the active language (the language cookie or the
browser's Accept-Language pick it).

    @public_cache
    def plan(request, code, plan): …
"""

from __future__ import annotations

import hashlib
import uuid
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.cache import patch_vary_headers

# Seconds an entry may live: a bound on the cache's size, not on staleness
# (the generation token takes care of that). Search pages, whose URLs anyone can
# make up, live shorter.
TIMEOUT = 60 * 60
SEARCH_TIMEOUT = 5 * 60
_HEADERS_KEPT = ("Content-Type", "Content-Disposition", "Link", "Content-Language")


def generation() -> str | None:
    """The current token; None when it cannot be read (then nothing is cached)."""
    from shinchoku.portal.models import PublicState

    try:
        return (
            PublicState.objects.filter(pk=PublicState.SINGLETON)
            .values_list("generation", flat=True)
            .first()
        )
    except DatabaseError:
        return None


def invalidate() -> None:
    """Retire every cached public page (in the caller's transaction)."""
    from shinchoku.portal.models import PublicState

    token = uuid.uuid4().hex
    updated = PublicState.objects.filter(pk=PublicState.SINGLETON).update(
        generation=token
    )
    if not updated:
        PublicState.objects.update_or_create(
            pk=PublicState.SINGLETON, defaults={"generation": token}
        )


def _anonymous(request: HttpRequest) -> bool:
    return (
        settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
    )


def page_key(request: HttpRequest, token: str) -> str:
    path = hashlib.blake2b(
        f"{request.get_host()}\n{request.get_full_path()}".encode(), digest_size=16
    ).hexdigest()
    return f"public:{token}:{translation.get_language()}:{path}"


def _storable(response: HttpResponse) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "private" not in response.get("Cache-Control", "")
    )


def public_cache(view=None, *, timeout: int = TIMEOUT):
    """Serve the view's answer from the cache for anonymous GET/HEAD requests
    (``@public_cache``, or ``@public_cache(timeout=…)`` for pages whose URLs
    are made up by visitors, such as search)."""
    if view is None:
        return lambda v: public_cache(v, timeout=timeout)

    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs):
        if (
            request.method not in {"GET", "HEAD"}
            or not settings.SHINCHOKU_PUBLIC_CACHE
            or not _anonymous(request)
        ):
            return view(request, *args, **kwargs)
        token = generation()
        if token is None:
            return view(request, *args, **kwargs)
        key = page_key(request, token)
        stored = cache.get(key)
        if stored is not None:
            content, headers = stored
            response = HttpResponse(content, headers=headers)
            response["X-Shinchoku-Cache"] = "hit"
        else:
            response = view(request, *args, **kwargs)
            if getattr(response, "is_rendered", True) is False:
                response.render()  # a TemplateResponse (the sitemap)
            if _storable(response):
                headers = {h: response[h] for h in _HEADERS_KEPT if h in response}
                cache.set(key, (response.content, headers), timeout)
                response["X-Shinchoku-Cache"] = "miss"
        # The page depends on the language and on being signed in or not.
        patch_vary_headers(response, ("Accept-Language", "Cookie"))
        return response

    return wrapped
