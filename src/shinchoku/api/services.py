"""Writes of the api app: making and revoking tokens (the command line's and
the admin site's; the API itself never makes one)."""

from __future__ import annotations

import secrets
from typing import TYPE_CHECKING

from django.db import transaction

from shinchoku.api.models import SHOWN_LENGTH, TOKEN_PREFIX, ApiToken, token_digest

if TYPE_CHECKING:
    from django.contrib.auth.models import User as AuthUser


class TokenError(Exception):
    pass


@transaction.atomic
def api_token_create(*, user: AuthUser, name: str = "") -> tuple[ApiToken, str]:
    """A new token for an active user: the stored row and the token itself,
    which is not kept anywhere and cannot be shown again."""
    if not user.is_active:
        raise TokenError(f"{user.get_username()} is not active")
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    record = ApiToken(
        user=user,
        name=name,
        key_digest=token_digest(token),
        shown=token[:SHOWN_LENGTH],
    )
    record.full_clean()
    record.save()
    return record, token


@transaction.atomic
def api_token_revoke(*, shown: str) -> int:
    """Delete the token that begins with `shown` (as listed); how many were
    (0 or 1: a beginning that several tokens share is refused)."""
    if len(shown) < len(TOKEN_PREFIX) + 4:
        raise TokenError("give at least the first 8 characters of the token")
    found = ApiToken.objects.filter(shown__startswith=shown[:SHOWN_LENGTH])
    if found.count() > 1:
        raise TokenError(f"several tokens begin with {shown!r}: give more of it")
    deleted, _ = found.delete()
    return deleted
