"""Form fields every form of Shinchoku builds on."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from shinchoku.common import wareki
from shinchoku.common.text import ControlCharacterError, clean_input


class TextField(forms.CharField):
    """A CharField whose text passed common.text.clean_input: a control
    character is a form error naming it, never a database error."""

    def to_python(self, value):
        value = super().to_python(value)
        try:
            return clean_input(value)
        except ControlCharacterError as exc:
            raise ValidationError(str(exc), code="control_character") from None


class FiscalYearField(forms.Field):
    """A 年度 as people write it: 令和6年度, R6, ６ (a 令和 year), 2024 — full-width
    or not. Cleans to the Western fiscal year (2024) and shows 令和6年度."""

    widget = forms.TextInput(attrs={"autocomplete": "off", "size": 12})
    default_error_messages = {
        "invalid": _("Enter a fiscal year such as 令和6年度, R6 or 2024."),
        "range": _("%(value)s is outside the years this system handles."),
    }

    def __init__(self, *, min_value: int = 1926, max_value: int = 2200, **kwargs):
        self.min_value, self.max_value = min_value, max_value
        kwargs.setdefault(
            "help_text", _("令和6年度, R6, 6 or 2024 — full-width digits are fine.")
        )
        super().__init__(**kwargs)

    def prepare_value(self, value):
        year = value if isinstance(value, int) else _as_year(value)
        return wareki.fiscal_year_label(year) if year else value

    def to_python(self, value):
        if value in self.empty_values or (isinstance(value, str) and not value.strip()):
            return None
        if isinstance(value, int):
            year = value
        else:
            try:
                year = wareki.parse_fiscal_year_input(str(value))
            except wareki.WarekiError:
                raise ValidationError(
                    self.error_messages["invalid"], code="invalid"
                ) from None
        if not self.min_value <= year <= self.max_value:
            raise ValidationError(
                self.error_messages["range"], code="range", params={"value": year}
            )
        return year


def _as_year(value) -> int | None:
    """An integer year from a bound value that is already one ('2024'), so the
    field shows it in 和暦; anything else is shown as typed."""
    if isinstance(value, str) and value.isascii() and value.isdigit():
        year = int(value)
        return year if 1926 <= year <= 2200 else None
    return None


class MonthField(forms.Field):
    """A month as people write it: 令和5年3月, R5.3, 2023-03. Cleans to
    'YYYY-MM' (the form plan documents store) and shows 令和5年3月."""

    widget = forms.TextInput(attrs={"autocomplete": "off", "size": 12})
    default_error_messages = {
        "invalid": _("Enter a month such as 令和5年3月, R5.3 or 2023-03."),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", _("令和5年3月, R5.3 or 2023-03."))
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, str) and len(value) == 7 and value[4] == "-":
            try:
                return wareki.month_label(int(value[:4]), int(value[5:]))
            except (ValueError, wareki.WarekiError):
                return value
        return value

    def to_python(self, value):
        if value in self.empty_values or not str(value).strip():
            return ""
        try:
            year, month = wareki.parse_month_input(str(value))
        except wareki.WarekiError:
            raise ValidationError(
                self.error_messages["invalid"], code="invalid"
            ) from None
        return f"{year:04d}-{month:02d}"
