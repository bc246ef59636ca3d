"""Values as people type them, turned into what is stored: bullets and numbers."""

from __future__ import annotations

import math
import unicodedata


def clean_bullets(items: list[str] | tuple[str, ...]) -> list[str]:
    """Bullets as stored: plain text on one line, no leading "・", none empty."""
    out = []
    for item in items:
        text = " ".join(str(item).split()).lstrip("・").strip()
        if text:
            out.append(text)
    return out


def bullets_from_text(text: str | None) -> list[str]:
    """A text box or spreadsheet cell, one bullet per line."""
    return clean_bullets((text or "").splitlines())


def parse_number(value) -> int | float | None:
    """A KPI value typed by a person: a number, or text that is one (full-width
    digits and thousands separators allowed); empty is None. Anything else
    raises ValueError."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, int | float):
        number = float(value)
    else:
        text = unicodedata.normalize("NFKC", str(value)).strip().replace(",", "")
        if not text:
            return None
        number = float(text)
    if not math.isfinite(number):
        raise ValueError(value)
    return int(number) if number.is_integer() else number
