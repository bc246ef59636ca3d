"""Split the seed report into ProgramText for the KPI extractor's tests and bench.

A stand-in for the real importer: a program row is a tab-separated line whose
first cell is a program number (① or 17); its third cell holds the policy
bullets and its LAST THREE cells are always achievements through FY N, the plan
of FY N+1 and the plan of FY N+2, whatever the schedule cells in between. The
fiscal years come from the table header and the plan period from the title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from shinchoku.common import wareki
from shinchoku.common.text import html_to_text, parse_program_number, split_bullets
from shinchoku.plans.kpi_extract import ProgramText, YearText

SEED = (
    Path(__file__).resolve().parents[2]
    / "src/shinchoku/data/seed/000_2d84f118a6c300da.txt"
)


@dataclass
class Seed:
    plan_first_fy: int
    plan_last_fy: int
    programs: list[ProgramText]


def bullets(cell: str) -> list[str]:
    return split_bullets(html_to_text(cell))


_PERIOD_RE = re.compile(r"((?:令和|平成)\S*?年度)\s*[～~]\s*((?:令和|平成)\S*?年度)")


def _plan_period(lines: list[str]) -> tuple[int, int]:
    """'…プログラム(令和3年度～令和6年度)…' → (2021, 2024)."""
    for line in lines:
        m = _PERIOD_RE.search(line)
        if m:
            return wareki.parse_fiscal_year(m[1]), wareki.parse_fiscal_year(m[2])
    raise ValueError("no plan period (令和N年度～令和M年度) in the seed")


def _column_years(lines: list[str]) -> tuple[int, int, int]:
    for line in lines:
        cells = line.split("\t")
        if cells[0].strip() == "No.":
            a, b, c = (wareki.parse_fiscal_year(x) for x in cells[-3:])
            return a, b, c
    raise ValueError("no table header (No. …) in the seed")


def parse_seed(text: str) -> Seed:
    lines = text.splitlines()
    first, last = _plan_period(lines)
    done_fy, plan_fy, next_fy = _column_years(lines)
    programs = []
    for line in lines:
        cells = line.split("\t")
        number = parse_program_number(cells[0])
        if number is None or len(cells) < 6:
            continue
        achievements, plan, next_plan = (bullets(c) for c in cells[-3:])
        years = {
            done_fy: YearText(achievements=achievements),
            plan_fy: YearText(plan=plan),
            next_fy: YearText(plan=next_plan),
        }
        programs.append(ProgramText(number, bullets(cells[2]), years))
    return Seed(first, last, programs)


def load_seed(path: Path = SEED) -> Seed:
    return parse_seed(path.read_text(encoding="utf-8"))
