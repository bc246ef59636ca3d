"""The seed as ProgramText for the KPI extractor's tests and bench, read by the
real importer's parser (no database, no Django set-up needed)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from shinchoku.imports.formats import seed_table
from shinchoku.plans.kpi_extract import ProgramText, program_text

SEED = (
    Path(__file__).resolve().parents[2]
    / "src/shinchoku/data/seed/000_2d84f118a6c300da.txt"
)


@dataclass
class Seed:
    plan_first_fy: int
    plan_last_fy: int
    programs: list[ProgramText]


def parse_seed(text: str) -> Seed:
    parsed = seed_table.parse(text.encode("utf-8"), source="seed")
    return Seed(
        parsed.first_fy, parsed.last_fy, [program_text(p) for p in parsed.programs]
    )


def load_seed(path: Path = SEED) -> Seed:
    return parse_seed(path.read_text(encoding="utf-8"))
