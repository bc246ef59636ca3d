"""The round's workbook upload against hostile geometry, fuzzed (issue #16):
values far outside the table (declared in the sheet's <dimension> or not),
huge strings, many sheets. Each upload is refused with WorkbookRejected (or
applied) within a budget measured in this process: CPU time at most a
multiple of reading the ordinary workbook in the same run (a hang guard, not
a timing: the value at XFD1048576 took 39 s, about 800 times), and memory
traced by tracemalloc under 50 MB (it took 1.4 GB).

Bounded (GEOMETRY_EXAMPLES, default 8; deadline off); GEOMETRY_EXAMPLES=300
searches longer."""

from __future__ import annotations

import io
import os
import re
import resource
import tracemalloc
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.utils import get_column_letter

from shinchoku.common.services import ServiceError
from shinchoku.workflow.models import Department
from shinchoku.workflow.workbook import services as workbook_services
from tests.workflow import workbooks as wbk

GEOMETRY = settings(
    max_examples=int(os.environ.get("GEOMETRY_EXAMPLES", "8")),
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
MiB = 2**20
MEMORY_BUDGET = 50 * MiB
CPU_RATIO = 40  # × reading the ordinary workbook
CPU_FLOOR = 1.0  # seconds: below this, any upload is fine
MARKER = "GEOMETRYMARKER"

CELLS = st.lists(
    st.tuples(
        st.one_of(st.integers(1, 40), st.integers(1, 1_048_576)),
        st.one_of(st.integers(1, 10), st.integers(1, 16_384)),
    ),
    max_size=12,
)
STRING_SIZES = st.sampled_from([0, 100_000, 900_000, 8 * MiB, 64 * MiB, 2**30])


def cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def measured(upload) -> tuple[float, int, str]:
    """(CPU seconds, traced peak bytes, outcome) of one upload."""
    tracemalloc.start()
    start = cpu()
    try:
        upload()
        outcome = "applied"
    except ServiceError as exc:
        outcome = str(exc)[:200]
    seconds = cpu() - start
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return seconds, peak, outcome


def hostile(data: bytes, cells, sheets: int, declared: bool, size: int) -> bytes:
    """The exported workbook with values at `cells` of 方向性3, `sheets` more
    sheets, its <dimension> removed unless `declared`, and a string of `size`
    bytes in the edit cell of ⑫ (written into the archive without ever being
    held whole)."""

    def change(wb):
        ws = wb["方向性3"]
        ws[f"F{wbk.row_of(ws, '⑫')}"] = MARKER  # before the far cells
        for row, col in cells:
            ws[f"{get_column_letter(col)}{row}"] = "x"
        for i in range(sheets):
            wb.create_sheet(f"追加{i}")

    changed = wbk.transform(data, change)
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(changed)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            body = src.read(info)
            if not declared and info.filename.startswith("xl/worksheets/"):
                body = re.sub(rb"<dimension [^>]*/>", b"", body)
            if MARKER.encode() not in body:
                dst.writestr(info, body)
                continue
            head, tail = body.split(MARKER.encode(), 1)
            with dst.open(info.filename, "w", force_zip64=True) as part:
                part.write(head)
                left = size
                while left > 0:
                    part.write(b"a" * min(left, MiB))
                    left -= MiB
                part.write(tail)
    return out.getvalue()


@pytest.fixture
def share(people, plan_round):
    department = Department.objects.get(name="情報政策課")
    data = workbook_services.workbook_export(
        actor=people["joho"], round_=plan_round, department=department
    )

    def upload(body: bytes):
        return lambda: workbook_services.workbook_import(
            actor=people["joho"],
            round_=plan_round,
            department=department,
            data=body,
            filename="geometry.xlsx",
        )

    anchor, _peak, outcome = measured(upload(data))
    assert outcome == "applied"
    return data, upload, anchor


@GEOMETRY
@given(
    cells=CELLS,
    sheets=st.sampled_from([0, 1, 5, 120]),
    declared=st.booleans(),
    size=STRING_SIZES,
)
def test_hostile_geometry_is_refused_within_budget(
    share, cells, sheets, declared, size
):
    data, upload, anchor = share
    body = hostile(data, cells, sheets, declared, size)
    seconds, peak, outcome = measured(upload(body))
    assert peak < MEMORY_BUDGET, (peak / MiB, outcome)
    assert seconds < max(CPU_FLOOR, CPU_RATIO * anchor), (seconds, anchor, outcome)
    outside = [(r, c) for r, c in cells if r > 40 or c > 6]
    if outside or sheets or size > 8 * MiB:
        assert outcome != "applied", (cells, sheets, size)
