"""Import a file: parse it with its format's adapter (imports.formats) into the
plan document, then write the document through plans.services (one
transaction, idempotent; a dry run rolls it back)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from django.db import transaction

from shinchoku.common.services import User
from shinchoku.document.errors import ImportFormatError
from shinchoku.document.model import ParsedPlan
from shinchoku.imports import formats
from shinchoku.imports.formats import ParseOptions
from shinchoku.plans import selectors
from shinchoku.plans.services import PlanApplied, plan_apply

if TYPE_CHECKING:
    from shinchoku.imports.tabular import Mapping


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
    publish: bool = True,
) -> ImportResult:
    """Parse a file of any known format and apply it (see plan_import)."""
    path = Path(path)
    data = _read(path)
    parsed = formats.parse(data, source=path.name, fmt=fmt, options=options)
    return plan_import(
        parsed=parsed, source=path.name, user=user, dry_run=dry_run, publish=publish
    )


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ImportFormatError(
            f"cannot read the file: {exc.strerror}", source=str(path)
        ) from None


def suggest_file_mapping(path: str | Path) -> Mapping:
    """The mapping suggested for a table file (imports.tabular.suggest_mapping)."""
    from shinchoku.imports import tabular

    path = Path(path)
    return tabular.suggest_mapping(tabular.read_table(_read(path), path.name))


def _fill_period(parsed: ParsedPlan, source: str) -> None:
    """A file that does not state the plan's period (records.csv) takes it
    from the plan of the same municipality and title."""
    if parsed.first_fy and parsed.last_fy:
        return
    known = selectors.plan_period(parsed.municipality_code, parsed.title)
    if known is None:
        raise ImportFormatError(
            f"the file does not state the period of {parsed.title}, and no such plan "
            "exists yet: give it with --first-fy and --last-fy",
            source=source,
        )
    parsed.first_fy, parsed.last_fy = known
    from shinchoku.imports.formats.seed_table import propose_indicators

    propose_indicators(parsed.programs, *known, source=source)


def plan_import(
    *,
    parsed: ParsedPlan,
    source: str,
    user: User | None = None,
    dry_run: bool = False,
    reason: str | None = None,
    publish: bool = True,
) -> ImportResult:
    """Write a parsed plan in one transaction; roll back everything on any error
    (or at the end of a dry run). ``reason``: the history rows' (default
    "import: <source>"); ``publish``: whether the editions it makes are
    published at once (plan_apply)."""
    _fill_period(parsed, source)
    try:
        with transaction.atomic():
            applied = plan_apply(
                document=parsed,
                actor=user,
                reason=reason or f"import: {source}",
                publish=publish,
            )
            result = ImportResult(**vars(applied), dry_run=dry_run)
            if dry_run:
                transaction.set_rollback(True)
    except ImportFormatError as exc:
        if exc.source:
            raise
        raise ImportFormatError(exc.detail, source=source, line=exc.line) from None
    return result
