"""What the web import keeps between its steps: the uploaded file (until it is
imported or dropped) and, per plan, the column mapping the office confirmed
(reused for the next year's table)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from shinchoku.plans.models import Plan


class TableMapping(models.Model):
    """The column mapping (imports.tabular.Mapping as JSON) last used to import
    a table into the plan."""

    plan = models.OneToOneField(
        Plan, on_delete=models.CASCADE, related_name="table_mapping"
    )
    mapping = models.JSONField(_("column mapping"))
    source = models.CharField(_("file it was made for"), max_length=255, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("table mapping")
        verbose_name_plural = _("table mappings")

    def __str__(self) -> str:
        return f"{self.plan}: {self.source}"


class UploadStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for confirmation")
    IMPORTED = "imported", _("Imported")


class Upload(models.Model):
    """A file uploaded for import into a plan: parsed again at each step (the
    mapping, the preview, the confirmation) from these bytes, so what is
    confirmed is what was previewed (its SHA-256 is checked)."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="uploads")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    filename = models.CharField(_("file name"), max_length=255)
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    size = models.PositiveIntegerField(_("size"))
    data = models.BinaryField(_("content"))
    # "table": a table of another layout (the mapping step); "file": a format
    # Shinchoku reads as it is (its own report, records.csv, the template…).
    kind = models.CharField(max_length=10)
    mapping = models.JSONField(_("column mapping"), null=True, blank=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=UploadStatus.choices,
        default=UploadStatus.PENDING,
    )
    summary = models.TextField(_("result"), blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("upload")
        verbose_name_plural = _("uploads")

    def __str__(self) -> str:
        return f"{self.filename} ({self.sha256[:12]})"

    @property
    def needs_mapping(self) -> bool:
        return self.kind == "table"
