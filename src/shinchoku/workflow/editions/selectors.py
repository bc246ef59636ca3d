"""Reads of editions for the staff: those a person may see, and the diff of two
(of the documents they present)."""

from __future__ import annotations

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


def edition_document(edition: Edition) -> dict:
    """The interchange document an edition presents: its snapshot, or the live
    plan for an edition frozen before snapshots existed."""
    if edition.snapshot is not None:
        return edition.snapshot
    return interchange.dump(plan_to_parsed(edition.plan))


def edition_diff(old: Edition, new: Edition) -> list[plan_diff.ProgramDiff]:
    return plan_diff.diff_documents(edition_document(old), edition_document(new))
