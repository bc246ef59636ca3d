"""Bodies and answers of the admin office's operations: a plan and its
programs, the next plan period, the import of a file with its preview."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from ninja import Field, Schema

from shinchoku.api.schemas import (
    Bullets,
    CleanStr,
    FiscalYearValue,
    NonBlank,
    StrictIn,
    Text,
    Version,
)

Name = Annotated[CleanStr, Field(min_length=1, max_length=200, pattern=NonBlank)]
SlugValue = Annotated[str, Field(pattern=r"^[a-z0-9-]{1,50}$")]
DepartmentName = Annotated[
    CleanStr, Field(min_length=1, max_length=100, pattern=NonBlank)
]


class SectionIn(StrictIn):
    kind: Literal["implementation", "former_study"]
    heading: Text = ""
    lead: Text = ""


class GradeIn(StrictIn):
    code: Annotated[CleanStr, Field(min_length=1, max_length=10)]
    label: Text = ""


class ThresholdsIn(StrictIn):
    on_track: Annotated[float, Field(gt=0, le=1)]
    slightly_behind: Annotated[float, Field(gt=0, le=1)]


class PlanIn(StrictIn):
    title: Name
    slug: SlugValue
    first_fy: FiscalYearValue
    last_fy: FiscalYearValue
    directions: list[Name] = Field(
        min_length=1, max_length=50, description="方向性, numbered 1… in order."
    )
    sections: list[SectionIn] = Field(default_factory=list, max_length=2)
    grade_scale: list[GradeIn] | None = Field(None, max_length=20)
    progress_thresholds: ThresholdsIn | None = None
    evaluation_method: str = "linear"


class ActionItemIn(StrictIn):
    text: Text
    schedule: dict[
        Annotated[str, Field(pattern=r"^(19|2[0-2])[0-9]{2}$")],
        Annotated[CleanStr, Field(max_length=50)],
    ] = Field(default_factory=dict, description="FY → cell (実施, 検討…).")


class ProgramIn(StrictIn):
    number: Annotated[int, Field(ge=1, le=32767)]
    name: Name
    kind: Literal["implementation", "former_study"] = "implementation"
    direction: Annotated[int, Field(ge=1, le=50)] = Field(
        description="The number of its 方向性."
    )
    lead: DepartmentName = Field(description="The lead department's name.")
    supporting: list[DepartmentName] = Field(default_factory=list, max_length=50)
    policy_points: Bullets = Field(default_factory=list)
    action_items: list[ActionItemIn] = Field(default_factory=list, max_length=200)
    ended_after_fy: FiscalYearValue | None = None


class ProgramUpdateIn(StrictIn):
    """The program as it should be (every field), based on the version read."""

    based_on_version: Version
    program: ProgramIn


class NextPeriodIn(StrictIn):
    title: Name
    slug: SlugValue
    first_fy: FiscalYearValue
    last_fy: FiscalYearValue
    programs: list[Annotated[int, Field(ge=1, le=32767)]] = Field(
        max_length=1000, description="The numbers of the programs to continue."
    )


class LivePlanOut(Schema):
    municipality_code: str
    slug: str
    title: str
    first_fy: int
    last_fy: int
    period_wareki: str
    directions: list[str]
    programs: list[int]
    url: str = Field(description="The staff page of the plan.")


class PeriodOut(Schema):
    """The program in one plan period."""

    plan_slug: str
    plan_title: str
    period_wareki: str
    number: int
    name: str
    url: str


class LiveProgramOut(Schema):
    municipality_code: str
    plan_slug: str
    number: int
    version: int = Field(description="Send it back as based_on_version.")
    name: str
    kind: str
    direction: int
    lead: str | None
    supporting: list[str]
    policy_points: list[str]
    action_items: list[dict[str, Any]]
    ended_after_fy: int | None
    periods: list[PeriodOut] = Field(
        description="The program across plan periods, oldest first (itself included)."
    )


class FieldDiffOut(Schema):
    label: str
    added: list[str]
    removed: list[str]
    changed: list[dict[str, str]] = Field(description="{old, new} per edited item.")


class ProgramDiffOut(Schema):
    number: int
    name: str
    status: str = Field(description="added or changed.")
    fields: list[FieldDiffOut]


class CountsOut(Schema):
    created: int
    updated: int
    unchanged: int


class ImportPreviewOut(Schema):
    upload: int = Field(description="The upload's id, for the confirmation.")
    filename: str
    sha256: str
    needs_mapping: bool
    mapping: dict[str, Any] | None = Field(
        description="The mapping used (or, without one yet, suggested)."
    )
    mapping_origin: str | None = Field(description="upload, saved or suggested.")
    programs: CountsOut | None = None
    years: CountsOut | None = None
    changes: list[ProgramDiffOut] = Field(default_factory=list)
    indicators_proposed: list[str] = Field(default_factory=list)
    departments: dict[str, str] = Field(default_factory=dict)
    notes: list[str] = Field(default_factory=list)
    editions: list[str] = Field(default_factory=list)


class ImportConfirmIn(StrictIn):
    sha256: Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")] = Field(
        description="The checksum the preview gave: another file is refused."
    )
    edition_title: Annotated[CleanStr, Field(max_length=200)] = ""
    fiscal_year: FiscalYearValue | None = None
    publish: bool = Field(
        default=False,
        description="Publish the editions the import makes at once (the publish "
        "step's own history row); by default they stay unpublished for the "
        "admin office to check and publish on the staff editions page.",
    )


class ImportEditionOut(Schema):
    id: int = Field(description="The edition's id, for …/editions/{id}/published.")
    title: str
    published: bool


class EditionPublishIn(StrictIn):
    published: bool = Field(
        description="true: the public sees the edition; false: withdrawn."
    )


class EditionStateOut(Schema):
    id: int
    title: str
    kind: str
    fiscal_year: int | None
    published: bool
    changed: bool = Field(description="Whether this call changed anything.")


class ImportResultOut(Schema):
    plan_slug: str
    summary: str
    programs: CountsOut
    years: CountsOut
    indicators: CountsOut
    departments_created: list[str]
    notes: list[str]
    editions: list[ImportEditionOut] = Field(
        default_factory=list,
        description="The editions the file made or updated, and whether the "
        "public sees them.",
    )
