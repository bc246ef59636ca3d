"""The committee report table as the city publishes it, extracted to text.

One row per line, cells separated by tabs. The layout (see the sample in
shinchoku/data/seed/):

* a title block: 小平市第1期経営方針推進プログラム(令和3年度～令和6年度)進捗状況【令和6年度当初計画】,
  the meeting (第3回 経営方針推進委員会), the material number and date (資料1 令和6年2月2日);
* section rows (◆◇実施プログラム◇◆ lead sentence) and direction rows (方向性1 name);
* header rows, repeated on every printed page: "No. | 実施プログラム | 主な取組の方向性 |
  年度スケジュール(R5.3時点想定) | … | 令和4年度までの取組実績 | 令和5年度当初予定… |
  令和6年度当初予定…", then "取組項目 | R3 | R4 | R5";
* program rows of 8–10 cells. The number of schedule cells varies (a PDF text
  extraction merges or drops them), so a row is read from both ends: four cells
  from the left (No., name, policy, action items) and, always, three from the
  right (achievements, the previous FY's plan, this FY's plan);
* stray separator rows ("----") from the extraction.

Fiscal years come from the header text, never from the code: the same table a
year later imports as a year later.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from shinchoku.common import wareki
from shinchoku.common.text import (
    ControlCharacterError,
    HtmlTooComplex,
    clean_input,
    collapse_ws,
    html_to_text,
    parse_program_number,
    split_bullets,
)
from shinchoku.document import interchange
from shinchoku.document.errors import ImportFormatError
from shinchoku.document.model import (
    ParsedActionItem,
    ParsedEdition,
    ParsedPlan,
    ParsedProgram,
    ParsedSection,
    ParsedYear,
)
from shinchoku.imports.formats.base import ParseOptions, decode_text
from shinchoku.plans import kpi_extract

name = "seed-table"
label = "Committee report table (tab-separated text)"

KNOWN_MUNICIPALITY_CODES = {"小平市": "132110"}

LEFT_CELLS = 4  # No., name, policy points, action items
# Program numbers run to a few dozen; a longer number is a typing error, and
# would otherwise make the "programs … are not in this file" note enumerate it.
MAX_PROGRAM_NUMBER = 9999
RIGHT_CELLS = 3  # achievements, previous FY plan, current FY plan

_TITLE_RE = re.compile(r"^(?P<body>.+?)進捗状況\s*【(?P<edition>[^】]+)】\s*$")
_PERIOD_RE = re.compile(
    r"^(?P<name>.+?)\s*[(（](?P<period>[^()（）]*年度[^()（）]*)[)）]\s*$"
)
_MUNICIPALITY_RE = re.compile(r"^(?P<muni>.+?)(?P<plan>第\s*\d+\s*期.*)$")
_MUNICIPALITY_FALLBACK_RE = re.compile(r"^(?P<muni>.+?[都道府県市区町村])(?P<plan>.+)$")
_MEETING_RE = re.compile(r"^第\s*\d+\s*回")
_MATERIAL_RE = re.compile(r"^(?P<material>資料\s*\S*)\s*(?P<rest>.*)$")
_SECTION_RE = re.compile(r"^(?P<heading>[◆◇].*[◆◇])\s*(?P<lead>.*)$")
_DIRECTION_RE = re.compile(r"^方向性\s*(?P<number>\d+)\s*(?P<name>.*)$")
_ENDED_RE = re.compile(r"※\s*(?P<fy>\S+?年度)までをもって終了")
_AS_OF_RE = re.compile(r"[(（](?P<short>[RHS]\d+\.\d+)時点想定[)）]")
_SEPARATOR_RE = re.compile(r"^-+$")
# Only CR, LF and CRLF end a row. str.splitlines() would also break at form feeds,
# U+2028 and other characters that turn up inside pasted cell text, splitting a
# row in two and shifting every line number after it.
_LINE_BREAK_RE = re.compile(r"\r\n|\r|\n")


def sniff(data: bytes, filename: str) -> bool:
    head = data[:4096]
    return b"\t" in head and not head.lstrip().startswith(b"{")


@dataclass
class _Columns:
    line: int
    achievements_fy: int
    previous_fy: int
    current_fy: int
    schedule_as_of: str
    schedule_fys: list[int] = field(default_factory=list)

    def same_layout(self, other: _Columns) -> bool:
        return (
            self.achievements_fy,
            self.previous_fy,
            self.current_fy,
            self.schedule_as_of,
        ) == (
            other.achievements_fy,
            other.previous_fy,
            other.current_fy,
            other.schedule_as_of,
        )


class _Parser:
    def __init__(self, text: str, *, source: str, options: ParseOptions):
        self.lines = _LINE_BREAK_RE.split(text)
        self.source = source
        self.options = options
        self.title: tuple[int, str] | None = None
        self.meeting = ""
        self.material = ""
        self.date = None
        self.columns: _Columns | None = None
        self.sections: list[ParsedSection] = []
        self.section: ParsedSection | None = None
        self.directions: dict[int, str] = {}
        self.direction: int | None = None
        self.programs: dict[int, ParsedProgram] = {}
        self.skipped_headers: list[int] = []
        self.skipped_separators: list[int] = []

    def error(self, message: str, line: int | None = None) -> ImportFormatError:
        return ImportFormatError(message, source=self.source, line=line)

    # -- rows ------------------------------------------------------------------

    def parse(self) -> ParsedPlan:
        for number, raw in enumerate(self.lines, start=1):
            cells = self.cells(number, raw)
            if not any(cells):
                continue
            self.row(number, cells)
        return self.result()

    def cells(self, line: int, raw: str) -> list[str]:
        cells = []
        for index, cell in enumerate(raw.split("\t"), start=1):
            try:
                # Cleaned after the HTML step, which decodes &#1; into U+0001.
                cells.append(clean_input(html_to_text(cell)))
            except (HtmlTooComplex, ControlCharacterError) as exc:
                raise self.error(f"cell {index}: {exc}", line) from None
        return cells

    def row(self, line: int, cells: list[str]) -> None:
        first = cells[0]
        if all(_SEPARATOR_RE.match(c) for c in cells if c):
            self.skipped_separators.append(line)
        elif first == "No.":
            self.header(line, cells)
        elif not first and len(cells) > LEFT_CELLS and cells[3] == "取組項目":
            self.schedule_header(line, cells)
        elif _looks_like_number(first):
            self.program(line, cells)
        elif len([c for c in cells if c]) == 1 and first:
            self.text_row(line, first)
        else:
            raise self.error(
                f"unknown row of {len(cells)} cells starting with {first[:30]!r}: "
                "expected a title, section, 方向性, header or program row",
                line,
            )

    def text_row(self, line: int, text: str) -> None:
        if text[0] in "◆◇":
            m = _SECTION_RE.match(text)
            if not m:
                raise self.error(f"unreadable section row {text[:40]!r}", line)
            kind = "former_study" if "旧検討" in m["heading"] else "implementation"
            if any(s.kind == kind for s in self.sections):
                raise self.error(f"the section {m['heading']} appears twice", line)
            self.section = ParsedSection(
                kind=kind, heading=m["heading"], lead=m["lead"]
            )
            self.sections.append(self.section)
            self.direction = None
        elif m := _DIRECTION_RE.match(wareki.normalize(text)):
            number = int(m["number"])
            direction_name = collapse_ws(
                text[text.index(m["number"]) + len(m["number"]) :]
            )
            if not direction_name:
                raise self.error(f"方向性{number} has no name", line)
            known = self.directions.setdefault(number, direction_name)
            if known != direction_name:
                raise self.error(
                    f"方向性{number} is named {direction_name!r} here but {known!r} earlier",
                    line,
                )
            self.direction = number
        elif self.title is None and _TITLE_RE.match(text):
            self.title = (line, text)
        elif (
            self.title
            and not self.columns
            and _MEETING_RE.match(wareki.normalize(text))
        ):
            self.meeting = text
        elif self.title and not self.columns and (m := _MATERIAL_RE.match(text)):
            self.material = m["material"]
            if m["rest"]:
                try:
                    self.date = wareki.parse_date(m["rest"])
                except wareki.WarekiError as exc:
                    raise self.error(f"unreadable meeting date: {exc}", line) from None
        else:
            raise self.error(f"unknown row {text[:40]!r}", line)

    def header(self, line: int, cells: list[str]) -> None:
        if len(cells) < LEFT_CELLS + RIGHT_CELLS:
            raise self.error(
                f"the header row has {len(cells)} cells, expected at least "
                f"{LEFT_CELLS + RIGHT_CELLS}",
                line,
            )
        achievements, previous, current = cells[-RIGHT_CELLS:]
        try:
            columns = _Columns(
                line=line,
                achievements_fy=wareki.parse_fiscal_year(achievements),
                previous_fy=wareki.parse_fiscal_year(previous),
                current_fy=wareki.parse_fiscal_year(current),
                schedule_as_of=_as_of(cells[3]),
            )
        except wareki.WarekiError as exc:
            raise self.error(
                f"the header row names no fiscal year: {exc}", line
            ) from None
        if (
            "実績" not in achievements
            or "予定" not in previous
            or "予定" not in current
        ):
            raise self.error(
                "the last three header cells must be the achievements (…取組実績) and "
                "two plans (…当初予定)",
                line,
            )
        if not (
            columns.achievements_fy + 1 == columns.previous_fy == columns.current_fy - 1
        ):
            raise self.error(
                "the header's fiscal years are not consecutive: "
                f"{achievements} / {previous} / {current}",
                line,
            )
        if self.columns is None:
            self.columns = columns
        elif self.columns.same_layout(columns):
            self.skipped_headers.append(line)
        else:
            raise self.error(
                f"this header row differs from the one on line {self.columns.line}",
                line,
            )

    def schedule_header(self, line: int, cells: list[str]) -> None:
        if self.columns is None:
            raise self.error("a 取組項目 header row before the main header row", line)
        labels = [c for c in cells[LEFT_CELLS:] if c]
        try:
            fys = [wareki.parse_short(label)[0] for label in labels]
        except wareki.WarekiError as exc:
            raise self.error(f"unreadable schedule year heading: {exc}", line) from None
        if not fys or fys != list(range(fys[0], fys[0] + len(fys))):
            raise self.error(f"schedule years must be consecutive, got {labels}", line)
        if self.columns.schedule_fys and self.columns.schedule_fys != fys:
            raise self.error(
                f"schedule years {labels} differ from those under line {self.columns.line}",
                line,
            )
        self.columns.schedule_fys = fys

    def program(self, line: int, cells: list[str]) -> None:
        if len(cells[0]) > len(str(MAX_PROGRAM_NUMBER)):
            raise self.error(
                f"program number {cells[0][:20]} is too large "
                f"(at most {MAX_PROGRAM_NUMBER})",
                line,
            )
        number = parse_program_number(cells[0])
        assert number is not None
        if self.columns is None or not self.columns.schedule_fys:
            raise self.error(f"program {cells[0]} comes before the header rows", line)
        if self.section is None or self.direction is None:
            raise self.error(
                f"program {cells[0]} comes before its section and 方向性 rows", line
            )
        columns = self.columns
        lo, hi = (
            LEFT_CELLS + RIGHT_CELLS + 1,
            LEFT_CELLS + RIGHT_CELLS + len(columns.schedule_fys),
        )
        if not lo <= len(cells) <= hi:
            raise self.error(
                f"program {cells[0]} has {len(cells)} cells; a program row has {lo}–{hi} "
                "(No., name, policy, action items, schedule cells, achievements, "
                f"{wareki.fiscal_year_label(columns.previous_fy)} and "
                f"{wareki.fiscal_year_label(columns.current_fy)} plans): is the row truncated?",
                line,
            )
        if number in self.programs:
            raise self.error(
                f"program number {number} appears twice "
                f"(lines {self.programs[number].line} and {line})",
                line,
            )
        name_cell = cells[1]
        ended_after_fy = None
        if m := _ENDED_RE.search(name_cell):
            try:
                ended_after_fy = wareki.parse_fiscal_year(m["fy"])
            except wareki.WarekiError as exc:
                raise self.error(f"unreadable end marker: {exc}", line) from None
            name_cell = collapse_ws(name_cell[: m.start()] + name_cell[m.end() :])
        if not name_cell:
            raise self.error(f"program {cells[0]} has no name", line)
        achievements, previous, current = cells[-RIGHT_CELLS:]
        years: dict[int, ParsedYear] = {}
        for fy, attr, cell in (
            (columns.achievements_fy, "achievements", achievements),
            (columns.previous_fy, "plan", previous),
            (columns.current_fy, "plan", current),
        ):
            setattr(years.setdefault(fy, ParsedYear()), attr, split_bullets(cell))
        self.programs[number] = ParsedProgram(
            number=number,
            name=name_cell,
            direction=self.direction,
            kind=self.section.kind,
            ended_after_fy=ended_after_fy,
            policy_points=split_bullets(cells[2]),
            action_items=[ParsedActionItem(text=t) for t in split_bullets(cells[3])],
            schedule_raw=[c for c in cells[LEFT_CELLS:-RIGHT_CELLS] if c],
            years=years,
            line=line,
        )

    # -- result ----------------------------------------------------------------

    def result(self) -> ParsedPlan:
        if self.title is None:
            raise self.error(
                "unknown layout: no title row such as "
                "'…プログラム(令和3年度～令和6年度)進捗状況【令和6年度当初計画】'"
            )
        if self.columns is None:
            raise self.error("unknown layout: no header row starting with 'No.'")
        if not self.programs:
            raise self.error("the file holds no program rows")
        title_line, title = self.title
        m = _TITLE_RE.match(title)
        assert m is not None
        body, edition_title = collapse_ws(m["body"]), collapse_ws(m["edition"])
        period = _PERIOD_RE.match(body)
        fys = wareki.find_fiscal_years(period["period"]) if period else []
        if len(fys) != 2 or fys[0] > fys[1]:
            raise self.error(
                "the title must state the plan's period, e.g. (令和3年度～令和6年度)",
                title_line,
            )
        muni_name, plan_title = self._split_municipality(period["name"], title_line)
        code = self.options.municipality_code or KNOWN_MUNICIPALITY_CODES.get(
            muni_name, ""
        )
        if not code:
            raise self.error(
                f"the local government code of {muni_name} is unknown: "
                "give it with --municipality-code (e.g. 132110)",
                title_line,
            )
        try:
            edition_fy = wareki.parse_fiscal_year(edition_title)
        except wareki.WarekiError:
            edition_fy = self.columns.current_fy
        if edition_fy != self.columns.current_fy:
            raise self.error(
                f"the title is for {wareki.fiscal_year_label(edition_fy)} but the table's "
                f"columns end at {wareki.fiscal_year_label(self.columns.current_fy)}",
                title_line,
            )
        programs = sorted(self.programs.values(), key=lambda p: p.line or 0)
        propose_indicators(programs, fys[0], fys[1], source=self.source)
        return ParsedPlan(
            municipality_name=muni_name,
            municipality_code=code,
            title=plan_title,
            first_fy=fys[0],
            last_fy=fys[1],
            sections=self.sections,
            directions=dict(sorted(self.directions.items())),
            editions=[
                ParsedEdition(
                    title=edition_title,
                    meeting=self.meeting,
                    material=self.material,
                    date=self.date,
                    fiscal_year=edition_fy,
                    schedule_as_of=self.columns.schedule_as_of,
                )
            ],
            programs=programs,
            notes=self._notes(),
            is_edition=True,
        )

    def _split_municipality(self, text: str, line: int) -> tuple[str, str]:
        if self.options.municipality_name and text.startswith(
            self.options.municipality_name
        ):
            return self.options.municipality_name, text[
                len(self.options.municipality_name) :
            ]
        m = _MUNICIPALITY_RE.match(text) or _MUNICIPALITY_FALLBACK_RE.match(text)
        if not m:
            raise self.error(
                f"cannot tell the municipality from the title {text!r}", line
            )
        return m["muni"], m["plan"]

    def _notes(self) -> list[str]:
        notes = []
        numbers = sorted(self.programs)
        missing = sorted(set(range(1, numbers[-1] + 1)) - set(numbers))
        if missing:
            notes.append(f"programs {_ranges(missing)} are not in this file")
        if self.skipped_headers:
            notes.append(
                f"{len(self.skipped_headers)} repeated header row(s) skipped "
                f"(lines {_ranges(self.skipped_headers, sep=', ')})"
            )
        if self.skipped_separators:
            notes.append(
                f"{len(self.skipped_separators)} separator row(s) skipped "
                f"(lines {_ranges(self.skipped_separators, sep=', ')})"
            )
        return notes


def propose_indicators(
    programs: list[ParsedProgram], first_fy: int, last_fy: int, *, source: str
) -> None:
    """The table states its KPIs in prose: propose them, unreviewed."""
    for program in programs:
        program.kpis = [
            interchange.normalize_kpi(
                {
                    **indicator.to_dict(),
                    "status": "extracted",
                    "actual_sources": {
                        str(o.fy): "extracted" for o in indicator.observations
                    },
                },
                source=source,
                path=f"program {program.number}, indicator {indicator.name}",
            )
            for indicator in kpi_extract.extract_indicators(
                kpi_extract.program_text(program), first_fy, last_fy
            )
        ]


def _looks_like_number(cell: str) -> bool:
    """A program number (⑫, 12, １２), checked without int() on long digit runs."""
    if len(cell) > len(str(MAX_PROGRAM_NUMBER)):
        return cell.isdigit()  # too long, but meant as one: program() says so
    return parse_program_number(cell) is not None


def _as_of(cell: str) -> str:
    m = _AS_OF_RE.search(wareki.normalize(cell))
    if not m:
        return ""
    year, month = wareki.parse_short(m["short"])
    return f"{year:04d}-{month:02d}" if month else ""


def _ranges(numbers: list[int], sep: str = ", ") -> str:
    """[6, 7, 8, 10] → '6–8, 10'."""
    parts: list[str] = []
    start = prev = numbers[0]
    for n in [*numbers[1:], None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        parts.append(str(start) if start == prev else f"{start}–{prev}")
        if n is not None:
            start = prev = n
    return sep.join(parts)


def parse(
    data: bytes, *, source: str, options: ParseOptions | None = None
) -> ParsedPlan:
    text = decode_text(data, source=source)
    return _Parser(text, source=source, options=options or ParseOptions()).parse()
