"""Forms of dev round 17 (k2000…) as other cities write them, written for these
tests (not from the corpus), with near-misses of each form that state no target."""

from __future__ import annotations

import pytest

from shinchoku.plans.kpi_statements import extract_statement


def _got(text: str) -> list[dict]:
    return [f.to_dict() for f in extract_statement(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a blog's copy of a plan's row, dotted leaders between label and value
            "【観光入込客数】 第2期基準値2015年・・・320,000人 第2期目標値・・・・400,000人",
            {"name": "観光入込客数", "target": 400000, "baseline": 320000},
        ),
        (  # '…' (NFKC: '...') as the leader, the labels' years in parentheses
            "■ 公園利用者数 基準値(H27)…12,300人 目標値(R2)…15,000人",
            {"name": "公園利用者数", "target": 15000, "baseline": 12300},
        ),
        (  # the result after the target is not read
            "【宿泊客数】 基準値2010年・・5,000人 目標値・・・・・6,500人 2015年度末・・・7,000人",
            {"name": "宿泊客数", "target": 6500, "baseline": 5000},
        ),
    ],
)
def test_dotted_leader_rows(text: str, expected: dict) -> None:
    (got,) = _got(text)
    assert {k: got[k] for k in expected} == expected


@pytest.mark.parametrize(
    "text",
    [
        "【宿泊客数】 2012年度末・・・・127,252人(+85,764人)",  # a result alone
        "【宿泊客数】 実績値2012年・・・・127,252人",
        "目次 第1章 計画の概要・・・・・・1",  # a table of contents
        "宿泊客数………127,252人(2012年度実績)",
    ],
)
def test_dotted_leaders_stating_no_target(text: str) -> None:
    assert _got(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "●観光客数の増加 年間観光客数 80万人→100万人",
            {"name": "年間観光客数", "target": 1000000, "baseline": 800000},
        ),
        (
            "○子育て環境の充実 保育所待機児童数 12人→0人",
            {"name": "保育所待機児童数", "target": 0, "baseline": 12},
        ),
        (  # no measure under the aim: the aim names it
            "○出生数の増加 1.86→2.10へ引き上げ",
            {"name": "出生数", "target": 2.1, "baseline": 1.86},
        ),
        (  # a bullet that is its own name keeps it
            "●新規求人数の増加(8,700件)",
            {"name": "新規求人数", "target": 8700},
        ),
    ],
)
def test_a_bullets_aim_heading_the_measure(text: str, expected: dict) -> None:
    (got,) = _got(text)
    assert {k: got[k] for k in expected} == expected


def test_a_bullets_aim_heading_a_result() -> None:
    assert _got("○観光客数の増加 観光客数は2012年に127,252人となった") == []


@pytest.mark.parametrize(
    "text",
    [
        "・行政手続の電子化率…98.0%",  # a tally's line: a name's leader, no goal
        "・土地売却額………2億500万円",
    ],
)
def test_a_names_leader_stating_no_target(text: str) -> None:
    assert _got(text) == []


def test_a_goal_row_of_names_and_periods() -> None:
    found = _got("数値目標 観光消費額 5年後に 30億円 以上 移住者数 5年間で120人")
    got = [(f["name"], f["target"], f["per"], f["comparator"]) for f in found]
    assert got == [
        ("観光消費額", 3000000, None, "以上"),
        ("移住者数", 120, "cumulative", None),
    ]


def test_a_kpi_row_of_names_and_periods_with_a_bare_goal() -> None:
    found = _got("KPI 空き家バンク成約件数 40件 新規創業件数 4年間で20件")
    got = [(f["name"], f["target"]) for f in found]
    assert got == [("空き家バンク成約件数", 40), ("新規創業件数", 20)]


@pytest.mark.parametrize(
    "text",
    [
        "数値目標 新規就農者数 5年間で15件となりました",  # a result after the value
        "数値目標 推計人口 5年後に9,800人 推計世帯数 5年後に3,900世帯",  # projections
        "数値目標 推計人口 5年後に9,800人",  # a projection
        "目標人口 9,935人と推計される",  # a projection after the label
    ],
)
def test_goal_rows_stating_no_target(text: str) -> None:
    assert _got(text) == []


@pytest.mark.parametrize(
    ("text", "comparator"),
    [
        ("人口ビジョン 推計人口 24,100人 目標人口 26,000人 以上の確保", "以上"),
        ("将来展望 目標人口:3万人", None),
    ],
)
def test_a_target_population_labelled(text: str, comparator: str | None) -> None:
    (got,) = _got(text)
    assert (got["name"], got["comparator"]) == ("人口", comparator)


def test_changes_set_as_goals_in_bullets() -> None:
    found = _got(
        "令和2年度実績から目標年度(令和12年度)までに、次の目標値を設定します。 "
        "- 1人1日あたりのごみ排出量…10%削減 - 資源化率…5%以上向上"
    )
    got = [(f["name"], f["target"], f["direction"], f["change"]) for f in found]
    assert got == [
        ("1人1日あたりのごみ排出量", 10, "lower", True),
        ("資源化率", 5, "higher", True),
    ]
    assert [(f["comparator"], f["deadline_fy"]) for f in found] == [
        (None, 2030),
        ("以上", 2030),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # the changes achieved, not set as goals
        "計画期間の結果は次のとおりです。 - ごみ排出量…10%削減 - 資源化率…5%向上",
        # one bullet no change of a measure: none of them read as set goals
        "次の目標値を設定しました。 - ごみ排出量…10%削減 - 説明会…5回開催しました",
    ],
)
def test_change_bullets_stating_no_target(text: str) -> None:
    assert _got(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "「2050年温室効果ガス排出実質ゼロ」を目指すため、協議会を設置します。",
            {"name": "温室効果ガス排出", "target": 0, "deadline_fy": 2050},
        ),
        (
            "町は「2040年までに人口1万2千人」を目指して施策を進める。",
            {"name": "人口", "target": 12000, "deadline_fy": 2040},
        ),
    ],
)
def test_a_goal_quoted_before_the_verb_aiming_at_it(text: str, expected: dict) -> None:
    (got,) = _got(text)
    assert {k: got[k] for k in expected} == expected


@pytest.mark.parametrize(
    "text",
    [
        "「ゼロカーボンシティ」を目指す",  # no value
        "「2050年二酸化炭素排出実質ゼロ」を表明した",  # declared, not aimed at here
        "「2050年ゼロカーボン」の実現に向けて",
    ],
)
def test_quoted_goals_stating_no_target(text: str) -> None:
    assert _got(text) == []


def test_a_bullets_rounded_tally_is_no_target() -> None:
    assert _got("〇 第3次行財政改革効果額:約2億4千万円") == []
    assert _got("・ 職員削減数:約40人") == []
    (got,) = _got("- 農業所得額:概ね300万円")  # a level aimed at, roughly
    assert got["target"] == 3000


def test_a_kpi_under_dated_result_columns() -> None:
    (got,) = _got(
        "施策 KPI 達成度令和3年3月末 達成度令和4年3月末 移住相談件数50件 "
        "相談件数 32 件(達成率 64%) 相談件数48件(達成率 96%)"
    )
    assert (got["name"], got["target"], got["unit"]) == ("移住相談件数", 50, "件")


@pytest.mark.parametrize(
    "text",
    [
        # results without a rate achieved: not such a sheet
        "KPI 実績令和3年3月末 移住相談件数32件 相談件数48件",
        # the first cell an actual
        "KPI 達成度令和3年3月末 移住相談件数の実績32件(達成率 64%)",
    ],
)
def test_kpi_sheets_stating_no_target(text: str) -> None:
    assert _got(text) == []


def test_a_sheets_interleaved_columns_name_the_measure_counted_in_its_unit() -> None:
    (got,) = _got(
        "成果指標 成果目標 (取組による 市民説明会開催回数 効果) 年度計画 令和2年度 "
        "目標(数値) 指標の説明 12回以上 (令和6年度)"
    )
    assert (got["name"], got["target"], got["comparator"]) == (
        "市民説明会開催回数",
        12,
        "以上",
    )


@pytest.mark.parametrize(
    "text",
    [
        # two measures counted in the unit: which one is not told
        "成果指標 成果目標 (取組による 研修回数 相談回数 効果) 年度計画 令和2年度 "
        "目標(数値) 指標の説明 12回以上 (令和6年度)",
        # a measure counted in another unit
        "成果指標 成果目標 (取組による 市民説明会開催件数 効果) 年度計画 令和2年度 "
        "目標(数値) 指標の説明 12回以上 (令和6年度)",
    ],
)
def test_a_label_cut_from_its_head_names_nothing(text: str) -> None:
    assert _got(text) == []
