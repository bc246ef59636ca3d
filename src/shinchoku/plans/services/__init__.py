"""Writes of the plan domain: the only code that writes the plan models
(plan, 方向性, program, program year, indicator, grade, edition). The import,
the update round, the staff pages and the API all call these functions.

Each is one transaction, validated with full_clean(), leaves history rows
naming the actor and the channel ("screen: …", "api: …", "import: …"), does
nothing when nothing changes, and checks permission with workflow.permissions
(``actor=None``, where allowed, is a system write: no check, no history
user)."""

from shinchoku.plans.services.authoring import (
    PLAN_EDITABLE,
    PROGRAM_EDITABLE,
    directions_set,
    plan_create,
    plan_update,
    program_create,
    program_update,
    require_edit,
)
from shinchoku.plans.services.documents import Counts, PlanApplied, plan_apply
from shinchoku.plans.services.editions import edition_freeze, edition_publish
from shinchoku.plans.services.indicators import (
    INDICATOR_EDITABLE,
    indicator_actual_set,
    indicator_review,
    indicator_upsert,
    indicators_accept,
)
from shinchoku.plans.services.periods import plan_next_period
from shinchoku.plans.services.programs import (
    program_grade_set,
    program_year_locked,
    program_year_update,
)

__all__ = [
    "INDICATOR_EDITABLE",
    "PLAN_EDITABLE",
    "PROGRAM_EDITABLE",
    "directions_set",
    "plan_create",
    "plan_next_period",
    "plan_update",
    "program_create",
    "program_update",
    "require_edit",
    "Counts",
    "PlanApplied",
    "edition_freeze",
    "edition_publish",
    "indicator_actual_set",
    "indicator_review",
    "indicator_upsert",
    "indicators_accept",
    "plan_apply",
    "program_grade_set",
    "program_year_locked",
    "program_year_update",
]
