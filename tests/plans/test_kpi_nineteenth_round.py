"""Forms of dev round 19 (k2200…, climate plans mostly) as other cities write
them, written for these tests (not from the corpus), with near-misses of each
form that state no target."""

from __future__ import annotations

import pytest

from shinchoku.plans.kpi_statements import extract_statement

_KEYS = ("name", "unit", "target", "direction", "change", "deadline_fy")


def _got(text: str) -> list[dict]:
    return [f.to_dict() for f in extract_statement(text)]


def _one(text: str) -> dict:
    (got,) = _got(text)
    return got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a heading naming a gas with a digit ('CO2'), the cut after it
            "CO2排出量削減目標 2030年度までに2013年度比で46%削減",
            {"name": "CO2排出量", "target": 46, "deadline_fy": 2030, "change": True},
        ),
        (
            "■CH4排出量の削減目標 2035年度までに基準年度比で20%削減",
            {"name": "CH4排出量", "target": 20, "deadline_fy": 2035, "change": True},
        ),
        (  # the share before the gas it cuts: 'N%以上のXを削減します'
            "令和10年度(2028年度)までに基準年度比25%以上の温室効果ガスを削減します。",
            {
                "name": "温室効果ガス",
                "target": 25,
                "comparator": "以上",
                "direction": "lower",
                "change": True,
                "deadline_fy": 2028,
            },
        ),
        (
            "2030年度までに40%の二酸化炭素排出量を削減する。",
            {"name": "二酸化炭素排出量", "target": 40, "change": True},
        ),
    ],
)
def test_cuts_named_by_their_gas(text: str, expected: dict) -> None:
    got = _one(text)
    assert {k: got[k] for k in expected} == expected


@pytest.mark.parametrize(
    "text",
    [
        # the cut happened: a result
        "令和2年度までに基準年度比18%の温室効果ガスを削減しました。",
        "2020年度までに30%の温室効果ガスを削減することができた。",
        "CO2排出量削減実績 2020年度は2013年度比で12%削減",
    ],
)
def test_cuts_stating_no_target(text: str) -> None:
    assert _got(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a footnote mark inside the name
            "本計画において、審議会等(*2)における女性委員の割合を5割以上と目標設定し、"
            "登用を進めます。",
            {"name": "審議会等における女性委員の割合", "target": 50},
        ),
        (  # a goal named by its role ('…である目標値'): the clause's topic names it
            "市内事業所への就職率は48.0%で、総合計画の成果指標である目標値60%は"
            "達成できませんでした。",
            {"name": "市内事業所への就職率", "target": 60},
        ),
        (  # a goal scoped by the plan's period: the topic names it
            "市内高校から本学への進学者数については、目標値として、計画期間の5年間の"
            "累計200人を掲げています。",
            {
                "name": "市内高校から本学への進学者数",
                "target": 200,
                "per": "cumulative",
            },
        ),
    ],
)
def test_goals_named_by_their_topic(text: str, expected: dict) -> None:
    got = _one(text)
    assert {k: got[k] for k in expected} == expected


@pytest.mark.parametrize(
    "text",
    [
        "市内事業所への就職率は48.0%で、前年度を2.1ポイント上回りました。",
        "市内高校から本学への進学者数については、3年間の合計が76人の実績となっております。",
    ],
)
def test_topics_stating_no_target(text: str) -> None:
    assert _got(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a heading of cuts by part, a dash before each item
            "部門別の削減目標 - 産業部門 38% - 家庭部門 66% - 運輸部門 35%",
            [("産業部門", 38, True), ("家庭部門", 66, True), ("運輸部門", 35, True)],
        ),
        (
            "目標 - 観光客数 120万人 - 宿泊者数 30万人",
            [("観光客数", 1200000, False), ("宿泊者数", 300000, False)],
        ),
    ],
)
def test_headed_items(text: str, expected: list) -> None:
    assert [(g["name"], g["target"], g["change"]) for g in _got(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # stages run together, no comma
            "男女共同参画プランにおいて、審議会等の女性委員比率2026年度38%2031年度"
            "42%を目標に登用を進めます。",
            ("審議会等の女性委員比率", 42, 2031, {"2026": 38, "2031": 42}),
        ),
        (
            "管理職に占める女性の割合を2025年度15%、2030年度20%を目指します。",
            ("管理職に占める女性の割合", 20, 2030, {"2025": 15, "2030": 20}),
        ),
    ],
)
def test_dated_stages(text: str, expected: tuple) -> None:
    (got,) = _got(text)
    assert (got["name"], got["target"], got["deadline_fy"], got["targets"]) == expected


@pytest.mark.parametrize(
    "text",
    [
        "部門別の削減実績 - 産業部門 38% - 家庭部門 66%",  # results by part
        "女性委員比率は2020年度30%、2022年度32%と推移しています。",  # a series
        "女性委員比率は2020年度30%、2022年度32%となりました。",
    ],
)
def test_items_and_stages_stating_no_target(text: str) -> None:
    assert _got(text) == []


def test_a_quoted_zero_declared() -> None:
    got = _one(
        "町長は、県内で初めて「2050年までに温室効果ガス排出量実質ゼロ」を宣言した。"
    )
    assert (got["name"], got["target"], got["deadline_fy"], got["direction"]) == (
        "温室効果ガス排出量",
        0,
        2050,
        "lower",
    )


@pytest.mark.parametrize(
    "text",
    [
        "ごみゼロを宣言したA市の事例を紹介します。",  # no deadline: a slogan
        "「2050年までにCO2排出実質ゼロ」を表明した自治体の例",  # others' declarations
        # a goal the plan had, told as the past
        "前計画では、2030年における市域からの温室効果ガス排出量の削減目標を2013年度比"
        "20%削減と定め、温暖化対策を推進してきました。",
        "本計画は、市の事務事業からの温室効果ガス排出量を平成22年度比で3.0%以上削減"
        "することを目指して、その取り組みを進めてきましたが、計画期間を延長します。",
    ],
)
def test_declarations_and_past_goals_stating_no_target(text: str) -> None:
    assert _got(text) == []


def test_a_measure_the_plan_names_before_its_goal() -> None:
    got = _one(
        "本計画の目標値は温室効果ガス排出量とし、「2030年度に40% 以上削減、2050年度に"
        "100%削減し、脱炭素を達成」とします。"
    )
    assert (got["name"], got["target"], got["deadline_fy"]) == (
        "温室効果ガス排出量",
        100,
        2050,
    )


def test_a_measure_named_with_no_goal() -> None:
    assert _got("本計画の目標値は温室効果ガス排出量とし、削減に取り組みます。") == []


@pytest.mark.parametrize(
    "text",
    [
        # a result that fell short of a base year, told in news
        "旧計画では、基準年の排出量三百万トンに対し、昨年度は二百九十万トンと削減率は"
        "3%にとどまっている。",
        "市の排出量は基準年度の52万トンに対して、令和3年度は50万トンと削減は4%に"
        "留まった。",
    ],
)
def test_results_that_fell_short_stating_no_target(text: str) -> None:
    assert _got(text) == []


def test_a_cut_held_to_a_level_is_a_target() -> None:
    got = _one(
        "2030年度までに温室効果ガス排出量の増加を5%以内にとどめることを目指します。"
    )
    assert got["target"] == 5


@pytest.mark.parametrize(
    "text",
    [
        # the value a bare change names: no measure ('削減目標値N トン')
        "削減目標値900トンを目標に省エネ機器の導入などの施策を掲げている。",
        "増加目標1,000件を目標に、窓口の周知を進めている。",
    ],
)
def test_a_value_named_only_by_its_change(text: str) -> None:
    assert _got(text) == []


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # a cut restated against a second base year: neither its baseline nor a second goal
        (
            "2030年度に温室効果ガス排出量を2018年度比で30%削減(2013年度比で42%削減相当)",
            30,
        ),
        (
            "令和12年度までにCO2排出量を令和元年度比25%削減(平成25年度比では35%減に相当)",
            25,
        ),
    ],
)
def test_a_cut_restated_against_another_base_year(text: str, target: float) -> None:
    (got,) = _got(text)
    assert (got["target"], got["baseline"], got["change"]) == (target, None, True)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the goal, then the result against it: the goal is kept
            "アユの放流量は、目標2万尾に対して実績が1万5千尾。",
            ("放流量", "尾", 20000),
        ),
        (
            "シカの捕獲数は、目標500頭に対して実績は420頭でした。",
            ("捕獲数", "頭", 500),
        ),
        (  # a kana of a verb's stem inside the name
            "農産物の売り上げ額は、目標3億円に対して実績が2億8千万円。",
            ("売り上げ額", "千円", 300000),
        ),
    ],
)
def test_a_goal_then_its_result(text: str, expected: tuple) -> None:
    got = _one(text)
    assert (got["name"], got["unit"], got["target"]) == expected


@pytest.mark.parametrize(
    "text",
    [
        "アユの放流量は、昨年度2万尾に対して今年度は1万5千尾。",  # two results
        "シカの捕獲数は、前年の500頭に対して実績が420頭でした。",
    ],
)
def test_results_against_last_year_stating_no_target(text: str) -> None:
    assert _got(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # an amount in 千t‐CO2 and its share, under a cut heading with its base year
            "温室効果ガス削減目標(2013年度比) 2035年度に2,150千t‐CO2、20%の削減を目指します。",
            ("温室効果ガス", "t-CO2", 2150000, 2035),
        ),
        (
            "二酸化炭素排出量の削減目標(平成25年度比) 令和12年度に35千トン-CO2の削減を目指す。",
            ("二酸化炭素排出量", "トン-CO2", 35000, 2030),
        ),
    ],
)
def test_a_cut_amount_in_thousand_tonnes(text: str, expected: tuple) -> None:
    got = _one(text)
    assert (got["name"], got["unit"], got["target"], got["deadline_fy"]) == expected
    assert (got["direction"], got["change"]) == ("lower", True)


def test_a_cut_amount_achieved_states_no_target() -> None:
    text = "温室効果ガス削減実績(2013年度比) 2022年度に1,200千t‐CO2、8%の削減となりました。"
    assert _got(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a base block and a goal block naming the same measure
            "【基準値】2013(平成25)年度 町内の二酸化炭素排出量 320千トン-CO2 "
            "【目標値】2030(令和12)年度 町内の二酸化炭素排出量 170千トン-CO2(47%減)",
            ("町内の二酸化炭素排出量", 170000, 2030, 320000, "2014-03-31", {}),
        ),
        (  # an intermediate and a final goal: stages, the last the target
            "【現状値】2020年度 再生可能エネルギー導入量 12MW 【中間値】2025年度 "
            "再生可能エネルギー導入量 20MW 【目標値】2030年度 再生可能エネルギー導入量 35MW",
            (
                "再生可能エネルギー導入量",
                35,
                2030,
                12,
                "2021-03-31",
                {"2025": 20, "2030": 35},
            ),
        ),
    ],
)
def test_labelled_blocks(text: str, expected: tuple) -> None:
    got = _one(text)
    keys = ("name", "target", "deadline_fy", "baseline", "baseline_date", "targets")
    assert tuple(got[k] for k in keys) == expected


def test_blocks_of_two_measures_are_not_one_goal() -> None:
    text = (
        "【基準値】2013年度 二酸化炭素排出量 320千トン-CO2 "
        "【目標値】2030年度 再生可能エネルギー導入量 35MW"
    )
    assert [g for g in _got(text) if g["baseline"] == 320000] == []


def test_blocks_of_results_state_no_target() -> None:
    text = "【基準値】2013年度 二酸化炭素排出量 320千トン-CO2 【実績値】2022年度 二酸化炭素排出量 280千トン-CO2"
    assert [g for g in _got(text) if g["target"] == 280000] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a slogan of two measures and their values, each named by its own noun
            "将来像「安心度80%、愛着度90%のまちづくり」の実現を目指して施策を進めます。",
            [("安心度", 80), ("愛着度", 90)],
        ),
        (
            "本計画では、定住意向85%、推奨度60%の達成を目指します。",
            [("定住意向", 85), ("推奨度", 60)],
        ),
    ],
)
def test_paired_items(text: str, expected: list) -> None:
    assert [(g["name"], g["target"]) for g in _got(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "市民アンケートでは、満足度70%、納得度65%という結果でした。",  # results
        "前回調査の満足度70%、納得度65%を下回りました。",
    ],
)
def test_paired_results_stating_no_target(text: str) -> None:
    assert _got(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # header cells then the row under them, its name under '項目'
            "項目 | 令和元年度(基準年度) 排出量(t-CO2換算) | 削減目標 | 令和12年度(目標年度) "
            "排出量(t-CO2換算) | 電気使用に伴う排出量 | 3,200 | 20%削減 | 2,560 |",
            ("電気使用に伴う排出量", "t-CO2", 2560, 2030, 3200, "2020-03-31", "lower"),
        ),
        (  # the measure named by the sentence before the table
            "2030年度までに、町の事務事業に伴う二酸化炭素排出量を次のとおり削減することを"
            "目標とします。 基準年度(2013年度) | 目標年度(2030年度) | 削減率 | 1,200トン-CO2 | "
            "720トン-CO2 | 40パーセント |",
            (
                "町の事務事業に伴う二酸化炭素排出量",
                "トン-CO2",
                720,
                2030,
                1200,
                "2014-03-31",
                "lower",
            ),
        ),
    ],
)
def test_header_cells_then_the_row(text: str, expected: tuple) -> None:
    got = _one(text)
    keys = ("name", "unit", "target", "deadline_fy", "baseline", "baseline_date")
    assert (*(got[k] for k in keys), got["direction"]) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a base year and a result year: no goal column
        "項目 | 平成29年度(基準年度) | 令和4年度(実績) | 総排出量 | 5,742 | 5,400 |",
        # the sentence before names no goal and the row no measure
        "排出量の推移は次のとおりです。 基準年度(2013年度) | 目標年度(2030年度) | "
        "1,200トン | 720トン |",
    ],
)
def test_header_cells_stating_no_target(text: str) -> None:
    assert _got(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a goal told in brackets after its label, the count kept named after it
            "本報告は、人口ビジョンの目標(2060年に約8万5千人の人口維持)の実現に向け、"
            "施策の進捗を把握するものです。",
            ("人口", 85000, 2060, "維持"),
        ),
        (
            "町人口ビジョンの目標(令和22年に1万2千人程度の人口維持)や総合戦略の基本目標の"
            "実現を図ります。",
            ("人口", 12000, 2040, "維持"),
        ),
    ],
)
def test_a_goal_in_brackets_after_its_label(text: str, expected: tuple) -> None:
    got = _one(text)
    assert (
        got["name"],
        got["target"],
        got["deadline_fy"],
        got["comparator"],
    ) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a projection in brackets, not a goal
        "人口ビジョンの推計(2060年に約6万人まで減少)を踏まえ、施策を見直します。",
        "人口ビジョンの目標(2060年に約8万5千人)を下回り、2020年は7万9千人となりました。",
    ],
)
def test_brackets_stating_no_target(text: str) -> None:
    assert [g for g in _got(text) if g["target"] in (60000, 79000)] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a bare cut aimed at takes the gas an earlier cut of its sentence named
            "前計画では約10%の二酸化炭素削減(平成30年度対比)の成果があり、次期計画の5年間で"
            "約25%(平成30年度対比)の削減を目標に取り組みます。",
            ("二酸化炭素", 25),
        ),
        (
            "これまで温室効果ガス排出量の削減に努めてきたが、今後は30%の削減を目指す。",
            ("温室効果ガス排出量", 30),
        ),
    ],
)
def test_a_bare_cut_named_by_an_earlier_cut(text: str, expected: tuple) -> None:
    got = _one(text)
    assert (got["name"], got["target"], got["change"]) == (*expected, True)


@pytest.mark.parametrize(
    "text",
    [
        # the cut achieved, not aimed at
        "前計画では約10%の二酸化炭素削減の成果があり、5年間で約12%の削減となりました。",
        # no cut named before: the bare cut has no measure
        "次期計画の5年間で約25%の削減を目標に取り組みます。",
    ],
)
def test_bare_cuts_stating_no_target(text: str) -> None:
    assert _got(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the rate is the goal over the result: fewer is better
            "第5期 期間 R3〜R5 目標数 40 入所者数 (年度末) 44 達成率 91% 備考",
            ("入所者数", 40, "lower", 2023),
        ),
        (  # the rate is the result over the goal: more is better
            "第2期 期間 H30〜R2 目標値 120 就労移行者数 96 達成率 80%",
            ("就労移行者数", 120, "higher", 2020),
        ),
    ],
)
def test_a_goal_its_result_and_the_rate(text: str, expected: tuple) -> None:
    got = _one(text)
    assert (
        got["name"],
        got["target"],
        got["direction"],
        got["deadline_fy"],
    ) == expected


@pytest.mark.parametrize(
    "text",
    [
        "第4期 期間 H27〜H29 実績数 32 入所者数 34 達成率 94%",  # no goal label
        "第4期 入所者数 (末日現在) 34 前年比 94%",
    ],
)
def test_results_and_rates_stating_no_target(text: str) -> None:
    assert [g for g in _got(text) if g["target"] == 32] == []


def test_a_labelled_result_is_no_name_of_the_goal() -> None:
    text = "就労移行者数 目標値 120人 実績値 96人 達成率 80%"
    assert all(g["name"] != "実績値" for g in _got(text))
