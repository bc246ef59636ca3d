"""A table read from a file, before anyone says what its columns mean.

Every reader (XLSX, CSV, PDF) gives the same shape: sheets of rows of cells,
each cell knowing where it was (sheet, row, column), so that every message
about it can say so. Merged cells are spread over the cells they cover
(``Cell.anchor`` says where the value came from); hidden rows and columns are
left out and counted. Nothing here knows about plans: ``mapping`` says what the
columns mean and ``document`` builds the plan document.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from shinchoku.document.errors import ImportFormatError


def column_letter(col: int) -> str:
    """1 → A, 27 → AA (the way spreadsheets name columns)."""
    letters = ""
    while col > 0:
        col, rest = divmod(col - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def column_number(letter: str) -> int:
    """A → 1, AA → 27; ValueError for anything else."""
    letter = letter.strip().upper()
    if not letter or not letter.isascii() or not letter.isalpha():
        raise ValueError(f"not a column letter: {letter!r}")
    number = 0
    for ch in letter:
        number = number * 26 + ord(ch) - ord("A") + 1
    return number


@dataclass(frozen=True)
class Cell:
    """One cell as read: its text (line breaks inside a cell kept as ``\\n``)
    and its place in the source. ``row`` is the spreadsheet's row number, the
    CSV's line number, or the row of the table on a PDF page."""

    text: str
    row: int
    col: int
    # (row, col) of the merged range's first cell when this cell is covered
    # by a merge and carries a copy of its value; None for an ordinary cell.
    anchor: tuple[int, int] | None = None

    @property
    def ref(self) -> str:
        """The cell's name: C12."""
        return f"{column_letter(self.col)}{self.row}"

    @property
    def covered(self) -> bool:
        """A copy of a merged cell's value, not a value of its own."""
        return self.anchor is not None and self.anchor != (self.row, self.col)


@dataclass
class Sheet:
    """A worksheet, a CSV file or a PDF page: its visible rows, each as wide
    as the widest (missing cells are empty)."""

    name: str
    rows: list[list[Cell]] = field(default_factory=list)
    hidden_rows: list[int] = field(default_factory=list)
    hidden_cols: list[int] = field(default_factory=list)
    # What the reader noticed and passed over, said to the user after import.
    notes: list[str] = field(default_factory=list)

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)

    def texts(self, index: int) -> list[str]:
        """The texts of the index-th visible row (0-based)."""
        return [c.text for c in self.rows[index]]


@dataclass
class Table:
    """Everything read from one file."""

    source: str  # the file's name, for messages
    kind: str  # "xlsx", "csv" or "pdf"
    sheets: list[Sheet] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # For a PDF: how each text line of each cell was laid out, where a bullet
    # could not be told from a word joined with ・ (see tabular/pdf.py).
    ambiguities: list[str] = field(default_factory=list)

    def sheet(self, name: str | None) -> Sheet:
        if name is None:
            return self.sheets[0]
        for sheet in self.sheets:
            if sheet.name == name:
                return sheet
        raise TableError(
            f"no sheet named {name!r} (sheets: {', '.join(s.name for s in self.sheets)})",
            source=self.source,
        )


class TableError(ImportFormatError):
    """A table that cannot be read or mapped, naming the sheet, the row (a
    spreadsheet's row, a CSV's line, a PDF's page and row) and the cell."""

    def __init__(
        self,
        message: str,
        *,
        source: str = "",
        sheet: str | None = None,
        row: int | None = None,
        col: int | None = None,
    ):
        self.sheet = sheet
        self.row = row
        self.col = col
        super().__init__(message, source=source, line=row)
        where = [source] if source else []
        if sheet is not None:
            where.append(f"sheet {sheet}")
        if row is not None:
            where.append(f"row {row}")
        if col is not None:
            ref = (
                f"{column_letter(col)}{row}" if row is not None else column_letter(col)
            )
            where.append(f"cell {ref}")
        self.args = (f"{', '.join(where)}: {message}" if where else message,)

    def __str__(self) -> str:
        return str(self.args[0])

    @classmethod
    def at(cls, message: str, *, source: str, sheet: Sheet, cell: Cell) -> TableError:
        return cls(message, source=source, sheet=sheet.name, row=cell.row, col=cell.col)
