"""Template filters for 和暦 and bullets."""

from django import template
from django.utils.translation import get_language

from shinchoku.common import wareki

register = template.Library()


@register.filter
def fy(value: int | None) -> str:
    """2024 → '令和6年度 (2024)' in Japanese, 'FY2024 (令和6年度)' otherwise."""
    if value in (None, ""):
        return ""
    value = int(value)
    if (get_language() or "ja").startswith("ja"):
        return wareki.fiscal_year_display(value)
    return f"FY{value} ({wareki.fiscal_year_label(value)})"


@register.filter
def wareki_date(value) -> str:
    """date(2024, 2, 2) → '令和6年2月2日 (2024-02-02)'."""
    if not value:
        return ""
    return f"{wareki.date_label(value)} ({value.isoformat()})"
