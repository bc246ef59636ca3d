"""Hostile workbooks, made here (no file is stored): shared by the guarded
opener's tests and bench/upload_limits.py."""

from __future__ import annotations

import io
import zipfile

from openpyxl import Workbook


def far_cell(coordinate: str = "XFD1048576") -> bytes:
    """A small workbook (a few KB) with one value in the sheet's last cell: its
    used range is the whole sheet."""
    wb = Workbook()
    ws = wb.active
    ws["A1"] = "No."
    ws[coordinate] = "x"
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def shared_string_bomb(size: int = 2**30) -> bytes:
    """A valid workbook whose shared-strings part unpacks to `size` bytes (one
    string of "a"), about 1 MB packed for 1 GiB."""
    base = far_cell("A1")
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(base)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            if info.filename != "xl/sharedStrings.xml":
                dst.writestr(info, src.read(info))
        head = b'<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>'
        tail = b"</t></si></sst>"
        chunk = b"a" * 2**20
        with dst.open("xl/sharedStrings.xml", "w", force_zip64=True) as part:
            part.write(head)
            left = size - len(head) - len(tail)
            while left > 0:
                part.write(chunk[: min(left, len(chunk))])
                left -= len(chunk)
            part.write(tail)
    return out.getvalue()


def entity_bomb() -> bytes:
    """A workbook whose sheet XML declares entities (the billion laughs)."""
    base = far_cell("A1")
    out = io.BytesIO()
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
        b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
    )
    with (
        zipfile.ZipFile(io.BytesIO(base)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = laughs + data.replace(b"<v>", b"<v>&lol3;", 1)
            dst.writestr(info, data)
    return out.getvalue()


def oversized(size: int = 20 * 2**20) -> bytes:
    """An upload of `size` bytes (the start of a real workbook, then padding)."""
    base = far_cell("A1")
    return base + b"\0" * (size - len(base))
