"""The committee report as plain data: what every renderer (XLSX, PDF, HTML) draws.

A report is built once by ``reports.builder`` from selectors; renderers receive it
and return bytes. Nothing here touches the database, so renderers can be tested
with a hand-built Report and stay byte-for-byte reproducible.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class ScheduleCell:
    """One cell of the 年度スケジュール block; ``span`` FY columns wide (the
    city's PDF merges a program's schedule across all FY columns when it does not
    say which item a cell belongs to)."""

    text: str
    span: int = 1


@dataclass(frozen=True)
class ReportColumns:
    """Headings of the table, all derived from the edition's fiscal year N."""

    schedule_heading: str  # 年度スケジュール(R5.3時点想定)
    action_items_heading: str  # 取組項目
    schedule_fys: tuple[int, ...]  # (2021, 2022, 2023)
    schedule_fy_labels: tuple[str, ...]  # ("R3", "R4", "R5")
    achievements_fy: int  # N-2: 令和4年度までの取組実績
    achievements_heading: str
    previous_fy: int  # N-1: 令和5年度当初予定 令和5年度設定目標(前年度末の状況)
    previous_heading: str
    current_fy: int  # N
    current_heading: str


@dataclass(frozen=True)
class ReportRow:
    number: int
    number_label: str  # ⑫ for 1–20, plain after: as the city prints it
    name: str
    ended_note: str  # "※令和4年度までをもって終了" or ""
    policy_points: tuple[str, ...]
    action_items: tuple[str, ...]
    schedule: tuple[ScheduleCell, ...]  # spans add up to len(schedule_fys) at most
    achievements: tuple[str, ...]
    previous_plan: tuple[str, ...]
    current_plan: tuple[str, ...]
    url: str = ""  # the program's page, for the HTML report


@dataclass(frozen=True)
class ReportGroup:
    """A 方向性 (direction) and its programs, in the order printed."""

    number: int
    name: str  # 地域資源によるサービスの実現
    label: str  # 方向性1 地域資源によるサービスの実現
    rows: tuple[ReportRow, ...]


@dataclass(frozen=True)
class ReportSection:
    kind: str
    heading: str  # ◆◇実施プログラム◇◆
    lead: str  # 速やかに取組に着手する20項目のプログラムです。
    groups: tuple[ReportGroup, ...]


@dataclass(frozen=True)
class Report:
    title: str  # 小平市第1期経営方針推進プログラム(令和3年度～令和6年度)進捗状況【令和6年度当初計画】
    municipality: str  # 小平市 (document author)
    meeting: str  # 第3回 経営方針推進委員会
    material: str  # 資料1
    date: dt.date | None
    date_label: str  # 令和6年2月2日
    columns: ReportColumns
    sections: tuple[ReportSection, ...]

    def rows(self) -> list[ReportRow]:
        """Every program row in printed order."""
        return [row for s in self.sections for g in s.groups for row in g.rows]
