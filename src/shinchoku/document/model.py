"""The plan document in memory: what every input format decodes into, what the
database is read back into, and what every exporter and report starts from. It
mirrors the interchange JSON (docs/interchange-format.md) one to one."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from shinchoku.common import wareki


def ended_note(ended_after_fy: int | None) -> str:
    """※令和4年度までをもって終了: how the city marks a program that ended (empty
    for a program still running)."""
    if ended_after_fy is None:
        return ""
    return f"※{wareki.fiscal_year_label(ended_after_fy)}までをもって終了"


@dataclass
class ParsedActionItem:
    text: str
    # fiscal year → schedule cell (実施, 検討・実施…), only where the source says
    # which item a cell belongs to; otherwise the cells stay in schedule_raw.
    schedule: dict[int, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The item as the interchange JSON and Program.action_items keep it."""
        return {
            "text": self.text,
            "schedule": {str(fy): c for fy, c in sorted(self.schedule.items())},
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ParsedActionItem:
        """The item from to_dict()'s shape (a checked document or a model row)."""
        return cls(
            text=data["text"],
            schedule={int(fy): c for fy, c in data.get("schedule", {}).items()},
        )


@dataclass
class ParsedYear:
    """A program's records for one FY. None means "this file does not say" (the
    committee table shows achievements for N-2 and plans for N-1 and N only), so an
    import leaves that field alone; an empty list clears it."""

    achievements: list[str] | None = None
    plan: list[str] | None = None


@dataclass
class ParsedProgram:
    number: int
    name: str
    direction: int
    kind: str  # plans.models.ProgramKind value
    ended_after_fy: int | None = None
    policy_points: list[str] = field(default_factory=list)
    action_items: list[ParsedActionItem] = field(default_factory=list)
    schedule_raw: list[str] = field(default_factory=list)
    years: dict[int, ParsedYear] = field(default_factory=dict)
    # Indicators in the interchange shape (docs/interchange-format.md, "kpis");
    # None means the file does not say, and an import leaves them alone.
    kpis: list[dict] | None = None
    line: int | None = None  # where it was read, for messages

    @property
    def ended_note(self) -> str:
        return ended_note(self.ended_after_fy)


@dataclass
class ParsedSection:
    kind: str
    heading: str
    lead: str = ""


INITIAL_PLAN = "initial_plan"
ACHIEVEMENTS = "achievements"
EDITION_KINDS = (INITIAL_PLAN, ACHIEVEMENTS)


def edition_kind(title: str) -> str:
    """The kind an edition's title names: 令和5年度実績 → achievements, else an
    initial plan (令和6年度当初計画), for documents that do not say."""
    return ACHIEVEMENTS if "実績" in title else INITIAL_PLAN


@dataclass
class ParsedEdition:
    title: str
    meeting: str = ""
    material: str = ""
    date: dt.date | None = None
    fiscal_year: int | None = None
    schedule_as_of: str = ""  # 'YYYY-MM': the date the schedule columns assume
    kind: str = ""  # one of EDITION_KINDS; "" for "as the title says"
    # What a 実績 edition reports beyond the plan's text, frozen when it is
    # (docs/interchange-format.md, "results"): the grade scale, and per program
    # the grade, the KPI actuals with their status, the committee's opinions.
    results: dict | None = None
    # The plan exactly as presented in this edition (an interchange document),
    # frozen: reports of an edition are drawn from it, never from live data.
    snapshot: dict | None = None

    @property
    def resolved_kind(self) -> str:
        return self.kind or edition_kind(self.title)


@dataclass
class ParsedPlan:
    municipality_name: str
    municipality_code: str
    title: str
    first_fy: int
    last_fy: int
    sections: list[ParsedSection] = field(default_factory=list)
    directions: dict[int, str] = field(default_factory=dict)
    editions: list[ParsedEdition] = field(default_factory=list)
    programs: list[ParsedProgram] = field(default_factory=list)
    # What the parser passed over or could not know, said to the user after import.
    notes: list[str] = field(default_factory=list)
    # True when the file is itself one edition as presented (a committee table):
    # importing it freezes that edition's snapshot from the file.
    is_edition: bool = False
