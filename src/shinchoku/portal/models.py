"""The portal's rows: one per published edition × program, rebuilt from the
edition's frozen snapshot by portal.services (never from the live tables, which
may hold text that is not published yet). Search matches them, and a program's
public page and the API read the program from here (``doc``) rather than load
the whole snapshot for one program.

On SQLite an FTS5 table with the trigram tokenizer mirrors ``haystack`` (kept in
sync by triggers, see migrations/0001); on PostgreSQL a pg_trgm GIN index covers
it. portal.search.search is the one way to query either.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from shinchoku.plans.models import Edition, Plan


class SearchEntry(models.Model):
    edition = models.ForeignKey(
        Edition, on_delete=models.CASCADE, related_name="search_entries"
    )
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="+")
    # The edition's number in its plan's URLs (editions/<n>/), so a result links
    # without another query.
    edition_number = models.PositiveIntegerField(_("edition number"))
    # Only the latest published edition of a plan is searched by default.
    is_latest = models.BooleanField(_("latest edition"), default=False)
    program_number = models.PositiveSmallIntegerField(_("program number"))
    program_name = models.TextField(_("program name"))
    ordering = models.PositiveIntegerField(_("order"), default=0)
    # Folded (NFKC, case-folded, katakana → hiragana) copies that queries are
    # matched against: the program name alone, for ranking, and all its text.
    name_folded = models.TextField()
    haystack = models.TextField()
    # The program as published: programs[i] of the snapshot, as it is. A search
    # result shows (and highlights) the bullets that matched from it.
    doc = models.JSONField(default=dict)

    class Meta:
        ordering = ["plan", "edition", "ordering"]
        indexes = [models.Index(fields=["plan", "is_latest"])]
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "program_number"], name="searchentry_unique"
            )
        ]
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")

    def __str__(self) -> str:
        return f"{self.edition_id}/{self.program_number} {self.program_name}"


class PublicState(models.Model):
    """One row: the token the public pages' cache keys carry (portal.cache).
    Replaced by every write that changes what the public can see."""

    SINGLETON = 1

    generation = models.CharField(max_length=32)

    class Meta:
        verbose_name = _("public pages' cache generation")

    def __str__(self) -> str:
        return self.generation
