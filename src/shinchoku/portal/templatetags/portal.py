"""Template helpers of the public pages: search highlighting, field labels and
indicators of any shape."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.safestring import SafeString

from shinchoku.portal import folding
from shinchoku.portal.search import FIELD_LABELS

register = template.Library()

# Keys an indicator's title may be under (KPI extraction owns the shape).
KPI_TITLE_KEYS = ("name", "label", "title", "text")


@register.filter
def highlight(text: str, terms: list[str]) -> SafeString:
    """Escape text and wrap each search term in <mark>."""
    return folding.highlight(str(text), terms or [])


@register.filter
def field_label(field: str) -> str:
    return str(FIELD_LABELS.get(field, field))


@register.filter
def kpi_title(kpi: dict[str, Any]) -> str:
    for key in KPI_TITLE_KEYS:
        if isinstance(kpi.get(key), str) and kpi[key]:
            return kpi[key]
    return ""


@register.filter
def kpi_details(kpi: dict[str, Any]) -> list[tuple[str, str]]:
    """The indicator's other fields as (key, text) pairs; nested values are
    flattened to 'key: value' lists."""
    title_key = next((k for k in KPI_TITLE_KEYS if kpi.get(k) == kpi_title(kpi)), None)
    pairs = []
    for key, value in kpi.items():
        if key == title_key or value in (None, "", [], {}):
            continue
        if isinstance(value, dict):
            text = ", ".join(f"{k}: {v}" for k, v in value.items())
        elif isinstance(value, list):
            text = ", ".join(str(v) for v in value)
        else:
            text = str(value)
        pairs.append((key, text))
    return pairs


@register.filter
def download_url(pe, name: str) -> str:
    return pe.download_url(name)
