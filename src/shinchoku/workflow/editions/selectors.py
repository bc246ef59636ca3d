"""Reads of editions for the staff: those a person may see, and the diff of two
(of the documents they present)."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from shinchoku.common.services import User
from shinchoku.document import interchange
from shinchoku.plans.models import Edition, Plan
from shinchoku.plans.selectors import plan_to_parsed
from shinchoku.workflow import diff as plan_diff
from shinchoku.workflow.permissions import Action, can


def editions_for(plan: Plan, user: User) -> list[Edition]:
    editions = list(plan.editions.order_by("date", "fiscal_year", "pk"))
    for e in editions:
        e.plan = plan
    return [e for e in editions if can(user, Action.VIEW_EDITION, e)]


@dataclass(frozen=True)
class EditionRow:
    """A line of the staff's editions page."""

    edition: Edition
    status: str  # "unpublished", "published" or "superseded"
    predecessor: Edition | None  # what it corrects, else the edition before it
    may_publish: bool

    @property
    def status_label(self) -> str:
        return str(STATUS_LABELS[self.status])


STATUS_LABELS = {
    "unpublished": _("Not published"),
    "published": _("Published"),
    "superseded": _("Superseded"),
}


def edition_rows(plan: Plan, user: User) -> list[EditionRow]:
    """Every edition the user may see, oldest first, with its status and the
    edition to compare it with (1 query)."""
    editions = editions_for(plan, user)
    by_pk = {e.pk: e for e in editions}
    corrected = {e.supersedes_id for e in editions if e.supersedes_id and e.published}
    rows = []
    for i, e in enumerate(editions):
        if e.pk in corrected:
            status = "superseded"
        else:
            status = "published" if e.published else "unpublished"
        predecessor = by_pk.get(e.supersedes_id or 0) or (
            editions[i - 1] if i else None
        )
        rows.append(
            EditionRow(e, status, predecessor, can(user, Action.PUBLISH_EDITION, e))
        )
    return rows


def edition_document(edition: Edition) -> dict:
    """The interchange document an edition presents: its snapshot, or the live
    plan for an edition frozen before snapshots existed."""
    if edition.snapshot is not None:
        return edition.snapshot
    return interchange.dump(plan_to_parsed(edition.plan))


def edition_diff(old: Edition, new: Edition) -> list[plan_diff.ProgramDiff]:
    return plan_diff.diff_documents(edition_document(old), edition_document(new))
