"""What every input format provides, and the error they all raise."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from shinchoku.imports.parsed import ParsedPlan


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


class InputFormat(Protocol):
    name: str
    label: str

    def sniff(self, data: bytes, filename: str) -> bool:
        """Whether data looks like this format (cheap, never raises)."""

    def parse(self, data: bytes, *, source: str, options: ParseOptions) -> ParsedPlan:
        """Parse the whole file or raise ImportFormatError; never touches the database."""


@dataclass(frozen=True)
class ParseOptions:
    """Facts a file may not state itself (the seed's table has no area code)."""

    municipality_code: str = ""
    municipality_name: str = ""


def refuse_non_text(data: bytes, *, source: str) -> None:
    """Empty and binary files get their own message before any format is tried."""
    if not data.strip():
        raise ImportFormatError("the file is empty", source=source)
    if b"\x00" in data:
        raise ImportFormatError(
            "this is a binary file, not a text file (it contains NUL bytes)",
            source=source,
        )


def decode_text(data: bytes, *, source: str) -> str:
    """UTF-8 (with or without BOM) or Shift_JIS/CP932, as city PCs write them."""
    refuse_non_text(data, source=source)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as utf8_error:
        try:
            return data.decode("cp932")
        except UnicodeDecodeError:
            line = data[: utf8_error.start].count(b"\n") + 1
            raise ImportFormatError(
                "the text is neither UTF-8 nor Shift_JIS (CP932) "
                f"(undecodable byte 0x{data[utf8_error.start]:02x})",
                source=source,
                line=line,
            ) from None
