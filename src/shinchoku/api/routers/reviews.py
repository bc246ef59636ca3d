"""Live indicators and program grades: the staff program page's review forms
(indicator review, typed actuals, grades) through the same services."""

from typing import Annotated

from django.http import HttpRequest
from ninja import Path, Router, Status
from ninja.errors import HttpError

from shinchoku.api import presenters
from shinchoku.api.auth import WRITE_AUTH
from shinchoku.api.params import Code, ProgramNumber, Slug
from shinchoku.api.schemas import (
    ConflictOut,
    ErrorOut,
    GradeIn,
    GradeOut,
    IndicatorActualIn,
    IndicatorLiveOut,
    IndicatorReviewIn,
)
from shinchoku.plans import selectors, services
from shinchoku.plans.models import Indicator, Program
from shinchoku.workflow.permissions import Action, require

router = Router(auth=WRITE_AUTH)

IndicatorId = Annotated[
    int, Path(ge=1, le=2**63 - 1, description="The indicator's id.", examples=[1])
]
FiscalYear = Annotated[
    int, Path(ge=1900, le=2200, description="The fiscal year.", examples=[2024])
]
REFUSALS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}
# 400: a body that is not JSON at all (ninja's answer, before validation).
BODY_REFUSALS = {400: ErrorOut, **REFUSALS}


def _indicator(indicator_id: int) -> Indicator:
    try:
        return selectors.indicator_get(indicator_id)
    except Indicator.DoesNotExist:
        raise HttpError(404, "The indicator was not found.") from None


def _program(code: str, slug: str, number: int) -> Program:
    try:
        plan = selectors.plan_get(code=code, slug=slug)
        return selectors.program_get(plan=plan, number=number)
    except (selectors.PlanNotFound, Program.DoesNotExist):
        raise HttpError(404, "The program was not found.") from None


@router.get(
    "/indicators/{indicator_id}",
    response={200: IndicatorLiveOut, **REFUSALS},
    url_name="live-indicator",
    operation_id="getLiveIndicator",
    summary="Get a live indicator",
    tags=["indicator review"],
)
def indicator_detail(request: HttpRequest, indicator_id: IndicatorId):
    """An indicator as staff see it now (not as published), with its version.
    For members of the plan's municipality."""
    indicator = _indicator(indicator_id)
    require(request.auth, Action.VIEW_LIVE_PLAN, indicator.program.plan)
    return presenters.live_indicator(indicator)


@router.post(
    "/indicators/{indicator_id}/review",
    response={200: IndicatorLiveOut, 409: ConflictOut, **BODY_REFUSALS},
    url_name="indicator-review",
    operation_id="reviewIndicator",
    summary="Review an indicator",
    tags=["indicator review"],
)
def indicator_review(
    request: HttpRequest, indicator_id: IndicatorId, data: IndicatorReviewIn
):
    """Confirm an extracted indicator (correcting fields on the way), reject it,
    or reopen it. Admin office."""
    corrections = (
        data.corrections.model_dump(exclude_unset=True) if data.corrections else None
    )
    services.indicator_review(
        indicator=_indicator(indicator_id),
        actor=request.auth,
        decision=data.decision,
        based_on_version=data.based_on_version,
        values=corrections or None,
        via="api",
    )
    return presenters.live_indicator(_indicator(indicator_id))


@router.put(
    "/indicators/{indicator_id}/actuals/{fiscal_year}",
    response={200: IndicatorLiveOut, 409: ConflictOut, **BODY_REFUSALS},
    url_name="indicator-actual",
    operation_id="setIndicatorActual",
    summary="Set an indicator's actual for a fiscal year",
    tags=["indicator review"],
)
def indicator_actual(
    request: HttpRequest,
    indicator_id: IndicatorId,
    fiscal_year: FiscalYear,
    data: IndicatorActualIn,
):
    """Type in (or, with null, clear) the actual of a fiscal year. Admin office."""
    services.indicator_actual_set(
        indicator=_indicator(indicator_id),
        actor=request.auth,
        fiscal_year=fiscal_year,
        value=data.value,
        based_on_version=data.based_on_version,
        via="api",
    )
    return presenters.live_indicator(_indicator(indicator_id))


GRADE_PATH = (
    "/municipalities/{code}/plans/{slug}/programs/{number}/grades/{fiscal_year}"
)


@router.put(
    GRADE_PATH,
    response={200: GradeOut, **BODY_REFUSALS},
    url_name="program-grade",
    operation_id="setProgramGrade",
    summary="Grade a program for a fiscal year",
    tags=["grades"],
)
def grade_set(
    request: HttpRequest,
    code: Code,
    slug: Slug,
    number: ProgramNumber,
    fiscal_year: FiscalYear,
    data: GradeIn,
):
    """Set the program's progress grade (on the plan's scale) and its reason for
    the fiscal year, in the live plan. Admin office."""
    record = services.program_grade_set(
        program=_program(code, slug, number),
        actor=request.auth,
        fiscal_year=fiscal_year,
        grade=data.grade,
        comment=data.comment,
        via="api",
    )
    return presenters.grade(record)


@router.delete(
    GRADE_PATH,
    response={204: None, **REFUSALS},
    url_name="program-grade-delete",
    operation_id="removeProgramGrade",
    summary="Remove a program's grade for a fiscal year",
    tags=["grades"],
)
def grade_remove(
    request: HttpRequest,
    code: Code,
    slug: Slug,
    number: ProgramNumber,
    fiscal_year: FiscalYear,
):
    """Remove the grade (nothing happens when there is none). Admin office."""
    services.program_grade_set(
        program=_program(code, slug, number),
        actor=request.auth,
        fiscal_year=fiscal_year,
        grade="",
        via="api",
    )
    return Status(204, None)
