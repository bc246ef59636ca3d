"""The web import's confirmation with its departments: the table's 所管課
column becomes the programs' lead departments (imports cannot write the
update round's assignments, workflow cannot read tables: this layer joins
them), in the import's transaction. The API confirms through it too."""

from __future__ import annotations

from django.db import transaction

from shinchoku.common.services import User
from shinchoku.imports import uploads
from shinchoku.imports.models import Upload
from shinchoku.imports.services import ImportResult
from shinchoku.plans import services as plan_services
from shinchoku.workflow.people import services as people_services


@transaction.atomic
def import_confirm(
    *,
    actor: User,
    upload: Upload,
    sha256: str,
    edition_title: str = "",
    fiscal_year: int | None = None,
    publish: bool = False,
    via: str = "screen",
) -> tuple[ImportResult, list[str]]:
    """Import the upload (imports.uploads.upload_confirm) and set the lead
    departments it names. The editions it makes stay unpublished for the
    office to check, unless ``publish``: then they go through the publish
    step at once (its own history row). Returns the result and the
    departments created."""
    result, parsed = uploads.upload_confirm(
        actor=actor,
        upload=upload,
        sha256=sha256,
        edition_title=edition_title,
        fiscal_year=fiscal_year,
    )
    created = people_services.programs_lead_by_name(
        actor=actor,
        plan=result.plan,
        departments=parsed.departments,
        via=f"{via}: import {upload.filename}",
    )
    if publish:
        for edition in result.editions:
            if not edition.published:
                plan_services.edition_publish(
                    actor=actor, edition=edition, published=True, via=via
                )
                edition.published = True
    return result, created
