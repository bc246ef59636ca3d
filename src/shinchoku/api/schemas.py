"""Response shapes of the JSON API (they make /api/openapi.json)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ninja import Field, Schema


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
    is_latest: bool
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
