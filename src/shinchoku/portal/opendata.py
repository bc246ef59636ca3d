"""Open data of a published edition: rows (one datum per cell), then CSV in three
encodings, XLSX and the interchange JSON. No database access: the writers take a
PublicEdition that a selector has loaded. docs/open-data.md documents the columns.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass

from shinchoku.common import wareki
from shinchoku.common.spreadsheets import cell_value, formula_safe, text_only
from shinchoku.plans.models import ProgramKind
from shinchoku.portal.selectors import PublicEdition

# (column id, Japanese label). Ids are ASCII and stable: machines key on them.
COLUMNS: list[tuple[str, str]] = [
    ("municipality_code", "全国地方公共団体コード"),
    ("municipality_name", "地方公共団体名"),
    ("plan_title", "計画名"),
    ("edition_title", "版"),
    ("edition_date", "版の日付"),
    ("edition_date_wareki", "版の日付(和暦)"),
    ("direction_number", "方向性番号"),
    ("direction_name", "方向性"),
    ("program_number", "プログラム番号"),
    ("program_name", "プログラム名"),
    ("program_kind", "プログラム区分"),
    ("program_kind_label", "プログラム区分名"),
    ("ended_after_fy", "終了年度"),
    ("ended_after_fy_wareki", "終了年度(和暦)"),
    ("field", "項目"),
    ("field_label", "項目名"),
    ("fiscal_year", "年度"),
    ("fiscal_year_wareki", "年度(和暦)"),
    ("position", "順番"),
    ("text", "内容"),
    # Added after the first files were published: at the end, so that a reader
    # that counts columns still finds the others where they were.
    ("edition_meeting", "会議名"),
    ("edition_material", "資料番号"),
    ("edition_schedule_as_of", "スケジュールの時点"),
]
COLUMN_IDS = [c for c, _ in COLUMNS]
# field → Japanese label, in the order rows come for a program.
FIELDS: dict[str, str] = {
    "policy_point": "主な取組の方向性",
    "action_item": "取組項目",
    "schedule": "年度スケジュール",
    "schedule_raw": "年度スケジュール(公表資料の記載)",
    "achievement": "取組実績",
    "plan": "当初予定・設定目標",
    # A 実績 edition's frozen results (docs/interchange-format.md, "results").
    "grade": "評価",
    "grade_comment": "評価の理由",
    "kpi_actual": "成果指標の実績",
    "opinion": "委員会意見",
    "response": "市の対応",
}
KIND_LABELS_JA = {
    ProgramKind.IMPLEMENTATION.value: "実施プログラム",
    ProgramKind.FORMER_STUDY.value: "旧検討プログラム",
}
# Characters CP932 lacks that have a CP932 twin a reader would expect.
CP932_TWINS = str.maketrans(
    {
        "\u301c": "\uff5e",  # 〜 WAVE DASH → ～
        "\u2016": "\u2225",  # ‖ → ∥
        "\u2212": "\uff0d",  # − MINUS SIGN → －
        "\u00a2": "\uffe0",
        "\u00a3": "\uffe1",
        "\u00ac": "\uffe2",
        "\u2014": "\u2015",
    }
)


@dataclass(frozen=True)
class Download:
    """A file the public can download, by its URL name."""

    name: str
    content_type: str
    description: str  # kept short; the page explains


DOWNLOADS = {
    "records.csv": Download("records.csv", "text/csv; charset=utf-8", "utf-8-sig"),
    "records-utf8.csv": Download(
        "records-utf8.csv", "text/csv; charset=utf-8", "utf-8"
    ),
    "records-sjis.csv": Download(
        "records-sjis.csv", "text/csv; charset=Shift_JIS", "cp932"
    ),
    "records.xlsx": Download(
        "records.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "xlsx",
    ),
    "plan.json": Download("plan.json", "application/json", "json"),
}


def _fy(fy: int | None) -> tuple[int | str, str]:
    if fy is None:
        return "", ""
    return fy, wareki.fiscal_year_label(fy)


def rows(pe: PublicEdition) -> Iterator[list]:
    """One row per program × field × FY × bullet, in the columns' order."""
    parsed = pe.parsed
    meta = pe.parsed_edition()
    date = meta.date if meta else pe.edition.date
    tail = [
        meta.meeting if meta else pe.edition.meeting,
        meta.material if meta else pe.edition.material,
        meta.schedule_as_of if meta else pe.edition.schedule_as_of,
    ]
    head = [
        parsed.municipality_code,
        parsed.municipality_name,
        parsed.title,
        meta.title if meta else pe.edition.title,
        date.isoformat() if date else "",
        wareki.date_label(date) if date else "",
    ]
    block = (meta.results if meta else None) or {}
    results_fy = block.get("fiscal_year")
    results = {r.get("number"): r for r in block.get("programs", [])}
    for p in parsed.programs:
        ended, ended_wareki = _fy(p.ended_after_fy)
        program = [
            p.direction,
            parsed.directions.get(p.direction, ""),
            p.number,
            p.name,
            p.kind,
            KIND_LABELS_JA.get(p.kind, p.kind),
            ended,
            ended_wareki,
        ]

        def row(
            field: str, fy: int | None, position: int, text: str, program=program
        ) -> list:
            return [
                *head,
                *program,
                field,
                FIELDS[field],
                *_fy(fy),
                position,
                text,
                *tail,
            ]

        for i, text in enumerate(p.policy_points, start=1):
            yield row("policy_point", None, i, text)
        for i, item in enumerate(p.action_items, start=1):
            yield row("action_item", None, i, item.text)
        for i, item in enumerate(p.action_items, start=1):
            for fy, cell in sorted(item.schedule.items()):
                yield row("schedule", fy, i, cell)
        for i, cell in enumerate(p.schedule_raw, start=1):
            yield row("schedule_raw", None, i, cell)
        for fy, year in sorted(p.years.items()):
            for i, text in enumerate(year.achievements or [], start=1):
                yield row("achievement", fy, i, text)
        for fy, year in sorted(p.years.items()):
            for i, text in enumerate(year.plan or [], start=1):
                yield row("plan", fy, i, text)
        if results:
            yield from _result_rows(results.get(p.number), fy=results_fy, row=row)


def _result_rows(result: dict | None, *, fy: int | None, row) -> Iterator[list]:
    """A program's grade, KPI actuals and opinions of a 実績 edition."""
    if not result:
        return
    if result.get("grade"):
        yield row("grade", fy, 1, result["grade"])
    if result.get("grade_comment"):
        yield row("grade_comment", fy, 1, result["grade_comment"])
    for i, kpi in enumerate(result.get("kpis", []), start=1):
        if kpi.get("actual"):
            yield row("kpi_actual", fy, i, f"{kpi.get('name', '')}: {kpi['actual']}")
    for i, opinion in enumerate(result.get("opinions", []), start=1):
        yield row("opinion", fy, i, opinion.get("text", ""))
        if opinion.get("response"):
            yield row("response", fy, i, opinion["response"])


def to_csv(pe: PublicEdition, *, encoding: str) -> bytes:
    """CSV (RFC 4180, CRLF). ``utf-8-sig`` (with BOM, for Excel) and ``cp932``
    carry a second header row with the Japanese labels, for people, and text
    that a spreadsheet would run as a formula (=, +, -, @ first) behind an
    apostrophe; ``utf-8`` (for machines and CKAN) has the column ids only and
    the text exactly as published."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMN_IDS)
    if encoding == "utf-8":
        writer.writerows(rows(pe))
    else:
        writer.writerow([label for _, label in COLUMNS])
        writer.writerows([formula_safe(v) for v in row] for row in rows(pe))
    text = out.getvalue()
    if encoding == "cp932":
        return text.translate(CP932_TWINS).encode("cp932", errors="replace")
    return text.encode(encoding)


def to_xlsx(pe: PublicEdition, *, licence: str) -> bytes:
    # openpyxl takes half a second to import: only an XLSX download pays it.
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = "records"
    ws.append(COLUMN_IDS)
    ws.append([label for _, label in COLUMNS])
    for cell in (*ws[1], *ws[2]):
        cell.font = Font(bold=True)
    for r in rows(pe):
        ws.append([cell_value(v) for v in r])
    ws.freeze_panes = "A3"
    widths = {"text": 80, "program_name": 40, "direction_name": 30, "plan_title": 30}
    for i, column in enumerate(COLUMN_IDS, start=1):
        ws.column_dimensions[ws.cell(row=1, column=i).column_letter].width = widths.get(
            column, 14
        )
    about = wb.create_sheet("about")
    parsed = pe.parsed
    for line in (
        ("municipality_code", parsed.municipality_code),
        ("municipality_name", parsed.municipality_name),
        ("plan_title", parsed.title),
        ("edition_title", pe.edition.title),
        ("licence", licence),
        ("columns", "docs/open-data.md"),
    ):
        about.append([cell_value(v) for v in line])
    buffer = io.BytesIO()
    text_only(wb).save(buffer)
    return buffer.getvalue()


def to_json(pe: PublicEdition) -> bytes:
    """The edition's frozen interchange document (docs/interchange-format.md)."""
    return (json.dumps(pe.snapshot, ensure_ascii=False, indent=2) + "\n").encode(
        "utf-8"
    )


def render(pe: PublicEdition, name: str, *, licence: str) -> bytes:
    kind = DOWNLOADS[name].description
    if kind == "xlsx":
        return to_xlsx(pe, licence=licence)
    if kind == "json":
        return to_json(pe)
    return to_csv(pe, encoding=kind)


def filename(pe: PublicEdition, name: str) -> str:
    """132110_2021-2024_e1_records.csv: unique across downloads, ASCII."""
    return f"{pe.code}_{pe.plan.plan.slug}_e{pe.number}_{name}"
