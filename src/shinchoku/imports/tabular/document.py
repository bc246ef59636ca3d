"""A mapped table as the plan document (shinchoku.document.ParsedPlan).

Rows under the header are read in order:

* a row that repeats the header (printed on every page) is skipped;
* a row with text in one cell only is a section (◆◇…◇◆, ■…) or a 方向性 row
  (方向性1 …, 基本方針２ …, (3) …); other lone texts (notes, 記載例) are
  skipped and said;
* a program row has a number (1, １, ①, No.12) or, without a number column, a
  name; a row with the same number as the one above (a merged cell spread over
  several rows) or with neither number nor name continues the program above,
  its cells' items appended.

A cell's items: lines that start with a marker (・ ● ○ ■ - ①, (1)) each open
an item and the lines after them continue it; a cell without markers is one
item per line. The plan's name, municipality and period come from the
mapping's ``plan`` block, the options, or a title block above the table
(…プログラム(令和3年度～令和6年度)進捗状況【令和6年度当初計画】).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from shinchoku.common import wareki
from shinchoku.common.text import collapse_ws, parse_program_number
from shinchoku.document.model import (
    ParsedActionItem,
    ParsedEdition,
    ParsedPlan,
    ParsedProgram,
    ParsedSection,
    ParsedYear,
)
from shinchoku.imports.tabular.items import cell_items, join_lines
from shinchoku.imports.tabular.mapping import (
    Mapping,
    header_fy,
    header_key,
    header_texts,
    loose_key,
)
from shinchoku.imports.tabular.meta import plan_meta
from shinchoku.imports.tabular.model import (
    Cell,
    Sheet,
    Table,
    TableError,
    column_letter,
)

_DIRECTION_RE = re.compile(
    r"^(?:方向性|基本方針|基本目標|分野|施策|柱|重点項目|推進項目)?\s*"
    r"(?:第\s*)?[(（]?(?P<number>\d+|[IVX]+)[)）.．、]?\s*(?P<name>.*)$"
)
_DIRECTION_WORD_RE = re.compile(
    r"^(方向性|基本方針|基本目標|分野|施策|柱|重点項目|推進項目|第?\s*[(（]?\d+[)）.．])"
)
_ROMAN = {
    "I": 1,
    "II": 2,
    "III": 3,
    "IV": 4,
    "V": 5,
    "VI": 6,
    "VII": 7,
    "VIII": 8,
    "IX": 9,
    "X": 10,
}
_ENDED_RE = re.compile(r"※\s*(?P<fy>\S+?年度)までをもって終了")


@dataclass
class _Context:
    table: Table
    sheet: Sheet
    mapping: Mapping
    directions: dict[int, str] = field(default_factory=dict)
    direction_names: dict[str, int] = field(default_factory=dict)
    direction: int | None = None
    sections: list[ParsedSection] = field(default_factory=list)
    kind: str = "implementation"
    programs: dict[int, ParsedProgram] = field(default_factory=dict)
    departments: dict[int, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    last: ParsedProgram | None = None

    def error(
        self, message: str, cell: Cell | None = None, row: int | None = None
    ) -> TableError:
        sheet = self.sheet.name if self.table.kind != "csv" else None
        if cell is not None:
            return TableError(
                message,
                source=self.table.source,
                sheet=sheet,
                row=cell.row,
                col=cell.col,
            )
        return TableError(message, source=self.table.source, sheet=sheet, row=row)


@dataclass(frozen=True)
class _YearCol:
    col: int
    field: str
    fy: int


def _header_index(ctx: _Context, keys: list[str] | None) -> int | None:
    """Where the header is: on the first sheet, the mapping's header row; on
    the others, a row like the first sheet's header (None: none, e.g. a PDF
    page that goes on without repeating it)."""
    rows = ctx.sheet.rows
    if keys is not None:
        for index in range(min(len(rows), 40)):
            if [loose_key(c.text) for c in rows[index]] == keys:
                return index
        return None
    for index, cells in enumerate(rows):
        if cells and cells[0].row == ctx.mapping.header_row:
            return index
    raise ctx.error(
        f"no row {ctx.mapping.header_row} (the mapping's header row) in this sheet"
    )


def _resolve_columns(
    ctx: _Context, index: int
) -> tuple[dict[str, int], list[_YearCol]]:
    """The mapping's columns checked against this table's header: a column
    whose header text moved is found by its text; one that is gone is an
    error naming it."""
    m = ctx.mapping
    labels = header_texts(ctx.sheet, index, m.header_rows)
    keys = [loose_key(label) for _parent, label in labels]
    header_row = ctx.sheet.rows[index]
    positions = {cell.col: i for i, cell in enumerate(header_row)}
    columns: dict[str, int] = {}
    for role, letter in m.columns.items():
        col = m.column(role)
        assert col is not None
        expected = loose_key(m.headers.get(role, ""))
        at = positions.get(col)
        if expected and (at is None or keys[at] != expected):
            moved = [header_row[i].col for i, k in enumerate(keys) if k == expected]
            if not moved:
                raise ctx.error(
                    f"the column {m.headers[role]!r} ({role}, column {letter} in the "
                    "mapping) is missing from the header",
                    row=m.header_row,
                )
            col = moved[0]
        elif at is None:
            raise ctx.error(
                f"the mapping's column {letter} ({role}) is not in this table",
                row=m.header_row,
            )
        columns[role] = col
    years = []
    for yc in m.years:
        from shinchoku.imports.tabular.model import column_number

        col = column_number(yc.column)
        at = positions.get(col)
        if at is None:
            raise ctx.error(
                f"the mapping's column {yc.column} ({yc.field}) is not in this table",
                row=m.header_row,
            )
        parent, label = labels[at]
        fy = yc.fy if yc.fy is not None else header_fy(f"{parent} {label}")
        if fy is None:
            raise ctx.error(
                f"the column {yc.column} ({yc.field}, header {label!r}) names no fiscal "
                "year: give its fy in the mapping",
                cell=header_row[at],
            )
        years.append(_YearCol(col, yc.field, fy))
    if "name" not in columns:
        raise ctx.error(
            "the mapping has no column for the program's name (role 'name')"
        )
    return columns, years


def _cell(row: list[Cell], col: int | None) -> Cell | None:
    if col is None:
        return None
    for cell in row:
        if cell.col == col:
            return cell
    return None


def _text_row(ctx: _Context, cell: Cell) -> None:
    text = wareki.normalize(cell.text).strip()
    if text[:1] in "◆◇■□":
        kind = (
            "former_study"
            if "旧検討" in text or "検討プログラム" in text
            else "implementation"
        )
        heading = collapse_ws(cell.text)
        if not any(s.kind == kind for s in ctx.sections):
            m = re.match(r"^(?P<h>[◆◇■□].*?[◆◇■□])\s*(?P<lead>.*)$", heading)
            ctx.sections.append(
                ParsedSection(
                    kind=kind,
                    heading=m["h"] if m else heading,
                    lead=m["lead"] if m else "",
                )
            )
        ctx.kind = kind
        ctx.direction = None
    elif _DIRECTION_WORD_RE.match(text):
        ctx.direction = _direction(ctx, cell)
    else:
        ctx.notes.append(f"row {cell.row} skipped: {collapse_ws(cell.text)[:40]}")


def _direction(ctx: _Context, cell: Cell) -> int:
    text = collapse_ws(wareki.normalize(cell.text))
    m = _DIRECTION_RE.match(text)
    if m and (m["number"].isdigit() or m["number"] in _ROMAN):
        number = int(m["number"]) if m["number"].isdigit() else _ROMAN[m["number"]]
        name = collapse_ws(cell.text)
        # the name as written, after the number (keep full-width text as is)
        name = m["name"] or name
    else:
        name = collapse_ws(cell.text.replace("\n", ""))
        number = ctx.direction_names.get(name) or len(ctx.directions) + 1
    known = ctx.directions.setdefault(number, name)
    if known != name and name:
        raise ctx.error(
            f"方向性{number} is named {name!r} here but {known!r} above", cell=cell
        )
    ctx.direction_names.setdefault(name, number)
    return number


def _program_number(ctx: _Context, cell: Cell | None) -> int | None:
    if cell is None or not cell.text.strip():
        return None
    text = wareki.normalize(cell.text).strip()
    text = re.sub(r"^(?:no\.?|№)\s*", "", text, flags=re.IGNORECASE).rstrip(".．")
    number = parse_program_number(text) if len(text) <= 6 else None
    if number is None or number <= 0:
        raise ctx.error(
            f"the program number {cell.text[:20]!r} is not a number (1, １, ①)",
            cell=cell,
        )
    return number


def _program_row(
    ctx: _Context, row: list[Cell], columns: dict[str, int], years: list[_YearCol]
) -> None:
    number_cell = _cell(row, columns.get("number"))
    name_cell = _cell(row, columns["name"])
    number = _program_number(ctx, number_cell)
    name = join_lines(name_cell.text.split("\n")) if name_cell else ""
    if "number" not in columns and name and not (name_cell and name_cell.covered):
        number = (max(ctx.programs) if ctx.programs else 0) + 1
    program = ctx.last
    continues = program is not None and (
        (number is None and not name) or (number == program.number)
    )
    if not continues:
        if number is None:
            raise ctx.error(
                "a program row without a number", cell=number_cell or name_cell
            )
        if not name:
            raise ctx.error(f"program {number} has no name", cell=name_cell)
        if number in ctx.programs:
            raise ctx.error(
                f"program number {number} appears twice (rows {ctx.programs[number].line} and {row[0].row})",
                cell=number_cell,
            )
        program = _new_program(ctx, number, name, row, columns, name_cell)
    assert program is not None
    _fill(ctx, program, row, columns, years)


def _new_program(ctx, number, name, row, columns, name_cell) -> ParsedProgram:
    ended = None
    if m := _ENDED_RE.search(name):
        try:
            ended = wareki.parse_fiscal_year(m["fy"])
        except wareki.WarekiError as exc:
            raise ctx.error(f"unreadable end marker: {exc}", cell=name_cell) from None
        name = collapse_ws(name[: m.start()] + name[m.end() :])
    direction_cell = _cell(row, columns.get("direction"))
    if direction_cell is not None and direction_cell.text.strip():
        ctx.direction = _direction(ctx, direction_cell)
    if ctx.direction is None:
        # a table without 方向性: one, named so that the office renames it
        ctx.direction = min(ctx.directions) if ctx.directions else 1
        if ctx.direction not in ctx.directions:
            ctx.directions[ctx.direction] = NO_DIRECTION
            ctx.notes.append(
                f"the table names no 方向性: all programs are under {NO_DIRECTION!r}"
            )
    section_cell = _cell(row, columns.get("section"))
    kind = ctx.kind
    if section_cell is not None and section_cell.text.strip():
        kind = "former_study" if "検討" in section_cell.text else "implementation"
    program = ParsedProgram(
        number=number,
        name=name,
        direction=ctx.direction,
        kind=kind,
        ended_after_fy=ended,
        line=row[0].row,
    )
    ctx.programs[number] = program
    ctx.last = program
    return program


def _fill(ctx, program: ParsedProgram, row, columns, years) -> None:
    def items(role: str) -> list[str]:
        cell = _cell(row, columns.get(role))
        if cell is None or (cell.covered and cell.anchor[0] != cell.row):
            return []  # a merged copy from the row above: already read
        return cell_items(cell.text)

    program.policy_points += items("policy")
    program.action_items += [ParsedActionItem(text=t) for t in items("actions")]
    dept = _cell(row, columns.get("department"))
    if dept is not None and dept.text.strip() and program.number not in ctx.departments:
        ctx.departments[program.number] = join_lines(dept.text.split("\n"))
    for yc in years:
        cell = _cell(row, yc.col)
        if cell is None or (
            cell.covered and (cell.anchor[0] != cell.row or yc.field == "schedule")
        ):
            continue
        values = cell_items(cell.text)
        if yc.field == "schedule":
            if cell.text.strip():
                program.schedule_raw.append(collapse_ws(cell.text))
            continue
        year = program.years.setdefault(yc.fy, ParsedYear())
        attr = "achievements" if yc.field == "achievements" else "plan"
        setattr(year, attr, (getattr(year, attr) or []) + values)


def _lone_text(cell: Cell, columns: dict[str, int]) -> bool:
    """A row with only this cell filled is a heading or a note, not a
    program: unless the cell is a program's name, or its number."""
    if cell.col == columns["name"]:
        return False
    if cell.col == columns.get("number"):
        text = wareki.normalize(cell.text).strip().rstrip(".．")
        return parse_program_number(text) is None if len(text) <= 6 else True
    return True


def _is_repeated_header(row: list[Cell], header: list[str]) -> bool:
    texts = [header_key(c.text) for c in row]
    return bool(any(texts)) and texts == header


NO_DIRECTION = "方向性の記載なし"
REQUIRED_META = (
    "municipality_code",
    "municipality_name",
    "title",
    "first_fy",
    "last_fy",
)


@dataclass
class TableDocument:
    """to_document's result: the plan document and what the plan document
    has no place for (the responsible department per program number)."""

    plan: ParsedPlan
    departments: dict[int, str]


def read_document(
    table: Table,
    mapping: Mapping,
    *,
    municipality_code: str = "",
    municipality_name: str = "",
) -> TableDocument:
    sheets = [table.sheet(mapping.sheet)] if mapping.sheet else table.sheets
    ctx = _Context(table=table, sheet=sheets[0], mapping=mapping)
    meta: dict = {}
    keys: list[str] | None = None
    columns: dict[str, int] = {}
    years: list[_YearCol] = []
    for sheet in sheets:
        ctx.sheet = sheet
        index = _header_index(ctx, keys)
        if index is None and table.kind != "pdf":
            ctx.notes.append(f"sheet {sheet.name} skipped: it has not the same header")
            continue
        start = 0
        if index is not None:
            columns, years = _resolve_columns(ctx, index)
            start = index + mapping.header_rows
        if keys is None:
            assert index is not None
            meta = plan_meta(
                sheet,
                index,
                mapping,
                options_code=municipality_code,
                options_name=municipality_name,
                fys=[y.fy for y in years],
            )
            keys = [loose_key(c.text) for c in sheet.rows[index]]
        _read_rows(ctx, sheet.rows[start:], index, columns, years)
    if not ctx.programs:
        raise ctx.error("the table holds no program rows under its header")
    missing = [k for k in REQUIRED_META if not meta.get(k)]
    if missing:
        raise TableError(
            "the plan's " + ", ".join(missing) + " cannot be read from the table: give "
            'them in the mapping\'s "plan" block (or --municipality-code)',
            source=table.source,
        )
    return TableDocument(plan=_plan(ctx, meta, table), departments=ctx.departments)


def _read_rows(ctx: _Context, rows, index: int | None, columns, years) -> None:
    sheet, count = ctx.sheet, ctx.mapping.header_rows
    headers = (
        [
            [header_key(c.text) for c in sheet.rows[i]]
            for i in range(index, min(index + count, len(sheet.rows)))
        ]
        if index is not None
        else []
    )
    skipped = 0
    for row in rows:
        filled = [c for c in row if c.text.strip() and not c.covered]
        if not filled:
            continue
        if any(_is_repeated_header(row, header) for header in headers):
            skipped += 1
        elif len(filled) == 1 and _lone_text(filled[0], columns):
            _text_row(ctx, filled[0])
        else:
            _program_row(ctx, row, columns, years)
    if skipped:
        ctx.notes.append(f"{skipped} repeated header row(s) skipped in {sheet.name}")


def _plan(ctx: _Context, meta: dict, table: Table) -> ParsedPlan:
    editions = []
    if meta.get("edition_title"):
        try:
            fy = int(
                meta.get("edition_fy")
                or wareki.parse_fiscal_year(meta["edition_title"])
            )
        except wareki.WarekiError:
            fy = int(meta["last_fy"])
        editions.append(
            ParsedEdition(
                title=meta["edition_title"], date=meta.get("date"), fiscal_year=fy
            )
        )
    programs = list(ctx.programs.values())  # in the order read
    from shinchoku.imports.formats.seed_table import propose_indicators

    propose_indicators(
        programs, int(meta["first_fy"]), int(meta["last_fy"]), source=table.source
    )
    return ParsedPlan(
        municipality_name=str(meta["municipality_name"]),
        municipality_code=str(meta["municipality_code"]),
        title=str(meta["title"]),
        first_fy=int(meta["first_fy"]),
        last_fy=int(meta["last_fy"]),
        sections=ctx.sections,
        directions=dict(sorted(ctx.directions.items())),
        editions=editions,
        programs=programs,
        notes=[*table.notes, *table.ambiguities, *ctx.notes],
        is_edition=bool(editions),
    )


def to_document(
    table: Table,
    mapping: Mapping,
    *,
    municipality_code: str = "",
    municipality_name: str = "",
) -> ParsedPlan:
    """The plan document of a mapped table; TableError naming the sheet, row
    and cell of the first thing that cannot be read."""
    return read_document(
        table,
        mapping,
        municipality_code=municipality_code,
        municipality_name=municipality_name,
    ).plan


__all__ = [
    "TableDocument",
    "cell_items",
    "column_letter",
    "read_document",
    "to_document",
]
