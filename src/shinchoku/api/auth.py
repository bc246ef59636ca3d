"""Who calls the API's write operations: a bearer token (other systems) or the
signed-in session of the web pages, with Django's CSRF check. Either way the
request acts as that user, and the workflow's permission check decides."""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest
from django.utils import timezone
from ninja.security import HttpBearer, SessionAuth

from shinchoku.api.models import TOKEN_PREFIX, ApiToken, token_digest

# last_used is a hint for whoever audits tokens, not a log: write it at most
# once a minute per token rather than on every request.
LAST_USED_PRECISION = dt.timedelta(minutes=1)


class TokenAuth(HttpBearer):
    """`Authorization: Bearer shk_…` (a token from `shinchoku api-token`)."""

    def authenticate(self, request: HttpRequest, token: str):
        if not token.startswith(TOKEN_PREFIX) or len(token) > 200:
            return None
        record = (
            ApiToken.objects.select_related("user")
            .filter(key_digest=token_digest(token), user__is_active=True)
            .first()
        )
        if record is None:
            return None
        now = timezone.now()
        if record.last_used is None or now - record.last_used > LAST_USED_PRECISION:
            ApiToken.objects.filter(pk=record.pk).update(last_used=now)
        request.user = record.user
        return record.user


class SignedInSession(SessionAuth):
    """Ninja's django_auth, but only a signed-in session is CSRF-checked: a
    request with no credentials at all gets 401, not a CSRF 403."""

    def _get_key(self, request: HttpRequest):
        if not request.user.is_authenticated:
            return None
        return super()._get_key(request)


WRITE_AUTH = [TokenAuth(), SignedInSession()]
