"""The web import, step by step: a file uploaded into a plan (kept with its
SHA-256), the column mapping of a table of another layout (suggested, or the
one saved for the plan), a preview of what importing would change (the
import applied and rolled back), and the confirmation: one transaction, its
history rows naming the file and its checksum, the mapping saved for next
year.

Parsing is synchronous and bounded rather than queued (there is no task
queue): a request carries at most SHINCHOKU_MAX_UPLOAD_SIZE (5 MiB), an XLSX
goes through the guarded opener (sizes, cells, sheets) and a PDF is read to
at most 200 pages; each step parses the stored bytes again, which for a
committee table takes well under a second (a 40-page PDF a few seconds)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import PurePath

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from shinchoku.common.services import ServiceError, User, model_save, signed_in
from shinchoku.common.text import ControlCharacterError, clean_input
from shinchoku.document import interchange
from shinchoku.document.errors import ImportFormatError
from shinchoku.document.model import ParsedEdition, ParsedPlan
from shinchoku.imports import formats, tabular
from shinchoku.imports.models import TableMapping, Upload, UploadStatus
from shinchoku.imports.services import ImportResult, plan_import
from shinchoku.plans import selectors as plan_selectors
from shinchoku.plans.models import Plan
from shinchoku.plans.services import require_edit


@dataclass
class Parsed:
    """An upload read into the plan document, with what the document has no
    place for: the responsible department (所管課) per program number."""

    document: ParsedPlan
    departments: dict[int, str] = field(default_factory=dict)


@dataclass
class Preview:
    """What importing an upload would do, seen from the plan: the plan as it
    is and as it would be (interchange documents, to compare), the counts, and
    the notes of the parser."""

    before: dict
    after: dict
    result: ImportResult
    departments: dict[int, str]
    notes: list[str]
    editions: list[str]  # the editions the file states itself
    fiscal_year: int | None  # the latest year the file reports achievements of


def _is_table(data: bytes, filename: str) -> bool:
    """A table of another layout (XLSX, CSV, PDF), not a format read as is."""
    from shinchoku.imports.formats import records_csv, table

    if records_csv.sniff(data, filename):
        return False
    return table.sniff(data, filename)


def _kind(data: bytes, filename: str) -> str:
    """ "table" (the mapping step) or "file" (read as it is): Shinchoku's own
    report and template are tables that need no mapping."""
    if not _is_table(data, filename):
        return "file"
    from shinchoku.imports import template
    from shinchoku.imports.formats import report_table

    table = tabular.read_table(data, filename)
    if report_table.matches(table) or template.mapping_for(table) is not None:
        return "file"
    return "table"


@transaction.atomic
def upload_create(*, actor: User, plan: Plan, filename: str, data: bytes) -> Upload:
    """Keep a file for importing into the plan; ImportFormatError (naming the
    file, sheet, row and cell) when it cannot be read at all."""
    require_edit(actor, plan)
    try:
        name = clean_input(PurePath(filename).name)[:255] or "upload"
    except ControlCharacterError:
        name = "upload"
    limit = settings.SHINCHOKU_MAX_UPLOAD_SIZE
    if len(data) > limit:
        raise ServiceError(
            _("The file has %(size)s bytes; at most %(max)s are imported.")
            % {"size": f"{len(data):,}", "max": f"{limit:,}"}
        )
    kind = _kind(data, name)
    if kind == "file":
        formats.parse(data, source=name)  # refused now, not after the preview
    upload = Upload(
        plan=plan,
        uploaded_by=signed_in(actor),
        filename=name,
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        data=data,
        kind=kind,
    )
    upload.save()
    return upload


def upload_table(upload: Upload) -> tabular.Table:
    words = tuple((upload.mapping or {}).get("joined_words") or ())
    return tabular.read_table(bytes(upload.data), upload.filename, joined_words=words)


def saved_mapping(plan: Plan) -> tabular.Mapping | None:
    """The mapping last confirmed for the plan, if any."""
    record = TableMapping.objects.filter(plan=plan).first()
    if record is None:
        return None
    return tabular.Mapping.from_dict(record.mapping, source="saved mapping")


def initial_mapping(upload: Upload) -> tuple[tabular.Mapping, str]:
    """The mapping to start the mapping step from, and where it came from:
    "upload" (chosen for this file already), "saved" (the plan's, when it
    reads this table) or "suggested" (from the header's words)."""
    table = upload_table(upload)
    if upload.mapping:
        return tabular.Mapping.from_dict(upload.mapping), "upload"
    saved = saved_mapping(upload.plan)
    if saved is not None:
        try:
            _document(upload, table, saved)
        except ImportFormatError:
            pass  # another layout this time: suggest afresh
        else:
            return saved, "saved"
    return tabular.suggest_mapping(table), "suggested"


def _document(
    upload: Upload, table: tabular.Table, mapping: tabular.Mapping
) -> tabular.TableDocument:
    plan = upload.plan
    mapping.plan = {
        **mapping.plan,
        "title": plan.title,
        "first_fy": plan.first_fy,
        "last_fy": plan.last_fy,
    }
    return tabular.read_document(
        table,
        mapping,
        municipality_code=plan.municipality.code,
        municipality_name=plan.municipality.name,
    )


@transaction.atomic
def upload_map(*, actor: User, upload: Upload, mapping: tabular.Mapping) -> Parsed:
    """Choose the mapping of an upload's table: refused (naming the sheet, row
    and cell) when the table cannot be read with it."""
    require_edit(actor, upload.plan)
    parsed = _read_document(upload, upload_table(upload), mapping)
    upload.mapping = mapping.to_dict()
    upload.save(update_fields=["mapping"])
    return parsed


def _read_document(
    upload: Upload, table: tabular.Table, mapping: tabular.Mapping
) -> Parsed:
    result = _document(upload, table, mapping)
    return Parsed(result.plan, dict(result.departments))


def upload_parse(upload: Upload) -> Parsed:
    """The upload as the plan document, for its plan: its municipality and
    title (a file of another municipality is refused)."""
    plan = upload.plan
    data = bytes(upload.data)
    if upload.needs_mapping:
        if not upload.mapping:
            raise ServiceError(_("Choose what the table's columns mean first."))
        mapping = tabular.Mapping.from_dict(upload.mapping)
        return _read_document(upload, upload_table(upload), mapping)
    document = formats.parse(data, source=upload.filename)
    if document.municipality_code != plan.municipality.code:
        raise ImportFormatError(
            f"the file is of municipality {document.municipality_code} "
            f"({document.municipality_name}), not of {plan.municipality.code}",
            source=upload.filename,
        )
    if document.title != plan.title:
        document.notes.append(
            f"the file's plan {document.title} is imported into {plan.title}"
        )
        document.title = plan.title
    return Parsed(document)


def _source(upload: Upload) -> str:
    return upload.filename


def _reason(upload: Upload) -> str:
    return f"import: {upload.filename} (SHA-256 {upload.sha256})"


def with_edition(parsed: Parsed, title: str, fiscal_year: int | None) -> Parsed:
    """The document as one edition (the report as presented) titled ``title``
    when it states none itself: a table without a title block."""
    document = parsed.document
    if title and not document.editions:
        document.editions = [
            ParsedEdition(title=title, fiscal_year=fiscal_year or document.last_fy)
        ]
        document.is_edition = True
    return parsed


def upload_preview(
    *,
    actor: User,
    upload: Upload,
    edition_title: str = "",
    fiscal_year: int | None = None,
) -> Preview:
    """What importing the upload would change: applied, read back, rolled
    back (nothing is kept, not even the history rows)."""
    require_edit(actor, upload.plan)
    parsed = upload_parse(upload)
    editions = [e.title for e in parsed.document.editions]
    reported = [
        fy
        for program in parsed.document.programs
        for fy, year in program.years.items()
        if year.achievements
    ]
    parsed = with_edition(parsed, edition_title, fiscal_year)
    before = interchange.dump(plan_selectors.plan_to_parsed(upload.plan))
    with transaction.atomic():
        result = plan_import(parsed=parsed.document, source=_source(upload), user=None)
        after = interchange.dump(plan_selectors.plan_to_parsed(result.plan))
        transaction.set_rollback(True)
    return Preview(
        before=before,
        after=after,
        result=result,
        departments=parsed.departments,
        notes=list(result.notes),
        editions=editions,
        fiscal_year=max(reported, default=None),
    )


@transaction.atomic
def upload_confirm(
    *,
    actor: User,
    upload: Upload,
    sha256: str,
    edition_title: str = "",
    fiscal_year: int | None = None,
) -> tuple[ImportResult, Parsed]:
    """Import the upload into its plan: one transaction, every history row
    naming the file and its SHA-256; the table's mapping saved for the plan;
    the editions it makes unpublished. ``sha256`` is the checksum the preview showed: another file is refused."""
    require_edit(actor, upload.plan)
    upload = (
        Upload.objects.select_for_update()
        .select_related("plan__municipality")
        .get(pk=upload.pk)
    )
    if upload.status != UploadStatus.PENDING:
        raise ServiceError(_("This file was imported already."))
    if sha256 != upload.sha256:
        raise ServiceError(_("This is not the file that was previewed."))
    parsed = with_edition(upload_parse(upload), edition_title, fiscal_year)
    result = plan_import(
        parsed=parsed.document,
        source=_source(upload),
        user=actor,
        reason=_reason(upload),
        publish=False,  # the office checks it first (office.services)
    )
    if upload.mapping:
        _mapping_save(actor=actor, upload=upload)
    upload.status = UploadStatus.IMPORTED
    upload.summary = result.summary()
    upload.save(update_fields=["status", "summary"])
    return result, parsed


def _mapping_save(*, actor: User, upload: Upload) -> None:
    mapping = dict(upload.mapping or {})
    mapping["plan"] = {}  # the plan's own facts come from the plan
    record = TableMapping.objects.filter(plan=upload.plan).first()
    reason = f"import: mapping of {upload.filename}"
    if record is None:
        record = TableMapping(plan=upload.plan)
    record.mapping, record.source = mapping, upload.filename
    model_save(record, actor=actor, reason=reason)
