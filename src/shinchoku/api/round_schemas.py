"""Shapes of the round operations: a round with what closing it meets,
closing it into an edition, reopening it (api/routers/rounds.py)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from ninja import Field, Schema

from shinchoku.api.schemas import (
    CleanStr,
    ConflictOut,
    EntryProgramOut,
    IsoDate,
    NonBlank,
    StrictIn,
    Text,
)


class RoundEntryLineOut(Schema):
    id: int = Field(description="The round entry's id (GET /api/entries/{id}).")
    program: EntryProgramOut
    state: str
    state_label: str
    department: str | None = Field(description="The program's lead department.")


class RoundEditionOut(Schema):
    id: int = Field(description="Publish it with PUT /api/editions/{id}/published.")
    title: str
    kind: str
    fiscal_year: int | None
    meeting: str
    material: str
    date: dt.date | None
    schedule_as_of: str
    published: bool
    supersedes_id: int | None = Field(
        description="A 修正版: the id of the edition it corrects."
    )


class RoundStateOut(Schema):
    id: int
    municipality_code: str
    plan_slug: str
    title: str = Field(description="e.g. 令和5年度実績.")
    kind: str = Field(description="initial_plan or achievements.")
    fiscal_year: int
    deadline: dt.date
    status: str = Field(description="open or closed.")
    closed_at: dt.datetime | None
    edition: RoundEditionOut | None = Field(
        description="The edition the round closed into (the last one, for a "
        "round reopened since)."
    )
    pending: list[RoundEntryLineOut] = Field(
        description="Entries in progress (drafting, awaiting_head, submitted, "
        "returned): the round cannot close until they are approved."
    )
    not_started: list[RoundEntryLineOut] = Field(
        description="Entries nobody started: closing keeps their text as last approved."
    )


class RoundConflictOut(ConflictOut):
    pending: list[RoundEntryLineOut] | None = Field(
        None,
        description="When closing is refused over entries in progress: those entries.",
    )


# The edition's report year is printed in 和暦, which starts with 昭和 here
# (common.wareki.ERAS): an earlier year could not be printed (a 500).
ReportYear = Annotated[int, Field(ge=1927, le=2200)]
Month = Annotated[str, Field(pattern=r"^[0-9]{4}-(0[1-9]|1[0-2])$")]


class RoundCloseIn(StrictIn):
    """What the edition is called and where it is presented; a field left out
    takes the close form's proposal: the round's title and FY, or for a
    reopened round the values of the edition it closed into, its title
    followed by (修正版)."""

    title: Annotated[CleanStr, Field(max_length=200, pattern=NonBlank)] | None = Field(
        None, description="The edition's title, e.g. 令和5年度実績."
    )
    meeting: Annotated[CleanStr, Field(max_length=200)] | None = Field(
        None, description="e.g. 第3回 経営方針推進委員会."
    )
    material: Annotated[CleanStr, Field(max_length=50)] | None = Field(
        None, description="e.g. 資料1."
    )
    date: IsoDate | None = Field(None, description="The meeting's date.")
    fiscal_year: ReportYear | None = Field(None, description="The report year.")
    schedule_as_of: Month | None = Field(
        None, description="YYYY-MM the schedule columns assume (R5.3 = 2023-03)."
    )


class RoundReopenIn(StrictIn):
    reason: Text = Field(
        pattern=NonBlank,
        description="Why the round is reopened: kept in its history, and the "
        "comment of the entries returned.",
    )
    programs: list[Annotated[int, Field(ge=1, le=32767)]] = Field(
        default_factory=list,
        max_length=500,
        description="Numbers of the programs whose entries go back to their "
        "departments (returned, with the reason).",
    )
