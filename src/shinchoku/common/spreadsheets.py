"""What every workbook and every CSV file for spreadsheets Shinchoku writes has
in common."""

from __future__ import annotations

import csv
import io
import re
import zipfile
import zlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from shinchoku.common.text import drop_controls

if TYPE_CHECKING:  # openpyxl is imported by the functions that use it
    from openpyxl import Workbook
    from openpyxl.cell.cell import Cell


def cell_value(value):
    """A value every XLSX writer may put in a cell: text without the
    characters XML cannot carry (openpyxl raises IllegalCharacterError for a
    control character at assignment, which answered 500 for a whole workbook
    over one invisible character stored before inputs were cleaned); other
    values as they are."""
    return drop_controls(value) if isinstance(value, str) else value


def text_only(wb: Workbook) -> Workbook:
    """Keep every cell's text as text. openpyxl stores a string that starts
    with "=" as a formula, so a program named '=HYPERLINK("https://…")' would
    become a live link (or worse) in the spreadsheet of whoever opens the
    file: formula injection. Shinchoku writes no formula of its own."""
    for ws in wb.worksheets:
        # The cells that exist, not iter_rows(), which would create (and the
        # writer then write) every empty cell of the sheet's rectangle.
        for cell in ws._cells.values():
            if cell.data_type == "f":
                cell.data_type = "s"
    return wb


# What makes a spreadsheet program read a CSV cell as a formula (OWASP, "CSV
# injection"): such text gets a leading apostrophe in every CSV file made for
# spreadsheets, which then shows it as text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def formula_safe(value):
    """The value for a CSV cell a spreadsheet will open: text that starts like
    a formula behind an apostrophe; other text and numbers as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def spreadsheet_csv(
    fieldnames: Sequence[str], rows: Iterable[Mapping[str, object]]
) -> bytes:
    """CSV for spreadsheets (Excel opens it on a double-click): UTF-8 with a
    BOM, CRLF, a header of the field names, every cell through formula_safe."""
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=list(fieldnames), lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: formula_safe(value) for key, value in row.items()})
    return out.getvalue().encode("utf-8-sig")


# ------------------------------------------------------------ reading, guarded

# An XLSX file is a zip of XML parts. openpyxl unpacks and parses whatever it is
# given: a 1 MB zip holding a 1 GiB shared string cost 10.8 s and 1.1 GB; one
# value in a sheet's last cell (XFD1048576) makes any reading of the sheet's
# used range walk seventeen billion cells. The opener checks the archive's
# declared sizes (zipfile never unpacks more than a part declares: it fails the
# CRC) and each sheet's declared used range before openpyxl sees the file, and
# the readers below read the extent the caller knows the table to fill.
# defusedxml, installed, makes openpyxl refuse XML entities and DTDs.
MiB = 2**20


@dataclass(frozen=True)
class XlsxLimits:
    max_bytes: int = 5 * MiB  # the file as uploaded
    max_members: int = 100  # parts in the archive
    max_unpacked: int = 30 * MiB  # all parts, unpacked, as declared
    max_ratio: int = 100  # unpacked / packed, over the whole archive
    max_rows: int = 10_000  # a sheet's declared used range
    max_cols: int = 64


LIMITS = XlsxLimits()
# Below this, any compression ratio is harmless.
_RATIO_FLOOR = MiB
_DIMENSION_RE = re.compile(
    rb'<(?:\w+:)?dimension\s+ref="([A-Z]{1,3}[0-9]{1,7})(?::([A-Z]{1,3}[0-9]{1,7}))?"'
)
_SHEET_RE = re.compile(rb"<(?:\w+:)?sheet\b([^<>]*)>")
_REL_RE = re.compile(rb"<(?:\w+:)?Relationship\b([^<>]*)>")
_ATTR_RE = re.compile(rb'([\w:]+)="([^"]*)"')


class SpreadsheetRefused(ValueError):
    """A workbook refused before (or while) it is opened. The message, in the
    user's language, names the file and says what is wrong."""


def _mb(size: int) -> str:
    mb = size / MiB
    return f"{mb:,.0f}" if mb >= 10 else f"{mb:.2g}"


def check_xlsx(data: bytes, *, filename: str = "", limits: XlsxLimits = LIMITS) -> None:
    """SpreadsheetRefused unless `data` is a zip within `limits`: its size,
    number of parts, unpacked size and ratio, and each sheet's declared used
    range. Reads the archive's directory and the first bytes of each sheet."""
    name = filename or _("The file")
    if len(data) > limits.max_bytes:
        raise SpreadsheetRefused(
            _("%(file)s is %(size)s MB; a workbook may be at most %(max)s MB.")
            % {"file": name, "size": _mb(len(data)), "max": _mb(limits.max_bytes)}
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError):
        raise SpreadsheetRefused(_not_a_workbook(name)) from None
    if len(infos) > limits.max_members:
        raise SpreadsheetRefused(
            _("%(file)s has %(count)s parts; a workbook has at most %(max)s.")
            % {"file": name, "count": len(infos), "max": limits.max_members}
        )
    unpacked = sum(info.file_size for info in infos)
    packed = sum(info.compress_size for info in infos) or 1
    if unpacked > limits.max_unpacked or (
        unpacked > _RATIO_FLOOR and unpacked / packed > limits.max_ratio
    ):
        raise SpreadsheetRefused(
            _(
                "%(file)s unpacks to %(size)s MB (%(ratio)s times its size); a "
                "workbook may unpack to at most %(max)s MB."
            )
            % {
                "file": name,
                "size": _mb(unpacked),
                "ratio": f"{unpacked / packed:,.0f}",
                "max": _mb(limits.max_unpacked),
            }
        )
    with archive:
        for sheet, part in _sheet_parts(archive):
            _check_dimension(archive, part, sheet, name, limits)


# What reading a damaged part raises: zipfile's own errors, zlib's for damaged
# compressed data, RuntimeError for a part flagged encrypted, NotImplementedError
# for an unknown compression method (a damaged byte of the part's header).
_DAMAGED = (
    zipfile.BadZipFile,
    OSError,
    ValueError,
    EOFError,
    zlib.error,
    RuntimeError,
    NotImplementedError,
)


def _not_a_workbook(name: str) -> str:
    return _("%(file)s is not an Excel workbook (.xlsx), or it is damaged.") % {
        "file": name
    }


def _sheet_parts(archive: zipfile.ZipFile) -> list[tuple[str, str]]:
    """(sheet name, part name) of each worksheet, as the workbook names them;
    the part name alone for a part the workbook does not name."""
    names = set(archive.namelist())
    found: list[tuple[str, str]] = []
    try:
        book = archive.read("xl/workbook.xml")
        links = archive.read("xl/_rels/workbook.xml.rels")
    except (KeyError, *_DAMAGED):
        book, links = b"", b""
    rels = {}
    for attrs in _REL_RE.findall(links):
        rel = dict(_ATTR_RE.findall(attrs))
        rels[rel.get(b"Id")] = rel.get(b"Target", b"")
    for attrs in _SHEET_RE.findall(book):
        sheet = dict(_ATTR_RE.findall(attrs))
        target = rels.get(sheet.get(b"r:id"), b"").decode("utf-8", "replace")
        target = target.lstrip("/")
        part = target if target.startswith("xl/") else f"xl/{target}"
        if part in names:
            found.append((sheet.get(b"name", b"").decode("utf-8", "replace"), part))
    named = {part for _sheet, part in found}
    for part in sorted(names - named):
        if part.startswith("xl/worksheets/") and part.endswith(".xml"):
            found.append((part, part))
    return found


def _check_dimension(archive, part, sheet, name, limits) -> None:
    try:
        with archive.open(part) as stream:
            head = stream.read(4096)
    except _DAMAGED:
        raise SpreadsheetRefused(_not_a_workbook(name)) from None
    found = _DIMENSION_RE.search(head)
    if found is None:
        return  # not declared: the bounded readers below still hold
    from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

    last = (found[2] or found[1]).decode()
    col, row = coordinate_from_string(last)
    if row > limits.max_rows or column_index_from_string(col) > limits.max_cols:
        raise SpreadsheetRefused(
            _(
                "%(file)s: Sheet %(sheet)s uses cells up to %(cell)s; a workbook "
                "of Shinchoku has at most %(rows)s rows and %(cols)s columns. "
                "Delete what is below or beside the table (or download a new "
                "workbook)."
            )
            % {
                "file": name,
                "sheet": sheet,
                "cell": last,
                "rows": f"{limits.max_rows:,}",
                "cols": limits.max_cols,
            }
        )


def open_xlsx(
    data: bytes,
    *,
    filename: str = "",
    limits: XlsxLimits = LIMITS,
    read_only: bool = False,
    data_only: bool = False,
) -> Workbook:
    """The workbook in `data`, checked by check_xlsx first; SpreadsheetRefused
    for a file refused, damaged, or holding XML entities or DTDs. Read its
    sheets with read_block and cells_beyond, never with iter_rows() over the
    sheet's own extent."""
    check_xlsx(data, filename=filename, limits=limits)
    # defusedxml: openpyxl parses with it when it is installed (it is a
    # dependency), and refuses entities and DTDs.
    from defusedxml import DefusedXmlException
    from openpyxl import load_workbook

    name = filename or _("The file")
    try:
        return load_workbook(
            io.BytesIO(data),
            read_only=read_only,
            keep_links=False,
            data_only=data_only,  # a formula's value as last calculated
        )
    except Exception as exc:  # noqa: BLE001 — zipfile, zlib, the XML parser, openpyxl
        # A damaged file fails anywhere, each library with its own exception
        # (openpyxl wraps some): for the person uploading it, all are the same
        # problem — but for XML that defusedxml refused.
        if _caused_by(exc, DefusedXmlException):
            raise SpreadsheetRefused(
                _(
                    "%(file)s holds XML declarations (entities or a DTD) that "
                    "a workbook saved by Excel never has; it is not read."
                )
                % {"file": name}
            ) from None
        raise SpreadsheetRefused(_not_a_workbook(name)) from None


def _caused_by(exc: BaseException | None, kind: type) -> bool:
    seen = 0
    while exc is not None and seen < 10:
        if isinstance(exc, kind):
            return True
        exc, seen = exc.__cause__ or exc.__context__, seen + 1
    return False


def read_block(
    ws, *, max_row: int, max_col: int, min_row: int = 1, min_col: int = 1
) -> list[tuple]:
    """The values of the rectangle the caller knows its table fills, row by
    row (a read-only sheet streams and stops at max_row)."""
    return [
        tuple(row)
        for row in ws.iter_rows(
            min_row=min_row,
            max_row=max_row,
            min_col=min_col,
            max_col=max_col,
            values_only=True,
        )
    ]


def cells_beyond(ws, *, max_row: int, max_col: int) -> Iterator[Cell]:
    """The cells holding a value outside A1:(max_col, max_row), in row order,
    of a sheet opened normally (not read-only): what the table does not read.
    Only the cells that exist are looked at (iter_rows would create every empty
    cell up to the sheet's last one)."""
    for (row, col), cell in sorted(ws._cells.items()):
        if (row > max_row or col > max_col) and cell.value not in (None, ""):
            yield cell
