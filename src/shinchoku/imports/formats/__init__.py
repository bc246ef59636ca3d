"""Input formats, one module each, chosen by name or by sniffing the file."""

from __future__ import annotations

from types import ModuleType

from shinchoku.document.errors import ImportFormatError
from shinchoku.document.model import ParsedPlan
from shinchoku.imports.formats import interchange_json, seed_table
from shinchoku.imports.formats.base import ParseOptions, refuse_non_text

FORMATS: dict[str, ModuleType] = {m.name: m for m in (interchange_json, seed_table)}


def detect(data: bytes, filename: str) -> ModuleType:
    for module in FORMATS.values():
        if module.sniff(data, filename):
            return module
    raise ImportFormatError(
        "unknown layout: neither Shinchoku JSON nor a tab-separated committee table",
        source=filename,
    )


def parse(
    data: bytes,
    *,
    source: str,
    fmt: str | None = None,
    options: ParseOptions | None = None,
) -> ParsedPlan:
    if fmt is not None:
        try:
            module = FORMATS[fmt]
        except KeyError:
            raise ImportFormatError(
                f"unknown format {fmt!r} (known: {', '.join(FORMATS)})", source=source
            ) from None
    else:
        refuse_non_text(data, source=source)
        module = detect(data, source)
    return module.parse(data, source=source, options=options)


__all__ = ["FORMATS", "ParseOptions", "detect", "parse"]
