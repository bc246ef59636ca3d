"""The statement extractor on other municipalities' KPI statements: precision
and recall per field on the dev split (the rules were written on it), on its
third round (statements from `k425`, added before any rule was written for them),
on its fourth round (statements from `k700`, read from GitHub repositories and
added the same way), on its fifth round (`k800`…, read after the third round's
rules were written), on its sixth round (`k900`…, plan kinds the corpus had
little of), on its seventh round (`k1000`…, read after the fifth round's rules
were written), on its eighth round (`k1100`…, municipalities' 総合戦略 KPI lists and
総合計画 成果指標 tables), on its ninth round (`k1200`…, 行財政改革 documents) and on
the held-out split (never looked at while writing
them), against the goals of issue #15. Run with `-s` or see the printed tables in
the test output. Each split is scored only when a test asks for it, so that
`-k "not held"` never touches the held-out file's labels."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from shinchoku.plans.kpi_statements import extract_statement
from tests.plans.kpi_corpus import DEV, HELDOUT, Score, load, score

GOALS = {"target": (0.95, 0.90), "baseline": (0.85, 0.85)}


def _extract(text: str) -> list[dict]:
    return [f.to_dict() for f in extract_statement(text)]


THIRD_ROUND = 425  # statements k425… came from governments new to the rules
FOURTH_ROUND = 700  # statements k700… too, read from GitHub repositories
FIFTH_ROUND = 800  # statements k800… too, read after the third round's rules
SIXTH_ROUND = 900  # statements k900… too, plan kinds the corpus had little of
SEVENTH_ROUND = 1000  # statements k1000… too, read after the fifth round's rules
EIGHTH_ROUND = 1100  # statements k1100… too, municipalities' KPI lists and tables
NINTH_ROUND = 1200  # statements k1200… too, 行財政改革 plans and their progress reports
TENTH_ROUND = 1300  # statements k1300… too, 総合計画/総合戦略 tables and KPI lists
ELEVENTH_ROUND = 1400  # statements k1400… too, sector plans and their progress reports
TWELFTH_ROUND = 1500  # statements k1500… too, kinds of the first rounds, large cities
THIRTEENTH_ROUND = 1600  # statements k1600… too, read after rounds 10-12 had rules
FOURTEENTH_ROUND = 1700  # statements k1700… too, read after rounds 10-13 had rules
FIFTEENTH_ROUND = 1800  # statements k1800… too, mostly near-misses stating no target
SIXTEENTH_ROUND = 1900  # statements k1900… too, other near-misses
SEVENTEENTH_ROUND = 2000  # statements k2000… too, eastern Japan, read after settle
EIGHTEENTH_ROUND = 2100  # statements k2100… too, western Japan, at the same time
NINETEENTH_ROUND = 2200  # statements k2200… too, all Japan, climate plans mostly
TWENTIETH_ROUND = 2300  # statements k2300… too, 総合戦略/行政改革, searched by name
TWENTY_FIRST_ROUND = 2400  # statements k2400… too, read at this session's end
TWENTY_SECOND_ROUND = 2500  # statements k2500… too, after round 21's rules


def _rows(split: str) -> list[dict]:
    if split == "held-out":
        return load(HELDOUT)
    rows = load(DEV)
    if split == "dev round 3":
        return [r for r in rows if THIRD_ROUND <= int(r["id"][1:]) < FOURTH_ROUND]
    if split == "dev round 4":
        return [r for r in rows if FOURTH_ROUND <= int(r["id"][1:]) < FIFTH_ROUND]
    if split == "dev round 5":
        return [r for r in rows if FIFTH_ROUND <= int(r["id"][1:]) < SIXTH_ROUND]
    if split == "dev round 6":
        return [r for r in rows if SIXTH_ROUND <= int(r["id"][1:]) < SEVENTH_ROUND]
    if split == "dev round 7":
        return [r for r in rows if SEVENTH_ROUND <= int(r["id"][1:]) < EIGHTH_ROUND]
    if split == "dev round 8":
        return [r for r in rows if EIGHTH_ROUND <= int(r["id"][1:]) < NINTH_ROUND]
    if split == "dev round 9":
        return [r for r in rows if NINTH_ROUND <= int(r["id"][1:]) < TENTH_ROUND]
    if split == "dev round 10":
        return [r for r in rows if TENTH_ROUND <= int(r["id"][1:]) < ELEVENTH_ROUND]
    if split == "dev round 11":
        return [r for r in rows if ELEVENTH_ROUND <= int(r["id"][1:]) < TWELFTH_ROUND]
    if split == "dev round 12":
        return [r for r in rows if TWELFTH_ROUND <= int(r["id"][1:]) < THIRTEENTH_ROUND]
    if split == "dev round 13":
        return [
            r for r in rows if THIRTEENTH_ROUND <= int(r["id"][1:]) < FOURTEENTH_ROUND
        ]
    if split == "dev round 14":
        return [
            r for r in rows if FOURTEENTH_ROUND <= int(r["id"][1:]) < FIFTEENTH_ROUND
        ]
    if split == "dev round 15":
        return [
            r for r in rows if FIFTEENTH_ROUND <= int(r["id"][1:]) < SIXTEENTH_ROUND
        ]
    if split == "dev round 16":
        return [
            r for r in rows if SIXTEENTH_ROUND <= int(r["id"][1:]) < SEVENTEENTH_ROUND
        ]
    if split == "dev round 17":
        return [
            r for r in rows if SEVENTEENTH_ROUND <= int(r["id"][1:]) < EIGHTEENTH_ROUND
        ]
    if split == "dev round 18":
        return [
            r for r in rows if EIGHTEENTH_ROUND <= int(r["id"][1:]) < NINETEENTH_ROUND
        ]
    if split == "dev round 19":
        return [
            r for r in rows if NINETEENTH_ROUND <= int(r["id"][1:]) < TWENTIETH_ROUND
        ]
    if split == "dev round 20":
        return [
            r for r in rows if TWENTIETH_ROUND <= int(r["id"][1:]) < TWENTY_FIRST_ROUND
        ]
    if split == "dev round 21":
        return [
            r
            for r in rows
            if TWENTY_FIRST_ROUND <= int(r["id"][1:]) < TWENTY_SECOND_ROUND
        ]
    if split == "dev round 22":
        return [r for r in rows if int(r["id"][1:]) >= TWENTY_SECOND_ROUND]
    if split == "dev rounds 1-16":
        return [r for r in rows if int(r["id"][1:]) < SEVENTEENTH_ROUND]
    if split == "dev rounds 1-15":
        return [r for r in rows if int(r["id"][1:]) < SIXTEENTH_ROUND]
    if split == "dev rounds 1-14":
        return [r for r in rows if int(r["id"][1:]) < FIFTEENTH_ROUND]
    if split == "dev rounds 1-13":
        return [r for r in rows if int(r["id"][1:]) < FOURTEENTH_ROUND]
    if split == "dev rounds 1-12":
        return [r for r in rows if int(r["id"][1:]) < THIRTEENTH_ROUND]
    if split == "dev rounds 1-11":
        return [r for r in rows if int(r["id"][1:]) < TWELFTH_ROUND]
    if split == "dev rounds 1-9":
        return [r for r in rows if int(r["id"][1:]) < TENTH_ROUND]
    if split == "dev rounds 1-8":
        return [r for r in rows if int(r["id"][1:]) < NINTH_ROUND]
    if split == "dev rounds 1-5":
        return [r for r in rows if int(r["id"][1:]) < SIXTH_ROUND]
    if split == "dev rounds 1-2":
        return [r for r in rows if int(r["id"][1:]) < THIRD_ROUND]
    return rows


@pytest.fixture(scope="module")
def scores() -> Callable[[str], Score]:
    cache: dict[str, Score] = {}

    def get(split: str) -> Score:
        if split not in cache:
            cache[split] = score(_rows(split), _extract)
        return cache[split]

    return get


def test_corpus_is_large_and_diverse() -> None:
    rows = load(DEV) + load(HELDOUT)
    municipalities = {
        r["municipality"] for r in rows if not r["municipality"].startswith("不明")
    }
    assert len(rows) >= 200
    assert len(municipalities) >= 15
    assert (
        sum(1 for r in rows if not r["indicators"]) >= 50
    )  # negatives measure precision
    assert all(r["url"].startswith("http") for r in rows)
    assert len({r["text"] for r in rows}) == len(rows)  # no statement twice
    assert len({r["id"] for r in rows}) == len(rows)


ORIGINAL = 256  # statements k001…k256 were split 70/30 before any rule was written


def test_held_out_municipalities_are_not_in_dev() -> None:
    dev = {r["municipality"] for r in load(DEV)}
    held = {r["municipality"] for r in load(HELDOUT)}
    assert not dev & held
    original_dev = [r for r in load(DEV) if int(r["id"][1:]) <= ORIGINAL]
    assert 0.28 <= len(load(HELDOUT)) / (len(original_dev) + len(load(HELDOUT))) <= 0.35
    # dev grew afterwards, only with statements of governments not held out
    assert all(int(r["id"][1:]) > ORIGINAL for r in load(DEV)[len(original_dev) :])


@pytest.mark.parametrize("split", ["dev", "dev round 3", "dev round 4", "held-out"])
def test_precision_and_recall_per_field_are_printed(
    split: str, scores: Callable[[str], Score], capsys: pytest.CaptureFixture[str]
) -> None:
    result = scores(split)
    with capsys.disabled():
        print("\n" + result.table(f"KPI statements, {split} split"))
    assert result.tallies["target"].labelled >= 40


def _assert_goals(result: Score, split: str) -> None:
    for field, (precision, recall) in GOALS.items():
        tally = result.tallies[field]
        assert tally.precision >= precision, (split, field, tally)
        assert tally.recall >= recall, (split, field, tally)


def test_goals_on_the_dev_split(scores: Callable[[str], Score]) -> None:
    """Every round of the dev split (the rules were written for all of them). A
    fresh round gets its own strict xfail until it meets the goals (rounds 17 to
    22 each have their own test)."""
    _assert_goals(scores("dev rounds 1-16"), "dev rounds 1-16")


def test_goals_on_the_third_round(scores: Callable[[str], Score]) -> None:
    """Measured before any rule was written for it (2026-11-30): target
    precision 0.585 (24/41) and recall 0.369 (24/65), baseline precision 0.800
    (4/5) and recall 0.211 (4/19); the rules written for its forms since meet
    the goals on it."""
    _assert_goals(scores("dev round 3"), "dev round 3")


def test_goals_on_the_fourth_round(scores: Callable[[str], Score]) -> None:
    """Measured before any rule was written for it (2026-11-30): target
    precision 0.537 (22/41) and recall 0.379 (22/58), baseline precision 0.632
    (12/19) and recall 0.250 (12/48); with the rules for its table rows, an
    arrow's target after '年' or '5年間で' ('700人(2014年度)→年1,500人(2019年度)'),
    names after a '《目標指標》' marker and names holding 'からの' since: target
    0.982 (56/57) and 0.966 (56/58), baseline 1.000 and 1.000 (48/48)."""
    _assert_goals(scores("dev round 4"), "dev round 4")


def test_goals_on_the_fifth_round(scores: Callable[[str], Score]) -> None:
    """Measured before any rule was written for it (2026-11-30): target
    precision 0.786 (11/14) and recall 0.423 (11/26), baseline precision 0.875
    (7/8) and recall 0.389 (7/18); the rules written for its forms since (its
    '(時期)' table rows, prose goals, the era of bare years) meet the goals on it:
    target 1.000 (24/24) and 0.923 (24/26), baseline 1.000 and 1.000 (18/18)."""
    _assert_goals(scores("dev round 5"), "dev round 5")


def test_goals_on_the_sixth_round(scores: Callable[[str], Score]) -> None:
    """Measured before any rule was written for it (2026-11-30, commit 0cdb1c4):
    target precision 0.500 (8/16) and recall 0.211 (8/38), baseline precision
    0.000 (0/3) and recall 0.000 (0/14) (the same on b9a7e1d, with the fifth
    round's rules; 0.529 and 0.237 once the seventh round's rules landed). The
    rules written for its forms since meet the goals on it: its table rows (the
    kpir6tables branch) and in prose kanji decimals ('四・八七パーセント'), a
    reduction named by its heading ('Xの削減目標 2013年度比で50%削減'), lists
    'Aを31%から40%に、Bを同15%から30%に' and '…20万円/人、…2泊等の目標', a level
    reached by a cut ('1309人を83名削減し1226人にする'), '(うち…50地域)', two
    dated targets as one indicator's stages, names that are the measured quantity
    rather than a year label, a subject with 'は' or a plan's title."""
    _assert_goals(scores("dev round 6"), "dev round 6")


def test_goals_on_the_seventh_round(scores: Callable[[str], Score]) -> None:
    """Measured before any rule was written for it (2026-11-30, on 6ecc4cc):
    target precision 0.200 (1/5) and recall 0.125 (1/8) on its 19 statements (21
    as read, less two of 枚方市's that the sixth round holds too), two of its 12
    statements stating no target yielding one; the
    rules written for its forms since (names after their values with a goal verb,
    targets in parentheses after their names, a stage per year with the name
    repeated, changes from last year and results 'となっています' refused) read
    all its targets and nothing else."""
    _assert_goals(scores("dev round 7"), "dev round 7")


def test_goals_on_the_eighth_round(scores: Callable[[str], Score]) -> None:
    """Measured before any rule was written for it (2026-11-30, commit 7b0ce2f):
    target precision 0.800 (4/5) and recall 0.138 (4/29), baseline precision
    0.000 (0/1) and recall 0.000 (0/10). The rules written for its forms since
    meet the goals on it: rows of KPI sheets (a 目標年月 column after value and
    unit, a progress status closing a row of baseline, KPI and result, a lone
    dash as no baseline, a 数値目標一覧's page-number column, goals as a name's
    ending), a KPI list's bullet entries and a counter word the name counts
    ('5プロジェクト'): target 1.000 (29/29) and 1.000 (29/29), baseline 1.000
    and 1.000 (10/10)."""
    _assert_goals(scores("dev round 8"), "dev round 8")


def test_goals_on_the_ninth_round(scores: Callable[[str], Score]) -> None:
    """行財政改革/行政改革 plans, their progress reports and council minutes and
    news quoting them (`k1200`…): 効果額 and 職員数 targets, staged 計画 rows,
    financial indicators '=90.0 以下', national 定員 and 手続コスト targets.
    Measured before any rule was written for it (2026-11-30, on ad3701f): target
    precision 0.400 (6/15) and recall 0.222 (6/27), baseline precision 0.000
    (0/1) and recall 0.000 (0/1). The rules written for its forms since (outlooks
    '…見通し' and counts of a plan's items refused, 圧縮/減員/純減 cuts, lists of
    bounds '①X=90.0 以下 ②…', quoted goals '「Xの改善(95%以下)」…を目指します',
    revised, spoken and planned targets, '目標X は/が', 'Nが…の目標', names without
    the aim, scope or period of a cut, and its 計画/実績 table rows) meet the
    goals on it: target 1.000 (27/27) and 1.000 (27/27), baseline 1.000 and
    1.000 (1/1)."""
    _assert_goals(scores("dev round 9"), "dev round 9")


def test_goals_on_the_tenth_round(scores: Callable[[str], Score]) -> None:
    """The pages a town publishes when it adopts a plan (行財政改革, 定員適正化,
    総合計画/総合戦略, ごみ, 温暖化対策, 自殺対策, 男女共同参画), council minutes
    and news quoting them (`k1300`…), from 51 governments new to the corpus.
    Measured before any rule was written for it (2026-11-30, on 73e49a6): target
    precision 0.676 (25/37) and recall 0.521 (25/48), baseline precision 1.000
    (6/6) and recall 0.462 (6/13). The rules written for its forms since (a change
    spelled out in parentheses '職員定数の削減(十年間で二七七名から二一一名へ)',
    'N人(平成23年4月1日)からM人目標' and a change listed after it, a count set anew
    '…の職員数351人を、…322人以下とする', a part's goal in parentheses, 'N%に向けて',
    '0(ゼロ)', '…に設定した' after '目標…を', names behind adverbs, asides,
    appositions and a measure's average, 'g/人・日' as a unit; results '…する計画が
    達成されました' and counts of items refused) meet the goals on it: target
    1.000 (44/44) and 0.917 (44/48), baseline 1.000 (12/12) and 0.923 (12/13)."""
    _assert_goals(scores("dev round 10"), "dev round 10")


def test_goals_on_the_eleventh_round(scores: Callable[[str], Score]) -> None:
    """Sector plans (健康増進, 食育, 子ども・子育て, ごみ, 温暖化対策, 水道, 教育,
    観光) and their progress reports, and council minutes, blogs and newsletters
    quoting their targets (`k1400`…), from 43 authors new to the corpus.
    Measured before any rule was written for it (2026-11-30, on 0f3d188): target
    precision 0.651 (28/43) and recall 0.683 (28/41), baseline precision 0.923
    (12/13) and recall 0.571 (12/21). The rules written for its forms since (a
    row's number after a header, per-person values '目標値:1人412g', '削減量'
    columns, a header a PDF ran together '策定時数値目標…進捗状況', a bullet list
    of targets under a goal heading and its deadline, actuals in a bracket after
    the sentence '【平成22年実績:…】', 'Nが目標' after 'Mが実態であり', and results
    '目標のN%に対しM%', counts of a review's items, goals without a number and
    quoted slogans refused) meet the goals on it: target 1.000 (41/41) and 1.000
    (41/41), baseline 1.000 and 1.000 (21/21)."""
    _assert_goals(scores("dev round 11"), "dev round 11")


def test_goals_on_the_twelfth_round(scores: Callable[[str], Score]) -> None:
    """The kinds of the first rounds (総合計画/総合戦略 indicators, 行財政改革 and
    定員 targets, climate plans, news) from 39 governments new to the corpus, 8
    prefectures and 12 large cities among them (`k1500`…). Measured before any
    rule was written for it (2026-11-30, on 9c6e29b): target precision 0.625
    (20/32) and recall 0.465 (20/43), baseline precision 0.200 (1/5) and recall
    0.100 (1/10). The rules written for its forms since (a name wholly in 「」
    after its label, 'X:N' bullets whose name holds particles, bounds listed with
    one verb 'AをN%以内に、またBをM%以内に', 'Xの5%、2,000人' as the count,
    'N人体制にする', 'ゼロを継続', '実質ゼロ…の実現を目指す', 'Nの人口を維持',
    names after において/長期的には/a deadline, a dated stage then '長期的には'
    the goal, '⇒' with name and value in parentheses, a reference actual
    '参考:…実績 N' after the sentence, an evaluation sheet's row without its
    header; counts of a plan's items, targets stated as achieved and the cut on
    the way to a level, a value and the next year's after an arrow and an
    aspiration 'さらなる高みとして' refused) meet the goals on it: target precision
    1.000 (40/40) and recall 0.930 (40/43), baseline 1.000 (9/9) and 0.900 (9/10)."""
    _assert_goals(scores("dev round 12"), "dev round 12")


def test_goals_on_the_thirteenth_round(scores: Callable[[str], Score]) -> None:
    """The kinds of the first rounds again (定員適正化, 行財政改革, 総合計画/総合戦略,
    特定事業主 rows, 特定健診 yearly targets, 食育), from 38 governments new to the
    corpus, read after the rules for rounds 10-12 (`k1600`…). Measured before any
    rule was written for it (2026-11-30, on 085e25c): target precision 0.667
    (20/30) and recall 0.541 (20/37), baseline precision 0.769 (10/13) and recall
    0.588 (10/17). The rules written for its forms since (the goal's own noun
    '目標人口は…24万人とした', the name after 'で掲げる', a stage named by its year
    taking the measure stated before and 'その後段階的に' the next stage, a yearly
    schedule of whole-number rates under consecutive years and a goal table's row
    under bare years, 'N人を…増加させないことを目標' as 以下 with its stated level the
    baseline, 'X、基準値、目標値ともにN', '…に引き下げる', a row's restated goal and
    department tag off its name; the gap to a goal and an improvement achieved
    refused) meet the goals on it: target precision 1.000 (35/35) and recall 0.972
    (35/36, one label of a target stated as achieved corrected), baseline 0.882
    (15/17) and 0.882 (15/17)."""
    _assert_goals(scores("dev round 13"), "dev round 13")


def test_goals_on_the_fourteenth_round(scores: Callable[[str], Score]) -> None:
    """公共施設, 行財政改革 実施計画 and 集中改革プラン, 総合戦略 evaluation sheets,
    財政 pages, council minutes and news (`k1700`…), from 40 authors new to the
    corpus, read after the rules for rounds 10-13. Measured before any rule was
    written for it (2026-11-30, on c735471): target precision 0.474 (9/19) and
    recall 0.273 (9/33), baseline recall 0.000 (0/2). The rules written for its
    forms since ('実績 N / 目標 M (達成率 P%)' rows, '〔現状〕 N 〔目標〕 M' cells, a
    row under a header cell's labels, '目標が/目標の N', '- X:概ね N' and '○X
    【N年度までに M】' bullets, 'XとYをともに100%', '…を超えないこと', a reform
    item's '(5年間で1%減)', a part named in parentheses with its own values, a
    plan's figure '(集中改革プランでは172)', names from an earlier sentence's count
    or the paragraph's topic, a goal an authority sets named by the quoted measure;
    results '…削減(…)された', '…増加している' and a goal the result surpassed
    refused) meet the goals on it: target precision 1.000 (30/30) and recall 0.909
    (30/33), baseline 1.000 (2/2) and 1.000 (2/2)."""
    _assert_goals(scores("dev round 14"), "dev round 14")


def test_goals_on_the_fifteenth_round(scores: Callable[[str], Score]) -> None:
    """Near-misses (`k1800`…): 59 of its 74 statements state no target — results,
    evaluation bands and counts, projections, amounts needed, budgets, thresholds,
    targets stated as achieved, a mayor's manifesto lines without a goal word —
    from 39 authors new to the corpus. Measured before any rule was written for
    it (2026-11-30, on adebcbe): target precision 0.368 (7/19) and recall 0.304
    (7/23), 11 of its statements stating no target yielding an indicator. The
    rules written for it since (non-target forms refused, '…と定め', '17万人台を
    維持/キープ', a frame's bullets '…維持(33千人)', bullets after '次の3つの目標を
    掲げています', '…の半減をめざします', a verbless list's own bounds, a change
    recorded between two days refused) and k1816-k1818 relabelled by the policy
    meet the goals on it: target precision 1.000 (18/18) and recall 1.000
    (18/18), baseline 1.000 (1/1), none of its statements stating no target
    yielding an indicator."""
    _assert_goals(scores("dev round 15"), "dev round 15")


def test_goals_on_the_sixteenth_round(scores: Callable[[str], Score]) -> None:
    """Other near-misses (`k1900`…): 財政比較分析表 cells, 健全化判断比率 and their
    thresholds, population estimates, councillors' numbers, contracts, 施策評価
    counts; and 効果検証 rows stating a target with its result, from 37 authors new
    to the corpus. Measured before any rule was written for it (2026-11-30, on
    e511b97): target precision 0.500 (6/12) and recall 0.300 (6/20), baseline recall
    0.000 (0/7), 2 of its 50 statements stating no target yielding an indicator. With
    the rules written for it (a change told as done and a government's row refused,
    staged rows under a header of years, 効果検証 sheet rows in their labels' order,
    a bounded goal quoted before whose goal it is, counted goal bullets, an office and
    a structure held renamed): target precision 1.000 (19/19) and recall 0.950
    (19/20), baseline 1.000 (6/6) and 0.857 (6/7), none of its no-target statements
    yielding an indicator; rounds 1-15 read exactly as before."""
    _assert_goals(scores("dev round 16"), "dev round 16")


def test_goals_on_the_seventeenth_round(scores: Callable[[str], Score]) -> None:
    """Eastern Japan (`k2000`…, 36 statements, 12 stating 15 indicators) from 22
    governments new to the corpus, collected while settle.py was written.
    Measured before any rule was written for it (2026-11-30, on 27fae80): target
    precision 0.571 (4/7) and recall 0.267 (4/15), baseline 0.000 (0/1) and 0.000
    (0/3). With the rules written for its forms (a row's dotted leaders
    '第1期目標値・・・・・61,500人', a bullet's aim heading the measure '○出生数の増加
    合計特殊出生率 1.86→…', a 数値目標 row of names and goals 'X 5年間で15件 Y 5年後に
    333千人', '目標人口 11,500人 以上の確保', change bullets after '目標数値を設定します。',
    a quoted goal '「2050年…実質ゼロ」を目指す', a KPI under dated 達成度 columns, a
    sheet's interleaved name counted in the target's unit; a bullet's tally rounded
    with '約' refused): target precision 1.000 (15/15) and recall 1.000 (15/15),
    baseline 1.000 (3/3) and 1.000 (3/3); rounds 1-16 read exactly as before."""
    _assert_goals(scores("dev round 17"), "dev round 17")


def test_goals_on_the_eighteenth_round(scores: Callable[[str], Score]) -> None:
    """Western Japan (`k2100`…, 40 statements, 19 stating 23 indicators) from 19
    governments new to the corpus, collected at the same time as round 17.
    Measured before any rule was written for it (2026-11-30, on 27fae80): target
    precision 0.727 (8/11) and recall 0.348 (8/23), baseline 1.000 (2/2) and 0.182
    (2/11). With the rules written for its forms (goals listed under one goal verb
    'XをN、YをMまで…目指す' and 'X N%、Y M%をそれぞれ100%に掲げた', a measure's parts
    '小学校はNからMに、中学校は…', a row under a header written as one cell, a slogan
    in quotes '“人口3万人”を目指す', a measure named ahead '目標人口として…5万人とした';
    the measure nearest before a value after a comparison '…を基本理念として定め …実績より
    焼却処理量を8% 削減させ', a base year restated in spaced parentheses '(2016 年度 ) 実績';
    a topic 'Xでは' naming a yearly goal '…20年度以降、毎年度200組以上達成するという数値
    目標を定めた'; a value with no name in its sentence taking the subject the sentence
    before counted '…いる人口が…4万人になる…。だから5万人を維持する', its count now
    '今7万8000人いる' the baseline): target precision 1.000 (23/23) and recall 1.000
    (23/23), baseline 1.000 (11/11) and 1.000 (11/11);
    rounds 1-17 read exactly as before."""
    _assert_goals(scores("dev round 18"), "dev round 18")


@pytest.mark.xfail(
    strict=True,
    reason="measured before any rule was written for it (2026-11-30, on bf188dd, "
    "and the same on 27fae80 and 4120174): target precision 0.615 (16/26) and "
    "recall 0.410 (16/39), baseline 0.000 (0/1) and 0.000 (0/4); with the rules for "
    "its forms so far, target 1.000 (36/36) and 0.923 (36/39), baseline 1.000 (3/3) "
    "and 0.750 (< 0.85, 3/4)",
)
def test_goals_on_the_nineteenth_round(scores: Callable[[str], Score]) -> None:
    """All Japan (`k2200`…, 62 statements, 36 stating 39 indicators, most of them
    from climate plans) from 34 governments new to the corpus."""
    _assert_goals(scores("dev round 19"), "dev round 19")


def test_goals_on_the_twentieth_round(scores: Callable[[str], Score]) -> None:
    """総合戦略, 人口ビジョン, 行政改革 and 定員管理 statements (`k2300`…, 29
    statements, 11 stating 14 indicators) from 19 governments new to the corpus.
    Measured before any rule was written for it (2026-11-30, on bfb5b54): target
    precision 0.818 (9/11) and recall 0.643 (9/14), baseline 1.000 (4/4) and 0.800
    (4/5). With the rules written for its forms (goals numbered inside one sentence
    '…について(1)Xを…に向上(2)Yを約600増加(3)…'; one measure at the years each item
    names '令和12年の目標人口をN人、…令和19年の目標人口をM人とします' as its stages and
    a year told by what it is in the plan '最終年度となる令和12年の' off the name; a
    population without its unit '目標人口は3万8800'; a level '38.3%の水準にすることを…
    として目指します'; a goal's value before its measure '目標値(R2:40%)に向けてXを段階的
    に高める'; a goal stated as missed 'Xについては、…目標としていた数値(148名)を達成する
    ことができませんでした'): target precision 1.000 (14/14) and recall 1.000 (14/14),
    baseline 1.000 (5/5) and 1.000 (5/5); rounds 1-19 read exactly as before."""
    _assert_goals(scores("dev round 20"), "dev round 20")


def test_goals_on_the_twenty_first_round(scores: Callable[[str], Score]) -> None:
    """総合戦略, 人口ビジョン, 定員 and news statements (`k2400`…, 26 statements, 10
    stating 10 indicators) from 11 governments new to the corpus, read after this
    session's general forms (settle, canonical_order, parts, the templates).
    Measured before any rule was written for it (2026-11-30, on 3a33a46, and the
    same on 4120174): target precision 0.273 (3/11) and recall 0.300 (3/10),
    baseline 1.000 (1/1) and 0.333 (1/3). With the rules written for its forms
    (a month or 'N年後' as no name, a goal told as the past and a projection
    '…に抑えられる想定' refused, cells read down '↓' as an arrow, chained arrows as
    stages, 'N人程度の人口を維持することを目指します', the goal's noun '…年の目標人口は、
    …現在よりN人ほど少ないM人と設定', the measure a goal was set on 'Xで数値目標を設定
    しており、23年度は90%を掲げた', a count a cut starts from 'N人に対して…削減し、…M人
    とします'): target precision 1.000 (9/9) and recall 0.900 (9/10), baseline 1.000
    (3/3) and 1.000 (3/3). Left: '②純移動 ⇒ 年間 30 人転入者増(目標)'."""
    _assert_goals(scores("dev round 21"), "dev round 21")


def test_goals_on_the_twenty_second_round(scores: Callable[[str], Score]) -> None:
    """総合戦略, 人口ビジョン, 定員 and 観光 statements (`k2500`…, 38 statements, 10
    stating 10 indicators) from 21 governments new to the corpus, read after round
    21's rules. Measured before any rule was written for it (2026-11-30, on
    598f5e5): target precision 0.875 (7/8) and recall 0.700 (7/10), baseline 0.500
    (1/2) and 1.000 (1/1); on 4120174 (this session's start) target 0.625 (5/8)
    and 0.500 (5/10). With the rules written for its forms ('X 年間N人の確保' as a
    goal, '毎年' and what follows it off a measure's name, the final goal in
    parentheses '(最終目標100人)' as the target, a past plan's goal '…とするもの
    でした' refused): target precision 1.000 (10/10) and recall 1.000 (10/10),
    baseline 1.000 (1/1) and 1.000 (1/1)."""
    _assert_goals(scores("dev round 22"), "dev round 22")


@pytest.mark.xfail(
    strict=True,
    reason="issue #15's goal is not met on the held-out split yet (measured "
    "2026-11-30 on 1a3c680, after the rules for dev rounds 3-22, the rewrite "
    "families, the last look at names and the forms around other names): target "
    "precision 0.977 (43/44) but recall 0.878 (< 0.90, 43/49), baseline precision "
    "0.95 and recall 0.826 (< 0.85, 19/23)",
)
def test_goals_on_the_held_out_split(scores: Callable[[str], Score]) -> None:
    _assert_goals(scores("held-out"), "held-out")
