"""Forms of KPI statements written for these tests (not from the corpus): each
one a way plans write targets that the statement extractor must read."""

from __future__ import annotations

import pytest

from shinchoku.plans.kpi_statements import extract_lines, extract_statement
from shinchoku.plans.kpi_statements.canonical import canonical
from shinchoku.plans.kpi_text import normalize


def _one(text: str) -> dict:
    found = extract_statement(text)
    assert len(found) == 1, found
    return found[0].to_dict()


# Years and dates as other cities write them, written for these tests: a year with
# its other calendar in brackets, a value's year in 〔〕［］【】, a space before a
# year's parenthesis, a range of eras in a cell, 'R元'.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # an era year with its Western year in parentheses
            "①転入者数:1,210人(平成27(2015)年)→1,480人(令和2(2020)年)",
            {
                "name": "転入者数",
                "baseline": 1210,
                "baseline_date": "2015-12-31",
                "target": 1480,
                "deadline_fy": 2020,
            },
        ),
        (  # a Western year with its era year in parentheses
            "○図書館の年間貸出冊数:52万冊(2022(令和4)年度)⇒目標値60万冊(2030(令和12)年度)",
            {
                "name": "図書館の年間貸出冊数",
                "baseline": 520000,
                "baseline_date": "2023-03-31",
                "target": 600000,
                "deadline_fy": 2030,
            },
        ),
        (  # a letter era with its Western year, spaced
            "自治会加入率 現状値68.2%(R4 (2022)年度)→目標値75%(R10 (2028)年度)",
            {
                "name": "自治会加入率",
                "baseline": 68.2,
                "baseline_date": "2023-03-31",
                "target": 75,
                "deadline_fy": 2028,
            },
        ),
        (  # years in 〔〕
            "婚姻件数:420件〔平成30年〕→500件〔令和6年〕",
            {
                "name": "婚姻件数",
                "baseline": 420,
                "baseline_date": "2018-12-31",
                "target": 500,
                "deadline_fy": 2024,
            },
        ),
        (  # years in ［］
            "がん検診受診率:33.7%［令和5年度］→50%［令和11年度］",
            {
                "name": "がん検診受診率",
                "baseline": 33.7,
                "baseline_date": "2024-03-31",
                "target": 50,
                "deadline_fy": 2029,
            },
        ),
        (  # years in 【】 in a table row
            "指標名 | 現状 | 目標 | 公共交通機関利用者数 | 12,400千人【2022年度】 | "
            "14,000千人【2028年度】 |",
            {
                "name": "公共交通機関利用者数",
                "baseline": 12400000,
                "baseline_date": "2023-03-31",
                "target": 14000000,
                "deadline_fy": 2028,
            },
        ),
        (  # 【】 naming the indicator, 【】 dating its values
            "【自主防災組織率】85.2%【令和4年度】→95%【令和9年度】",
            {
                "name": "自主防災組織率",
                "baseline": 85.2,
                "baseline_date": "2023-03-31",
                "target": 95,
                "deadline_fy": 2027,
            },
        ),
        (  # a period in kanji and its values in 【】
            "人件費の抑制や職員定数の削減【十年間で二七七名から二一一名へ】を掲げる。",
            {"name": "職員定数", "baseline": 277, "target": 211},
        ),
        (  # a per-year value in 【】
            "・移住相談件数【120件/年】",
            {"name": "移住相談件数", "target": 120, "per": "year"},
        ),
        (  # a period and a row of years in 〔〕
            "・観光入込客数〔年間〕 現状値 目標値 〔平成28年〕 〔令和4年〕 48万人 55万人",
            {
                "name": "観光入込客数(年間)",
                "baseline": 480000,
                "baseline_date": "2016-12-31",
                "target": 550000,
                "deadline_fy": 2022,
            },
        ),
        (  # a space before the years' parentheses; the base year is no deadline
            "削減目標 目標年度 (2030 年度)の温室効果ガス総排出量を基準年度 (2013 年度)比で"
            "46% 削減する。",
            {"name": "温室効果ガス総排出量", "target": 46, "deadline_fy": 2030},
        ),
        (  # a cell's range of eras: its last year
            "目標項目 | 数値目標 | (時期) | 最新値 | (時期) | 男性職員の育児休業取得率 | 30% | "
            "平成30年度~令和4年度 | 12.5% | 平成29年度 |",
            {"name": "男性職員の育児休業取得率", "target": 30, "deadline_fy": 2022},
        ),
        (  # 'R元年度' is a year, not part of the name
            "指標 現状 目標 市民満足度 R元年度の水準を目指す 62.0 (R2年度) 70.0 (R6年度)",
            {"name": "市民満足度", "target": 70, "deadline_fy": 2024},
        ),
    ],
)
def test_year_forms(text: str, expected: dict) -> None:
    got = _one(text)
    assert {k: got[k] for k in expected} == expected


def test_year_forms_keep_spans() -> None:
    """The year dropped from '平成27(2015)年' moves nothing: the spans are the
    words as written."""
    text = "①転入者数:1,210人(平成27(2015)年)→1,480人(令和2(2020)年)"
    (found,) = extract_statement(text)
    assert {k: text[a:b] for k, (a, b) in found.spans.items()} == {
        "name": "転入者数",
        "baseline": "1,210人",
        "target": "1,480人",
    }


@pytest.mark.parametrize(
    "text",
    [
        "外国人延べ宿泊者数は57万人〔2017年実績〕となった。",  # a result, dated in 〔〕
        "観光消費額は1,660億円【2022年推計値】とされる。",  # an estimate, dated in 【】
        "【重点目標2030年】",  # a heading with a year: no value
    ],
)
def test_year_forms_no_target(text: str) -> None:
    assert extract_statement(text) == []


# Forms of the sixth round (定員適正化, 温暖化対策, 男女共同参画, 水道, 観光 plans),
# written for these tests.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a kanji decimal; the same cut as a rate is not a second indicator
            "市の計画では、職員数を令和2年度から令和7年度までの五年間で"
            "百二十人、三・五パーセントを削減する。",
            {"name": "職員数", "target": 120, "deadline_fy": 2025, "change": True},
        ),
        (  # the topic 'につきましては', the quantity rather than its change
            "ごみ処理量の削減につきましては、五年間で三百トンの削減という目標に"
            "基づいて取り組んでいる。",
            {"name": "ごみ処理量", "target": 300, "direction": "lower"},
        ),
        (  # the name after '目標値は', not the plan's title
            "(基本計画の目標値は下水道接続率90%以上)",
            {"name": "下水道接続率", "target": 90, "comparator": "以上"},
        ),
        (  # the subject with 'は' is not the name
            "A町は臨時職員を含む町の職員の定員を520人から480人に減らす計画をまとめた。",
            {"name": "臨時職員を含む町の職員の定員", "baseline": 520, "target": 480},
        ),
        (  # a reduction from a base year named by its heading
            "○二酸化炭素排出量の削減目標 2013年度比で40%削減を目指します。",
            {"name": "二酸化炭素排出量", "target": 40, "change": True},
        ),
        (  # the line's year, then the heading
            "2030年度 エネルギー消費量削減目標 2018年度比で約20%削減を目指します。",
            {"name": "エネルギー消費量", "target": 20, "deadline_fy": 2030},
        ),
        (  # 'X削減目標として、' in the sentence; the base year is no deadline
            "新たなごみ排出量削減目標として、2028年度に2020年度比で15%の削減を目指す。",
            {"name": "ごみ排出量", "target": 15, "deadline_fy": 2028},
        ),
        (  # two dated targets, the second named with its verb: one indicator
            "市では、エネルギー消費量を2030年度までに2013年度比で30%削減することとし、"
            "2050年までに60%のエネルギー消費量削減を目指す。",
            {
                "name": "エネルギー消費量",
                "target": 60,
                "targets": {"2030": 30, "2050": 60},
                "direction": "lower",
            },
        ),
        (  # a level reached by a cut: the start value and the level
            "その目標は、正規職員数820人を45人削減し775人にするというものである。",
            {"name": "正規職員数", "baseline": 820, "target": 775},
        ),
    ],
)
def test_sixth_round_prose_forms(text: str, expected: dict) -> None:
    got = _one(text)
    assert {k: got[k] for k in expected} == expected


def test_sixth_round_lists_of_targets() -> None:
    """'A from X to Y, B from 同 Z to W'; 'A V1/人、B V2等の目標'; a target in
    brackets inside another ('(うち…)'); a cut that happened is no target."""
    found = extract_statement(
        "計画では2025年度までの目標として、市の審議会委員に占める女性の割合を"
        "2019年度の28・4%から40%に、自治会長に占める女性の割合を同5%から10%に"
        "するなどの目標を掲げた。"
    )
    assert [(f.name, f.baseline, f.target, f.deadline_fy) for f in found] == [
        ("市の審議会委員に占める女性の割合", 28.4, 40, 2025),
        ("自治会長に占める女性の割合", 5, 10, 2025),
    ]
    found = extract_statement(
        "国は、外国人延べ宿泊者数8000万人泊、訪日外国人旅行消費額単価25万円/人等の"
        "目標を掲げている。"
    )
    assert [(f.name, f.target) for f in found] == [
        ("外国人延べ宿泊者数", 80000000),
        ("訪日外国人旅行消費額単価", 250),
    ]
    found = extract_statement(
        "「自主防災組織の結成数 令和8年度までに60団体(うち女性役員のいる組織 20団体)"
        "にする。」"
    )
    assert [(f.name, f.target, f.deadline_fy) for f in found] == [
        ("自主防災組織の結成数", 60, 2026),
        ("女性役員のいる組織", 20, 2026),
    ]
    assert (
        extract_statement("昨年度は、職員数820人を45人削減し775人となりました。") == []
    )


def test_sixth_round_names_and_deadlines() -> None:
    """A share of a stated count ('職員数(412人)の5%削減'), a deadline with its
    day restated in brackets, 'それぞれ' off a name; a year label or a plan's
    title is no name, and then the statement yields nothing."""
    (f,) = extract_statement(
        "令和2年度から令和6年度までの5年間で、令和元年度末の職員数(412人)の5%削減を目指す。"
    )
    assert (f.name, f.baseline, f.target, f.deadline_fy) == ("職員数", 412, 5, 2024)
    (f,) = extract_statement(
        "市は、令和3年度に策定した「A市女性活躍推進プラン」に基づき、「令和7年度末"
        "(8年3月31日)までに、すべての審議会において、それぞれ女性委員を40%以上とする」"
        "という目標を掲げている。"
    )
    assert (f.name, f.target, f.deadline_fy) == ("女性委員", 40, 2025)
    assert (
        extract_statement(
            "削減計画の基準年度は平成25年度とし、30年度で25年度比8%削減を目標としている。"
        )
        == []
    )
    assert extract_statement("(B市第2次定員適正化計画の目標値は10%削減)") == []


def test_spoken_topics_and_shares_of_goals_met() -> None:
    """A topic 'Xについても' before a spoken clause ('…ていますが 目標である N');
    '72.5%が目標を達成' is how many goals were met, a result."""
    (f,) = extract_statement(
        "なお 観光入込客数についても 80 万人前後で推移していますが 目標である 100 万人"
        "実現のため 事業を進めています。"
    )
    assert (f.name, f.target) == ("観光入込客数", 1000000)
    assert (
        extract_statement("成果重視の運営を行い、72.5%が目標を達成、80.1%が改善した。")
        == []
    )


def test_a_level_in_brackets_and_a_revised_goal() -> None:
    """'Xを…策定時の数値(32.5%)以上に引き上げる' is a level named before the
    bracket; 'の目標値を120件から150件へ上方修正' starts from an old goal, not a
    baseline."""
    (f,) = extract_statement(
        "市では、第3次計画において、男性職員の育児休業取得率を前計画策定時の数値(32.5%)"
        "以上に引き上げることを目標としている。"
    )
    assert (f.name, f.target, f.comparator) == (
        "男性職員の育児休業取得率",
        32.5,
        "以上",
    )
    (f,) = extract_statement(
        "既存の指標については、「移住相談件数」の目標値を120件から150件へ上方修正している。"
    )
    assert (f.name, f.target, f.baseline) == ("移住相談件数", 150, None)


@pytest.mark.parametrize(
    "text",
    [
        "職員数1309人を83名削減し1226人となった。",
        "温室効果ガスの排出量削減目標の達成状況は、2022年度に2013年度比で12%削減となっています。",
        "審議会などへの女性登用率は2014年度の31.1%から40%に、自治会役員の女性の割合は"
        "同15%から20%に上昇した。",
        "○温室効果ガスの排出量削減目標 2022年度実績は2013年度比で18%削減でした。",
        "職員数は平成6年度末の職員数(231人)の10%削減を達成しました。",
        "(うち国際認証地域 12地域)を認定した。",
        "外国人宿泊者数20万人泊、観光消費額単価3万円/人等の実績があった。",
    ],
)
def test_sixth_round_forms_stating_results_yield_nothing(text: str) -> None:
    assert extract_statement(text) == []


def test_a_name_ending_the_sentence_under_a_goal_label() -> None:
    """'目標、毎年N人のX。': the name after the value; not under a result."""
    (f,) = extract_statement("目標:毎年44,000人の出生数。")
    assert (f.name, f.target, f.per) == ("出生数", 44000, "year")
    assert extract_statement("目標 実績は年間420件の相談件数") == []
    assert extract_statement("目標の達成状況:2023年は42,198人の出生数。") == []


def test_targets_in_brackets_and_quoted_lists() -> None:
    """A target in brackets stated over a span of years ('(15年で…20%の減)': no
    deadline), a quoted target in a list of goals ('「…30%」や「…」を目標')."""
    (f,) = extract_statement(
        "公共施設の統廃合を進める(15年で延床面積の20%の減)とともに、人件費の抑制に努める。"
    )
    assert (f.name, f.target, f.deadline_fy, f.change) == ("延床面積", 20, None, True)
    (f,) = extract_statement(
        "「第3次A市男女共同参画計画」では、令和9年度までに「市の管理職に占める女性の割合30%」"
        "や「男性職員の育児休業取得の促進」を目標としている。"
    )
    assert (f.name, f.target, f.deadline_fy) == (
        "市の管理職に占める女性の割合",
        30,
        2027,
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "◆重要業績評価指標(KPI) 観光入込客数 基準値 120万人(H30) 目標値 150万人(R6)",
            {"name": "観光入込客数", "baseline": 1200000, "target": 1500000},
        ),
        (
            "経常収支比率 92.5%(令和4年度決算) 目標90%以下(令和9年度)",
            {"comparator": "以下", "target": 90, "deadline_fy": 2027},
        ),
        (
            "職員数 令和4年4月1日 520人 → 令和9年4月1日 500人",
            {"baseline": 520, "baseline_date": "2022-04-01", "target": 500},
        ),
        (
            "空き家バンク登録件数 年間10件以上",
            {"name": "空き家バンク登録件数", "target": 10, "comparator": "以上"},
        ),
        (
            "【KPI】移住相談件数 年間100件(令和6年度)",
            {"name": "移住相談件数", "target": 100, "deadline_fy": 2024},
        ),
        ("待機児童数 12人 → 0人", {"target": 0, "direction": "lower"}),
        (
            "観光入込客数 12.5万人(2016年)～15万人(2022年)",
            {"baseline": 125000, "target": 150000, "deadline_fy": 2022},
        ),
        (
            "ボランティア登録者数:1,050人(2023年3月末)→1,300人(2028年3月末)",
            {"baseline_date": "2023-03-31", "deadline_fy": 2028},
        ),
        ("市内総生産 1兆2,000億円 → 1兆3,000億円", {"target": 1_300_000_000}),
        ("健康寿命 男性79.5歳(R1)→80.5歳(R6)", {"baseline": 79.5, "target": 80.5}),
        (
            "図書館利用者数の目標 R5:120万人 R6:125万人 R7:130万人",
            {
                "target": 1_300_000,
                "deadline_fy": 2025,
                "targets": {"2023": 1_200_000, "2024": 1_250_000, "2025": 1_300_000},
            },
        ),
        ("人口 令和12年に10万人を目指す", {"name": "人口", "deadline_fy": 2030}),
        ("移住者数 100人を目指す(R3~R7)", {"name": "移住者数", "target": 100}),
        (
            "自主防災組織率(現状値85.2%)を95%に高めます。",
            {"name": "自主防災組織率", "baseline": 85.2, "target": 95},
        ),
        (
            "【自主防災組織率】85.2%→95%",
            {"name": "自主防災組織率", "baseline": 85.2, "target": 95},
        ),
        (
            "・子育て支援センター利用者数:延べ8,500人(R5)→延べ10,000人(R10)",
            {"baseline": 8500, "target": 10000},
        ),
        (
            "テレワーク実施率(目標:令和7年度 30%)",
            {"name": "テレワーク実施率", "target": 30, "deadline_fy": 2025},
        ),
        (
            "指標 | 現状値 (評価年度) | 目標値 (R27 年度) | 住宅の耐震化率 | 96.0%(R3) | 現状値以上 |",
            {
                "target": 96.0,
                "comparator": "以上",
                "deadline_fy": 2045,
                "baseline_date": "2022-03-31",
            },
        ),
        (
            "21年の延べ観光客数の目標は、過去最多となる2億1千万人。",
            {"name": "延べ観光客数", "target": 210_000_000},
        ),
        (
            "「空家等対策計画を策定した市町村数(累計)」の目標値を13市町村から18市町村へ上方修正している。",
            {
                "name": "空家等対策計画を策定した市町村数(累計)",
                "target": 18,
                "unit": "市町村",
            },
        ),
        (
            "■経常収支比率の推移 目標:H29 年度末時点で 95%以内",
            {"name": "経常収支比率", "deadline_fy": 2017},
        ),
        (
            "(2)温室効果ガスの削減目標 目標年度【2030(令和12)年度】に、基準年度【2013(平成25)年度】比で51%削減する。",
            {"name": "温室効果ガス", "target": 51, "deadline_fy": 2030, "change": True},
        ),
        (
            "今後、基金残高は標準財政規模の40%を下限とする。",
            {"name": "基金残高", "comparator": "以上"},
        ),
        (
            "指標 | 説明 | 現状値(2015年度) | 目標値(2023年度) | 住環境に対する満足度 | 取組に対する評価が向上します。 | 32% | 40%",
            {"name": "住環境に対する満足度", "baseline": 32, "target": 40},
        ),
        (
            "令和12年度におけるリサイクル率を27%以上とする。",
            {"name": "リサイクル率", "deadline_fy": 2030},
        ),
        (
            "指標名 | 現状 | 目標 | 再生可能エネルギー生産量 | 2.9万TJ(2020年度) | 3.7万TJ(2027年度) |",
            {"unit": "TJ", "baseline": 29000, "target": 37000},
        ),
        (
            "指標名 | 現状 | 目標 | 新築住宅におけるZEHの割合 | ─ | 90%(2027年度) |",
            {"name": "新築住宅におけるZEHの割合", "baseline": None},
        ),
        (
            "指標 現状 目標 研修修了者数 多数の県民の健康を脅かす感染症に対応するため、医療・公衆衛生従事者を対象とした研修を修了した人の数 4,914人 (令和2年度) 6,500人 (令和6年度)",
            {"name": "研修修了者数", "baseline": 4914, "target": 6500},
        ),
        (
            "業務継続計画を全て規定した市町村数 12市町村 → 54市町村",
            {"unit": "市町村", "target": 54},
        ),
        (
            "男性職員の育児休業取得率は、現状値が33.3%で、目標値を40%とする。",
            {"baseline": 33.3, "target": 40},
        ),
        (
            "指標 | 現状 | 目標 | 自主防災組織率 | 60.2%(平成28年度) | 81.0%(32年度) |",
            {"deadline_fy": 2020},
        ),
        (
            "医師数 | 2,450人 (R5(2023)) | 2,700人",
            {"name": "医師数", "baseline": 2450, "baseline_date": "2023-12-31"},
        ),
        (
            "7 観光消費額 | 県内で観光客が消費した額の合計 | 億円 | 120 | ― | 150 | 現状値から約25%増加 | 観光部",
            {
                "name": "観光消費額",
                "unit": "千円",
                "baseline": 12_000_000,
                "target": 15_000_000,
            },
        ),
        (
            "4 漁業所得(経営体当たり) | 漁業所得を経営体数で除したもの(暦年) | 万円 | 380 (2023) | 12 | 450 (2028) | 現状の約1.2倍 | 水産部",
            {
                "baseline": 3800,
                "baseline_date": "2023-12-31",
                "target": 4500,
                "deadline_fy": 2028,
            },
        ),
        (
            "1,200戸 | 耐震改修を行った住宅数 | 1,800戸",
            {"name": "耐震改修を行った住宅数", "baseline": 1200, "target": 1800},
        ),
        (
            "第2次市健康増進計画 | R5.3 | 特定健診受診率 | R3年度 | 38.5% | R10年度 | 60%以上",
            {
                "name": "特定健診受診率",
                "baseline": 38.5,
                "baseline_date": "2022-03-31",
                "target": 60,
                "deadline_fy": 2028,
                "comparator": "以上",
            },
        ),
        (
            "市交通安全計画 | R3.3 | 交通事故負傷者数 | R2.12 | 820人 | R7.12 | 700人以下",
            {"baseline_date": "2020-12-31", "deadline_fy": 2025, "direction": "lower"},
        ),
        (
            "市民活動団体数 | － | － | R7~9 年度 | 30団体/年",
            {"target": 30, "deadline_fy": 2027, "baseline": None, "per": "year"},
        ),
        (
            "2030年度 | 2035年度 | 移住者数 | 420人 (2024年) | 600人 | 800人",
            {
                "baseline": 420,
                "baseline_date": "2024-12-31",
                "targets": {"2030": 600, "2035": 800},
                "deadline_fy": 2035,
            },
        ),
        (
            "・市営プールの利用者数(万人) 現状値 R5 R6 R7 12 13 14 15 現状値は令和3年の値",
            {
                "name": "市営プールの利用者数",
                "unit": "人",
                "baseline": 120_000,
                "baseline_date": "2021-12-31",
                "target": 150_000,
            },
        ),
        (
            "KPI | 現状値(2020年度) | 目標値(2025年度) | 体験ツアー参加者数 | 40人 | 年60人",
            {"target": 60, "per": "year"},
        ),
        (
            "KPI | 現状値(2020年度) | 目標値(2025年度) | 新規起業者数 | - | 5年間で10人",
            {"target": 10, "per": "cumulative"},
        ),
        # third round: forms of the statements from k425 on
        (
            "希望する子どもの数を持てた場合の出生率「希望出生率」を令和7年に1.80にする。",
            {"name": "希望出生率", "target": 1.8, "deadline_fy": 2025},
        ),
        (
            "経常収支比率※を令和9年度までに90%以下とする。",
            {"name": "経常収支比率", "comparator": "以下"},
        ),
        (
            "令和4年度末の耐震化率は88.0%であり、令和9年度末の耐震化率の目標を95%としています。",
            {"baseline": 88, "baseline_date": "2023-03-31", "target": 95},
        ),
        (
            "労働生産性は、令和元年度の800万円を令和7年度に900万円に伸ばす。",
            {"baseline": 8000, "target": 9000, "deadline_fy": 2025},
        ),
        (
            "「学校満足度」を中学校(令和4年度85.7%)で90%を目指す。",
            {"name": "学校満足度", "baseline": 85.7, "target": 90},
        ),
        (
            "汚水処理人口普及率を85%(令和7年度当初)から89%(令和11年度末)に向上させる。",
            {"baseline": 85, "baseline_date": "2025-04-01", "deadline_fy": 2029},
        ),
        (
            "移住者数の目標を、これまでは「令和7年までに300人」としていたが、"
            "今回「令和7年度までに500人」に引き上げた。",
            {"target": 500},
        ),
        (
            "職員1人当たりの月平均時間外勤務を令和8年度までに10時間まで縮減する。",
            {"name": "職員1人当たりの月平均時間外勤務", "direction": "lower"},
        ),
        (
            "人口ビジョンでは、令和42(2060)年の総人口の目標値を48,000人とします。",
            {"name": "総人口", "deadline_fy": 2060},
        ),
        (
            "5年間の累計で起業・創業者数50人を目指す。",
            {"name": "起業・創業者数", "per": "cumulative"},
        ),
        ("財政調整基金の残高を50億円程度に維持する。", {"comparator": "維持"}),
        (
            "知事部局の職員数を令和9年度までの五年間で百五十人程度削減する。",
            {"target": 150, "change": True, "direction": "lower"},
        ),
        (
            "指標名 | 現状 (令和5年) | 目標 (令和10年) | 新規就農者数(人/年) | 154 | 180 |",
            {"unit": "人", "per": "year", "target": 180},
        ),
        (
            "社会動態(純移動数)の目標:1,300人以 上",
            {"comparator": "以上"},
        ),
        (
            "(具体的な成果目標) 県内就職率の向上 H17 47% → H21 55%",
            {"name": "県内就職率", "baseline": 47, "target": 55, "deadline_fy": 2009},
        ),
        (
            "まちをつくる Ⅰ (主なKGI)社会動態(純移動数)の増加:1,300人以上",
            {"name": "社会動態(純移動数)", "target": 1300, "comparator": "以上"},
        ),
        (
            "将来希望人口の目標人口 【総人口】 2060 年 20,000 人 2040 年 21,200 人",
            {"name": "総人口", "target": 20000, "deadline_fy": 2060},
        ),
        (
            "職員については、育児休業の取得率が100%である現状を維持するように努める。",
            {"name": "育児休業の取得率", "target": 100, "comparator": "維持"},
        ),
        (
            "人口ビジョンでは、合計特殊出生率、2025年には1.8で、2040年以降は2.07を維持していく。",
            {
                "name": "合計特殊出生率",
                "target": 2.07,
                "deadline_fy": 2040,
                "targets": {"2025": 1.8, "2040": 2.07},
            },
        ),
        (
            "週1回以上運動する市民の割合を3人に2人(65%)以上にします。",
            {"name": "週1回以上運動する市民の割合", "target": 65, "unit": "%"},
        ),
        (
            "人口ビジョンでは出生率(令和5年現在1.54)を令和42年に1.80まで高め、"
            "前計画同様に令和42年に約3万人を維持する目標を設定した。",
            {"name": "出生率", "target": 1.8, "baseline": 1.54},
        ),
        (
            "12 図書館の貸出冊数 市立図書館で1年間に貸し出した本の冊数(年度) 冊 520,000 ― 600,000 現状値から約15%増加 教育委員会",
            {"name": "図書館の貸出冊数", "baseline": 520_000, "target": 600_000},
        ),
        (
            "8 自主防災組織の訓練回数 地域で訓練が行われているか 120回 2022年度 150回 現状値から25%の増加を目指す 防災課",
            {
                "name": "自主防災組織の訓練回数",
                "baseline_date": "2023-03-31",
                "target": 150,
            },
        ),
        (
            "5 空き家の件数 市内の空き家の件数(暦年) 件 340 ― 250 2030年までに現状値から約25%減少 建築課",
            {"deadline_fy": 2030, "direction": "lower", "baseline": 340},
        ),
        (
            "1 | 行政改革の推進 | 目標を達成した改革項目の割合 | 40% | 80%以上",
            {"name": "目標を達成した改革項目の割合", "target": 80},
        ),
        (
            "目標項目 | 数値目標 | (時期) | 最新値 | (時期) | 目標設定時最新値 | (時期) | 女性管理職の割合 | 20% | (2025年) | 12% | (2022年) | 8% | (2018年) |",
            {
                "target": 20,
                "deadline_fy": 2025,
                "baseline": 8,
                "baseline_date": "2018-12-31",
            },
        ),
        (
            "2030年度 | 2035年度 | 乳児健診を実施する市町村 | 18市町村 (2024年) | 25市町村 | 30市町村",
            {"unit": "市町村", "baseline": 18, "target": 30},
        ),
        (
            "No.3 観光入込客数 | 市内観光地への入込客の延べ数 | 万人 | 120 | 150",
            {"name": "観光入込客数", "baseline": 1_200_000, "target": 1_500_000},
        ),
        (
            "指標 | 単位 | 基準値 | 中間値 | 目標値 | 図書館利用者数 | 千人 | 1,200 | 1,300 | 1,500",
            {"baseline": 1_200_000, "target": 1_500_000},
        ),
        (
            "市税収納率 | 97.5% | 98.0%以上 | 98.5%以上",
            {"baseline": 97.5, "target": 98.5, "comparator": "以上"},
        ),
        (
            "出生数 | 1,020人 | 1,100人以上を維持",
            {"baseline": 1020, "target": 1100},
        ),
        (
            "観光入込客数 (万人) 120 150",
            {"unit": "人", "baseline": 1_200_000, "target": 1_500_000},
        ),
        (
            "指標 | 現状 | 目標 | 空き家バンクの登録率 | 35.0% 70件 県内5位(2023年) | 60% 120件 県内1位(2028年) |",
            {
                "baseline": 35.0,
                "baseline_date": "2023-12-31",
                "target": 60,
                "deadline_fy": 2028,
            },
        ),
        (
            "指標 | 現状値 | 目標値 | 観光入込客数 | R4年度 120万人 | R9年度 150万人",
            {"baseline_date": "2023-03-31", "deadline_fy": 2027, "target": 1_500_000},
        ),
        (
            "観光入込客数 令和4年 120万人 令和9年 150万人",
            {"baseline_date": "2022-12-31", "deadline_fy": 2027, "target": 1_500_000},
        ),
        ("交通事故死者数 | 8人 | 0人を目指す", {"baseline": 8, "target": 0}),
        (
            "重要業績評価指標 | 基準値 | 目標値 | 移住者数 | 25人(R元年度) | 累計250人(R2~R6年度)",
            {"baseline_date": "2020-03-31", "deadline_fy": 2024, "per": "cumulative"},
        ),
        (
            "数値目標 基準値(H26) 目標値(H31) 観光入込客数 120万人 150万人",
            {"baseline_date": "2014-12-31", "deadline_fy": 2019},
        ),
        (
            "公共施設の延床面積 | 250,000m2 | 10%削減",
            {"baseline": None, "unit": "%", "target": 10, "change": True},
        ),
        (
            "観光入込客数(単位:万人) 120 150",
            {"name": "観光入込客数", "unit": "人", "target": 1_500_000},
        ),
        (
            "観光入込客数 | (万人) | 120 | 150",
            {"name": "観光入込客数", "baseline": 1_200_000, "target": 1_500_000},
        ),
        (
            "汚水処理人口普及率 80.2% 83.5% 90.0% (平成28年度) (令和3年度) (令和13年度)",
            {
                "baseline": 80.2,
                "baseline_date": "2017-03-31",
                "target": 90,
                "deadline_fy": 2031,
            },
        ),
        (
            "H27 | R2 | R12 | 県内就業率 | 71.4% | 72.7% | 76.0%",
            {"baseline": 71.4, "target": 76, "deadline_fy": 2030, "targets": {}},
        ),
        (
            "指標 | 現状値 | 目標値 | 市民講座の受講者数(単年度) | 320人 | 400人",
            {"target": 400, "per": "year"},
        ),
        (
            "空き家の改修件数 件 12 30 増加を目指す 改修補助を使った件数(累計)",
            {"target": 30, "per": "cumulative"},
        ),
        # a '(時期)' column after each value column (特定事業主行動計画)
        (
            "目標項目 | 数値目標 | (時期) | 最新値 | (時期) | 目標設定時最新値 | (時期) | 男性職員の育児参加休暇取得率 | 80% | 2025年度 | 52.0% | 2022年度 | 30.5% | 2019年度 |",
            {
                "target": 80,
                "deadline_fy": 2025,
                "baseline": 30.5,
                "baseline_date": "2020-03-31",
            },
        ),
        (
            "目標項目 | 数値目標 | (時期) | 最新値 | (時期) | 目標設定時最新値 | (時期) | 有給休暇の平均取得日数 | 14日 | 2025 | 11.5日 | 2023 | 2020 | 10.2日 |",
            {
                "target": 14,
                "deadline_fy": 2025,
                "baseline": 10.2,
                "baseline_date": "2020-12-31",
            },
        ),
        (
            "目標項目 | 数値目標 | (時期) | 最新値 | (時期) | 目標設定時最新値 | (時期) | "
            "女性職員の平均退職年齢 | 45歳 | 2030年度 | 36.6歳 | 2023年度 | 39.3歳 | 2020年度 |",
            {"target": 45, "unit": "歳", "baseline": 39.3, "deadline_fy": 2030},
        ),
        (
            "10年後の人口は今よりも減少するものの12万2500人にとどめるまちづくりを目指します。",
            {"name": "人口", "target": 122500},
        ),
        # an arrow's target after '年' or 'N年間で'
        (
            "講座の受講者数300人(2020年度)→年450人(2025年度)",
            {"target": 450, "baseline": 300, "deadline_fy": 2025, "per": "year"},
        ),
        (
            "卒業生の市内就職者数0人(2020年度)→5年間で10人(2025年度)",
            {"target": 10, "deadline_fy": 2025, "per": "cumulative"},
        ),
        (
            "《目標指標》 県外・国外からの転入者数 16,000 人(R6:14,457 人)",
            {"name": "県外・国外からの転入者数", "target": 16000, "baseline": 14457},
        ),
        # the name after the value, then a goal verb
        (
            "移住支援を進めることで毎年500人の転入超過を目指します。",
            {"name": "転入超過", "target": 500, "per": "year"},
        ),
        (
            "令和8年度当初までに300人の定員枠の拡大を図ります。",
            {"name": "定員枠", "target": 300, "change": True, "deadline_fy": 2025},
        ),
        (
            "令和2(2020)年度までに二酸化炭素排出量の10%削減を目指します。",
            {"name": "二酸化炭素排出量", "target": 10, "deadline_fy": 2020},
        ),
        # a stage per year, the name repeated: the latest is the final target
        (
            "令和5年度末 財政調整基金残高 20億円以上 令和9年度末 財政調整基金残高 25億円以上",
            {
                "target": 2_500_000,
                "deadline_fy": 2027,
                "targets": {"2023": 2_000_000, "2027": 2_500_000},
                "per": None,
            },
        ),
        (
            "令和10年度以降 単年度公債費 20億円以下",
            {"target": 2_000_000, "deadline_fy": 2028, "per": "year"},
        ),
        (
            "観光先進国をめざし、訪日外国人旅行者を2030年に6,000万人に拡大する目標を掲げています。",
            {"name": "訪日外国人旅行者", "target": 60_000_000, "deadline_fy": 2030},
        ),
        (
            "目標項目 | 数値目標 | (時期) | 最新値 | (時期) | 目標設定時最新値 | (時期) | 女性職員の採用割合 | 40% | (毎年度) | 35.2% | (2023年度) | 30.1% | (2020年度) |",
            {"target": 40, "per": "year", "baseline": 30.1},
        ),
        (
            "目標項目 | 数値目標 | (時期) | 最新値 | (時期) | 目標設定時最新値 | (時期) | ・職員の平均退職年齢 | 60歳 | 32年度 | 58.2歳 | 29年度 | 57.5歳 | 26年度 |",
            {
                "name": "職員の平均退職年齢",
                "target": 60,
                "deadline_fy": 2020,
                "baseline_date": "2015-03-31",
            },
        ),
        (
            "目標項目 | 数値目標 | (時期) | 最新値 | (時期) | 目標設定時最新値 | (時期) | 女性職員の育児休業取得率 | 概ね100% | 2021年度~2025年度 | 100% | 2022年度 | 98.5% | 2016年度~2020年度 |",
            {
                "target": 100,
                "deadline_fy": 2025,
                "baseline": 98.5,
                "baseline_date": "2021-03-31",
            },
        ),
        (
            "目標項目 | 数値目標 | (時期) | 最新値 | (時期) | 目標設定時最新値 | (時期) | 職員1人当たりの超過勤務時間 | 120時間▲20% | 2025年度 | 140時間 | 2022年度 | 150時間 | 2019年度 |",
            {"target": 120, "baseline": 150, "direction": "lower"},
        ),
        (
            "目標項目 数値目標 (時期) 最新値 (時期) 目標設定時最新値 (時期) 女性管理職の割合 20% 2025年度 12% 2022年度 8% 2019年度",
            {
                "target": 20,
                "deadline_fy": 2025,
                "baseline": 8,
                "baseline_date": "2020-03-31",
            },
        ),
    ],
)
def test_forms(text: str, expected: dict) -> None:
    got = _one(text)
    assert {k: got[k] for k in expected} == expected


@pytest.mark.parametrize(
    "text",
    [
        "市の人口は令和5年10月1日現在で48,512人です。",
        "令和5年度は前年度から30人増加し、412人となりました。",
        "指標名 | 現状値(R4) | R6 | R8(目標)",
        "交付税 45億円 → 43億円 に減少した",
        "H30:1,200人 R1:1,150人 R2:1,100人",
        "25歳~44歳の転入者数は1,577人",
        "平成28年~令和2年の平均 1,200人",
        "2019年度の温室効果ガス排出量を2000年度比20.9%、エネルギー消費量を20.8%削減しました。",
        "指標 | 現状 | 目標 | 刑法犯認知件数 | 57,277件(28年) | 減少を目指します(32年) |",
        "公民館の利用団体数 | 120団体 (令和2年度) | 135団体 (令和6年度)",
        "2030年度 | 2040年度 | 空き家の数 | 52戸 (2024年) | 解消 | 解消",
        "第2期総合戦略 | R5.3 | 観光案内所の数 | R2年度 | 3か所 | R7年度 | 現状より増加",
        "現状値 | 令和12年度 推計値 | 総人口 | 5.2万人 | 4.8万人",
        "経費削減額は目標より1億2,889万円増加し8億7,476万円となりました。",
        "令和20年度までに施設の更新に必要な金額は992億円。",
        "B:目標を80%以上達成し、かつ課題が整理されている。",
        "市民農園の区画数 | 120 | ― | 135 | 増加傾向にある",
        "市の総人口 | 48,512人 | 46,000人 | 人口推計",
        "交通事故死者数 | 8人 | ゼロ",
        "区分 | 本市 | 全国平均 | 経常収支比率 | 92.1% | 93.0%",
        "甲府市 松本市 人口 18万人 23万人",
        "公民館の利用団体数 120団体 (令和2年度) 135団体 (令和6年度)",
        "汚水処理人口普及率 80.2% 83.5% 85.0% (令和3年度) (令和4年度) (令和5年度)",
        "人口 H30 48,000人 R1 47,500人 R2 47,000人",
        "年度 | H30 | R1 | R2 | 人口 | 48,000人 | 47,500人 | 47,000人",
        "申請件数は、昨年度より141人増加するなど年々増加しております。",
        "平成16年度と比べて0.33%の増加となっています。",
        "令和5年から令和6年にかけて494名の受け皿の増を図りました。",
    ],
)
def test_no_target(text: str) -> None:
    assert extract_statement(text) == []


def test_an_actual_is_no_target() -> None:
    """'(実績)8億円' after '(目標)7億円': what was achieved is not the goal."""
    found = extract_statement("効果額 令和5年度 (目標)7億円 (実績)8億円")
    assert all(f.target != 800_000 for f in found)


def test_targets_in_parentheses_after_their_names() -> None:
    found = extract_statement(
        "使途を選べる寄付として、市民農園整備(目標額500万円)や花壇整備(同200万円)を募集している。"
    )
    assert [(f.name, f.target) for f in found] == [
        ("市民農園整備", 5000),
        ("花壇整備", 2000),
    ]


@pytest.mark.parametrize(
    ("text", "plan", "deadline_fy", "baseline_date"),
    [
        # a bare two-digit year read in the era the line writes elsewhere
        ("職員数:520人(26年度)→480人(平成31年度)", {}, 2019, "2015-03-31"),
        ("経常収支比率 92.5%(26年度決算) 目標90%以下(H31年度)", {}, 2019, "2015-03-31"),
        # no era in the line: the one nearest the plan's period, else 20NN
        (
            "職員数:520人(26年度)→480人(30年度)",
            {"first_fy": 2015, "last_fy": 2019},
            2018,
            "2015-03-31",
        ),
        (
            "職員数:520人(22年度)→480人(30年度)",
            {"first_fy": 2022, "last_fy": 2026},
            2030,
            "2023-03-31",
        ),
        ("職員数:520人(22年度)→480人(30年度)", {}, 2030, "2023-03-31"),
        # read in the decade, the baseline would be measured years from now
        ("職員数:520人(35年度)→480人(38年度)", {}, 2026, "2024-03-31"),
        (
            "目標項目 | 数値目標 | (時期) | 最新値 | (時期) | 目標設定時最新値 | (時期) | "
            "・女性職員の平均退職年齢 | 45歳 | 32年度 | 36.6歳 | 29年度 | 39.3歳 | 26年度 |",
            {},
            2020,
            "2015-03-31",
        ),
    ],
)
def test_a_bare_year_in_its_era(
    text: str, plan: dict, deadline_fy: int, baseline_date: str
) -> None:
    (found,) = extract_statement(text, **plan)
    got = found.to_dict()
    assert (got["deadline_fy"], got["baseline_date"]) == (deadline_fy, baseline_date)


def test_a_table_pasted_with_its_header_and_tabs() -> None:
    """Rows under a header line read with its years; a blank line ends the
    table; cells separated by tabs (a spreadsheet's copy) are cells."""
    rows = extract_lines(
        [
            "指標名 | 現状値(R4) | R6 | R7 | R8(目標)",
            "電子決裁率 | 45% | 60% | 75% | 90% |",
            "",
            "指標\t現状値(令和4年度)\t目標値(令和9年度)",
            "自治会加入率\t65.0%\t70.0%",
        ]
    )
    (e,) = rows[1]["indicators"]
    assert (e["name"], e["baseline"], e["target"], e["deadline_fy"]) == (
        "電子決裁率",
        45,
        90,
        2026,
    )
    assert rows[1]["text"][slice(*e["evidence"]["target"])] == "90%"
    assert rows[0]["indicators"] == [] and rows[3]["indicators"] == []
    (j,) = rows[4]["indicators"]
    assert (j["baseline"], j["target"], j["deadline_fy"]) == (65, 70, 2027)
    assert j["baseline_date"] == "2023-03-31"


def test_rows_that_fit_one_header_on_one_line() -> None:
    found = extract_statement(
        "指標名 | 現状 (令和4年度) | 目標値 (令和9年度) | 水洗化率 | 88.0% | 92.0%"
        " | 合併浄化槽の設置率 | 40.5% | 50%"
    )
    assert [(f.name, f.baseline, f.target, f.deadline_fy) for f in found] == [
        ("水洗化率", 88.0, 92.0, 2027),
        ("合併浄化槽の設置率", 40.5, 50, 2027),
    ]


_WHITE_PAPER = "項目 | 目標値(期限) | 計画策定時の数値 | 最新値 | "


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a white paper's row: each value with its date in brackets
            _WHITE_PAPER + "市の管理職に占める女性の割合(注1) | 20% (令和7年度末) | "
            "12.5% (令和2年) | 15.1% (令和4年) |",
            {"name": "市の管理職に占める女性の割合", "target": 20, "deadline_fy": 2025,
             "baseline": 12.5, "baseline_date": "2020-12-31"},
        ),
        (  # a cell saying whom the row counts, after the name
            _WHITE_PAPER + "男性職員の育児休業取得率 | 市職員 | 30% (令和7年) | "
            "5.2% (令和元年度) | 18.0% (令和4年度) |",
            {"name": "男性職員の育児休業取得率", "target": 30,
             "baseline": 5.2, "baseline_date": "2020-03-31"},
        ),
        (  # a cell of parts, the total first
            _WHITE_PAPER + "年次有給休暇の取得率 | 70% (令和7年) | 全体:52.1% 男性:50.3% "
            "女性:55.0% (令和元年) | 全体:58.2% 男性:56.0% 女性:61.1% (令和4年) |",
            {"target": 70, "baseline": 52.1, "baseline_date": "2019-12-31"},
        ),
        (  # flattened with spaces, the table's heading repeating its column's
            "成果目標 成果目標 (期限) 計画策定時の数値 最新値 自治会長に占める女性の割合 "
            "10% (令和7年) 4.8% (平成30年) 6.2% (令和3年)",
            {"name": "自治会長に占める女性の割合", "target": 10, "deadline_fy": 2025,
             "baseline": 4.8},
        ),
        (  # the deadline in a column of its own, after the target's
            "項目 | 目標値 | 期限 | 策定時 | 最新値 | 管理職に占める女性の割合 | 30% | "
            "令和7年度末 | 22.0% | 25.0% |",
            {"target": 30, "deadline_fy": 2025, "baseline": 22},
        ),
        (
            "目標値 | 目標年度 | 策定時 | 管理職に占める女性の割合 | 30% | 令和7年度 | 22.0% |",
            {"target": 30, "deadline_fy": 2025, "baseline": 22},
        ),
        (  # the goals' column last, the name column headed '成果目標'
            "成果目標 | 計画策定時の数値 | 最新値 | 目標値(期限) | 管理職に占める女性の割合 | "
            "22.0% (令和2年) | 25.0% (令和4年) | 30% (令和7年度末) |",
            {"target": 30, "deadline_fy": 2025, "baseline": 22,
             "baseline_date": "2020-12-31"},
        ),
        (
            _WHITE_PAPER + "町内会長に占める女性の割合 | 10%程度 (令和7年) | "
            "4.8% (平成30年) | 6.2% (令和3年) |",
            {"target": 10, "deadline_fy": 2025, "baseline": 4.8},
        ),
        (  # flattened with spaces: whom it counts, a footnote, a time per day
            "成果目標 成果目標 (期限) 計画策定時の数値 最新値 男性職員の育児休業取得率 "
            "市職員 30% (令和7年) 5.2% (令和元年度) 18.0% (令和4年度)",
            {"name": "男性職員の育児休業取得率", "target": 30, "baseline": 5.2},
        ),
        (
            "成果目標 成果目標 (期限) 計画策定時の数値 最新値 夫の家事関連時間(注3) "
            "1日当たり 1時間45分 (令和7年) 1日当たり58分 (令和元年) 1日当たり71分 (令和4年)",
            {"name": "夫の家事関連時間", "target": 105, "baseline": 58, "unit": "分"},
        ),
        (
            "成果目標 成果目標 (期限) 計画策定時の数値 最新値 年次有給休暇の取得率 "
            "70% (令和7年) 全体:52.1% 男性:50.3% 女性:55.0% (令和元年) "
            "全体:58.2% 男性:56.0% 女性:61.1% (令和4年)",
            {"target": 70, "baseline": 52.1, "baseline_date": "2019-12-31"},
        ),
        (  # a time per day, in minutes
            _WHITE_PAPER + "夫の家事関連時間 | 1日当たり 1時間45分 (令和7年) | "
            "1日当たり58分 (令和元年) | 1日当たり71分 (令和4年) |",
            {"target": 105, "unit": "分", "baseline": 58, "deadline_fy": 2025},
        ),
        (
            "指標 | 現状値 | 目標値 | 中学生の平日の学習時間 | 1時間10分 | 1時間30分",
            {"target": 90, "baseline": 70, "unit": "分"},
        ),
        (  # a range to stay in: its floor
            "指標 | 目標値(期限) | 策定時 | 最新値 | 市の審議会委員に占める女性の割合 | "
            "40%以上、60%以下 (令和8年度) | 31.0% (令和2年) | 35.0% (令和4年)",
            {"target": 40, "comparator": "以上", "deadline_fy": 2026, "baseline": 31},
        ),
    ],
)  # fmt: skip
def test_table_rows_of_dated_values(text: str, expected: dict) -> None:
    got = _one(text)
    assert {k: got[k] for k in expected} == expected


# Forms of KPI sheets of the eighth round (地方創生 result reports, 事業評価調書,
# 総合計画 数値目標一覧), written for these tests.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # 指標 指標値 単位 目標年月 [実績値]: March 2027 ends FY2026
            "空き家バンク登録件数 12 件 R9.3",
            {"name": "空き家バンク登録件数", "target": 12, "unit": "件", "deadline_fy": 2026},
        ),
        (  # the result after the date; a counter no unit list holds
            "特産品の販売数 4,500 個 R8.3 3,980",
            {"name": "特産品の販売数", "target": 4500, "unit": "個", "deadline_fy": 2025},
        ),
        (  # the year and month written out
            "創業支援件数 30 件 2027年3月 12",
            {"name": "創業支援件数", "target": 30, "deadline_fy": 2026},
        ),
        (
            "移住体験者数 40 人 令和8年9月",
            {"name": "移住体験者数", "target": 40, "deadline_fy": 2026},
        ),
        (  # a change as the name's ending
            "転入者数前年比増 20 人 H29.3 8",
            {"name": "転入者数", "target": 20, "change": True, "direction": "higher"},
        ),
        (  # baseline dated in front, a projection left out, KPI, result, status
            "市内の空き家数増加の抑制 R2年度現在 310件 R7年度予測 360件 330件 325件 順調",
            {"name": "市内の空き家数", "baseline": 310, "baseline_date": "2021-03-31",
             "target": 330, "direction": "lower"},
        ),
        (  # a level to keep
            "商店街の店舗数の維持 R2年度現在 45件 R7年度予測 40件 45件 44件 やや遅れ",
            {"name": "商店街の店舗数", "baseline": 45, "target": 45, "comparator": "維持"},
        ),
        (  # a total over past years as the baseline
            "市内の起業件数 過去3年間実績 9件 15件 4件 その他",
            {"name": "市内の起業件数", "baseline": 9, "target": 15},
        ),
        (  # a lone dash: no baseline, never a minus sign
            "インターン受入事業所数 - 8社 2社 その他",
            {"name": "インターン受入事業所数", "baseline": None, "target": 8},
        ),
        (  # each value led by its role; the year in front is the target's
            "人件費削減額 令和5年度 (目標)1億2,000万円 (実績)1億3,500万円",
            {"name": "人件費削減額", "target": 120000, "deadline_fy": 2023, "baseline": None},
        ),
        (
            "市税収納率 (現状)97.1% (目標)98.0%",
            {"name": "市税収納率", "target": 98.0, "baseline": 97.1},
        ),
        (  # a 数値目標一覧 row: its page, the current value, midway and final goals
            "(4) 観光 観光消費額 42 320百万円 380百万円 450百万円 観光統計 翌年度6月",
            {"name": "観光消費額", "baseline": 320000, "target": 450000, "unit": "千円"},
        ),
        (  # the page, then the current value and the goal
            "森林整備面積 88 2,310 ha 2,800 ha",
            {"name": "森林整備面積", "baseline": 2310, "target": 2800, "unit": "ha"},
        ),
    ],
)  # fmt: skip
def test_rows_of_kpi_sheets(text: str, expected: dict) -> None:
    got = _one(text)
    assert {k: got[k] for k in expected} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a 目標年月 column, cells joined by '|'
            "空き家バンク登録件数 | 12 | 件 | R9.3 | 7",
            {"name": "空き家バンク登録件数", "target": 12, "unit": "件", "deadline_fy": 2026},
        ),
        (  # a status closing the row: the value before it is the result
            "インターン受入事業所数 | - | 8社 | 2社 | その他",
            {"name": "インターン受入事業所数", "baseline": None, "target": 8},
        ),
        (  # a page-number column
            "森林整備面積 | 88 | 2,310 ha | 2,600 ha | 2,800 ha | 森林簿 | 毎年度",
            {"name": "森林整備面積", "baseline": 2310, "target": 2800},
        ),
    ],
)  # fmt: skip
def test_rows_of_kpi_sheets_joined_by_bars(text: str, expected: dict) -> None:
    got = _one(text)
    assert {k: got[k] for k in expected} == expected


def test_a_page_numbered_row_under_its_header() -> None:
    """The header's columns date the goals when they fit the row's values."""
    got = _one(
        "施策 | 掲載頁 | 現状値 | 目標値(R5年度) | 目標値(R10年度) | 確認方法 | "
        "森林整備面積 | 88 | 2,310 ha | 2,600 ha | 2,800 ha | 森林簿"
    )
    assert (got["baseline"], got["target"], got["deadline_fy"]) == (2310, 2800, 2028)
    assert got["targets"] == {"2023": 2600, "2028": 2800}


def test_rows_of_kpi_sheets_one_after_another() -> None:
    got = [
        f.to_dict()
        for f in extract_statement(
            "基準値 KPI 実績値 進捗状況 移住相談件数 - 40件 12件 遅れ "
            "移住者数 - 10人 3人 その他 空き家改修件数 2件 8件 5件 概ね達成"
        )
    ]
    assert [(g["name"], g["target"], g["baseline"]) for g in got] == [
        ("移住相談件数", 40, None),
        ("移住者数", 10, None),
        ("空き家改修件数", 8, 2),
    ]
    got = [
        f.to_dict()
        for f in extract_statement("指標1 創業者数 5 人 R6.3 指標2 雇用者数 12 人 R6.3")
    ]
    assert [(g["name"], g["target"], g["deadline_fy"]) for g in got] == [
        ("創業者数", 5, 2023),
        ("雇用者数", 12, 2023),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "観光客数 120万人 135万人 142万人",  # no page column: a table of figures
        "観光客数 12.5 120万人 135万人 142万人",  # a decimal is no page
        "観光客数 0 120万人 135万人 142万人",  # nor is 0
        "利用件数 2 件 令和5年度",  # no month: not a 目標年月 column
        "市民満足度 85% 順調",  # a result and its status: no KPI
        "市民満足度 2019年 45% 2020年 48% 2021年 50% 順調",  # results by year
        "転入者数 H29 1,210人 H30 1,300人 達成",
        "観光客数 120万人 135万人 150万人 順調",  # no baseline column shows
        "住民基本台帳人口 12,000 人 R2.3 現在",  # a value as of a month
        "登録者数 120 人 H30.4 時点",
    ],
)
def test_rows_not_of_kpi_sheets(text: str) -> None:
    assert extract_statement(text) == []


def test_a_sheets_plan_by_year_marked_plan_and_results() -> None:
    """A 施策評価シート's table of one measure: the header's years, the '計 画'
    row's target for each, the 計画策定時 value dated after it, the 実績 row."""
    got = _one(
        "市民活動参加率 地域活動への参加を促すための指標として設定する。 単位 "
        "計画策定時 令和3年度 令和4年度 令和5年度 計 画 31.0% 33.0% 35.0% R2 "
        "29.5% 実 績 30.2%"
    )
    assert (got["name"], got["target"], got["deadline_fy"]) == (
        "市民活動参加率",
        35,
        2023,
    )
    assert got["targets"] == {"2021": 31, "2022": 33, "2023": 35}
    assert (got["baseline"], got["baseline_date"]) == (29.5, "2020-12-31")


def test_a_cell_naming_the_measure_with_its_year() -> None:
    """'目標 | 令和5年度職員数 | 420 人': the cell before the value is the name
    and the year the target is due by; the results after it are no second one."""
    got = _one(
        "項目 | 定員管理 | 目標 | 令和5年度職員数 | 420 人 | 実施状況 | 職員数 | 425 人"
    )
    assert (got["name"], got["target"], got["deadline_fy"]) == ("職員数", 420, 2023)


def test_rows_marked_achieved_and_aimed_at() -> None:
    """A measure's table, each row closed by its date and 【実績】 or 【目標】."""
    got = _one(
        "有収率の目標値 有収率(%) 給水人口(人) 88.5 52,000 R4(2022年) 【実績】 "
        "業務指標 B112 92.0 50,500 R14(2032年) 【目標】"
    )
    assert (got["name"], got["target"], got["deadline_fy"]) == ("有収率", 92, 2032)
    assert (got["baseline"], got["baseline_date"]) == (88.5, "2022-12-31")


def test_stages_in_pairs_of_cells_under_a_sentence_naming_them() -> None:
    got = _one(
        "本市の温室効果ガス排出量の削減目標は次のとおりです。 短期目標 | 2025年度までに、"
        "2013年度比で30%削減 | 長期目標 | 2030年度までに、2013年度比で46%削減 |"
    )
    assert (got["name"], got["target"], got["deadline_fy"]) == (
        "温室効果ガス排出量",
        46,
        2030,
    )
    assert got["targets"] == {"2025": 30, "2030": 46}
    assert (got["change"], got["direction"]) == (True, "lower")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "職員数の目標 年度 職員数 採用者数 退職者数 増減 令和6年度 412人 15人 18人 ▲3人",
            {
                "name": "職員数",
                "target": 412,
                "deadline_fy": 2024,
                "direction": "lower",
            },
        ),
        (
            "人口の将来目標 年次 総人口 年少人口 老年人口 2030年 25,000人 2,800人 9,100人",
            {"name": "総人口", "target": 25000, "deadline_fy": 2030},
        ),
        (  # cells joined by '|'
            "定員管理の数値目標 | 年度 | 職員数 | 採用者数 | 退職者数 | 令和6年度 | "
            "412人 | 15人 | 18人 |",
            {"name": "職員数", "target": 412, "deadline_fy": 2024},
        ),
        (  # several years on one line: a target per year
            "職員数の目標 年度 職員数 採用者数 退職者数 令和6年度 412人 15人 18人 "
            "令和7年度 408人 12人 16人",
            {
                "target": 408,
                "deadline_fy": 2025,
                "direction": "lower",
                "targets": {"2024": 412, "2025": 408},
            },
        ),
    ],
)
def test_a_row_of_goals_by_year_under_its_header(text: str, expected: dict) -> None:
    """The year first, then a value per column: the first column is the goal."""
    got = _one(text)
    assert {k: got[k] for k in expected} == expected


@pytest.mark.parametrize(
    "text",
    [
        "職員数の推移 年度 職員数 採用者数 退職者数 令和4年度 412人 15人 18人",
        "年度 | 職員数 | 採用者数 | 令和4年度 | 412人 | 15人 |",
        # thresholds of the 健全化判断比率 and a 子ども・子育て plan's need and supply
        "指標 | 早期健全化基準 | 財政再生基準 | 実質公債費比率 | 25.0% | 35.0% |",
        "指標 | 令和4年度 | 早期健全化基準 | 将来負担比率 | 45.2% | 350.0% |",
        "健全化判断比率 早期健全化基準 実質公債費比率 9.0% 25.0%",
        "区分 | 令和3年度 | 令和4年度 | 令和5年度 | 量の見込み | 120人 | 125人 | 130人 | "
        "確保方策 | 130人 | 130人 | 140人",
        "放課後児童クラブ 量の見込み 令和3年度 120人 令和7年度 150人",
        "会議 | 自治会の女性役員比率 | 町内会の女性役員比率 | 12.0% | 9.5% |",
        "入込客数 令和元年 85万人 令和2年 52万人",
        "有収率の推移 有収率(%) 給水人口(人) 88.5 52,000 R4(2022年) 【実績】 "
        "92.0 50,500 R5(2023年) 【実績】",
        "観光客数 2019年 120万人 2020年 80万人 2021年 90万人",
    ],
)
def test_tables_of_figures_state_no_target(text: str) -> None:
    """Figures by year or by column, with no word of a goal: results."""
    assert extract_statement(text) == []


def test_a_name_then_its_definition_is_no_table_of_figures() -> None:
    got = _one("特定健診受診率 | 国保被保険者の特定健康診査の受診率 | 35% | 60%")
    assert (got["baseline"], got["target"]) == (35, 60)


# Forms of the eighth round (総合戦略 KPI lists), written for these tests.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the target in parentheses, per year
            "・移住相談件数(120件/年)",
            {"name": "移住相談件数", "target": 120, "unit": "件", "per": "year"},
        ),
        (  # money in 億 and 万, per year
            "●ふるさと納税寄附額(3億5,000万円/年)",
            {"name": "ふるさと納税寄附額", "target": 350000, "unit": "千円"},
        ),
        (  # the value straight after the name
            "・市内事業所の黒字率62%",
            {"name": "市内事業所の黒字率", "target": 62, "unit": "%"},
        ),
        (  # a note on the source before a colon
            "・製造品出荷額 工業統計調査:120億円",
            {"name": "製造品出荷額", "target": 12000000, "per": None},
        ),
        (  # the 〇 bullet before a kanji digit stays a bullet
            "〇二酸化炭素排出量を2030年度までに46%削減します",
            {"name": "二酸化炭素排出量", "target": 46, "deadline_fy": 2030},
        ),
    ],
)
def test_a_kpi_list_entry_states_its_target(text: str, expected: dict) -> None:
    got = _one(text)
    assert {k: got[k] for k in expected} == expected


@pytest.mark.parametrize(
    "text",
    [
        "• 企業版ふるさと納税制度の活用:1410万円",  # an activity, not a measure
        "・移住相談件数 R5実績 98件",  # a result, dated
        "・移住相談件数は98件となった",
        "・移住相談件数(令和5年度)98件",
        "・相談窓口の開設(2か所)",
        "・移住相談件数 98件 転入者数 120人",  # figures, not one entry
    ],
)
def test_bullet_lines_that_are_no_kpi_entry_state_no_target(text: str) -> None:
    assert extract_statement(text) == []


# Forms of the ninth round (行財政改革 plans and their reports), written for
# these tests.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the case the value is for is no part of the name
            "窓口業務を委託した場合の目標効果額は、年間1,200万円としています。",
            {"name": "効果額", "target": 12000},
        ),
        (  # the period after a heading's name
            "(3)物件費の削減 計画期間の 4 年間において 2 億円を削減します。",
            {"name": "物件費", "target": 200000, "change": True},
        ),
        (  # 圧縮 lowers; the year compared with is no deadline
            "公債残高を 25 年度に比べ 120 億円程度圧縮する。",
            {
                "name": "公債残高",
                "target": 12000000,
                "direction": "lower",
                "change": True,
            },
        ),
        (  # 減員, the topic and the period in front of the name left out
            "このうち計画期間中の職員数については、全体で45人減員するなどの"
            "数値目標を掲げています。",
            {"name": "職員数", "target": 45, "change": True, "direction": "lower"},
        ),
        (  # 純減 with its bound; 'について' and the years are no part of the name
            "市の職員定数について5年間で120人以上の純減を確保する。",
            {
                "name": "市の職員定数",
                "target": 120,
                "comparator": "以上",
                "change": True,
            },
        ),
        (  # two goals joined by 'と': the value is the second's; its bound stays
            "経常収支比率の改善と基金残高10億円以上の維持を目指します。",
            {"name": "基金残高", "target": 1000000, "comparator": "以上"},
        ),
    ],
)
def test_reform_plan_goals_are_named_by_their_measure(
    text: str, expected: dict
) -> None:
    got = _one(text)
    assert {k: got[k] for k in expected} == expected


@pytest.mark.parametrize(
    "text",
    [
        "改革を実行することにより、毎年約500万時間、約30億円の削減となる見通しである。",
        "プランの更新により、15項目の目標修正を行いました。",
        "公債残高を 25 年度に比べ 80 億円程度圧縮することができた。",
        "(4)財政指標 ①経常収支比率=92.0 ②将来負担比率=60.0",
    ],
)
def test_outlooks_and_counts_of_items_state_no_target(text: str) -> None:
    assert extract_statement(text) == []


def test_a_list_of_bounds_after_its_markers() -> None:
    got = extract_statement(
        "(4)財政指標 ①経常収支比率=92.0 以下 ②将来負担比率=60.0 以下"
    )
    assert [(f.name, f.target, f.comparator) for f in got] == [
        ("経常収支比率", 92.0, "以下"),
        ("将来負担比率", 60.0, "以下"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a rank: '位' a unit, '以内' its bound; the topic keeps its parentheses
            "観光地(温泉地)人気全国順位は昨年に過去最高の25位となったことから、"
            "20位以内を狙う。",
            {"name": "観光地(温泉地)人気全国順位", "target": 20, "comparator": "以内"},
        ),
        (  # under a 《目標指標》 marker, a name holding a clause with 'を'
            "《目標指標》 週1回以上スポーツを行う市民の割合 65%",
            {"name": "週1回以上スポーツを行う市民の割合", "target": 65},
        ),
    ],
)
def test_ranks_and_names_holding_a_clause(text: str, expected: dict) -> None:
    got = _one(text)
    assert {k: got[k] for k in expected} == expected


def test_quoted_goals_with_their_values_in_parentheses() -> None:
    got = extract_statement(
        "計画期間は4年間で「実質公債費比率(※1)の改善(10%以下)」と"
        "「基金残高の確保(標準財政規模の約8%)」の達成を目指します。"
    )
    assert [(f.name, f.target, f.comparator) for f in got] == [
        ("実質公債費比率", 10, "以下"),
        ("基金残高", 8, None),
    ]


def test_quoted_goals_not_aimed_at_state_no_target() -> None:
    text = "「実質公債費比率の改善(10%以下)」は前回の計画の目的でした。"
    assert extract_statement(text) == []


def test_the_aim_of_a_cut_is_not_its_name() -> None:
    got = _one(
        "組織のスリム化を図る目的で令和2年4月1日から令和7年4月1日までに"
        "普通会計で正職員120人程度の削減を行う。"
    )
    assert (got["name"], got["target"], got["change"]) == ("正職員", 120, True)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a target revised
            "基金残高の下限額を15億円に変更する。",
            {"name": "基金残高の下限額", "target": 1500000},
        ),
        (  # spoken: 'というふうにしております'
            "そこでは正規の職員数を650人程度というふうにしております。",
            {"name": "正規の職員数", "target": 650},
        ),
        (  # a report's planned amount against its result; the sum named by the topic
            "効果額の合計は、計画額3億2,000万円に対して実績額は3億500万円となりました。",
            {"name": "効果額の合計", "target": 320000},
        ),
        (  # the name prefixed by 目標
            "5年間の目標効果額は12億円です。",
            {"name": "効果額", "target": 1200000},
        ),
    ],
)
def test_revised_spoken_and_planned_targets(text: str, expected: dict) -> None:
    got = _one(text)
    assert {k: got[k] for k in expected} == expected


@pytest.mark.parametrize(
    "text",
    [
        "基金残高の下限額を15億円に変更した。",
        "効果額の合計は3億500万円となりました。",
    ],
)
def test_changes_made_and_results_state_no_target(text: str) -> None:
    assert extract_statement(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the value, then 'が…の目標'; a list number before the name
            "3 実質公債費比率12.0%が令和5年度の行革目標!",
            {"name": "実質公債費比率", "target": 12},
        ),
        (  # '目標X が N 年間で …'
            "プランの更新により、目標効果額が3年間で1億2,000万円を追加した。",
            {"name": "効果額", "target": 120000},
        ),
    ],
)
def test_goals_stated_after_their_value_or_with_a_prefixed_label(
    text: str, expected: dict
) -> None:
    got = _one(text)
    assert {k: got[k] for k in expected} == expected


def test_a_part_after_a_goal_of_the_same_name_is_not_a_second_goal() -> None:
    got = extract_statement("5年間の目標効果額は12億円で、3年間の効果額は7億円とした。")
    assert [(f.name, f.target) for f in got] == [("効果額", 1200000)]


def test_a_share_of_goals_met_is_no_goal() -> None:
    assert extract_statement("全体の61.4%が目標を達成した。") == []


def test_a_count_of_an_action_is_named_by_what_it_acts_on() -> None:
    got = _one(
        "職員の構成からみて、女性の課長を大幅に登用することは難しいが、"
        "5名程度の登用をめざします。"
    )
    assert (got["name"], got["target"], got["unit"]) == ("女性の課長", 5, "人")


def test_a_counter_word_the_name_counts() -> None:
    """'5プロジェクト' under '…プロジェクトの創出数'; a Japanese comma before
    the value is no thousands separator."""
    got = _one(
        "新規プロジェクトの創出数は昨年3件であったため,今後4プロジェクトを目指します。"
    )
    assert (got["target"], got["unit"]) == (4, "プロジェクト")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a KPI list's entry with its period in the parentheses
            "・企業誘致件数(5年間で10件)",
            {"name": "企業誘致件数", "target": 10, "per": "cumulative"},
        ),
        ("・新規雇用者数(累計200人)", {"name": "新規雇用者数", "target": 200}),
        (  # the period between the name and the value
            "・出生数 毎年300人",
            {"name": "出生数", "target": 300, "per": "year"},
        ),
        (
            "・創業支援件数:累計50件",
            {"name": "創業支援件数", "target": 50, "per": "cumulative"},
        ),
        (  # 圧縮 right after the value
            "人件費を5年間で3億円圧縮します。",
            {"name": "人件費", "target": 300000, "change": True},
        ),
        (  # '目標X は N年間で'
            "目標効果額は5年間で10億円です。",
            {"name": "効果額", "target": 1000000},
        ),
        (  # the planned amount against a result in the same clause
            "効果額の累計は計画額8億円に対し、実績9億円となった。",
            {"name": "効果額", "target": 800000},
        ),
        (  # '計画X額 約N に対し'
            "計画効果額約5億円に対し、実績6億円となりました。",
            {"name": "計画効果額", "target": 500000},
        ),
        (  # a share of a budget figure: named by the topic
            "財政調整基金残高について、標準財政規模の10%以上を確保することを目標とします。",
            {"name": "財政調整基金残高", "target": 10, "comparator": "以上"},
        ),
        (
            "財政調整基金残高は標準財政規模の10%以上を確保します。",
            {"name": "財政調整基金残高", "target": 10},
        ),
        (  # '目標とするX は <year>に N'
            "目標とする職員数は令和9年度に420人です。",
            {"name": "職員数", "target": 420, "deadline_fy": 2027},
        ),
    ],
)
def test_reform_plan_forms_in_other_words(text: str, expected: dict) -> None:
    got = _one(text)
    assert {k: got[k] for k in expected} == expected


@pytest.mark.parametrize(
    "text",
    [
        "・転入者数(令和5年度実績 120人)",
        "・会議の開催(年4回)",
        "財政調整基金残高は標準財政規模の10%以上を確保しました。",
        "計画額1億円に対し実績額1.2億円",  # no name for the plan
        "国の行政機関の定員について5年間で1万人以上の純減を確保した。",
        "職員120人の削減を行った。",
        "目標人口は2040年に3万人となった。",
    ],
)
def test_results_in_those_words_state_no_target(text: str) -> None:
    assert extract_statement(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # zero as a word, a goal verb after it; a balance rises to it
            "社会増減は令和12年をめどにプラス・マイナス・ゼロを目標としたところであり、"
            "令和5年度がマイナス120人となっております。",
            {
                "name": "社会増減",
                "target": 0,
                "deadline_fy": 2030,
                "direction": "higher",
            },
        ),
        (  # a count falls to it
            "令和8年度までに待機児童数ゼロを目指します。",
            {
                "name": "待機児童数",
                "target": 0,
                "deadline_fy": 2026,
                "direction": "lower",
            },
        ),
        (
            "2050年までに二酸化炭素排出量実質ゼロを目指す",
            {"name": "二酸化炭素排出量", "target": 0, "deadline_fy": 2050},
        ),
    ],
)
def test_zero_written_as_a_word(text: str, expected: dict) -> None:
    got = _one(text)
    assert {k: got[k] for k in expected} == expected


@pytest.mark.parametrize(
    "text", ["待機児童はゼロとなった。", "ゼロカーボンシティを目指す", "待機児童ゼロ"]
)
def test_zero_words_that_state_no_target(text: str) -> None:
    assert extract_statement(text) == []


def test_a_result_before_the_target_is_its_baseline_and_dates_no_deadline() -> None:
    got = _one("観光客満足度は昨年度の調査で72%となったことから、80%以上を目指す。")
    assert (got["target"], got["baseline"], got["comparator"]) == (80, 72, "以上")
    got = _one("全国順位は20年に過去最高の41位となったことから、30位以内を狙う。")
    assert (got["target"], got["baseline"], got["deadline_fy"]) == (30, 41, None)


def test_a_target_named_by_an_earlier_value_of_its_unit() -> None:
    got = _one(
        "市の計画では、空き家の活用率が42.5%という数字ですけども、これは、令和3年の"
        "住宅・土地統計調査に基づく推計でありまして、恐らく目標値である50%に近づいて"
        "いると認識しております。"
    )
    assert (got["name"], got["target"], got["baseline"], got["deadline_fy"]) == (
        "空き家の活用率",
        50,
        42.5,
        None,
    )


def test_a_mandated_cut_is_a_target_of_the_quantity_cut() -> None:
    got = _one("新たな法律が成立し、令和8年度までに3.5%の職員削減が義務付けられる。")
    assert (got["name"], got["target"]) == ("職員", 3.5)


def test_a_cut_goal_referred_back_to_and_written_with_a_triangle() -> None:
    got = _one(
        "また、人件費については、職員数の削減数値目標を公表することとなっており、"
        "その削減目標は、対22年度で△3.2%とされています。"
    )
    assert (got["name"], got["target"], got["change"], got["deadline_fy"]) == (
        "職員数",
        3.2,
        True,
        None,
    )


def test_a_rate_that_is_set_but_no_goal_is_no_target() -> None:
    assert extract_statement("法定雇用率は2.6%とされています。") == []


def test_a_kept_level_named_by_the_subject_of_a_dated_value() -> None:
    got = extract_statement(
        "同町の人口は20年現在1万2千人で、45年には8千人になると推計されているが、"
        "第2期同様に45年に約1万人を維持する目標設定をした。"
    )
    assert [(f.name, f.target, f.comparator) for f in got] == [("人口", 10000, "維持")]


def test_a_deadline_in_front_of_a_cut_from_another_base_year() -> None:
    got = _one(
        "2030(令和12)年度における温室効果ガス排出量を2013(平成25)年度比で46%削減する。"
    )
    assert (got["name"], got["target"], got["deadline_fy"]) == (
        "温室効果ガス排出量",
        46,
        2030,
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "・道の駅の年間売上高(1億2,000万円)",
            {"name": "道の駅の年間売上高", "target": 120000},
        ),
        ("・耕作放棄地の解消面積 20ha", {"name": "耕作放棄地の解消面積", "target": 20}),
    ],
)
def test_kpi_list_entries_of_sales_and_areas(text: str, expected: dict) -> None:
    got = _one(text)
    assert {k: got[k] for k in expected} == expected


def test_a_bullet_naming_no_measure_is_no_entry() -> None:
    assert extract_statement("・最高(3件)") == []


@pytest.mark.parametrize(
    "text",
    [
        "回答者の65%が市の目標値について知っている。",
        "そこでは正規の職員数を800人程度というふうにした。",
        "基金残高の下限額を15億円に変更し、基金を運用した。",
        "「経常収支比率の改善(95%以下)」を目標としていたが、達成できなかった。",
        "「経常収支比率の改善(95%以下)」の達成を目指しましたが、96%となりました。",
        "待機児童ゼロを目標としていたが、3人となった。",
        "計画期間の目標人口は3万人とされていた。",
    ],
)
def test_near_misses_of_the_reform_plan_forms(text: str) -> None:
    assert extract_statement(text) == []


# One form, spelled the ways cities and PDF text spell it (kpi_statements/canonical.py).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # another right arrow
            "転入者数:1,210人(2015年)➔1,480人(2020年)",
            {"name": "転入者数", "baseline": 1210, "target": 1480, "deadline_fy": 2020},
        ),
        (
            "転入者数:1,210人(2015年)⟶1,480人(2020年)",
            {"name": "転入者数", "baseline": 1210, "target": 1480},
        ),
        (  # an arrow's years without their parentheses, as PDF text drops them
            "・リサイクル率:24.75% 平成30年度 → 27% 令和11年度",
            {
                "name": "リサイクル率",
                "baseline": 24.75,
                "target": 27,
                "deadline_fy": 2029,
                "baseline_date": "2019-03-31",
            },
        ),
        (  # a deadline 'を目途に' as 'までに'
            "2027年度末を目途に窓口のキャッシュレス対応率を70%にします。",
            {"name": "窓口のキャッシュレス対応率", "target": 70, "deadline_fy": 2027},
        ),
        (
            "令和9年度をめどに審議会等の女性委員の割合を40%以上とする。",
            {"name": "審議会等の女性委員の割合", "target": 40, "comparator": "以上"},
        ),
        (  # a label in brackets before its value
            "○合計特殊出生率:1.08(2021年度)⇒(目標値)1.30",
            {"name": "合計特殊出生率", "baseline": 1.08, "target": 1.3},
        ),
        (  # a Roman numeral, a katakana number or a mark opening the line
            "Ⅰ 目標2_DX人材育成研修受講者:1,000人/年",
            {"name": "DX人材育成研修受講者", "target": 1000},
        ),
        (
            "ア. 目標_庁内会議のペーパーレス実施率:85%",
            {"name": "庁内会議のペーパーレス実施率", "target": 85},
        ),
        (
            "◎目標3_窓口のキャッシュレス対応率:70%",
            {"name": "窓口のキャッシュレス対応率", "target": 70},
        ),
        (  # a cell's value dated after it without parentheses (a PDF table's copy)
            "2 | 子育てに喜びを感じている親の割合(%) | 94.0  2019年度  | 96.0以上  2023年度  |",
            {
                "name": "子育てに喜びを感じている親の割合",
                "baseline": 94,
                "target": 96,
                "comparator": "以上",
                "deadline_fy": 2023,
                "baseline_date": "2020-03-31",
            },
        ),
        (  # a note or a source closing the line
            "・UIJターン数(350人/年) ※市独自の指標",
            {"name": "UIJターン数", "target": 350, "per": "year"},
        ),
        (
            "・地域経済循環率105%(出典:令和5年度経済センサス)",
            {"name": "地域経済循環率", "target": 105},
        ),
        (  # a FY followed by itself in the other calendar
            "平成25年度(2013年度)を基準に令和12年度(2030年度)までに温室効果ガスを50%削減することを目標とします。",
            {"name": "温室効果ガス", "target": 50, "deadline_fy": 2030, "change": True},
        ),
        (
            "羽村市は2045年度(令和27年度)までに公共施設の総量を20%削減します。",
            {"name": "公共施設の総量", "target": 20, "deadline_fy": 2045},
        ),
        (  # counts in kanji numerals without a digit kanji, as newspapers write them
            "市は正職員の定数上限を千二百八十四人から千百人に減らす計画を策定した。",
            {"name": "正職員の定数上限", "baseline": 1284, "target": 1100},
        ),
        (
            "雇用の創出により毎年千人の社会増を目指します。",
            {"target": 1000},
        ),
        (  # a header cell's dates after its labels, the parentheses lost
            "K P I 目標値 H31年度 実績値 H28年3月末 | 新規開業者数 10件 1件",
            {"name": "新規開業者数", "target": 10, "deadline_fy": 2019},
        ),
        (  # a paragraph's opening topic behind a list number
            "(1) 人件費は、職員数の削減などその抑制に努めてきました。今後も抑制に努め、"
            "平成22年度までに人件費を100億円以下とします。",
            {"target": 10000000, "comparator": "以下"},
        ),
        (  # the subject, then the time its goal is for
            "コミュニティバスの利用者数は令和7年度の目標値145人に対し、令和4年度実績値は124人でした。",
            {"name": "コミュニティバスの利用者数", "target": 145, "deadline_fy": 2025},
        ),
        (  # a count per year written '年間N人'
            "目標2_DX人材育成研修受講者:年間1,000人",
            {"name": "DX人材育成研修受講者", "target": 1000, "per": "year"},
        ),
        (
            "情報公開コーナーの利用者数 年間2,100人 年間4,000人",
            {"name": "情報公開コーナーの利用者数", "baseline": 2100, "target": 4000},
        ),
        (  # labels spaced letter by letter, as PDF text gives them
            "市民評価:現 状 値2.95(2022年度)→目 標 値3.30(2031年度)",
            {"name": "市民評価", "baseline": 2.95, "target": 3.3, "deadline_fy": 2031},
        ),
    ],
)
def test_one_form_in_several_spellings(text: str, expected: dict) -> None:
    got = _one(text)
    assert {k: got[k] for k in expected} == expected


def test_a_spelling_is_rewritten_only_where_it_is_that_form() -> None:
    # '数千人', '一人ひとり', '千葉' and a unit cell '千人' are no counts
    for words in ("数千人", "一人ひとり", "千葉県", "| 千人 |", "2,584 千人"):
        assert normalize(words).text == words
    assert normalize("職員を五人削減").text == "職員を5人削減"
    # a note stating a number of its own stays
    assert "50人" in canonical(normalize("管理職 100人 ※うち女性50人以上")).text
    # a decimal opening the line is no list number
    assert canonical(normalize("1.5%以上を目指す")).text.startswith("1.5%")
    # '目途' not after a date, and a label's letters inside a word, stay as written
    assert extract_statement("事業の目途が立ったため、職員を3人増やした。") == []
    # '5年間で' is a period, not a count per year
    (f,) = extract_statement("5年間で100人の雇用の創出を目指します。")
    assert (f.target, f.per) == (100, "cumulative")
    found = extract_statement(
        "目 標設定時 | 現状値 | 目標値 | 参加者数 | 100人 | 150人"
    )
    assert [(f.name, f.target) for f in found] == [("参加者数", 150)]


# Forms of the eleventh round (健康増進, 食育, ごみ, 男女共同参画 plans and the
# newsletters and minutes quoting them), written for these tests.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a row's number between the header and the name
            "指標 基準値(令和2年度) 目標値(令和8年度) 12 3歳児のう蝕のない者の割合 85.1% 90%",
            {"name": "3歳児のう蝕のない者の割合", "baseline": 85.1, "target": 90},
        ),
        (  # per person and day: the '1人' is no count
            "計画目標年度(令和9年度)における燃やすごみの排出目標値 1人1日あたり520g",
            {
                "name": "燃やすごみの排出",
                "target": 520,
                "unit": "g",
                "deadline_fy": 2027,
                "direction": "lower",
            },
        ),
        (
            "1日あたりの家庭ごみの排出量目標値:1人398g",
            {"name": "1日あたりの家庭ごみの排出量", "target": 398, "unit": "g"},
        ),
        (  # the plan quoted before the name is not part of it
            "町が定めた「第3次ごみ処理基本計画」の1人1日当たり資源ごみ排出量の"
            "令和6年度目標値120gに対し、実績は131gでした。",
            {"name": "1人1日当たり資源ごみ排出量", "target": 120, "deadline_fy": 2024},
        ),
        (  # the actual in a bracket after the sentence, not the estimate beside it
            "(2)外国人宿泊者数 令和10年までに50万人泊にする。"
            "【令和5年実績:31万人泊、令和6年推計:35万人泊】",
            {
                "name": "外国人宿泊者数",
                "target": 500000,
                "baseline": 310000,
                "baseline_date": "2023-12-31",
                "deadline_fy": 2028,
            },
        ),
        (  # a figure that is the state of things, then the one that is the goal
            "■例えば、中学生の肥満傾向児の割合 R4年は9.1%が実態であり、"
            "R9年に8.0%が目標とある。",
            {
                "name": "中学生の肥満傾向児の割合",
                "target": 8,
                "baseline": 9.1,
                "deadline_fy": 2027,
            },
        ),
        (  # an item of a list, its fields after ' - '
            "2. 成果指標:「相談できる人がいる」と回答した若者の割合 - "
            "現状値:令和6年度 中学生 61.0%、高校生 55.2% - 目標:80%",
            {
                "name": "「相談できる人がいる」と回答した若者の割合",
                "target": 80,
                "baseline": None,
            },
        ),
        (  # nouns sharing one goal, whose owner is not the name
            "③歯周病検診、特定健康診査の県の目標は50%とされていますが、町の受診率はどうか。",
            {"name": "歯周病検診、特定健康診査", "target": 50},
        ),
        (  # a slogan in quotes restates the target it follows
            "国は「2030年までに、管理職に女性が占める割合が、少なくとも30%となるよう"
            "目指す」との目標を掲げ、その計画に「2030年30%」目標が盛り込まれた。",
            {"name": "管理職に女性が占める割合", "target": 30, "deadline_fy": 2030},
        ),
    ],
)
def test_eleventh_round_forms(text: str, expected: dict) -> None:
    got = _one(text)
    assert {k: got[k] for k in expected} == expected


def test_a_result_against_its_goal_is_no_second_target() -> None:
    found = extract_statement(
        "地域活動への参加率は目標の60%に対し48.2%、審議会の女性委員の割合は、"
        "目標の40%に対し31.5%。"
    )
    assert [(f.name, f.target) for f in found] == [
        ("地域活動への参加率", 60),
        ("審議会の女性委員の割合", 40),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # counts of a mid-term review's items and their shares
        "最終評価における目標の達成状況は52項目の指標のうち、「A」は20項目で38.5%となりました。",
        # the goal cell holds a word: the number is the current value
        "評価指標 現状 目標 区分 婚姻数の増加 812件 増加 ⅰ",
        # two people's figures, no per-person value
        "目標 1人 2人",
    ],
)
def test_eleventh_round_near_misses_yield_nothing(text: str) -> None:
    assert extract_statement(text) == []


# Forms of the tenth round (the pages a town publishes when it adopts a plan),
# written for these tests.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a change spelled out in parentheses after its noun, in kanji numerals
            "主な取組としては、事務費の削減や職員数の削減(五年間で四一二名から"
            "三八〇名へ)などを掲げております。",
            {"name": "職員数", "baseline": 412, "target": 380, "direction": "lower"},
        ),
        (  # a day's waste per person as its unit
            "・1人1日あたりの事業系ごみ排出量:512.3g/人・日(令和元年度) → "
            "480.0g/人・日(令和12年度)",
            {"unit": "g/人・日", "baseline": 512.3, "target": 480, "deadline_fy": 2030},
        ),
        (  # an adverb opens the clause: the object before it is the name
            "計画期間の5年間で、庁舎から出る二酸化炭素排出量を、平均して6%削減します。",
            {"name": "二酸化炭素排出量", "target": 6, "change": True},
        ),
        (  # '具体的には', a footnote '(※注2)'
            "国の水準を上回らないことを目標とし、具体的には令和8年における"
            "標準化死亡比(※注2)が95以下となることを目指します。",
            {"name": "標準化死亡比", "target": 95, "comparator": "以下"},
        ),
        (  # '目標 値' in PDF spacing; a result of the same sentence is no baseline
            "バス1日当たりの利用者数は令和9年度の目標 値 210 人に対し、"
            "令和5年度実績値は 180 人でした。",
            {"name": "バス1日当たりの利用者数", "target": 210, "baseline": None},
        ),
        (  # a count set anew: the count it starts from, dated by its day
            "令和2年4月1日の職員数412人を、5年後の令和7年4月1日には、390人以下とする。",
            {
                "name": "職員数",
                "baseline": 412,
                "baseline_date": "2020-04-01",
                "target": 390,
                "deadline_fy": 2024,
            },
        ),
        (  # a goal right after its value
            "職員数は1,520人(令和3年4月1日)から1,450人目標。",
            {"name": "職員数", "baseline": 1520, "target": 1450},
        ),
    ],
)
def test_forms_of_the_tenth_round(text: str, expected: dict) -> None:
    got = _one(text)
    assert {k: got[k] for k in expected} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # '…による目標額': the goal has no other name
            "事務事業の見直しによる目標額を令和8年度までの5年間で3億円とします。",
            {"name": "事務事業の見直しによる目標額", "target": 300000},
        ),
        (  # 'N%に向けて'
            "目標年度(2030年度)の削減率40%に向けて、排出量の削減に努めます。",
            {"name": "削減率", "target": 40, "deadline_fy": 2030},
        ),
        (  # a change from a measure's average over a base period
            "令和10年までに、平成27年から令和元年までの自殺死亡率の平均値から"
            "25%以上減少させることを目標とします。",
            {"name": "自殺死亡率", "target": 25, "deadline_fy": 2028},
        ),
        (  # a labelled start without a colon; the name before a spoken aside
            "令和4年度から8年度までの5年間で、令和2年度の自殺死亡率、人口10万人に"
            "対してですけれども、当時の現状値20.1をおおむね30%減少の14.1となるよう、"
            "目標値を定めております。",
            {"name": "自殺死亡率", "baseline": 20.1, "target": 14.1},
        ),
        (  # a goal adopted 'に設定した' after '目標…を'
            "新計画では、令和12年の市の目標人口を3万2000人に設定した。",
            {"name": "人口", "target": 32000, "deadline_fy": 2030},
        ),
        (  # zero spelled out again: a goal's slogan
            "令和8年から令和12年までの5年間 若年層の自殺0(ゼロ)",
            {"name": "若年層の自殺", "target": 0, "deadline_fy": 2030},
        ),
        (  # 'に抑える' aims lower
            "令和8年度の目標として、若者の転出者の割合を12%に抑える。",
            {"name": "若者の転出者の割合", "target": 12, "direction": "lower"},
        ),
    ],
)
def test_more_forms_of_the_tenth_round(text: str, expected: dict) -> None:
    got = _one(text)
    assert {k: got[k] for k in expected} == expected


def test_an_apposition_names_its_goal_and_a_way_to_a_level_is_none() -> None:
    found = extract_statement(
        "目標として、人口の自然増、すなわち、出生数が死亡数を上回る数が20人に"
        "なることを目標とし、年間の出生数を令和2年度から15人増やし240人にする。"
    )
    assert [(f.name, f.target) for f in found] == [
        ("人口の自然増", 20),
        ("年間の出生数", 240),
    ]


def test_a_parts_own_goal_in_parentheses() -> None:
    found = extract_statement(
        "温室効果ガスの排出量を2013年度比で40%削減(家庭部門は60%削減)する。"
    )
    assert [(f.name, f.target, f.change) for f in found] == [
        ("温室効果ガスの排出量", 40, True),
        ("家庭部門", 60, True),
    ]


def test_a_change_listed_after_a_goal_is_one_too() -> None:
    found = extract_statement(
        "職員数は820人(令和2年4月1日)から780人目標、人件費52億円(令和元年度決算)"
        "から49億円(令和6年度決算)などが示されました。"
    )
    assert [(f.name, f.baseline, f.target) for f in found] == [
        ("職員数", 820, 780),
        ("人件費", 5_200_000, 4_900_000),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # a plan's cut that was achieved, a count of its items
        "令和元年度から令和5年度までの5年間で、職員数を30人削減する計画が達成されました。",
        "職員数の見直しなど八十二項目を掲げ取り組んでまいります。",
        # a change between two results, not spelled out after a change's noun
        "職員数は(五年間で四一二名から三八〇名へ)推移しました。",
        # two values in a list, neither stated as a goal
        "職員数は820人から790人、人件費52億円から49億円などとなりました。",
        # a zero that is a count, not spelled out again; a part's result
        "令和5年の若年層の自殺者数は0でした。",
        "排出量は2013年度比で30%減少(家庭部門は45%減少)しました。",
        # a level set in the past, with no goal named
        "令和5年の市の人口を3万2000人に設定した推計です。",
    ],
)
def test_near_misses_of_the_tenth_round(text: str) -> None:
    assert extract_statement(text) == []


# Labels, cells and units other cities write: a tab between cells, パーセント,
# 現況値/直近値/現在値 for the starting value, 名 for 人, a bullet or list number
# in front. Each reads as its usual spelling does.
@pytest.mark.parametrize(
    ("text", "usual"),
    [
        (
            "指標名\t現状値(R4)\t目標値(R8)\t自主防災組織率\t85.2%\t95%",
            "指標名 | 現状値(R4) | 目標値(R8) | 自主防災組織率 | 85.2% | 95%",
        ),
        ("認知症サポーター数 \t 310人 \t 600人", "認知症サポーター数 | 310人 | 600人"),
        (
            "市民満足度 58.1パーセント(令和5年度)→65パーセント(令和9年度)",
            "市民満足度 58.1%(令和5年度)→65%(令和9年度)",
        ),
        (
            "【公園の利用満足度:現況値62.0%(2023年度)→目標値70.0%(2030年度)】",
            "【公園の利用満足度:現状値62.0%(2023年度)→目標値70.0%(2030年度)】",
        ),
        (
            "市の職員の男性育児休業取得率は、直近値が21.5%で、目標値を50%としている。",
            "市の職員の男性育児休業取得率は、現状値が21.5%で、目標値を50%としている。",
        ),
        (
            "指標名 | 現在値 | 目標値(R12) | 公園愛護会の数 | 24団体 | 30団体",
            "指標名 | 現状値 | 目標値(R12) | 公園愛護会の数 | 24団体 | 30団体",
        ),
        (
            "指標名 | 策定時 | 直近値 | 目標値(R7) | 特定健診受診率 | 40.1%(R2) | 45.3%(R5) | 60%",
            "指標名 | 策定時 | 最新値 | 目標値(R7) | 特定健診受診率 | 40.1%(R2) | 45.3%(R5) | 60%",
        ),
        (
            "市は職員数を令和10年度までに480名から450名に減らす計画だ。",
            "市は職員数を令和10年度までに480人から450人に減らす計画だ。",
        ),
        (
            "定期的に運動する市民の割合を3名に2名(67%)以上にします。",
            "定期的に運動する市民の割合を3人に2人(67%)以上にします。",
        ),
        (
            "① 目標、毎年500人の転入者数。達成できたのは2019年だけだった。",
            "目標、毎年500人の転入者数。達成できたのは2019年だけだった。",
        ),
        (
            "(ア) 国の目標値は、自殺死亡率を2026年までに30%減少させることとしている。",
            "国の目標値は、自殺死亡率を2026年までに30%減少させることとしている。",
        ),
        (
            "1) 収納率(国民健康保険税) 納期内納付を進め、収納率の向上を図る。 単位 計画策定時"
            " 令和5年度 令和6年度 令和7年度 計 画 95.10% 95.40% 95.70% R4 94.80% 実 績 95.20%",
            "収納率(国民健康保険税) 納期内納付を進め、収納率の向上を図る。 単位 計画策定時"
            " 令和5年度 令和6年度 令和7年度 計 画 95.10% 95.40% 95.70% R4 94.80% 実 績 95.20%",
        ),
        (
            "国の調査に基づく推計では、市の住宅の耐震化率は88.0%で、目標である95%に"
            "もう少しで届くという状況です。",
            "国の調査に基づく推計では、市の住宅の耐震化率は88.0%で、目標値である95%に"
            "もう少しで届くという状況です。",
        ),
    ],
)
def test_other_spellings_of_labels_cells_and_units(text: str, usual: str) -> None:
    got = [f.to_dict() for f in extract_statement(text)]
    assert got and got == [f.to_dict() for f in extract_statement(usual)]


def test_a_tab_bounds_a_cell_and_the_spans_point_at_the_text_as_written() -> None:
    text = "自主防災組織率\t85.2パーセント\t95パーセント"
    (f,) = extract_statement(text)
    assert (f.name, f.baseline, f.target, f.unit) == ("自主防災組織率", 85.2, 95, "%")
    assert text[slice(*f.spans["target"])] == "95パーセント"
    assert text[slice(*f.spans["baseline"])] == "85.2パーセント"


def test_pasted_cells_read_under_their_header_line() -> None:
    rows = extract_lines(
        ["指標名\t現況値(R4)\t目標値(R8)", "自主防災組織率\t85.2%\t95%"]
    )
    assert rows[0]["indicators"] == []
    (kpi,) = rows[1]["indicators"]
    assert (kpi["name"], kpi["baseline"], kpi["target"], kpi["deadline_fy"]) == (
        "自主防災組織率",
        85.2,
        95,
        2026,
    )


def test_a_latest_value_beside_the_starting_one_is_no_baseline() -> None:
    """'策定時 | 直近値': the 直近値 is the latest actual, the baseline is 策定時's."""
    (f,) = extract_statement(
        "指標名 | 基準値 | 直近値 | 目標値 | 特定健診受診率 | 40.1% | 45.3% | 60%"
    )
    assert (f.baseline, f.target) == (40.1, 60)


@pytest.mark.parametrize(
    "text",
    [
        # a bullet before a series of results read as a list of bounds
        "① 市の発表によれば、男性職員の育児休業取得人数は、令和3年度=4人、"
        "令和4年度=7人となっている。",
        # 直近値 is an actual, not a target, when nothing names a goal
        "特定健診受診率の直近値は45.3%である。",
    ],
)
def test_near_misses_of_other_spellings(text: str) -> None:
    assert extract_statement(text) == []


def test_a_bullet_list_of_targets_under_a_goal_heading_and_its_deadline() -> None:
    found = extract_statement(
        "■資源化の目標 令和8年度末までに ・リサイクル率を30%に ・埋立処分量を1,200トンに"
    )
    assert [(f.name, f.target, f.deadline_fy) for f in found] == [
        ("リサイクル率", 30, 2026),
        ("埋立処分量", 1200, 2026),
    ]
    # the same items without a goal heading are a report, not targets
    assert (
        extract_statement("令和5年度は ・リサイクル率を25%に ・埋立処分量を1,500tに")
        == []
    )


def test_a_change_column_beside_the_base_and_target_years() -> None:
    got = _one(
        "令和元年度 | 令和11年度 | 削減量 | | 家庭系ごみ排出量 | 21,500トン | 18,000トン | 3,500トン |"
    )
    assert (got["target"], got["baseline"], got["deadline_fy"]) == (18000, 21500, 2029)
    assert got["baseline_date"] == "2020-03-31" and got["direction"] == "lower"


def test_a_header_a_pdf_ran_together() -> None:
    got = _one(
        "第1期計画の数値目標と進捗状況区分第1期計画策定時数値目標令和2年度進捗状況"
        "※乳幼児健康診査の受診率92.0% 97.0% 94.1%"
    )
    assert (got["name"], got["baseline"], got["target"]) == (
        "乳幼児健康診査の受診率",
        92,
        97,
    )
    # the same run-together header with two values only states no such row
    assert (
        extract_statement(
            "区分計画策定時数値目標令和2年度進捗状況 乳幼児健康診査の受診率92.0% 94.1%"
        )
        == []
    )


# Round 12's forms, written for these tests: a long name wholly in quotes, bullets
# 'X:N' whose name holds particles, lists of bounds sharing one verb, a level held,
# '…N人体制にする', zero kept or reached, names after において/長期的には, a year
# with the name and value in parentheses on both sides of '⇒', a reference actual
# after the sentence, and an evaluation sheet's row without its header.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "指標「地域公共交通の再編に取り組む市町村数」 現状値 2市町村(令和3年度末)"
            " 目標値 12市町村(令和9年度末)",
            {
                "name": "地域公共交通の再編に取り組む市町村数",
                "target": 12,
                "baseline": 2,
            },
        ),
        (
            "●市の子育て支援に満足していると答える保護者の割合:75.0%",
            {"name": "市の子育て支援に満足していると答える保護者の割合", "target": 75},
        ),
        (
            "令和8年度までに、職員数(再任用職員を含む)の3%、120人以上の削減を行う。",
            {"name": "職員数(再任用職員を含む)", "target": 120, "comparator": "以上"},
        ),
        (
            "職員の採用を抑え、5年間で150名程度削減し、消防の職員を含め、1,800人体制にする。",
            {"name": "消防の職員", "target": 1800},
        ),
        (
            "保育所の入所枠を拡充し、待機児童ゼロを継続します。",
            {"name": "待機児童", "target": 0, "comparator": "維持"},
        ),
        (
            "長期目標 2050年度における温室効果ガス排出量を実質ゼロの実現を目指す",
            {"name": "温室効果ガス排出量", "target": 0, "deadline_fy": 2050},
        ),
        (
            "目標(2030年):45.2万人以上の人口を維持すること",
            {
                "name": "人口",
                "target": 452000,
                "comparator": "以上",
                "deadline_fy": 2030,
            },
        ),
        (
            "計画期間中においては、一般行政部門において40人の削減を図ります。",
            {"name": "一般行政部門", "target": 40},
        ),
        (
            "消防職員を除く職員数を令和8年度当初は900人程度、長期的には850人程度を目標とする。",
            {"name": "消防職員を除く職員数", "target": 850, "targets": {"2025": 900}},
        ),
        (
            "・平成22年度(当初職員数520人)⇒平成27年度(当初職員数470人)の間に50人程縮減予定",
            {
                "name": "当初職員数",
                "target": 470,
                "baseline": 520,
                "baseline_date": "2010-04-01",
                "deadline_fy": 2014,
            },
        ),
        (
            "目標2 令和11年度までに年次休暇の平均取得日数を15日にする。 参考:令和5年度実績 11日",
            {"target": 15, "baseline": 11, "baseline_date": "2024-03-31"},
        ),
        (
            "令和12年度までに女性職員の管理職割合を20%する。",
            {"name": "女性職員の管理職割合", "target": 20, "deadline_fy": 2030},
        ),
        (
            "2030年度に削減率46%を目指した区域施策編を策定しました。",
            {"name": "削減率", "target": 46, "deadline_fy": 2030},
        ),
        (
            "地域防災訓練の参加者数 1,200人 1,800人 1,350人",
            {"name": "地域防災訓練の参加者数", "target": 1800, "baseline": 1200},
        ),
    ],
)
def test_round_twelve_forms(text: str, expected: dict) -> None:
    got = _one(text)
    for key, value in expected.items():
        assert got[key] == value, (key, got)


def test_an_arrow_to_the_next_year_is_a_goal_when_the_line_says_so() -> None:
    got = _one("目標 朝市 開催回数:8回【R4】→10回【R5】")
    assert (got["baseline"], got["target"], got["deadline_fy"]) == (8, 10, 2023)


def test_bounds_listed_with_one_verb() -> None:
    found = extract_statement(
        "令和7年度決算時には、将来負担比率を80%以内に、また実質公債費比率を12.0%以内に抑制する。"
    )
    assert [(f.name, f.target, f.comparator) for f in found] == [
        ("将来負担比率", 80, "以内"),
        ("実質公債費比率", 12, "以内"),
    ]


# Table rows a PDF copy flattened with single spaces, read as their cells joined
# by '|' are when the space reader finds no row: each token a cell, a value's
# parentheses in its cell; only under a header's goal column, or a start, a name
# and a goal side by side.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a start, the name, the goal
            "3,410件 空き家バンクの登録件数(累計) 4,200件",
            {"name": "空き家バンクの登録件数(累計)", "baseline": 3410, "target": 4200},
        ),
        (  # the goal column of a results table, then its results
            "項目 目標値 3年度実績 累計 (R1~R5年度) 進捗率 "
            "事務事業の見直し額 2,150百万円 610百万円 2,480百万円 115.3%",
            {"name": "事務事業の見直し額", "target": 2150000, "baseline": None},
        ),
        (  # a cabinet office row: its dates in the '(時期)' columns
            "目標項目 数値目標 (時期) 最新値 (時期) 目標設定時最新値 (時期) "
            "女性職員の管理職割合 20% 2025 14% 2022 11% 2019",
            {
                "name": "女性職員の管理職割合",
                "target": 20,
                "baseline": 11,
                "baseline_date": "2019-12-31",
                "deadline_fy": 2025,
            },
        ),
        (  # a header's years before their labels, a value's year in its cell
            "指標名 現状値 令和9年度 目標値 令和13年度 目標値 "
            "特定健診の受診率 41.5% (令和5年度) 50.0% 60.0%",
            {
                "name": "特定健診の受診率",
                "target": 60,
                "deadline_fy": 2031,
                "baseline": 41.5,
                "baseline_date": "2024-03-31",
                "targets": {"2027": 50, "2031": 60},
            },
        ),
        (  # a header's label, its year and the year's note
            "指標 現況 2020年 (数値は令和元年度末) 最終年度の目標 2030年 "
            "(数値は令和11年度末) ごみのリサイクル率 18.2% 25%以上",
            {"name": "ごみのリサイクル率", "target": 25, "baseline": 18.2},
        ),
    ],
)
def test_space_rows_read_as_cells(text: str, expected: dict) -> None:
    got = _one(text)
    assert {k: got.get(k) for k in expected} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the reason cell restates the goal with a word of its own ('早期に')
            "2 運動習慣のある市民の割合(%) 41.2 (2022年度) 50.0 (2028年度) "
            "健康教室の充実を図り、早期に50%をめざす 市民意識調査",
            {"name": "運動習慣のある市民の割合", "target": 50, "baseline": 41.2},
        ),
        (  # the reason names the measure otherwise
            "図書館の利用者数 平成30年度調査 10%増 15%増 20%増 "
            "改修により魅力を高め、1日当たり利用者数の20%増加をめざす。",
            {"name": "図書館の利用者数", "target": 20, "change": True},
        ),
    ],
)
def test_a_space_rows_reason_restates_its_goal(text: str, expected: dict) -> None:
    got = _one(text)
    assert {k: got.get(k) for k in expected} == expected


@pytest.mark.parametrize(
    "text",
    [
        # counts of a plan's items
        "各施策に1項目以上、計64項目の成果指標を設定。",
        # a target stated as achieved
        "職員数の「概ね 800 人削減」については、令和4年度において 210 人の削減を行い、"
        "計画期間中の削減累計が 830 人となることから、目標を達成することとなりました。",
        # a series of results rising: no evaluation sheet's target
        "地域防災訓練の参加者数 1,200人 1,350人 1,800人",
        # zero without a goal verb
        "待機児童ゼロの状況が続いています。",
        # the same values in parentheses with different names: no arrow of one count
        "・平成22年度(当初職員数520人)⇒平成27年度(再任用職員数30人)",
        # a value and the next year's: a change reported, not a goal
        "朝市 開催回数:8回【R4】→7回【R5】",
        # an aspiration beyond the goal, the goal's name in another cell
        "目標年度 | 2030年度 | 2013年度比で46%以上の削減とし、さらなる高みとして60%削減を目指す",
    ],
)
def test_near_misses_of_round_twelve_forms(text: str) -> None:
    assert extract_statement(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "総合進捗状況 順調 58% 遅れ 42% 遅れ",  # shares of a review, no goal column
        "区分 職員数 採用者数 退職者数 令和5年度 412人 15人 18人",  # a year's figures
        "3,410件 空き家バンクの登録件数 4,200人",  # two units: no start and goal
        "人口 54,120人 (令和6年10月1日現在)",  # a figure as of a day
        # a header's column of estimates, no goal
        "指標 現況 2020年 (数値は令和元年度末) 中間年度の見込 2030年 "
        "(数値は令和11年度末) ごみのリサイクル率 18.2% 25%以上",
    ],
)
def test_space_rows_not_read_as_cells(text: str) -> None:
    assert extract_statement(text) == []


# Space-joined rows' names: the name, then what it means (a clause the PDF may
# have spaced apart); a row's number before its name; a year in the name's
# parentheses ('(対2019年比)') qualifies it and is no year label.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "指標 現状 目標 防災士の登録者数 市内に住み、又は勤める者のうち、"
            "防災士の資格を持つ者の数 412人(令和4年度) 600人(令和9年度)",
            {"name": "防災士の登録者数", "target": 600, "baseline": 412},
        ),
        (
            "12 観光消費額(宿泊客1人当たり) 県内の観光消費額を延べ宿泊者数で除したもので、"
            "宿泊客 1人当たりの消費額を示すもの(暦年) 円 21,300 (2023) 25,000 (2028) 観光部",
            {"name": "観光消費額(宿泊客1人当たり)", "target": 25, "baseline": 21.3},
        ),
        (
            "目標項目 数値目標 (時期) 最新値 (時期) 目標設定時最新値 (時期) "
            "職員1人当たりの超過勤務時間(対2019年比) 120時間 2025年度 150時間 2023年度 "
            "160時間 2020年度",
            {
                "name": "職員1人当たりの超過勤務時間(対2019年比)",
                "target": 120,
                "baseline": 160,
                "deadline_fy": 2025,
            },
        ),
    ],
)
def test_space_rows_names(text: str, expected: dict) -> None:
    got = _one(text)
    assert {k: got.get(k) for k in expected} == expected


@pytest.mark.parametrize(
    "text",
    [
        # results by year under 現状 and 実績, no goal
        "指標 現状 実績 防災士の登録者数 市内に住み、又は勤める者のうち、"
        "防災士の資格を持つ者の数 412人(令和4年度) 450人(令和5年度)",
        "12 観光消費額 県内の観光消費額を延べ宿泊者数で除したもので、宿泊客 "
        "1人当たりの消費額を示すもの 円 21,300 (2022) 23,100 (2023) 推計",
    ],
)
def test_space_rows_names_no_target(text: str) -> None:
    assert extract_statement(text) == []


def test_a_space_rows_code_under_a_goal_label() -> None:
    """'5ヵ年目標 21405 名前 当初 …': the number after the header's last label
    is the row's code (its name in parentheses may hold a number), not a goal."""
    got = _one(
        "施策コード 成果指標 区分 令和2年 令和3年実績 令和4年実績 5ヵ年目標 21405 "
        "公民館利用者数(週1回以上) 当初 58,200人 61,300人 63,800人 70,000人"
    )
    assert (got["name"], got["target"], got["baseline"]) == (
        "公民館利用者数(週1回以上)",
        70000,
        58200,
    )


def test_a_space_rows_header_note_and_year_with_its_label() -> None:
    """'( )内は…目標値' notes what the values' parentheses hold (no column of its
    own); '令和5年度 実績' is one column, the year's result."""
    got = _one(
        "項目 令和7年度目標値 ( )内は5年度目標値 令和5年度 実績 達成状況 "
        "市税収納率 98.5%以上(97.8%) 97.9% 推進中"
    )
    assert (got["name"], got["target"], got["baseline"], got["deadline_fy"]) == (
        "市税収納率",
        98.5,
        None,
        2025,
    )


@pytest.mark.parametrize(
    "text",
    [
        # a header of estimates (spaced by the PDF) and no goal column
        "現状値 令和10年度 試 算 値 令和14年度 試 算 値 パターンA 31.2万人 (令和5年) "
        "29.8万人 28.1万人",
        "区分 2020年 (国勢調査) 2030年 (推計) 総人口 18,200人 15,400人",
        # two names of one measure, a figure each: a table of figures
        "町の令和6年度の状況は次のとおりです。 審議会等 における女性委員比率 "
        "委員会等 における女性委員比率 31.5% 18.0%",
        # dashes, a year and a figure with its source: no goal
        "総人口 ― ― R2年 54,120人 (国勢調査)",
    ],
)
def test_space_rows_of_estimates_and_figures(text: str) -> None:
    assert extract_statement(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a goal column beside an estimate's
            "現状値 令和10年度 目標値 令和14年度 見込値 観光入込客数 31.2万人 (令和5年) "
            "35.0万人 36.0万人",
            {"name": "観光入込客数", "target": 350000, "deadline_fy": 2028},
        ),
        (  # dashes for the missing start and latest values, the goal's year, the goal
            "新規就農者数 － － R7～11 年度 25人／年",
            {
                "name": "新規就農者数",
                "target": 25,
                "deadline_fy": 2029,
                "baseline": None,
            },
        ),
    ],
)
def test_space_rows_goal_beside_estimates_and_dashes(text: str, expected: dict) -> None:
    got = _one(text)
    assert {k: got.get(k) for k in expected} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a name opening with '1人1日当たり' under a base year, a goal year, a cut
            "令和4年度 令和12年度 削減量 1人1日当たりごみ排出量 812グラム 700グラム 112グラム",
            {"name": "1人1日当たりごみ排出量", "target": 700, "baseline": 812},
        ),
        (  # an age as the goal, its date after it
            "目標項目 数値目標 (時期) 最新値 (時期) 目標設定時最新値 (時期) "
            "男性職員の平均退職年齢 62歳 2030年度 60.1歳 2024年度 59.5歳 2020年度",
            {"name": "男性職員の平均退職年齢", "target": 62, "baseline": 59.5},
        ),
    ],
)
def test_space_rows_per_person_names_and_ages(text: str, expected: dict) -> None:
    got = _one(text)
    assert {k: got.get(k) for k in expected} == expected


def test_space_rows_ages_by_year_without_a_header() -> None:
    assert extract_statement("会員の平均年齢 45歳 2024年度 47歳 2025年度") == []


@pytest.mark.parametrize(
    "text",
    [
        # a name opening with a number right after the header's goal label
        "指標 説明 策定時の値(2020年度) 中間目標(2024年度) 目標値(2028年度) "
        "1日に8千歩以上歩く人の割合 日常の活動量が増え、健康づくりにつながります。 "
        "38.5% 42% 45%",
        # a reason quoting a national goal value after the row
        "8 太陽光発電の導入量 県内に設置された太陽光発電設備の出力の合計 kW 12,500 (2023) ― "
        "18,000 (2028) 国の2030年度の導入目標値30%に対する、期待値を上回る18,000kW 環境部",
    ],
)
def test_a_space_row_read_once(text: str) -> None:
    """Nothing read across the row: not a value inside its name, nor a label's
    value whose name runs over the row's goal."""
    got = _one(text)
    assert got["target"] in (45, 18000)


def test_a_space_row_read_as_cells_before_prose() -> None:
    """Cells read before the prose forms, which would take a name from the
    figures ('833.2キログラム')."""
    got = _one(
        "指標 現況 2020年 (数値は令和元年度末) 中間年度の目標 2026年 (数値は令和7年度末) "
        "公共施設の二酸化炭素排出量 309,833.2キログラム 294,433キログラム以下"
    )
    assert (got["name"], got["target"], got["baseline"]) == (
        "公共施設の二酸化炭素排出量",
        294433,
        309833.2,
    )


# Round 13's forms, written for these tests: the goal's own noun, a plan that
# raises the value, stages named by their year, yearly schedules of rates, a cap,
# one value under both labels, a row's goal restated in its name.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the goal's own noun as the sentence's topic
            "目標職員数はこの間、業務の電子化が進むと見込んで1,150人とした。",
            {"name": "職員数", "target": 1150},
        ),
        (  # the name after what the plan raises it in
            "本町の観光施策は、~海と山の魅力を活かした~誘客プランで掲げる観光入込客数"
            "120万人(2027年)を目標としている。",
            {"name": "観光入込客数", "target": 1200000, "deadline_fy": 2027},
        ),
        (  # stages named by their year take the measure stated before
            "前期の接種率が40%を上回ったことから、後期の初年度(令和3年度)目標値を42%に"
            "設定します。 その後段階的に目標値を設定し、最終年度(令和8年度)を50%に"
            "設定します。",
            {
                "name": "接種率",
                "target": 50,
                "deadline_fy": 2026,
                "targets": {"2021": 42, "2026": 50},
            },
        ),
        (  # a yearly schedule of whole-number rates
            "令和6年度 令和7年度 令和8年度 令和9年度 がん検診受診率 20% 24% 28% 32%",
            {
                "name": "がん検診受診率",
                "target": 32,
                "deadline_fy": 2027,
                "targets": {"2024": 20, "2025": 24, "2026": 28, "2027": 32},
                "direction": "higher",
            },
        ),
        (  # the same in cells after a label cell
            "区分 | 令和6年度 | 令和7年度 | 令和8年度 | 喫煙率 | 15% | 13% | 11% |",
            {"name": "喫煙率", "target": 11, "direction": "lower"},
        ),
        (  # a goal table's row under bare years, another row after it
            "県の目標 2020 2030 2040 出生数 5200 5600 6000 増加数 ‐ +400 +400",
            {"name": "出生数", "target": 6000, "deadline_fy": 2040},
        ),
        (  # a cap at the stated level, which is where it starts from
            "令和2年4月1日現在の職員数410人を計画期間中増加させないことを目標とする。",
            {
                "name": "職員数",
                "target": 410,
                "comparator": "以下",
                "direction": "lower",
                "baseline": 410,
                "baseline_date": "2020-04-01",
            },
        ),
        (  # one value under both labels
            "(質問)移住者数、基準値、目標値ともに50人に対して実績は32人にとどまる。",
            {"name": "移住者数", "target": 50, "baseline": 50},
        ),
        (  # a rate brought down from where it is
            "喫煙する妊婦の割合を現状の3.1%から国と同じ1%以下に引き下げることを明記。",
            {"name": "喫煙する妊婦の割合", "target": 1, "comparator": "以下"},
        ),
        (  # a name with brackets inside and a base year after it
            "また、要介護認定者(要支援を含む)の新規認定者のうち軽度者の割合の減少率"
            "(令和元年度対比)を10%とします。",
            {"target": 10},
        ),
        (  # a row's goal restated in its name, a department tag after it
            "目標項目 | 数値目標 | (時期) | 最新値 | (時期) | 男性職員の育児休業取得率30%以上 "
            "【水道】 | 30%以上 | 2025年度 | 12.0% | 2022年度 |",
            {"name": "男性職員の育児休業取得率", "target": 30},
        ),
        (  # overtime per employee
            "目標項目 | 数値目標 | (時期) | 最新値 | (時期) | 時間外勤務の縮減(年間) | "
            "120時間/人 | (2025年度) | 140.5時間/人 | (2021年度) |",
            {"unit": "時間/人", "target": 120},
        ),
    ],
)
def test_round_13_forms(text: str, expected: dict) -> None:
    got = _one(text)
    assert {k: got.get(k) for k in expected} == expected


@pytest.mark.parametrize(
    "text",
    [
        # a series of results under consecutive years: decimals that go up and down
        "受診率 令和元年度 令和2年度 令和3年度 令和4年度 特定健診受診率 "
        "38.2% 35.1% 37.4% 39.0%",
        # whole numbers that do not move one way
        "令和2年度 令和3年度 令和4年度 令和5年度 参加率 20% 25% 22% 30%",
        # results named as such
        "令和2年度 令和3年度 令和4年度 受診率の実績 30% 32% 34%",
        # the gap to the goal and an improvement achieved
        "初年度は、経費の削減などにより、目標に対して約3千万円の増となる約2億円の"
        "収支改善を図ることができました。",
        # a target stated as achieved
        "大綱の目標である令和6年度の転入者150人を達成することができた。",
    ],
)
def test_round_13_near_misses(text: str) -> None:
    assert extract_statement(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a tag in 【】 after the name qualifies it
            "目標項目 数値目標 (時期) 最新値 (時期) 目標設定時最新値 (時期) "
            "女性技術職員の採用割合20%以上 【上下水道局】 20%以上 2025年度 12.1% 2022年度 "
            "9.8% 2019年度",
            {"name": "女性技術職員の採用割合", "target": 20, "baseline": 9.8},
        ),
        (  # a yearly schedule's row read once, under the row's name
            "目標設定時 R6年度末 R7年度末 R8年度末 R9年度末 R10年度末 "
            "オンラインで申請できる手続の数(手続数) - 40 120 200 260 300",
            {
                "name": "オンラインで申請できる手続の数",
                "target": 300,
                "deadline_fy": 2028,
            },
        ),
    ],
)
def test_space_rows_tags_and_schedules(text: str, expected: dict) -> None:
    got = _one(text)
    assert {k: got.get(k) for k in expected} == expected


# A plan's numbered heading and its title copied in front of the statement, written
# for these tests: read as the statement alone; the title names a goal only when
# the statement after it names none.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "基本目標1 安定した雇用を創出する 就業者数 1,200人→1,500人",
            {"name": "就業者数", "baseline": 1200, "target": 1500},
        ),
        (
            "政策3 若者の定着・回帰の促進 UIJターン者数 120人→200人",
            {"name": "UIJターン者数", "baseline": 120, "target": 200},
        ),
        (
            "【基本目標2】 住み続けたいまちをつくる 転出超過数:200人→0人",
            {"name": "転出超過数", "baseline": 200, "target": 0},
        ),
        (
            "第2章 地域の活性化 ・観光入込客数(50万人/年)",
            {"name": "観光入込客数", "target": 500000},
        ),
        (
            "施策2-1 子育て支援の充実 目標_保育所待機児童数:0人",
            {"name": "保育所待機児童数", "target": 0},
        ),
        (  # the statement names no measure: the title does, as a line's heading
            "施策1-2 子育て支援の充実 目標:85%",
            {"name": "子育て支援の充実", "target": 85},
        ),
    ],
)
def test_a_numbered_heading_in_front(text: str, expected: dict) -> None:
    got = _one(text)
    assert {k: got[k] for k in expected} == expected
    start, end = extract_statement(text)[0].spans["name"]
    assert text[start:end] == expected["name"]


@pytest.mark.parametrize(
    "text",
    [
        "施策1 待機児童数 0人→5人",  # a name, not a title: no heading set apart
        "基本目標1 安定した 雇用を創出する 就業者数 1,200人→1,500人",  # title spaced
        "施策1 就業率の向上 就業率 60%→65%",  # a title naming a measure
        "第1節 | 連携型地域社会の形成 | 住み続けたい市民の割合 | 58.6% | 62.0%",
    ],
)
def test_near_misses_of_a_numbered_heading_stay_in_the_statement(text: str) -> None:
    normalized = normalize(text)
    assert canonical(normalized).text == canonical(normalized, heading=False).text


def test_a_title_names_no_goal_when_the_statement_names_its_own_or_none() -> None:
    # words left after the title that name nothing measured: no goal from the title
    assert not extract_statement("施策1-2 子育て支援の充実 2 目標年度 2030年度")


# The fourteenth round's forms, written for these tests: a result row naming its goal
# after the actual, goal labels joined by が/の, bullets after '- ' with an
# approximate value, a goal in brackets with its deadline, '…を超えないこと', a
# name holding nested parentheses, measures listed before a shared goal.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "○利用者数 実績 8,410人 / 目標 9,000人 (達成率 93%)",
            {"name": "利用者数", "target": 9000, "baseline": None},
        ),
        (
            "成果指標では、地域活動に参加する市民の割合が現状31.2%、2027年度目標が45%、",
            {
                "name": "地域活動に参加する市民の割合",
                "target": 45,
                "baseline": 31.2,
                "deadline_fy": 2027,
            },
        ),
        (
            "3.朝食を毎日食べる児童の割合 目標の95%以上に対して、91.0%。",
            {"name": "朝食を毎日食べる児童の割合", "target": 95, "comparator": "以上"},
        ),
        (
            "- 認定農業者1人あたりの年間所得額:概ね400万円",
            {"name": "認定農業者1人あたりの年間所得額", "target": 4000, "unit": "千円"},
        ),
        (
            "- 主たる従事者の年間労働時間:1,800時間程度",
            {"name": "主たる従事者の年間労働時間", "target": 1800, "unit": "時間"},
        ),
        (
            "○オンライン申請対応手続数 【2025年度までに 120 手続】",
            {"name": "オンライン申請対応手続数", "target": 120, "deadline_fy": 2025},
        ),
        (
            "○IoT、AI活用事業者数 【令和8年度までに 50 社】",
            {"name": "IoT、AI活用事業者数", "target": 50, "deadline_fy": 2026},
        ),
        (
            "経常収支比率(臨時財政対策債(注)を含む)は90%を超えないことを目指します。",
            {
                "name": "経常収支比率(臨時財政対策債(注)を含む)",
                "target": 90,
                "comparator": "以下",
            },
        ),
    ],
)
def test_fourteenth_round_forms(text: str, expected: dict) -> None:
    got = _one(text)
    assert {k: got[k] for k in expected} == expected


def test_measures_listed_before_a_shared_goal_each_take_it() -> None:
    found = extract_statement(
        "接続を促進し、下水道接続率、合併浄化槽設置率をともに95%とします。"
    )
    assert [(f.name, f.target) for f in found] == [
        ("下水道接続率", 95),
        ("合併浄化槽設置率", 95),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # results: a cut that happened, with an aside in brackets; a rise going on
        "これにより職員給与は平均3.2%削減(管理職は約5%削減)された。",
        "これにより職員給与は平均3.2%削減〔管理職は約5%削減〕された。",
        "高齢化率が20.1%から41.5%と30年間で21.4ポイント増加している。",
        # a bullet whose year dates a value, not a deadline; a result after a bullet
        "○オンライン申請対応手続数 【2020年度 45 手続】",
        "- 年間所得額:400万円となった",
        # a subject before 目標の: prose, each measure its own goal (not one row)
        "参加率は目標の60%に対し48.2%、女性委員の割合は、目標の40%に対し31.5%。",
    ],
)
def test_fourteenth_round_near_misses(text: str) -> None:
    found = extract_statement(text)
    if text.startswith("参加率"):
        assert [(f.name, f.target) for f in found] == [
            ("参加率", 60),
            ("女性委員の割合", 40),
        ]
    else:
        assert not found, found


def test_a_row_under_the_labels_of_a_header_cell() -> None:
    got = _one("K P I 目標値(R7年度) 実績値(R4年3月末) | 新商品の開発 5品以上 1品")
    assert (got["name"], got["target"], got["unit"]) == ("新商品の開発", 5, "品")
    assert (got["deadline_fy"], got["baseline"]) == (2025, None)
    got = _one("指標 目標値(R7年度) 現状値(R3年度) | 移住相談件数 120件 80件")
    assert (got["target"], got["baseline"], got["deadline_fy"]) == (120, 80, 2025)


def test_a_goal_an_authority_sets_is_named_by_what_was_counted_before() -> None:
    got = _one(
        "「ふるさとワーキングホリデー」に参加したのは昨年度1200人でした。"
        "観光庁は2027年度までに3000人にする目標を掲げています。"
    )
    assert (got["name"], got["target"], got["deadline_fy"]) == (
        "ふるさとワーキングホリデー",
        3000,
        2027,
    )
    # no quoted measure counted in the goal's unit: no name, no goal
    assert not extract_statement(
        "環境省は2030年度までに1万人にする目標を掲げています。"
    )


def test_a_goal_the_result_surpassed_is_no_target() -> None:
    assert not extract_statement(
        "第2次計画では、2020年度の二酸化炭素の削減目標を2013年度比で10%削減と設定し、"
        "取り組んでまいりました。その結果、排出量は計画を上回る2013年度比で14.2%が削減されました。"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a reform item and the change it aims at over the period
            "事務事業の見直し(3年間で5%減)、補助金の整理合理化等に取り組む。",
            {"name": "事務事業の見直し", "target": 5, "change": True},
        ),
        (  # the topic names the total, not the verb's clause after the value
            "物件費及び補助費等の合計額については、毎年度2%程度の伸びに抑制することを目指します。",
            {"name": "物件費及び補助費等の合計額", "target": 2, "per": "year"},
        ),
    ],
)
def test_fourteenth_round_prose(text: str, expected: dict) -> None:
    got = _one(text)
    assert {k: got[k] for k in expected} == expected


def test_goals_listed_with_awasete_share_the_goal_verb() -> None:
    found = extract_statement(
        "令和9年度に本市の合計特殊出生率1.80、あわせて令和9年度までの5年間で年間の転出超過数を"
        "現状の半分の120人とすることを目標に掲げ、"
    )
    assert [(f.target, f.deadline_fy) for f in found] == [(1.8, 2027), (120, 2027)]
    # a period's change that happened, in parentheses: no goal
    assert not extract_statement("公債費の削減(10年で約14%削減)を図ったことにより")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a goal announced, the sentence naming it a goal
            "A町は24年度までの5年間目標で、移住者数を昨年度から約3倍の600人と打ち出した",
            {"name": "移住者数", "target": 600, "deadline_fy": 2024},
        ),
        (  # the goal's sentence names nothing: what the sentence before counted
            "今年1~6月の県内の宿泊者数は推計410万人で過去最高。2027年までに年間900万人とする"
            "県の目標が視野に入る。",
            {"name": "県内の宿泊者数", "target": 9000000, "deadline_fy": 2027},
        ),
        (  # …or the paragraph's opening topic
            "物件費は、これまでも抑制に努めてきました。 段階的に削減するものとし、令和9年度には、"
            "5億円程度削減することを目指します。",
            {"name": "物件費", "target": 500000, "deadline_fy": 2027},
        ),
    ],
)
def test_fourteenth_round_names_outside_the_clause(text: str, expected: dict) -> None:
    got = _one(text)
    assert {k: got[k] for k in expected} == expected


def test_near_misses_of_names_outside_the_clause() -> None:
    # an announcement that is no goal; an earlier count that is itself a goal
    assert not extract_statement("A町は移住者数を昨年度から約3倍の600人と打ち出した")
    found = extract_statement(
        "前期の受診率が40%を上回ったことから、初年度(令和3年度)目標値を42%に設定します。"
        " その後段階的に目標値を設定し、最終年度(令和8年度)を50%に設定します。"
    )
    assert len(found) == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # two PDF columns interleaved: the item opens the line
            "ごみ処理事務負担金の見 ・A組合 直し ・B負担金 削減額 (千円) 現状・目標 "
            "〔現状〕 52,000千円 〔目標〕 47,500千円 4,500",
            {"name": "ごみ処理事務負担金", "target": 47500, "baseline": 52000},
        ),
        (  # the plan's figure in parentheses after a count
            "採用を抑制。令和5年度当初職員数は240(定員適正化計画では236)",
            {"name": "職員数", "target": 236},
        ),
        (  # a goal unreached, named by the subject of the result before it
            "令和4年度においても1人1日当たりのごみ排出量の削減は30グラムにとどまり、"
            "目標の60グラムを達成することができませんでした。",
            {"name": "1人1日当たりのごみ排出量", "target": 60},
        ),
    ],
)
def test_fourteenth_round_rows_and_plan_figures(text: str, expected: dict) -> None:
    got = _one(text)
    assert {k: got[k] for k in expected} == expected


def test_a_part_named_in_parentheses_takes_its_own_values() -> None:
    found = extract_statement(
        "数値目標としては、来訪者数(宿泊者数)を令和7年300万人 (40万人)としている。"
    )
    assert [(f.name, f.target) for f in found] == [
        ("来訪者数", 3000000),
        ("宿泊者数", 400000),
    ]
    # a dated value in the parentheses is no part's goal
    found = extract_statement(
        "《目標指標》 社会増減数(転入者数-転出者数) △1,200 人(R6:△1,500 人)"
    )
    assert [f.target for f in found] == [-1200]
    # a note in parentheses after the value, not a value of the part: one goal
    found = extract_statement(
        "経常収支比率(普通会計)を令和7年度に90%(県平均並み)とする。"
    )
    assert len(found) == 1


def test_near_misses_of_a_plan_figure() -> None:
    # a bare count with no plan figure after it is no value
    assert not extract_statement("令和5年度当初職員数は240(4月1日現在)")


@pytest.mark.parametrize(
    "text",
    [
        # an evaluation table's band row: how many programmes fell in band B
        "評価区分 件 数 構成比(%) B:縮小 12 8.5",
        # a budget line after a KPI's definition
        "○KPIは、登録件数を累計で算出する。 令和3年度事業費 2億3,400万円",
        # an amount a goal needs, not the goal
        "令和2年度比で令和10年度までにごみ排出量を3,000トン削減するためには、"
        "毎年400トン減らしていく必要があります。",
        # a goal already met
        "県は前計画で、交通事故死者数を5年間で3割減らすと掲げ、既に達成した。",
        # goals met, told as the past
        "こうした取組により、交流人口50万人を維持し、新規就農者100人の目標を達成するなど、"
        "活力あるまちとして歩んできました。",
        # a change that happened
        "本市の出生数は、令和元年度の800人から令和5年度は1割減少して720人と過去最少を更新した。",
        # counts of items achieved and the share of a goal met
        "評価対象の指標50項目のうち、達成度Aの20項目(40.0パーセント)と達成度Bの10項目(20.0パーセント)、",
        "50項目中22項目は達成しており、15項目でも目標値の9割はクリアしている。",
        # a trend
        "人口の推移をみると、令和元年以降の町の人口は微 減の傾向にあり、4年間で 52 人(0.8%)減少してい ます。",
    ],
)
def test_fifteenth_round_near_misses(text: str) -> None:
    assert extract_statement(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a goal set with と定め; 目標 inside the name marks the target
            "20年後の将来目標人口を5万人と定め、施策を進める。",
            {"name": "将来人口", "target": 50000},
        ),
        (  # a level held, written with 台; the means before it names nothing
            "本町の令和12年(2030)の人口は、約1万2千人となる推計がありますが、"
            "計画の将来像を実現することにより、1万3千人台を維持することを目標にします。",
            {"name": "人口", "target": 13000, "comparator": "維持"},
        ),
    ],
)
def test_fifteenth_round_forms(text: str, expected: dict) -> None:
    got = _one(text)
    assert {k: got[k] for k in expected} == expected


def test_a_level_kept_is_held() -> None:
    found = extract_statement("交流人口は100万人台キープを目指します。")
    assert [(f.target, f.comparator) for f in found] == [(1000000, "維持")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a frame's bullet: the way it goes, the level in parentheses
            "●転入者数の増加(1,200人)",
            {"name": "転入者数", "target": 1200, "direction": "higher"},
        ),
        (
            "●市内事業所従業者数維持(45千人)",
            {"name": "市内事業所従業者数", "target": 45000, "comparator": "維持"},
        ),
        (
            "空き家バンク成約件数 現状より3割増(40件)",
            {"name": "空き家バンク成約件数", "target": 40, "direction": "higher"},
        ),
        (
            "宿泊者数などの増加(1.5百万人)",
            {"name": "宿泊者数", "target": 1500000, "unit": "人"},
        ),
        (  # a cut by half set as the goal
            "2030年度までに2019年度比で事業系ごみの半減を目指します。",
            {"name": "事業系ごみ", "target": 50, "change": True, "direction": "lower"},
        ),
        (  # a means '…を…することで' before the value names nothing
            "本村の2040年の人口は4千人と推計されますが、総合戦略を着実に推進することで"
            "5千人台キープを目指します。",
            {"name": "人口", "target": 5000, "comparator": "維持"},
        ),
        (  # a bound closing a verbless list of items is that item's own
            "子ども食堂の開設を年4回、学習支援の実施、ボランティア登録率30%以上",
            {"name": "ボランティア登録率", "target": 30, "comparator": "以上"},
        ),
        (
            "認知症カフェ利用者120人・就労体験参加10人以上",
            {"name": "就労体験参加", "target": 10, "comparator": "以上"},
        ),
    ],
)
def test_fifteenth_round_bullets(text: str, expected: dict) -> None:
    got = _one(text)
    assert {k: got[k] for k in expected} == expected


def test_bullets_after_goals_announced() -> None:
    found = extract_statement(
        "この計画では、次の2つの目標を掲げています。 ・市民満足度80% ・人口5万人"
    )
    assert [(f.name, f.target) for f in found] == [("市民満足度", 80), ("人口", 50000)]


@pytest.mark.parametrize(
    "text",
    [
        # a manifesto's line with no goal word or bound: an achievement reads alike
        "防災リーダー養成200人・地域の避難所運営訓練15カ所",
        "国際交流イベントを年3回、姉妹都市との交流を年1回",
        # bullets after a sentence that announces no goals
        "主な成果は次のとおりです。 ・市民満足度80% ・人口5万人",
        # one bullet of the list is not a bare goal
        "次の目標を掲げています。 ・人口5万人 ・転入者数は500人となった",
        # a frame's word without a measure, and a bracketed actual after a name
        "●地域の活性化(8,700件)",
        "新規求人数 実績(8,700件)",
        # '半減' that happened, and one not set as a goal
        "食品ロスは10年間で半減しました。",
        "食品ロスの半減は難しい状況です。",
        # a change recorded between two days
        "・正規職員数を520人(H22.4.1)から488人(H27.4.1)へ削減",
        # a bound inside a sentence that tells a result
        "登録率は30%以上となっています。",
        # two bare numbers of one year's row under a heading
        "施策2-1 健康づくりの推進 平成24年度 12.5 25.0",
    ],
)
def test_fifteenth_round_bullet_near_misses(text: str) -> None:
    assert extract_statement(text) == []


# Round 16's forms, written for these tests: a row of targets per year under a
# header of years, its target label at one end.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the label after the values; they fill the header's last years
            "区分 令和2年度 令和3年度 令和4年度 令和5年度 | 空き家バンク登録件数 件 "
            "5 10 15 目標値",
            {
                "name": "空き家バンク登録件数",
                "unit": "件",
                "target": 15,
                "deadline_fy": 2023,
                "targets": {"2021": 5, "2022": 10, "2023": 15},
            },
        ),
        (  # the label before the values, the name opening the line
            "■ 将来負担比率 (単位:%) 推移表 平成25年度 平成26年度 平成27年度 "
            "計画目標値(A) 80.0 75.0 70.0",
            {
                "name": "将来負担比率",
                "unit": "%",
                "target": 70,
                "direction": "lower",
                "targets": {"2013": 80, "2014": 75, "2015": 70},
            },
        ),
    ],
)
def test_sixteenth_round_stages(text: str, expected: dict) -> None:
    got = _one(text)
    assert {k: got[k] for k in expected} == expected


@pytest.mark.parametrize(
    "text",
    [
        # years and values without a target label: a series of results
        "区分 令和2年度 令和3年度 令和4年度 | 空き家バンク登録件数 件 5 10 15 実績値",
        # a change told as done
        "前年度と比べ、経常収支比率については2・1ポイント増加しました。",
        # a government's row of a comparison table
        "山田町 | ― | ― | 3.2 | ― |",
    ],
)
def test_sixteenth_round_near_misses(text: str) -> None:
    assert extract_statement(text) == []


def test_an_office_aiming_at_a_value_names_the_rate_told_before() -> None:
    got = _one(
        "検診の受診率はまだ20%台です。 担当の健康課は、来年は30%台をめざしています。"
    )
    assert (got["name"], got["target"]) == ("検診の受診率", 30)


def test_a_structure_held_names_the_level_held() -> None:
    got = _one("「30年後に人口5万人程度の人口構造の保持を目指す」との目標")
    assert (got["name"], got["target"], got["comparator"]) == ("人口", 50000, "維持")


def test_a_bounded_goal_quoted_before_whose_goal_it_is() -> None:
    got = _one("「特定健診受診率70%以上」が県目標です。")
    assert (got["name"], got["target"], got["comparator"]) == (
        "特定健診受診率",
        70,
        "以上",
    )


def test_a_quoted_bound_that_is_no_goal() -> None:
    assert extract_statement("「特定健診受診率70%以上」の地区が増えました。") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # labels in a header cell, the row's values in their order
            "基準値 (H27) 直近実績値 目標値 (2025年) | 運動習慣者の割合 40.5% 42.0% 50.0%",
            {
                "name": "運動習慣者の割合",
                "target": 50,
                "baseline": 40.5,
                "baseline_date": "2016-03-31",
                "deadline_fy": 2025,
            },
        ),
        (  # a PDF copy interleaving labels and values, marks between them
            "指 標 名 ごみの年間排出量(t) 現状値 (H27) 8,500 実績 改善・ 悪化 達成度 "
            "目標値 (H32) 8,300 ○ A 8,000",
            {
                "name": "ごみの年間排出量",
                "unit": "t",
                "target": 8000,
                "baseline": 8500,
                "direction": "lower",
                "deadline_fy": 2020,
            },
        ),
    ],
)
def test_sixteenth_round_sheet_rows(text: str, expected: dict) -> None:
    got = _one(text)
    assert {k: got[k] for k in expected} == expected


def test_sixteenth_round_sheet_rows_named_after_their_values() -> None:
    found = extract_statement(
        "目標指標 基準値 (H26) 実績値 (H27) 目標値 (H31) 5 8 10 延べ 1 延べ 3 延べ 6 "
        "新規就農者数(人) 空き家の活用件数(件)"
    )
    got = [(f.name, f.unit, f.baseline, f.target, f.per) for f in found]
    assert got == [
        ("新規就農者数", "人", 5, 10, None),
        ("空き家の活用件数", "件", 1, 6, "cumulative"),
    ]


def test_counted_goal_bullets_with_their_years() -> None:
    found = extract_statement(
        "町の人口ビジョンが掲げる目標は3つ。 ・2035年に2万人程度を維持 "
        "・2035年に合計特殊出生率1.8 ・2035年に移住者数が年間80人"
    )
    got = [(f.name, f.target, f.deadline_fy, f.comparator, f.per) for f in found]
    assert ("人口", 20000, 2035, "維持", None) in got
    assert ("移住者数", 80, 2035, None, "year") in got


@pytest.mark.parametrize(
    "text",
    [
        # an estimate, and a result told after the value
        "目標は2つ。 ・2040年に移住者数の推計が50人 ・2040年に出生数が約80人となった",
        # a level held with no 人口ビジョン to name it
        "町の計画の目標は2つ。 ・2035年に2万人程度を維持",
    ],
)
def test_counted_bullets_that_are_no_goals(text: str) -> None:
    assert extract_statement(text) == []
