"""read_table: the bytes of an XLSX, CSV or PDF file as a Table."""

from __future__ import annotations

from pathlib import PurePath

from shinchoku.imports.tabular.model import Table, TableError

XLSX_MAGIC = b"PK\x03\x04"
PDF_MAGIC = b"%PDF-"


def kind_of(data: bytes, filename: str) -> str:
    """'xlsx', 'pdf' or 'csv', by the file's first bytes (its name only
    decides between a damaged file and text)."""
    suffix = PurePath(filename).suffix.lower()
    if data.startswith(XLSX_MAGIC) or suffix in (".xlsx", ".xlsm"):
        return "xlsx"
    if data.lstrip()[:1024].find(PDF_MAGIC) >= 0 or suffix == ".pdf":
        return "pdf"
    return "csv"


def read_table(
    data: bytes, filename: str, *, joined_words: tuple[str, ...] = ()
) -> Table:
    """Read a table file; TableError (an ImportFormatError) naming the file,
    sheet, row and cell when it cannot be read. ``joined_words`` (a PDF only):
    words joined by ・ that a line may wrap before the ・ (導入・維持管理),
    so that the ・ is not read as a new bullet (see tabular/pdf.py)."""
    if not data.strip():
        raise TableError("the file is empty", source=filename)
    kind = kind_of(data, filename)
    if kind == "xlsx":
        from shinchoku.imports.tabular import xlsx

        return xlsx.read(data, source=filename)
    if kind == "pdf":
        from shinchoku.imports.tabular import pdf

        return pdf.read(data, source=filename, joined_words=joined_words)
    from shinchoku.imports.tabular import csv

    return csv.read(data, source=filename)
