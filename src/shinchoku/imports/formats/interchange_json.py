"""Shinchoku's interchange JSON ("format": "shinchoku/1") as an input format:
the bytes decoded as JSON, then read (and checked) by shinchoku.document.interchange,
which also writes it."""

from __future__ import annotations

import json

from shinchoku.document import interchange
from shinchoku.document.errors import ImportFormatError
from shinchoku.document.model import ParsedPlan
from shinchoku.imports.formats.base import ParseOptions, decode_text

name = "json"
label = "Shinchoku interchange JSON (shinchoku/1)"


def sniff(data: bytes, filename: str) -> bool:
    return data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{")


def parse(
    data: bytes, *, source: str, options: ParseOptions | None = None
) -> ParsedPlan:
    text = decode_text(data, source=source)
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportFormatError(
            f"not valid JSON: {exc.msg}", source=source, line=exc.lineno
        ) from None
    except ValueError as exc:  # e.g. a number of more than 4,300 digits
        raise ImportFormatError(f"not valid JSON: {exc}", source=source) from None
    except RecursionError:
        raise ImportFormatError(
            "not valid JSON: nested too deeply", source=source
        ) from None
    return interchange.load(doc, source=source, clean=True)
