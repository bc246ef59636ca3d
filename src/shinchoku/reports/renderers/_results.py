"""Layout of the 実績 report shared by the XLSX, PDF and HTML renderers: its
columns, their relative widths and what each cell of a program holds.

Opinions: an appendix table keyed by program number, not a column. Rendered
both ways on A3 landscape from the same year (docs/workflow.md, "The 実績
report"): a column took about a fifth of the width on every row although the
committee writes on a few programs a year, so the prose columns wrapped into
more lines and the report ran to more pages; in the appendix an opinion and
the city's response get the page's width, and a reader finds them by the
program number printed beside them.
"""

from __future__ import annotations

from dataclasses import dataclass

from shinchoku.reports.model import ResultsReport, ResultsRow

NUMBER_HEADING = "No."
NAME_HEADING = "実施プログラム"
POLICY_HEADING = "主な取組の方向性"
COUNTS_CAPTION = "方向性別・評価別のプログラム数"
COUNTS_GROUP_HEADING = "方向性"
COUNTS_TOTAL_HEADING = "計"
OPINIONS_CAPTION = "委員会意見と市の対応"
OPINION_HEADING = "委員会意見"
RESPONSE_HEADING = "市の対応"
NO_RESPONSE = "(対応を検討中)"
NO_OPINIONS = "この年度の委員会意見はありません。"


@dataclass(frozen=True)
class Column:
    key: str
    weight: float
    kind: str  # "number", "lines" (plain lines), "bullets", "grade"


# Relative widths: the prose columns (実績, 当初予定) take most of the page;
# the grade holds a letter, its label and a short reason.
COLUMNS = (
    Column("number", 3.5, "number"),
    Column("name", 13.0, "lines"),
    Column("policy", 22.0, "bullets"),
    Column("plan", 24.0, "bullets"),
    Column("achievements", 32.0, "bullets"),
    Column("kpis", 20.0, "bullets"),
    Column("grade", 9.0, "grade"),
    Column("next", 24.0, "bullets"),
)


def columns(report: ResultsReport) -> tuple[Column, ...]:
    """The table's columns: all of COLUMNS, less the next year's 当初予定 in
    the plan's last FY (there is no next year to print)."""
    if report.columns.next_fiscal_year is None:
        return tuple(c for c in COLUMNS if c.key != "next")
    return COLUMNS


# The appendix: No., program, opinion, response.
OPINION_COLUMNS = (
    Column("number", 3.5, "number"),
    Column("name", 16.0, "lines"),
    Column("opinion", 65.0, "lines"),
    Column("response", 65.0, "lines"),
)


def headings(report: ResultsReport) -> dict[str, str]:
    cols = report.columns
    return {
        "number": NUMBER_HEADING,
        "name": NAME_HEADING,
        "policy": POLICY_HEADING,
        "plan": cols.plan_heading,
        "achievements": cols.achievements_heading,
        "kpis": cols.kpi_heading,
        "grade": cols.grade_heading,
        "next": cols.next_heading,
    }


def heading_lines(text: str) -> list[str]:
    """'令和5年度当初予定 令和5年度設定目標' → one above the other."""
    return [part for part in text.split(" ") if part]


def name_lines(row: ResultsRow) -> list[str]:
    return [row.name, row.ended_note] if row.ended_note else [row.name]


def grade_lines(row: ResultsRow) -> list[str]:
    """'A', '予定どおりに進捗', then the reason given (未評価 alone when not graded)."""
    if not row.grade:
        return [row.grade_label]
    return [x for x in (row.grade, row.grade_label, row.grade_comment) if x]


def cells(row: ResultsRow) -> dict[str, list[str]]:
    """What each column of a program's row holds, as lines or bullets."""
    return {
        "number": [row.number_label],
        "name": name_lines(row),
        "policy": list(row.policy_points),
        "plan": list(row.plan),
        "achievements": list(row.achievements),
        "kpis": [k.text for k in row.kpis],
        "grade": grade_lines(row),
        "next": list(row.next_plan),
    }


def opinion_cells(report: ResultsReport) -> list[dict[str, list[str]]]:
    """The appendix: one row per opinion, in program order."""
    out = []
    for row in report.opinion_rows:
        for opinion in row.opinions:
            out.append(
                {
                    "number": [row.number_label],
                    "name": [row.name],
                    "opinion": [opinion.text],
                    "response": [opinion.response or NO_RESPONSE],
                }
            )
    return out


def title_meta_lines(report: ResultsReport) -> list[str]:
    material = "　".join(p for p in (report.material, report.date_label) if p)
    return [line for line in (report.meeting, material) if line]


def counts_header(report: ResultsReport) -> list[str]:
    return [COUNTS_GROUP_HEADING, *report.count_headings, COUNTS_TOTAL_HEADING]


def counts_rows(report: ResultsReport) -> list[list[str]]:
    return [
        [r.label, *(str(n) for n in r.counts), str(r.total)]
        for r in report.grade_counts
    ]
