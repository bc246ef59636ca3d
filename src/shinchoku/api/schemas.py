"""Response shapes of the JSON API (they make /api/openapi.json)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from ninja import Field, Schema
from pydantic import AfterValidator, BeforeValidator, ConfigDict

from shinchoku.common.text import clean_input


class ErrorOut(Schema):
    detail: str | list[dict[str, Any]] = Field(
        description="What went wrong: a sentence, or the invalid parameters."
    )


class PlanSummaryOut(Schema):
    municipality_code: str
    slug: str
    title: str
    first_fy: int
    last_fy: int
    url: str = Field(description="The public page of the plan.")
    api_url: str


class MunicipalityOut(Schema):
    code: str = Field(description="全国地方公共団体コード (six digits).")
    name: str
    url: str
    api_url: str


class MunicipalityDetailOut(MunicipalityOut):
    plans: list[PlanSummaryOut]


class EditionSummaryOut(Schema):
    number: int = Field(description="The edition's number in its plan's URLs.")
    title: str
    meeting: str
    material: str
    date: dt.date | None
    date_wareki: str
    fiscal_year: int
    fiscal_year_wareki: str
    schedule_as_of: str
    is_latest: bool = Field(
        description="The current edition: the newest, a superseded one never."
    )
    kind: str = Field(description="initial_plan (当初計画) or achievements (実績).")
    supersedes: int | None = Field(
        description="A corrected edition (修正版): the number of the one it corrects."
    )
    superseded_by: int | None = Field(
        description="The number of the edition that corrects this one, if any."
    )
    diff_url: str = Field(
        description="The changes from the edition this one corrects, or empty."
    )
    url: str
    api_url: str


class PlanOut(PlanSummaryOut):
    municipality_name: str
    period_wareki: str
    editions: list[EditionSummaryOut] = Field(description="Newest first.")


class SectionOut(Schema):
    kind: str
    heading: str
    lead: str


class DirectionOut(Schema):
    number: int
    name: str


class ProgramSummaryOut(Schema):
    number: int
    number_label: str
    name: str
    direction: int
    kind: str
    ended_after_fy: int | None
    url: str
    api_url: str


class EditionOut(EditionSummaryOut):
    municipality_code: str
    municipality_name: str
    plan_slug: str
    plan_title: str
    sections: list[SectionOut]
    directions: list[DirectionOut]
    programs: list[ProgramSummaryOut]


class ActionItemOut(Schema):
    text: str
    schedule: dict[str, str] = Field(description="Fiscal year → schedule cell.")


class YearOut(Schema):
    fiscal_year: int
    fiscal_year_wareki: str
    achievements: list[str] = Field(description="取組実績 reported through the FY.")
    plan: list[str] = Field(description="当初予定 and 設定目標 for the FY.")


class ProgramOut(ProgramSummaryOut):
    kind_label: str
    direction_name: str
    ended_note: str
    policy_points: list[str]
    action_items: list[ActionItemOut]
    schedule_raw: list[str]
    years: list[YearOut]
    indicators: list[dict[str, Any]] = Field(
        description="KPIs of the program as published (programs[].kpis), if any."
    )


class IndicatorOut(Schema):
    program_number: int
    program_name: str
    indicator: dict[str, Any]


class SearchMatchOut(Schema):
    field: str
    fiscal_year: int | None
    position: int
    text: str


class SearchHitOut(Schema):
    municipality_code: str
    municipality_name: str
    plan_slug: str
    plan_title: str
    edition_number: int
    edition_title: str
    program_number: int
    program_name: str
    score: int
    url: str
    matches: list[SearchMatchOut]


class SearchPageOut(Schema):
    count: int = Field(description="Hits in all pages (at most the cap).")
    capped: bool = Field(
        description="More programs hold the words than are ranked (count is the "
        "cap, 100): add a word to narrow the search."
    )
    limit: int
    offset: int
    items: list[SearchHitOut]


# ------------------------------------------------------------ writes

# Bounds that keep anything a database cannot hold out (a 422, never a 500).
Version = Annotated[
    int,
    Field(
        ge=1,
        le=2_147_483_647,
        description="The version you read (GET) and edited: a newer saved "
        "version refuses the write with 409.",
    ),
]
Number = Annotated[float, Field(allow_inf_nan=False, ge=-1e15, le=1e15)]
# Text a request may carry: common.text.clean_input refuses control characters
# (its ValueError is a 422 naming the field).
CleanStr = Annotated[str, AfterValidator(clean_input)]
Text = Annotated[CleanStr, Field(max_length=2000)]
Bullets = Annotated[
    list[Text], Field(max_length=200, description="One item per bullet (・).")
]
IndicatorKey = Annotated[str, Field(pattern=r"^[1-9][0-9]{0,17}$")]
FiscalYearValue = Annotated[int, Field(ge=1900, le=2200)]
NonBlank = r"\S"


class StrictIn(Schema):
    """A request body: an object with these fields and no others (a misspelt
    field is a 422 rather than silently ignored), each of its JSON type (no
    "1" for 1)."""

    model_config = ConfigDict(extra="forbid", strict=True)


def _iso_date_text(value):
    if value is not None and not isinstance(value, str):
        raise ValueError("expected a date as text, YYYY-MM-DD")
    return value


IsoDate = Annotated[dt.date, Field(strict=False), BeforeValidator(_iso_date_text)]


class ConflictOut(Schema):
    detail: str = Field(description="Why the write was refused.")
    current_version: int = Field(
        description="The version as saved now: read the resource again and "
        "base your change on it."
    )
    current_state: str | None = Field(
        None, description="A round entry's state as saved (entries only)."
    )


class RoundOut(Schema):
    id: int
    title: str = Field(description="e.g. 令和6年度当初計画.")
    kind: str = Field(description="initial_plan or achievements.")
    fiscal_year: int
    deadline: dt.date
    status: str = Field(description="open or closed.")
    editable_fields: list[str] = Field(
        description="What this round asks for: plan; or achievements and "
        "kpi_actuals. Other fields of a draft are ignored."
    )


class EntryProgramOut(Schema):
    number: int
    number_label: str
    name: str


class LiveRecordOut(Schema):
    version: int = Field(description="0 when the FY has no record yet.")
    achievements: list[str]
    plan: list[str]


class EntryIndicatorOut(Schema):
    id: int = Field(description="The key of kpi_actuals.")
    name: str
    unit: str
    live_actual: int | float | None = Field(description="The round FY's actual.")
    draft_actual: int | float | None


class EntryOut(Schema):
    id: int
    municipality_code: str
    plan_slug: str
    round: RoundOut
    program: EntryProgramOut
    state: str = Field(
        description="not_started, drafting, submitted, returned or approved."
    )
    state_label: str
    version: int = Field(description="Send it back as based_on_version.")
    achievements: list[str]
    plan: list[str]
    kpi_actuals: dict[str, int | float | None] = Field(
        description="Indicator id → the round FY's actual in this draft."
    )
    return_comment: str
    updated_at: dt.datetime = Field(description="The last change of any kind.")
    updated_by: str | None = Field(description="Who last saved the draft.")
    saved_at: dt.datetime | None = Field(description="When updated_by saved it.")
    submitted_at: dt.datetime | None
    approved_at: dt.datetime | None
    live: LiveRecordOut = Field(description="The live FY record the draft replaces.")
    indicators: list[EntryIndicatorOut] = Field(
        description="The program's indicators, when the round asks for actuals."
    )


class EntrySavedOut(EntryOut):
    changed: bool = Field(description="False when the draft already said so.")


class EntryDraftIn(StrictIn):
    based_on_version: Version
    achievements: Bullets | None = Field(
        None, description="取組実績 (achievements rounds); absent: unchanged."
    )
    plan: Bullets | None = Field(
        None, description="当初予定・設定目標 (initial-plan rounds); absent: unchanged."
    )
    kpi_actuals: dict[IndicatorKey, Number | None] | None = Field(
        None,
        max_length=100,
        description="Indicator id → actual for the round's FY (null: unchanged); "
        "the ids are those of `indicators`. A value is written against the "
        "indicator's live actual when it is saved: approval refuses to "
        "overwrite an actual typed since (409).",
    )


class TransitionIn(StrictIn):
    based_on_version: Version


class ReturnIn(StrictIn):
    based_on_version: Version
    comment: Text = Field(
        pattern=NonBlank, description="Why the entry goes back to the department."
    )


class IndicatorLiveOut(Schema):
    id: int
    version: int = Field(description="Send it back as based_on_version.")
    municipality_code: str
    plan_slug: str
    program_number: int
    name: str
    unit: str
    comparator: str | None
    direction: str | None
    target: int | float | None
    deadline_fy: int | None
    baseline: int | float | None
    baseline_date: str | None
    targets: dict[str, int | float | None]
    actuals: dict[str, int | float | None]
    relative: str | None
    source_text: str
    reviewed: bool
    status: str = Field(description="extracted, confirmed or rejected.")
    actual_sources: dict[str, str] = Field(
        description="FY → typed (by staff) or extracted (from the plan's text)."
    )


class IndicatorCorrections(StrictIn):
    """Fields to correct; those left out stay as they are."""

    name: Annotated[CleanStr, Field(min_length=1, max_length=100, pattern=NonBlank)] = (
        None
    )
    unit: Annotated[CleanStr, Field(max_length=20)] = None
    comparator: Literal["以上", "以下", "以内", "未満", "超", "ちょうど", ""] = None
    direction: Literal["higher", "lower", ""] = None
    target: Number | None = None
    deadline_fy: FiscalYearValue | None = None
    baseline: Number | None = None
    baseline_date: IsoDate | None = None
    relative: Annotated[CleanStr, Field(max_length=50)] = None


class IndicatorReviewIn(StrictIn):
    based_on_version: Version
    decision: Literal["confirm", "reject", "reopen"] = Field(
        description="confirm (with corrections, if any), reject, or reopen."
    )
    corrections: IndicatorCorrections | None = None


class IndicatorActualIn(StrictIn):
    based_on_version: Version
    value: Number | None = Field(description="The FY's actual; null clears it.")


class GradeIn(StrictIn):
    grade: Annotated[CleanStr, Field(min_length=1, max_length=10, pattern=NonBlank)] = (
        Field(description="A code of the plan's grade scale, e.g. S, A or B.")
    )
    comment: Text = Field("", description="The reason for the grade.")


class GradeOut(Schema):
    municipality_code: str
    plan_slug: str
    program_number: int
    fiscal_year: int
    grade: str
    label: str = Field(description="The grade's meaning on the plan's scale.")
    comment: str
