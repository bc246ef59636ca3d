"""The 年度 and month fields every staff form uses: what people type, in
either calendar and either width, and what the field shows back."""

import pytest
from django import forms
from django.utils import translation

from shinchoku.common.forms import FiscalYearField, MonthField


class YearForm(forms.Form):
    fy = FiscalYearField(label="年度")
    month = MonthField(label="時点", required=False)


@pytest.mark.parametrize(
    "typed", ["令和6年度", "令和６年度", "R6", "Ｒ６", "6", "６", "2024", "２０２４"]
)
def test_fiscal_year_field_accepts_both_calendars(typed):
    form = YearForm({"fy": typed})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["fy"] == 2024


def test_fiscal_year_field_shows_wareki():
    assert 'value="令和6年度"' in str(YearForm(initial={"fy": 2024})["fy"])
    # A bound form shows a Western number back in 和暦, anything else as typed.
    assert 'value="令和6年度"' in str(YearForm({"fy": "2024"})["fy"])
    assert 'value="R6"' in str(YearForm({"fy": "R6"})["fy"])


def test_fiscal_year_field_says_what_it_expects_in_japanese():
    with translation.override("ja"):
        form = YearForm({"fy": "来年"})
        assert not form.is_valid()
        assert "令和6年度" in form.errors["fy"][0]
        assert form.errors["fy"][0].isascii() is False
        out_of_range = YearForm({"fy": "1800"})
        assert not out_of_range.is_valid()


@pytest.mark.parametrize("typed", ["令和5年3月", "R5.3", "2023-03", "２０２３年３月"])
def test_month_field_cleans_to_the_stored_form(typed):
    form = YearForm({"fy": "R6", "month": typed})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["month"] == "2023-03"


def test_month_field_shows_wareki_and_refuses_nonsense():
    assert 'value="令和5年3月"' in str(YearForm(initial={"month": "2023-03"})["month"])
    assert not YearForm({"fy": "R6", "month": "2023-13"}).is_valid()


def test_a_fiscal_year_before_showa_is_refused_and_shown_as_typed() -> None:
    """和暦 is written from 昭和: 1900 is out of range, not a server error when
    the form is shown again with it."""

    class Form(forms.Form):
        fiscal_year = FiscalYearField()

    form = Form(data={"fiscal_year": "1900"})
    assert not form.is_valid()
    assert "1900" in form.errors["fiscal_year"][0]
    assert 'value="1900"' in str(form["fiscal_year"])
    assert Form(data={"fiscal_year": "1926"}).is_valid()
