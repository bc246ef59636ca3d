"""Input formats, one module each, chosen by name or by sniffing the file."""

from __future__ import annotations

from types import ModuleType

from shinchoku.document.errors import ImportFormatError
from shinchoku.document.model import ParsedPlan
from shinchoku.imports.formats import interchange_json, records_csv, seed_table, table
from shinchoku.imports.formats.base import ParseOptions, refuse_non_text

# Sniffed in this order: records.csv before a table (both may be CSV), the
# tab-separated committee table before a table of another layout.
FORMATS: dict[str, ModuleType] = {
    m.name: m for m in (interchange_json, records_csv, seed_table, table)
}


def _is_binary_table(data: bytes) -> bool:
    return data.startswith(b"PK\x03\x04") or data[:1024].lstrip().startswith(b"%PDF-")


def detect(data: bytes, filename: str) -> ModuleType:
    for module in FORMATS.values():
        if module.sniff(data, filename):
            return module
    raise ImportFormatError(
        "unknown layout: neither Shinchoku JSON, records.csv, a tab-separated "
        "committee table nor a table (XLSX, CSV, PDF)",
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
    elif options is not None and options.mapping is not None:
        module = table  # a mapping says what the table's columns mean
    elif _is_binary_table(data):
        module = table
    else:
        refuse_non_text(data, source=source)
        module = detect(data, source)
    return module.parse(data, source=source, options=options)


__all__ = ["FORMATS", "ParseOptions", "detect", "parse"]
