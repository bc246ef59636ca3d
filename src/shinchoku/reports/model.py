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


# ------------------------------------------------------------ 実績 layout


@dataclass(frozen=True)
class ResultsColumns:
    """Headings of a 実績 report of FY N, derived from N."""

    fiscal_year: int  # N
    plan_heading: str  # 令和5年度当初予定 令和5年度設定目標
    achievements_heading: str  # 令和5年度の取組実績
    kpi_heading: str  # 成果指標 令和5年度実績
    grade_heading: str  # 評価
    # N+1, or None in the plan's last FY (no next year: no column)
    next_fiscal_year: int | None
    next_heading: str  # 令和6年度当初予定 ("" without a next year)


@dataclass(frozen=True)
class KpiResultLine:
    """One indicator of a program in FY N: what the 成果指標 cell prints."""

    name: str
    unit: str
    target: str  # "85%" (the FY's target, else the final one) or ""
    actual: str  # "80.1%" or "" (not measured)
    status: str  # on_track, S…
    status_label: str  # 順調, S 目標達成…

    @property
    def text(self) -> str:
        """電子決裁率 80.1%(目標 85%)順調"""
        target = f"(目標 {self.target})" if self.target else ""
        if not self.actual:  # 実績なし says it; 未測定 beside it would repeat it
            return f"{self.name} 実績なし{target}"
        return f"{self.name} {self.actual}{target} {self.status_label}".strip()


@dataclass(frozen=True)
class OpinionLine:
    text: str  # 委員会意見
    response: str  # 市の対応 ("" when the city has not answered)


@dataclass(frozen=True)
class ResultsRow:
    number: int
    number_label: str
    name: str
    ended_note: str
    policy_points: tuple[str, ...]
    plan: tuple[str, ...]  # FY N's 当初予定・設定目標
    achievements: tuple[str, ...]  # FY N's 取組実績
    kpis: tuple[KpiResultLine, ...]
    grade: str  # "A", or "" when not graded
    grade_label: str  # 予定どおりに進捗, or 未評価
    grade_comment: str
    next_plan: tuple[str, ...]  # FY N+1's 当初予定
    opinions: tuple[OpinionLine, ...]
    url: str = ""
    active: bool = True  # False: ended before FY N, left out of the counts


@dataclass(frozen=True)
class ResultsGroup:
    number: int
    name: str
    label: str  # 方向性1 地域資源によるサービスの実現
    rows: tuple[ResultsRow, ...]


@dataclass(frozen=True)
class ResultsSection:
    kind: str
    heading: str
    lead: str
    groups: tuple[ResultsGroup, ...]


@dataclass(frozen=True)
class GradeCountRow:
    """A line of the first page's count table: a 方向性 (or the total) and
    how many of its programs have each grade."""

    label: str
    counts: tuple[int, ...]  # in the order of ResultsReport.count_headings
    total: int


@dataclass(frozen=True)
class ResultsReport:
    """The 実績 report of FY N: per program the year's plan, achievements, KPI
    actuals with their status, the grade and next year's plan; counts per grade
    and 方向性 on the first page; the committee's opinions with the city's
    responses in an appendix keyed by program number."""

    title: str
    municipality: str
    meeting: str
    material: str
    date: dt.date | None
    date_label: str
    columns: ResultsColumns
    grade_scale: tuple[tuple[str, str], ...]  # (code, label): the legend
    count_headings: tuple[str, ...]  # S, A, B, 未評価
    grade_counts: tuple[GradeCountRow, ...]  # per 方向性, then the total
    sections: tuple[ResultsSection, ...]
    note: str = ""  # 修正版: what it corrects

    def rows(self) -> list[ResultsRow]:
        return [row for s in self.sections for g in s.groups for row in g.rows]

    @property
    def legend(self) -> str:
        """評価 S: 予定以上に進捗 / A: 予定どおりに進捗 / B: 予定よりも遅れている"""
        parts = " / ".join(f"{code}: {label}" for code, label in self.grade_scale)
        return f"評価 {parts}" if parts else ""

    @property
    def opinion_rows(self) -> list[ResultsRow]:
        """The programs the committee wrote on, in program order."""
        return [row for row in self.rows() if row.opinions]


# What a renderer draws: either layout.
AnyReport = Report | ResultsReport
