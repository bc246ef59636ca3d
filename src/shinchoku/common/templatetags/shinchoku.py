"""Template filters for 和暦 and bullets."""

from django import template
from django.utils import timezone
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


@register.filter
def wareki_datetime(value) -> str:
    """A moment as 令和8年11月30日 14:05, in the site's time zone (JST)."""
    if not value:
        return ""
    return wareki.datetime_label(timezone.localtime(value))


@register.filter
def num(value) -> str:
    """73.7 → '73.7', 90.0 → '90', 1000 → '1,000'."""
    if value is None or value == "":
        return ""
    value = float(value)
    if value.is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


@register.filter
def percent(value) -> str:
    """0.412 → '41.2%'."""
    if value is None or value == "":
        return ""
    return f"{float(value) * 100:.1f}%"


@register.filter
def get(mapping, key):
    """{{ labels|get:code }}: a dict lookup with a variable key."""
    try:
        return mapping.get(key, "")
    except AttributeError:
        return ""
