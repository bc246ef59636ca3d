"""Sample workbooks for the Excel round trip: the one Shinchoku exports, filled
in as a department would, and one deliberately broken copy per problem the
upload must catch. Each test writes its samples to test-artifacts/workbooks/
so that they can be opened in a spreadsheet program."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

from openpyxl import load_workbook

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "workbooks"


def transform(data: bytes, change: Callable) -> bytes:
    wb = load_workbook(io.BytesIO(data))
    change(wb)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def row_of(ws, label: str, column: str = "A") -> int:
    """The row whose cell in column holds label (a program's ①…⑳)."""
    for cell in ws[column]:
        if cell.value == label:
            return cell.row
    raise LookupError(label)


def kpi_row(ws, program_label: str) -> int:
    """The first indicator row under a program's row."""
    row = row_of(ws, program_label) + 1
    assert ws[f"B{row}"].value == "指標"
    return row


def fill(sheet: str, label: str, text: str) -> Callable:
    def change(wb):
        ws = wb[sheet]
        ws[f"F{row_of(ws, label)}"] = text

    return change


def chain(*changes: Callable) -> Callable:
    def change(wb):
        for c in changes:
            c(wb)

    return change


def save(name: str, data: bytes) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / name
    path.write_bytes(data)
    return path


# --- the broken cases: each is a change to a filled-in workbook


def add_sheet(wb):
    wb.create_sheet("Sheet1")["A1"] = "メモ"


def rename_sheet(wb):
    wb["方向性4"].title = "方向性４"


def remove_sheet(wb):
    del wb["方向性4"]


def edit_locked_cell(wb):
    ws = wb["方向性3"]
    ws[f"C{row_of(ws, '⑫')}"] = "・方向性を書き換えた"


def add_unknown_program(wb):
    ws = wb["方向性3"]
    row = ws.max_row + 1
    ws[f"A{row}"] = "99"
    ws[f"F{row}"] = "・新しい取組"


def text_in_kpi_cell(wb):
    ws = wb["方向性3"]
    ws[f"F{kpi_row(ws, '⑫')}"] = "約86%"


def tamper_metadata(wb):
    ws = wb["_meta"]
    for row in ws.iter_rows():
        if row[0].value == "round":
            row[1].value = row[1].value + 1


def text_beside_table(wb):
    ws = wb["方向性3"]
    ws.protection.sheet = False  # as someone who unprotects the sheet would
    ws[f"G{row_of(ws, '⑫')}"] = "・列Gに書いた文"


def damage(data: bytes) -> bytes:
    """The workbook with the middle of a sheet's compressed data scrambled: the
    zip still opens, inflating the sheet fails (zlib.error, found by fuzzing)."""
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo("xl/worksheets/sheet2.xml")
    # local header: 30 bytes, the name, then (none here) extra bytes
    start = info.header_offset + 30 + len(info.filename) + info.compress_size // 2
    scrambled = bytes(b ^ 0x5A for b in data[start : start + 64])
    return data[:start] + scrambled + data[start + 64 :]
