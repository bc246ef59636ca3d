"""The guarded XLSX opener: a hostile workbook is refused before openpyxl sees
it, with a message naming the file and what is wrong; an ordinary one opens,
and its table is read by its known extent."""

from __future__ import annotations

import io
import zipfile

import openpyxl
import pytest

from shinchoku.common.spreadsheets import (
    SpreadsheetRefused,
    XlsxLimits,
    cells_beyond,
    open_xlsx,
    read_block,
)
from tests.common import hostile_xlsx


@pytest.fixture(autouse=True)
def _english():
    from django.utils import translation

    with translation.override("en"):
        yield


def _ordinary() -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "方向性1"
    for row in range(1, 21):
        ws.append([row, f"プログラム{row}", "・実績"])
    ws["E30"] = "beside"
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def test_defusedxml_is_what_openpyxl_parses_with():
    from openpyxl import xml

    assert xml.DEFUSEDXML is True


def test_an_ordinary_workbook_opens_and_its_table_is_read_by_its_extent():
    wb = open_xlsx(_ordinary(), filename="w.xlsx")
    ws = wb["方向性1"]
    rows = read_block(ws, max_row=20, max_col=3)
    assert len(rows) == 20 and rows[11] == (12, "プログラム12", "・実績")
    assert [c.coordinate for c in cells_beyond(ws, max_row=20, max_col=3)] == ["E30"]


def test_a_value_in_the_last_cell_is_refused_naming_the_sheet():
    with pytest.raises(SpreadsheetRefused) as caught:
        open_xlsx(hostile_xlsx.far_cell(), filename="far.xlsx")
    message = str(caught.value)
    assert "far.xlsx: Sheet Sheet uses cells up to XFD1048576" in message


def test_reading_stays_bounded_when_the_used_range_is_not_declared():
    """A sheet without its <dimension> (or lying about it) passes the check;
    reading by the known extent and the existing cells still never walks the
    sheet's 17 billion cells."""
    data = hostile_xlsx.far_cell("F1048576")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            part = src.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                part = part.replace(b'<dimension ref="A1:F1048576" />', b"")
            dst.writestr(info, part)
    wb = open_xlsx(out.getvalue(), filename="nodim.xlsx")
    ws = wb.active
    assert read_block(ws, max_row=3, max_col=6)[0][0] == "No."
    assert [c.coordinate for c in cells_beyond(ws, max_row=3, max_col=6)] == [
        "F1048576"
    ]


def test_a_shared_string_bomb_is_refused_before_it_is_unpacked():
    bomb = hostile_xlsx.shared_string_bomb(64 * 2**20)
    assert len(bomb) < 2**20
    with pytest.raises(SpreadsheetRefused, match="bomb.xlsx.*unpacks to 64 MB"):
        open_xlsx(bomb, filename="bomb.xlsx")


def test_xml_entities_are_refused():
    with pytest.raises(SpreadsheetRefused, match="lol.xlsx holds XML declarations"):
        open_xlsx(hostile_xlsx.entity_bomb(), filename="lol.xlsx")


@pytest.mark.parametrize(
    "data, limits, reason",
    [
        (hostile_xlsx.oversized(), XlsxLimits(), "is 20 MB"),
        (b"PK\x03\x04 not a zip", XlsxLimits(), "not an Excel workbook"),
        (b"", XlsxLimits(), "not an Excel workbook"),
    ],
)
def test_files_refused_before_unpacking(data, limits, reason):
    with pytest.raises(SpreadsheetRefused, match=reason):
        open_xlsx(data, filename="f.xlsx", limits=limits)


def test_the_limits_are_parameters():
    data = _ordinary()
    with pytest.raises(SpreadsheetRefused, match="parts"):
        open_xlsx(data, filename="f.xlsx", limits=XlsxLimits(max_members=3))
    with pytest.raises(SpreadsheetRefused, match="E30"):
        open_xlsx(data, filename="f.xlsx", limits=XlsxLimits(max_rows=25))


def test_a_part_with_damaged_compressed_data_is_refused_as_damaged():
    """Found by tests/workflow/test_fuzz_excel.py: zlib's own error escaped."""
    import io
    import zipfile

    import pytest
    from openpyxl import Workbook

    from shinchoku.common.spreadsheets import SpreadsheetRefused, check_xlsx

    buffer = io.BytesIO()
    wb = Workbook()
    wb.active.append(["x" * 50] * 40)
    wb.save(buffer)
    data = bytearray(buffer.getvalue())
    info = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo("xl/worksheets/sheet1.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for i in range(start + 2, start + 40):
        data[i] ^= 0x5A  # the deflate stream itself, not the zip's directory
    with pytest.raises(SpreadsheetRefused):
        check_xlsx(bytes(data), filename="broken.xlsx")


def test_a_part_flagged_encrypted_or_with_an_unknown_compression_is_refused():
    """Found by tests/workflow/test_fuzz_excel.py: a damaged byte in a part's
    header (the encryption flag, the compression method) raised zipfile's
    RuntimeError or NotImplementedError instead of a refusal."""
    import io
    import struct
    import zipfile

    import pytest
    from openpyxl import Workbook

    from shinchoku.common.spreadsheets import SpreadsheetRefused, check_xlsx

    buffer = io.BytesIO()
    Workbook().save(buffer)
    clean = buffer.getvalue()
    info = zipfile.ZipFile(io.BytesIO(clean)).getinfo("xl/worksheets/sheet1.xml")
    for offset, value in ((8, info.flag_bits | 0x1), (10, 99)):  # flags, method
        data = bytearray(clean)
        # The central directory's record of the part (what zipfile trusts).
        record = data.find(b"PK\x01\x02", 0)
        while record >= 0:
            length = struct.unpack_from("<H", data, record + 28)[0]
            if data[record + 46 : record + 46 + length] == info.filename.encode():
                break
            record = data.find(b"PK\x01\x02", record + 4)
        struct.pack_into("<H", data, record + offset, value)
        with pytest.raises(SpreadsheetRefused):
            check_xlsx(bytes(data), filename="broken.xlsx")
