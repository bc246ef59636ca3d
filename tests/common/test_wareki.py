import datetime as dt

import pytest

from shinchoku.common import wareki


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("令和4年度までの取組実績", 2022),
        ("令和６年度当初予定", 2024),  # full-width digit
        ("令和元年度", 2019),
        ("平成31年度", 2019),
        ("平成元年度", 1989),
        ("昭和64年度", 1989),
    ],
)
def test_parse_fiscal_year(text, expected):
    assert wareki.parse_fiscal_year(text) == expected


def test_parse_fiscal_year_refuses_text_without_a_year():
    with pytest.raises(wareki.WarekiError, match="no fiscal year"):
        wareki.parse_fiscal_year("取組項目")


def test_find_fiscal_years_reads_a_period():
    assert wareki.find_fiscal_years("(令和3年度～令和6年度)") == [2021, 2024]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("資料1 令和6年2月2日", dt.date(2024, 2, 2)),
        ("令和３年４月１日現在", dt.date(2021, 4, 1)),
        ("令和元年5月1日", dt.date(2019, 5, 1)),
        ("平成31年4月30日", dt.date(2019, 4, 30)),
    ],
)
def test_parse_date(text, expected):
    assert wareki.parse_date(text) == expected


def test_parse_date_refuses_impossible_dates_and_month_only_text():
    with pytest.raises(wareki.WarekiError, match="impossible"):
        wareki.parse_date("令和6年2月30日")
    with pytest.raises(wareki.WarekiError):
        wareki.parse_date("令和5年1月から")


def test_short_forms_of_table_headers():
    assert wareki.parse_short("R5.3") == (2023, 3)
    assert wareki.parse_short("R3") == (2021, None)
    assert wareki.parse_short("Ｒ５．３") == (2023, 3)
    assert wareki.fiscal_year_short(2021) == "R3"
    assert wareki.short_month(2023, 3) == "R5.3"
    with pytest.raises(wareki.WarekiError):
        wareki.parse_short("RPA")


@pytest.mark.parametrize(
    ("fy", "label"),
    [
        (2024, "令和6年度"),
        (2019, "令和元年度"),
        (2018, "平成30年度"),
        (1989, "平成元年度"),
    ],
)
def test_fiscal_year_label(fy, label):
    assert wareki.fiscal_year_label(fy) == label


def test_display_shows_both_calendars():
    assert wareki.fiscal_year_display(2024) == "令和6年度 (2024)"


def test_date_label_and_fiscal_year_of_a_day():
    assert wareki.date_label(dt.date(2024, 2, 2)) == "令和6年2月2日"
    assert wareki.date_label(dt.date(2019, 4, 30)) == "平成31年4月30日"
    assert wareki.date_label(dt.date(2019, 5, 1)) == "令和元年5月1日"
    assert wareki.fiscal_year_of(dt.date(2024, 3, 31)) == 2023
    assert wareki.fiscal_year_of(dt.date(2024, 4, 1)) == 2024


def test_round_trip_for_every_fiscal_year_of_two_eras():
    for fy in range(1990, 2060):
        assert wareki.parse_fiscal_year(wareki.fiscal_year_label(fy)) == fy


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("令和6年度", 2024),
        ("令和６年度", 2024),
        ("令和 6 年度", 2024),
        ("令和6", 2024),
        ("R6", 2024),
        ("Ｒ６", 2024),
        ("r6年度", 2024),
        ("6", 2024),  # a bare small number is a 令和 year
        ("６", 2024),
        ("2024", 2024),
        ("２０２４", 2024),
        ("2024年度", 2024),
        ("令和元年度", 2019),
        ("平成30年度", 2018),
        ("H30", 2018),
    ],
)
def test_parse_fiscal_year_input(text, expected):
    assert wareki.parse_fiscal_year_input(text) == expected


@pytest.mark.parametrize("text", ["", "abc", "0", "123", "令和", "2024-03", "R"])
def test_parse_fiscal_year_input_refuses_what_is_no_year(text):
    with pytest.raises(wareki.WarekiError):
        wareki.parse_fiscal_year_input(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("令和5年3月", (2023, 3)),
        ("令和５年３月", (2023, 3)),
        ("R5.3", (2023, 3)),
        ("2023-03", (2023, 3)),
        ("2023/3", (2023, 3)),
        ("2023年3月", (2023, 3)),
        ("平成31年4月", (2019, 4)),
    ],
)
def test_parse_month_input(text, expected):
    assert wareki.parse_month_input(text) == expected


@pytest.mark.parametrize("text", ["令和5年", "2023-13", "2023", "三月"])
def test_parse_month_input_refuses_what_is_no_month(text):
    with pytest.raises(wareki.WarekiError):
        wareki.parse_month_input(text)


def test_month_label():
    assert wareki.month_label(2023, 3) == "令和5年3月"
    assert wareki.month_label(2019, 4) == "平成31年4月"
