"""A row under a header of years some of which are labelled
(kpi_statements/table_year_labels.py): the value under 目標 is the target,
under 基準 (else 現状) the starting value, dated by its year; without a 目標
column, or with a value short, the row is read as results."""

from __future__ import annotations

import datetime as dt

import pytest

from shinchoku.plans.kpi_statements import extract_statement


def test_the_columns_give_the_roles_and_the_dates() -> None:
    (f,) = extract_statement(
        "数値目標① 婚姻率 平成 25 (基準値) 平成 27 平成 28 (現状値) 平成 31 (目標値) "
        "5.5‰ 5.4‰ 5.0‰ 5.9‰"
    )
    assert (f.name, f.target, f.unit, f.baseline) == ("婚姻率", 5.9, "‰", 5.5)
    assert f.baseline_date == dt.date(2013, 12, 31)  # a bare year is a calendar year
    assert f.deadline_fy == 2019


def test_fiscal_years_and_the_present_value_as_start() -> None:
    (f,) = extract_statement(
        "観光入込客数 令和2年度(現状値) 令和5年度 令和7年度(目標値) 120万人 98万人 150万人"
    )
    assert (f.target, f.baseline) == (1500000, 1200000)
    assert f.baseline_date == dt.date(2021, 3, 31)
    assert f.deadline_fy == 2025


@pytest.mark.parametrize(
    "text",
    [
        # no column is a goal: a table of results
        "観光入込客数 令和2年度(実績値) 令和5年度(実績値) 120万人 98万人",
        "婚姻率 平成 25 平成 27 平成 28 平成 31 5.5‰ 5.4‰ 5.0‰ 5.9‰",
    ],
)
def test_results_by_year_are_no_target(text: str) -> None:
    assert extract_statement(text) == []


def test_a_value_short_of_the_years_is_not_read_by_column() -> None:
    found = extract_statement(
        "婚姻率 平成 25 (基準値) 平成 27 平成 28 (現状値) 平成 31 (目標値) 5.5‰ 5.4‰ 5.9‰"
    )
    assert all(f.target != 5.4 and f.baseline != 5.4 for f in found)
