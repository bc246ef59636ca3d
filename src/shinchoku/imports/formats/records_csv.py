"""Shinchoku's open data, records.csv (and records-utf8.csv, records-sjis.csv),
read back into the plan document: one row per program × field × FY × bullet
(docs/open-data.md). The columns are found by their ids in the first row; the
Japanese label row under it is skipped, and the apostrophe that guards text
against spreadsheet formulas is taken off again.

What the rows do not carry is not invented: the sections' headings and leads
(the defaults are used), and in files written before the edition's meeting,
material and schedule date had columns, those three (left empty).
"""

from __future__ import annotations

import csv
import io

from shinchoku.common import wareki
from shinchoku.document.errors import ImportFormatError
from shinchoku.document.model import (
    ParsedActionItem,
    ParsedEdition,
    ParsedPlan,
    ParsedProgram,
    ParsedYear,
)
from shinchoku.imports.formats.base import ParseOptions, decode_text

name = "records-csv"
label = "Shinchoku open data (records.csv)"

# The ids of portal.opendata.COLUMNS (a test checks they agree).
REQUIRED = (
    "municipality_code",
    "municipality_name",
    "plan_title",
    "edition_title",
    "edition_date",
    "direction_number",
    "direction_name",
    "program_number",
    "program_name",
    "program_kind",
    "ended_after_fy",
    "field",
    "fiscal_year",
    "position",
    "text",
)
# Columns added later (docs/open-data.md): read when the file has them, so that
# files written before them still import.
OPTIONAL = ("edition_meeting", "edition_material", "edition_schedule_as_of")
FIELDS = (
    "policy_point",
    "action_item",
    "schedule",
    "schedule_raw",
    "achievement",
    "plan",
)
_GUARDED = ("'=", "'+", "'-", "'@", "'\t", "'\r")


def sniff(data: bytes, filename: str) -> bool:
    head = data[:200].lstrip(b"\xef\xbb\xbf")
    return head.startswith(b"municipality_code,")


def _unguard(value: str) -> str:
    return value[1:] if value.startswith(_GUARDED) else value


def _int(
    value: str, *, column: str, line: int, source: str, optional=False
) -> int | None:
    if optional and value == "":
        return None
    try:
        return int(value)
    except ValueError:
        raise ImportFormatError(
            f"column {column}: {value[:20]!r} is not a number", source=source, line=line
        ) from None


def parse(
    data: bytes, *, source: str, options: ParseOptions | None = None
) -> ParsedPlan:
    text = decode_text(data, source=source)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise ImportFormatError("the file is empty", source=source) from None
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise ImportFormatError(
            f"missing column(s): {', '.join(missing)}", source=source, line=1
        )
    index = {c: header.index(c) for c in (*REQUIRED, *OPTIONAL) if c in header}
    builder = _Builder(source, options or ParseOptions())
    try:
        for row in reader:
            line = reader.line_num
            if not any(row):
                continue
            if row[0] == "全国地方公共団体コード":
                continue  # the Japanese labels under the ids
            if len(row) < len(header):
                raise ImportFormatError(
                    f"the row has {len(row)} cells; the header has {len(header)}",
                    source=source,
                    line=line,
                )
            builder.row({c: _unguard(row[i]) for c, i in index.items()}, line)
    except csv.Error as exc:
        raise ImportFormatError(
            f"unreadable CSV: {exc}", source=source, line=reader.line_num
        ) from None
    return builder.result()


class _Builder:
    def __init__(self, source: str, options: ParseOptions):
        self.source = source
        self.options = options
        self.head: dict[str, str] | None = None
        self.directions: dict[int, str] = {}
        self.programs: dict[int, ParsedProgram] = {}

    def row(self, r: dict[str, str], line: int) -> None:
        src = self.source
        if self.head is None:
            self.head = r
        number = _int(
            r["program_number"], column="program_number", line=line, source=src
        )
        direction = _int(
            r["direction_number"], column="direction_number", line=line, source=src
        )
        assert number is not None and direction is not None
        self.directions.setdefault(direction, r["direction_name"])
        program = self.programs.get(number)
        if program is None:
            program = self.programs[number] = ParsedProgram(
                number=number,
                name=r["program_name"],
                direction=direction,
                kind=r["program_kind"],
                ended_after_fy=_int(
                    r["ended_after_fy"],
                    column="ended_after_fy",
                    line=line,
                    source=src,
                    optional=True,
                ),
                line=line,
            )
        field = r["field"]
        fy = _int(
            r["fiscal_year"], column="fiscal_year", line=line, source=src, optional=True
        )
        position = _int(r["position"], column="position", line=line, source=src)
        text = r["text"]
        if field not in FIELDS:
            raise ImportFormatError(
                f"column field: unknown value {field!r}", source=src, line=line
            )
        if field == "policy_point":
            program.policy_points.append(text)
        elif field == "action_item":
            program.action_items.append(ParsedActionItem(text=text))
        elif field == "schedule_raw":
            program.schedule_raw.append(text)
        elif fy is None:
            raise ImportFormatError(
                f"a row of field {field} needs its fiscal_year", source=src, line=line
            )
        elif field == "schedule":
            items = program.action_items
            if position is None or not 0 < position <= len(items):
                raise ImportFormatError(
                    f"schedule row for action item {position}, which the program does not have",
                    source=src,
                    line=line,
                )
            items[position - 1].schedule[fy] = text
        else:
            year = program.years.setdefault(fy, ParsedYear())
            attr = "achievements" if field == "achievement" else "plan"
            setattr(year, attr, [*(getattr(year, attr) or []), text])

    def result(self) -> ParsedPlan:
        from shinchoku.imports.formats.seed_table import propose_indicators

        if self.head is None or not self.programs:
            raise ImportFormatError("the file holds no rows", source=self.source)
        h = self.head
        fys = sorted({fy for p in self.programs.values() for fy in p.years})
        title = h["edition_title"]
        try:
            edition_fy = wareki.parse_fiscal_year(title)
        except wareki.WarekiError:
            edition_fy = fys[-1] if fys else None
        first_fy, last_fy = self._period(fys, edition_fy)
        programs = list(self.programs.values())
        if first_fy:
            propose_indicators(programs, first_fy, last_fy, source=self.source)
        date = None
        if h["edition_date"]:
            import datetime as dt

            date = dt.date.fromisoformat(h["edition_date"])
        edition = ParsedEdition(
            title=title,
            meeting=h.get("edition_meeting", ""),
            material=h.get("edition_material", ""),
            date=date,
            fiscal_year=edition_fy,
            schedule_as_of=h.get("edition_schedule_as_of", ""),
        )
        return ParsedPlan(
            municipality_name=h["municipality_name"],
            municipality_code=h["municipality_code"],
            title=h["plan_title"],
            first_fy=first_fy,
            last_fy=last_fy,
            directions=dict(sorted(self.directions.items())),
            editions=[edition],
            programs=programs,
            notes=[self._not_carried(h)],
            is_edition=True,
        )

    @staticmethod
    def _not_carried(head: dict[str, str]) -> str:
        if all(c in head for c in OPTIONAL):
            return "records.csv does not carry the sections' leads"
        return (
            "records.csv does not carry the sections' leads, and this file (written "
            "before their columns) not the meeting, material nor schedule date"
        )

    def _period(self, fys: list[int], edition_fy: int | None) -> tuple[int, int]:
        """The rows name no plan period: the options give it, or (0, 0) for
        imports.services to take from the plan of the same title."""
        if self.options.first_fy and self.options.last_fy:
            return self.options.first_fy, self.options.last_fy
        return 0, 0
