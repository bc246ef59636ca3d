"""Import a file: parse it with its format's adapter (imports.formats) into the
plan document, then write the document through plans.services (one
transaction, idempotent; a dry run rolls it back)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from shinchoku.common.services import User
from shinchoku.document.errors import ImportFormatError
from shinchoku.document.model import ParsedPlan
from shinchoku.imports import formats
from shinchoku.imports.formats import ParseOptions
from shinchoku.plans.services import PlanApplied, plan_apply


@dataclass
class ImportResult(PlanApplied):
    dry_run: bool = False

    def summary(self) -> str:
        prefix = "Dry run, nothing saved: " if self.dry_run else ""
        return (
            f"{prefix}{self.plan.municipality.name} {self.plan.title}: "
            f"programs {self.programs}; year records {self.years}; "
            f"indicators {self.indicators}"
        )


def import_file(
    path: str | Path,
    *,
    fmt: str | None = None,
    options: ParseOptions | None = None,
    user: User | None = None,
    dry_run: bool = False,
) -> ImportResult:
    """Parse a file of any known format and apply it (see plan_import)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFormatError(
            f"cannot read the file: {exc.strerror}", source=str(path)
        ) from None
    parsed = formats.parse(data, source=path.name, fmt=fmt, options=options)
    return plan_import(parsed=parsed, source=path.name, user=user, dry_run=dry_run)


def plan_import(
    *,
    parsed: ParsedPlan,
    source: str,
    user: User | None = None,
    dry_run: bool = False,
) -> ImportResult:
    """Write a parsed plan in one transaction; roll back everything on any error
    (or at the end of a dry run)."""
    try:
        with transaction.atomic():
            applied = plan_apply(
                document=parsed, actor=user, reason=f"import: {source}"
            )
            result = ImportResult(**vars(applied), dry_run=dry_run)
            if dry_run:
                transaction.set_rollback(True)
    except ImportFormatError as exc:
        if exc.source:
            raise
        raise ImportFormatError(exc.detail, source=source, line=exc.line) from None
    return result
