"""Tables of any layout: an XLSX workbook, a CSV file or a PDF (imports.tabular
reads them cell by cell). Without a mapping only Shinchoku's own layouts
import: the committee report (XLSX, PDF, LibreOffice's PDF of the XLSX) and
the blank template (``shinchoku export --format template``); any other
layout needs the mapping of its columns (``shinchoku import FILE
--suggest-mapping`` prints the suggested one, ``--mapping FILE`` uses it)."""

from __future__ import annotations

from pathlib import PurePath

from shinchoku.document.model import ParsedPlan
from shinchoku.imports.formats.base import ParseOptions

name = "table"
label = "A table of any layout (XLSX, CSV, PDF) with a column mapping"


def sniff(data: bytes, filename: str) -> bool:
    if data.startswith(b"PK\x03\x04") or data.lstrip()[:1024].find(b"%PDF-") >= 0:
        return True
    return PurePath(filename).suffix.lower() in (".csv", ".xlsx", ".pdf")


def parse(
    data: bytes, *, source: str, options: ParseOptions | None = None
) -> ParsedPlan:
    # Imported here: openpyxl and pdfplumber load only when a table is read.
    from shinchoku.imports import tabular, template
    from shinchoku.imports.formats import report_table

    options = options or ParseOptions()
    mapping = options.mapping
    words = tuple(mapping.joined_words) if mapping else ()
    table = tabular.read_table(data, source, joined_words=words)
    if report_table.matches(table):
        return report_table.parse(table, source=source, options=options)
    if mapping is None:
        mapping = template.mapping_for(table)
    if mapping is None:
        raise tabular.TableError(
            "a table of another layout needs the mapping of its columns: "
            "`shinchoku import FILE --suggest-mapping > mapping.json` writes the "
            "suggested one; check it, then `shinchoku import FILE --mapping mapping.json`",
            source=source,
        )
    return tabular.to_document(
        table,
        mapping,
        municipality_code=options.municipality_code,
        municipality_name=options.municipality_name,
    )
