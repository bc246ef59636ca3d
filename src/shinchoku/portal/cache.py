"""The public pages' cache: a rendered page (or public API answer) is kept and
served again until anything it may show changes.

What the public reads is published and frozen (editions' snapshots, their
search rows, committee opinions): it changes only when the admin office
publishes, imports or answers an opinion. Every such write replaces one
*generation* token (a row of its own, in the same transaction as the write;
a shared cache gets a copy once it commits); each cached page carries the token
it was rendered under and is served only while that token is current, so a
page cached before the write is not served after it — on every app server at
once, whatever the cache backend (a per-process cache included). A time limit
bounds what an entry can cost the cache. Pages are kept gzip-compressed (a
tenth of the memory) and sent so to clients that accept it, as browsers do.
A cache that does not answer costs speed, never a page: the view renders.

Only anonymous requests take part: a request with a session cookie (staff,
committee members) or an Authorization header is rendered for its user and never
stored. A response is stored only when it is a 200 that sets no cookie.
Keys also carry the host and the active language (the language cookie or the
browser's Accept-Language pick it).

    @public_cache
    def plan(request, code, plan): …
"""

from __future__ import annotations

import gzip
import hashlib
import logging
import re
import uuid
from functools import wraps

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.locmem import LocMemCache
from django.db import DatabaseError, transaction
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.cache import patch_vary_headers

from shinchoku.portal.models import PublicState

# Seconds an entry may live: a bound on the cache's size, not on staleness
# (the generation token takes care of that). Search pages, whose URLs anyone can
# make up, live shorter.
TIMEOUT = 60 * 60
SEARCH_TIMEOUT = 5 * 60
GENERATION_KEY = "public:generation"
# How long the shared cache's copy of the token lives: the most a page can stay
# stale if the cache was unreachable when a write committed (then a reader
# takes the token from the database again; one query a minute otherwise).
GENERATION_TIMEOUT = 60
_GZIP_RE = re.compile(r"\bgzip\b(?!;\s*q=0(?:\.0*)?(?:,|$))")
logger = logging.getLogger(__name__)
_HEADERS_KEPT = ("Content-Type", "Content-Disposition", "Link", "Content-Language")


def _shared() -> bool:
    """Whether the cache is one for all app servers (Redis, the database), not
    each process's own."""
    return not isinstance(caches["default"], LocMemCache | DummyCache)


def _stored_generation() -> str | None:
    try:
        return (
            PublicState.objects.filter(pk=PublicState.SINGLETON)
            .values_list("generation", flat=True)
            .first()
        )
    except DatabaseError:
        return None


def generation() -> str | None:
    """The current token; None when it cannot be read (then nothing is cached).

    The database row is the truth. A shared cache also holds a copy, written
    once the writing transaction has committed, so that a page served from
    Redis costs no database query at all."""
    if not _shared():
        return _stored_generation()
    try:
        token = cache.get(GENERATION_KEY)
    except Exception:  # noqa: BLE001 - a cache that is down only costs speed
        logger.warning("public cache: cannot read the generation", exc_info=True)
        return None
    if token is None:
        token = _stored_generation()
        if token is not None:
            # add, not set: a token replaced meanwhile (and set after its
            # commit) wins over this older read.
            cache.add(GENERATION_KEY, token, GENERATION_TIMEOUT)
    return token


def invalidate() -> None:
    """Retire every cached public page: a new token in the caller's
    transaction, copied to a shared cache once it commits."""
    token = uuid.uuid4().hex
    updated = PublicState.objects.filter(pk=PublicState.SINGLETON).update(
        generation=token
    )
    if not updated:
        PublicState.objects.update_or_create(
            pk=PublicState.SINGLETON, defaults={"generation": token}
        )
    if _shared():
        transaction.on_commit(lambda: _publish_generation(token))


def _publish_generation(token: str) -> None:
    try:
        cache.set(GENERATION_KEY, token, GENERATION_TIMEOUT)
    except Exception:  # noqa: BLE001
        # The old copy lapses within GENERATION_TIMEOUT; readers then take
        # the token from the database again.
        logger.error("public cache: cannot write the generation", exc_info=True)


def _anonymous(request: HttpRequest) -> bool:
    return (
        settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
    )


def page_key(request: HttpRequest) -> str:
    path = hashlib.blake2b(
        f"{request.get_host()}\n{request.get_full_path()}".encode(), digest_size=16
    ).hexdigest()
    return f"public:{translation.get_language()}:{path}"


def _lookup(key: str) -> tuple[str | None, tuple | None]:
    """(current token, the entry stored under key): one round trip to a shared
    cache (the token's copy and the page in one MGET)."""
    if not _shared():
        token = _stored_generation()
        return token, (cache.get(key) if token is not None else None)
    found = cache.get_many([GENERATION_KEY, key])
    token = found.get(GENERATION_KEY)
    if token is None:
        token = generation()
    return token, found.get(key)


def _accepts_gzip(request: HttpRequest) -> bool:
    return _GZIP_RE.search(request.META.get("HTTP_ACCEPT_ENCODING", "")) is not None


def _storable(response: HttpResponse) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not response.has_header("Content-Encoding")
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
        key = page_key(request)
        try:
            token, stored = _lookup(key)
        except Exception:  # noqa: BLE001 - a cache that is down only costs speed
            logger.warning("public cache: cannot read a page", exc_info=True)
            return view(request, *args, **kwargs)
        if token is None:
            return view(request, *args, **kwargs)
        if stored is not None and stored[0] == token:
            _, packed, headers = stored
            if _accepts_gzip(request):
                response = HttpResponse(packed, headers=headers)
                response["Content-Encoding"] = "gzip"
            else:
                response = HttpResponse(gzip.decompress(packed), headers=headers)
            response["X-Shinchoku-Cache"] = "hit"
        else:
            # Not there, or stored under an older token: render (and replace).
            response = view(request, *args, **kwargs)
            if getattr(response, "is_rendered", True) is False:
                response.render()  # a TemplateResponse (the sitemap)
            if _storable(response):
                headers = {h: response[h] for h in _HEADERS_KEPT if h in response}
                packed = gzip.compress(response.content, compresslevel=6, mtime=0)
                try:
                    cache.set(key, (token, packed, headers), timeout)
                except Exception:  # noqa: BLE001
                    logger.warning("public cache: cannot store a page", exc_info=True)
                response["X-Shinchoku-Cache"] = "miss"
        # The page depends on the language and on being signed in or not, and
        # is sent compressed to whoever accepts it.
        patch_vary_headers(response, ("Accept-Language", "Cookie", "Accept-Encoding"))
        return response

    return wrapped
