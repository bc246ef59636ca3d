"""What the columns of a table mean: the mapping, its JSON, and the mapping
Shinchoku suggests from the header's words.

A mapping names the sheet, the header rows and, for each column that matters,
its role: the program's number, name, 方向性, policy points (取組内容), action
items, responsible department, and the per-FY columns (実績, 予定, 目標, the
schedule). A per-FY column whose ``fy`` is None takes its year from its
header (令和5年度実績, R5, 2023年度): so a mapping saved for a plan still holds
next year, when the same sheet's headers say a year later.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from typing import Any

from shinchoku.common import wareki
from shinchoku.imports.tabular.model import (
    Sheet,
    Table,
    TableError,
    column_letter,
    column_number,
)

# Roles of a column that holds one value per program.
ROLES = ("number", "name", "direction", "policy", "actions", "department", "section")
# Roles of a column that holds one fiscal year's value.
YEAR_FIELDS = ("achievements", "plan", "target", "schedule")

FORMAT = "shinchoku-mapping/1"

# Header words, most specific first: the first role whose pattern matches a
# header wins ("主な取組の方向性" is policy, not direction).
_ROLE_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "number",
        re.compile(r"^(no\.?|№|番号|項番|通し番号|整理番号|取組番号|プログラム番号)$"),
    ),
    ("actions", re.compile(r"^(取組項目|主な取組項目|取組事項)$")),
    (
        "policy",
        re.compile(
            r"(取組内容|取組の方向性|取組の概要|取組概要|事業概要|内容|概要|"
            r"具体的な?取組$)"
        ),
    ),
    (
        "name",
        re.compile(
            r"(プログラム名|実施プログラム|取組名|項目名|事業名|改革項目|取組項目名|"
            r"推進項目|取組事項|実施項目)"
        ),
    ),
    (
        "department",
        re.compile(r"(所管課|担当課|所管部署|担当部署|所管部|担当部|所管|担当)"),
    ),
    (
        "direction",
        re.compile(r"(方向性|基本方針|分野|施策|柱|推進項目の区分|重点項目)"),
    ),
    ("section", re.compile(r"^(区分|プログラム区分)$")),
)
_YEAR_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("achievements", re.compile(r"(実績|取組状況|進捗状況|結果)")),
    ("plan", re.compile(r"(予定|計画|取組内容)")),
    ("target", re.compile(r"目標")),
    ("schedule", re.compile(r"(スケジュール|工程)")),
)
_WESTERN_FY_RE = re.compile(r"(?<!\d)(20\d\d)(?:\s*年度?)?(?!\d)")
_HEADER_SCAN_ROWS = 40


@dataclass
class YearColumn:
    """A column holding one fiscal year's value of one field."""

    column: str  # letter: "F"
    field: str  # one of YEAR_FIELDS
    fy: int | None = None  # None: from the header text when read
    header: str = ""  # the header as suggested, for people


@dataclass
class Mapping:
    """What the columns of a table mean (JSON: ``to_json``/``from_json``)."""

    sheet: str | None = None  # None: every sheet with the same header
    header_row: int = 1  # the row number of the (first) header row
    header_rows: int = 1  # how many rows the header takes
    columns: dict[str, str] = field(default_factory=dict)  # role → letter
    headers: dict[str, str] = field(default_factory=dict)  # role → header text
    years: list[YearColumn] = field(default_factory=list)
    # What the table does not say about its plan (a title block above it may):
    # municipality_code, municipality_name, title, first_fy, last_fy,
    # edition_title, edition_fy.
    plan: dict[str, Any] = field(default_factory=dict)
    # Words joined by ・ that a PDF wrapped just before the ・ (導入・維持管理):
    # the import says where it could not tell; naming the word settles it.
    joined_words: list[str] = field(default_factory=list)

    def column(self, role: str) -> int | None:
        letter = self.columns.get(role)
        return column_number(letter) if letter else None

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        return {"format": FORMAT, **data}

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n"

    @classmethod
    def from_dict(cls, data: Any, *, source: str = "mapping") -> Mapping:
        """A mapping from its JSON, checked; TableError names the key."""
        if not isinstance(data, dict):
            raise TableError("a mapping is a JSON object", source=source)
        if data.get("format", FORMAT) != FORMAT:
            raise TableError(
                f"unknown mapping format {data.get('format')!r}", source=source
            )
        try:
            columns = {
                str(k): str(v).upper() for k, v in (data.get("columns") or {}).items()
            }
            for role, letter in columns.items():
                if role not in ROLES:
                    raise ValueError(
                        f"unknown role {role!r} (known: {', '.join(ROLES)})"
                    )
                column_number(letter)
            years = []
            for item in data.get("years") or []:
                year = YearColumn(
                    column=str(item["column"]).upper(),
                    field=str(item["field"]),
                    fy=int(item["fy"]) if item.get("fy") is not None else None,
                    header=str(item.get("header", "")),
                )
                column_number(year.column)
                if year.field not in YEAR_FIELDS:
                    raise ValueError(
                        f"unknown field {year.field!r} (known: {', '.join(YEAR_FIELDS)})"
                    )
                years.append(year)
            return cls(
                sheet=data.get("sheet"),
                header_row=int(data.get("header_row", 1)),
                header_rows=int(data.get("header_rows", 1)),
                columns=columns,
                headers={
                    str(k): str(v) for k, v in (data.get("headers") or {}).items()
                },
                years=years,
                plan=dict(data.get("plan") or {}),
                joined_words=[str(w) for w in data.get("joined_words") or []],
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise TableError(f"unreadable mapping: {exc}", source=source) from None

    @classmethod
    def from_json(cls, text: str, *, source: str = "mapping") -> Mapping:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise TableError(
                f"not valid JSON: {exc.msg} (line {exc.lineno})", source=source
            ) from None
        return cls.from_dict(data, source=source)


def header_key(text: str) -> str:
    """A header cell as compared with the header words: NFKC, no spaces or
    line breaks, lower case (Ｎｏ． → no.)."""
    return re.sub(r"\s+", "", wareki.normalize(text)).lower()


def loose_key(text: str) -> str:
    """A header as compared with the one a mapping was saved with: without
    its numbers, so that next year's 令和7年度 header matches 令和6年度's."""
    return re.sub(r"\d+|元", "", header_key(text))


def role_of(text: str) -> str | None:
    """The role the header words suggest for a column, or None."""
    key = header_key(text)
    if not key or header_fy(text) is not None:
        return None
    for role, pattern in _ROLE_WORDS:
        if pattern.search(key):
            return role
    return None


def header_fy(text: str) -> int | None:
    """The fiscal year a header names: 令和5年度実績 → 2023, R5 → 2023,
    2023年度 → 2023; None when it names none."""
    norm = wareki.normalize(text)
    found = wareki.find_fiscal_years(norm)
    if found:
        return found[0]
    short = re.search(r"(?<![A-Za-z])([RH])(\d{1,2})(?![\d.])", norm)
    if short:
        return wareki.era_to_western(short[1], int(short[2]))
    western = _WESTERN_FY_RE.search(norm)
    return int(western[1]) if western else None


def year_field_of(text: str, parent: str = "") -> str | None:
    """The per-FY field a header suggests (実績, 予定, 目標, schedule)."""
    key = header_key(text)
    for name, pattern in _YEAR_WORDS:
        if pattern.search(key):
            return name
    if header_fy(text) is not None:
        return "schedule" if not parent or "スケジュール" in parent else None
    return None


def _score(texts: list[str]) -> int:
    """How much a row looks like a header: the number of cells that name a
    role or a fiscal year column."""
    return sum(
        1
        for t in texts
        if t and len(t) <= 60 and (role_of(t) or year_field_of(t) or header_fy(t))
    )


def find_header(sheet: Sheet) -> tuple[int, int] | None:
    """(index of the first header row, number of header rows) among the
    visible rows, or None: the first row naming at least two roles, and the
    row under it when that one names fiscal years (a two-level header)."""
    best: tuple[int, int] | None = None
    for index in range(min(len(sheet.rows), _HEADER_SCAN_ROWS)):
        texts = sheet.texts(index)
        roles = {role_of(t) for t in texts} - {None}
        if len(roles) >= 2 and _score(texts) >= 3:
            best = (index, 1)
            break
    if best is None:
        return None
    index = best[0]
    if index + 1 < len(sheet.rows):
        below = sheet.texts(index + 1)
        fys = [t for t in below if t and header_fy(t) is not None and len(t) <= 30]
        if fys and not any(
            t and t[0].isdigit() and header_fy(t) is None for t in below
        ):
            return index, 2
    return best


def header_texts(sheet: Sheet, index: int, count: int) -> list[tuple[str, str]]:
    """(parent, label) per column of a header of ``count`` rows: a two-level
    header's upper text is the parent (年度スケジュール over R3 R4 R5)."""
    width = sheet.width
    out = []
    for col in range(width):
        parts = [
            sheet.rows[i][col].text if col < len(sheet.rows[i]) else ""
            for i in range(index, min(index + count, len(sheet.rows)))
        ]
        label = parts[-1] or next((p for p in reversed(parts) if p), "")
        parent = parts[0] if count > 1 and parts[0] != label else ""
        out.append((parent, label))
    return out


def suggest_mapping(table: Table, sheet_name: str | None = None) -> Mapping:
    """The mapping the header's words suggest, for the office to correct.
    TableError when no sheet has a row that looks like a header."""
    sheets = [table.sheet(sheet_name)] if sheet_name else table.sheets
    for sheet in sheets:
        found = find_header(sheet)
        if found is None:
            continue
        index, count = found
        mapping = Mapping(
            sheet=sheet.name
            if len(table.sheets) > 1 and table.kind == "xlsx"
            else None,
            header_row=sheet.rows[index][0].row,
            header_rows=count,
        )
        header = sheet.rows[index]
        for i, (parent, label) in enumerate(header_texts(sheet, index, count)):
            _suggest_column(mapping, header[i].col, parent, label)
        if "name" not in mapping.columns and "actions" in mapping.columns:
            # 取組項目 is many a city's word for the program itself
            mapping.columns["name"] = mapping.columns.pop("actions")
            mapping.headers["name"] = mapping.headers.pop("actions")
        if mapping.sheet is not None and _same_header_everywhere(table, sheet, index):
            mapping.sheet = None
        return mapping
    raise TableError(
        "no header row found: no row in the first "
        f"{_HEADER_SCAN_ROWS} names two of No./番号, 取組名, 方向性, 取組内容, 所管課 "
        "or a fiscal year's 実績/予定/目標",
        source=table.source,
    )


def _same_header_everywhere(table: Table, sheet: Sheet, index: int) -> bool:
    keys = [loose_key(c.text) for c in sheet.rows[index]]
    return all(
        any(
            [loose_key(c.text) for c in other.rows[i]] == keys
            for i in range(min(len(other.rows), _HEADER_SCAN_ROWS))
        )
        for other in table.sheets
    )


def _suggest_column(mapping: Mapping, col: int, parent: str, label: str) -> None:
    text = f"{parent} {label}".strip()
    letter = column_letter(col)
    role = role_of(label) or (role_of(parent) if not header_fy(label) else None)
    field_name = year_field_of(label, parent) or (
        year_field_of(parent) if header_fy(text) is not None else None
    )
    if header_fy(text) is not None and field_name:
        mapping.years.append(YearColumn(column=letter, field=field_name, header=text))
    elif role and role not in mapping.columns:
        mapping.columns[role] = letter
        mapping.headers[role] = label or parent
