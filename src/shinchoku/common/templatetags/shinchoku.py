"""Template filters for 和暦 and bullets."""

import datetime as dt

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
def fy_label(value: int | None) -> str:
    """2024 → '令和6年度': what a 年度 field shows (common.forms.FiscalYearField)."""
    if value in (None, ""):
        return ""
    return wareki.fiscal_year_label(int(value))


@register.filter
def wareki_date(value, western: str = "with") -> str:
    """date(2024, 2, 2) → '令和6年2月2日 (2024-02-02)'; `|wareki_date:"only"` →
    '令和6年2月2日'. A datetime is shown as its date in the site's time zone."""
    if not value:
        return ""
    if isinstance(value, dt.datetime):
        value = (
            timezone.localtime(value).date()
            if timezone.is_aware(value)
            else value.date()
        )
    if western == "only":
        return wareki.date_label(value)
    return f"{wareki.date_label(value)} ({value.isoformat()})"


@register.filter
def wareki_datetime(value) -> str:
    """An aware datetime in the site's time zone (JST): '令和8年11月30日 11:58'."""
    if not value:
        return ""
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    return wareki.datetime_label(local)


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


@register.filter
def messages_at(messages, where: str = "") -> list:
    """The messages to show at one place of a page: `messages|messages_at:"grades"`
    those a view tagged "grades" (shown beside the form that was sent, where the
    redirect's #grades lands), `messages|messages_at` the others (the top)."""
    return [m for m in messages if (m.extra_tags or "") == (where or "")]
