"""The last look at a name (kpi_statements/settle.py), on invented statements of
the shapes fresh rounds were first read with wrong names: a value or a row's
cells left in the name, an adverb or a clause in front of the value, the city
that sets the goal, an office."""

from __future__ import annotations

import pytest

from shinchoku.plans.kpi_statements import extract_statement


def _read(text: str) -> list[tuple[str, float | None]]:
    return [(f.name, f.target) for f in extract_statement(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the measure named before an adverb and the rate per year
        (
            "本市の二酸化炭素排出量については、長期的に見て平均して年2%削減を目指す",
            [("本市の二酸化炭素排出量", 2.0)],
        ),
        # the city is who aims, the population what it aims at
        ("村では将来的に人口3,500人を維持することを目標とします", [("人口", 3500.0)]),
        # a row's yearly cells run into its name
        ("移住相談件数件 12 24 36 48 60 目標値", [("移住相談件数", 60.0)]),
        # the actual cell and its bar before the goal
        ("○利用者数 850人 / 目標 1,200人", [("利用者数", 1200.0)]),
        # a quoted name loses its quotes, keeps its words
        (
            "「図書館来館者数」を令和9年度までに15万人とすることを目標とします",
            [("図書館来館者数", 150000.0)],
        ),
    ],
)
def test_a_name_is_the_measure(text: str, expected: list) -> None:
    assert _read(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # an office and a goal with no measure named: nothing, not '企画課'
        "企画課 令和10年度までに60%以上を目指す",
        # an adverb with no measure anywhere before the value
        "長期的には30%以上を目指します",
    ],
)
def test_no_measure_no_indicator(text: str) -> None:
    assert _read(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # names of the corpus's shapes the checks must leave alone
        ("正職員の定数上限を令和8年度までに480人とする", "正職員の定数上限"),
        (
            "観光入込客数を令和9年度に年間120万人とすることを目指す",
            "観光入込客数",
        ),
        (
            "管理的地位にある職員(課長級以上)に占める女性割合を令和7年度までに30%とする",
            "管理的地位にある職員(課長級以上)に占める女性割合",
        ),
        ("温室効果ガスを2030年度までに46%削減する", "温室効果ガス"),
    ],
)
def test_good_names_are_kept(text: str, name: str) -> None:
    assert [n for n, _ in _read(text)] == [name]


def test_no_labelled_name_is_trimmed_or_refused() -> None:
    """The shapes the last look trims or refuses are none of the 600-odd names
    labelled by hand in the dev corpus."""
    from shinchoku.plans.kpi_statements.settle import _trimmed
    from tests.plans.kpi_corpus import DEV, load

    names = [i["name"] for row in load(DEV) for i in row["indicators"]]
    assert len(names) > 600
    assert [n for n in names if _trimmed(n) != n] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("成果指標:相談できる人がいない若者の割合 - 現状値:若者 2.2% - 目標:0%", []),
        ("人件費の総額については、全体として毎年度1%程度の伸びに抑制するこ", []),
    ],
)
def test_cells_and_verbs_are_no_names(text: str, expected: list) -> None:
    assert [n for n, _ in _read(text) if "若者 2" in n or n.endswith("こ")] == expected


@pytest.mark.parametrize(
    "text",
    [
        "一般職員数は1,210人から1,480人に増加しました。",
        "観光入込客数は120万人から98万人に減少しております。",
        "一般職員数は1,210人から1,480人に増加する見込みです。",
        "転入者数は令和7年度に1,480人となる見込みです。",
    ],
)
def test_changes_told_and_expected_are_no_goal(text: str) -> None:
    assert _read(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a month is no name: the measure the sentence named before it is
        (
            "本市では職員数の目標が定められており、令和8年4月には目標520名とする。",
            [("職員数", 520.0)],
        ),
        # cells one above the other, read down, in a line naming a goal
        ("■目標人口 2020年 14,700人 ↓ 2035年 12,000人", [("人口", 12000.0)]),
    ],
)
def test_names_and_readings_of_round_21_shapes(text: str, expected: list) -> None:
    assert _read(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "この場合、高齢化率は29.5%程度に抑えられる想定です。",
        "平成18年度から10年間で職員数を25%以上削減することを目標として取り組んできました。",
        "人口の将来展望 30 年後⇒4,300 人 50 年後⇒3,800 人",
        "1人1日990g ↓ 令和4年度実績 1人1日975g",
    ],
)
def test_projections_past_goals_and_outlooks_are_no_goal(text: str) -> None:
    assert _read(text) == []


def test_chained_arrows_give_stages_and_the_last_target() -> None:
    (f,) = extract_statement(
        "①合計特殊出生率 1.36(現在)➠1.60(2020) ➠1.80(2030)➠2.07(2040)(目標)"
    )
    assert (f.target, f.baseline, f.deadline_fy) == (2.07, 1.36, 2040)
    assert f.targets == {2020: 1.6, 2030: 1.8, 2040: 2.07}


def test_a_population_kept_at_a_level_named_after_its_value() -> None:
    (f,) = extract_statement(
        "減少を4割程度に留め、2060年には5,000人程度の人口を維持することを目指します。"
    )
    assert (f.name, f.target, f.comparator, f.deadline_fy) == (
        "人口",
        5000,
        "維持",
        2060,
    )


def test_the_goal_noun_names_a_value_after_a_difference() -> None:
    (f,) = extract_statement(
        "計画最終年の30年の目標人口は、人口減少を前提に現在より2000人ほど少ない2万4500人と設定。"
    )
    assert (f.name, f.target) == ("人口", 24500)


def test_the_measure_a_goal_was_set_on() -> None:
    (f,) = extract_statement(
        "施策「地域で子育てを支える」の中では、子育てに喜びを感じる親の割合で数値目標を"
        "設定しており、令和8年度は95%を掲げた。"
    )
    assert (f.name, f.target, f.deadline_fy) == (
        "子育てに喜びを感じる親の割合",
        95,
        2026,
    )


def test_a_level_reached_by_a_cut_from_a_count() -> None:
    (f,) = extract_statement(
        "令和2年4月1日現在の職員数520人に対して約5%の26人削減し、令和7年4月1日現在で"
        "494人とします。"
    )
    assert (f.name, f.target, f.baseline) == ("職員数", 494, 520)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "【基本目標3:出会いのあるまち】 観光入込客数 年間80万人の確保",
            [("観光入込客数", 800000.0)],
        ),
        (
            "【基本目標1:ふるさとになるまち】 転入者数 毎年地域で新たに50人の確保",
            [("転入者数", 50.0)],
        ),
    ],
)
def test_a_count_secured_every_year(text: str, expected: list) -> None:
    assert _read(text) == expected


def test_a_past_plans_goal_told_as_history_is_no_goal() -> None:
    assert _read("第3次計画は、5年間で職員数を420人(▲2.0%)とするものでした。") == []


def test_the_final_goal_in_parentheses_is_the_target() -> None:
    (f,) = extract_statement(
        "【基本目標2:家族と暮らすまち】 出生数 毎年60人の確保(最終目標75人)"
    )
    assert (f.name, f.target) == ("出生数", 75)
