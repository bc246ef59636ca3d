"""What every input format provides: sniff the bytes, decode them into the plan
document (shinchoku.document), or raise its ImportFormatError."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from shinchoku.document.errors import ImportFormatError
from shinchoku.document.model import ParsedPlan

if TYPE_CHECKING:
    from shinchoku.imports.tabular.mapping import Mapping


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
    # The plan period, for files that do not state it (records.csv).
    first_fy: int = 0
    last_fy: int = 0
    # What the columns of a table of another layout mean (imports.tabular).
    mapping: Mapping | None = None


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
