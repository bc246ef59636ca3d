"""Credentials of the JSON API for other systems: bearer tokens.

A token is shown once, when it is made (`shinchoku api-token USERNAME`); only
its SHA-256 digest is stored, so a copy of the database does not hold usable
tokens. Tokens are 256-bit random strings, so a fast digest is enough (there is
no password to guess). A token acts as its user, with the user's role: the
permission check is the one of the web pages (workflow.permissions).
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

# Tokens start with this, so that a leaked one is recognisable (secret scanners).
TOKEN_PREFIX = "shk_"
# How much of a token is kept in clear to tell tokens apart (prefix included).
SHOWN_LENGTH = 12


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class ApiToken(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="api_tokens",
        verbose_name=_("user"),
    )
    name = models.CharField(
        _("name"),
        max_length=100,
        blank=True,
        help_text=_("What the token is for, e.g. the system that uses it."),
    )
    key_digest = models.CharField(max_length=64, unique=True, editable=False)
    shown = models.CharField(_("beginning of the token"), max_length=SHOWN_LENGTH)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    last_used = models.DateTimeField(_("last used"), null=True, blank=True)

    class Meta:
        ordering = ["user", "created"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.shown}… ({self.user})"
