"""Tables of any layout (XLSX, CSV, PDF) read, mapped and turned into the
plan document. docs/tables.md describes the API; in short::

    table = read_table(data, "progress.xlsx")     # sheets → rows → cells
    mapping = suggest_mapping(table)              # from the header's words
    mapping = Mapping.from_json(saved)            # or the office's own
    document = to_document(table, mapping)        # shinchoku.document.ParsedPlan

Every error is a TableError (an ImportFormatError) naming the file, sheet, row
and cell. Nothing here writes: importing the document is
imports.services.plan_import.
"""

from shinchoku.imports.tabular.document import (
    TableDocument,
    cell_items,
    read_document,
    to_document,
)
from shinchoku.imports.tabular.mapping import (
    ROLES,
    YEAR_FIELDS,
    Mapping,
    YearColumn,
    find_header,
    suggest_mapping,
)
from shinchoku.imports.tabular.model import Cell, Sheet, Table, TableError
from shinchoku.imports.tabular.read import kind_of, read_table

__all__ = [
    "ROLES",
    "YEAR_FIELDS",
    "Cell",
    "Mapping",
    "Sheet",
    "Table",
    "TableDocument",
    "TableError",
    "YearColumn",
    "cell_items",
    "find_header",
    "kind_of",
    "read_document",
    "read_table",
    "suggest_mapping",
    "to_document",
]
