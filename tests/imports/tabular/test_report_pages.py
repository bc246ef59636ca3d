"""A report whose program is taller than a page: ReportLab cuts the row into
continuation rows (…（続き）) between paragraphs, or inside a bullet between
its lines; reading the PDF back joins them into the one program."""

from __future__ import annotations

import json

from shinchoku.document import interchange
from shinchoku.imports.formats import seed_table, table
from shinchoku.reports.builder import build_report
from shinchoku.reports.renderers import render


def programs(plan) -> list[dict]:
    data = json.loads(interchange.dumps(plan))["programs"]
    # indicators are proposed from the text when it is read: left out here
    return [{k: v for k, v in p.items() if k != "kpis"} for p in data]


def test_a_program_over_several_pages_reads_back_as_one(seed_bytes):
    plan = seed_table.parse(seed_bytes, source="seed.txt")
    long = plan.programs[11]
    for year in long.years.values():
        if year.achievements:
            year.achievements = [
                f"{i}回目の{text}" for i in range(1, 40) for text in year.achievements
            ][:90]
    pdf = render(build_report(plan, plan.editions[0]), "pdf")
    back = table.parse(pdf, source="long.pdf")
    assert programs(back) == programs(plan)
    assert len(back.programs) == len(plan.programs)
