"""The one error of a document that cannot be read: a file being imported, or a
frozen snapshot that does not hold what it should."""

from __future__ import annotations


class ImportFormatError(ValueError):
    """A file that cannot be imported. The message names the file, the line (or
    field) and what is wrong, so a clerk can fix the file without reading code."""

    def __init__(self, message: str, *, source: str = "", line: int | None = None):
        self.source = source
        self.line = line
        self.detail = message
        where = ", ".join(
            part
            for part in (source, f"line {line}" if line is not None else "")
            if part
        )
        super().__init__(f"{where}: {message}" if where else message)
