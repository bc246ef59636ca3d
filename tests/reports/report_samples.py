"""Hand-built Reports with text copied from the city's report (the seed
000_2d84f118a6c300da.txt), so renderers are tested without a database.

A module with a unique name rather than conftest helpers: test files import
from it, and a generic name could clash with another tests/ directory."""

from __future__ import annotations

import dataclasses
import datetime as dt

from shinchoku.common.text import BULLET, program_number_label
from shinchoku.reports.model import (
    Report,
    ReportColumns,
    ReportGroup,
    ReportRow,
    ReportSection,
    ScheduleCell,
)

ENDED = "※令和4年度までをもって終了"


def _row(number: int, name: str, **fields) -> ReportRow:
    values = {
        "ended_note": "",
        "policy_points": (),
        "action_items": (),
        "schedule": (),
        "achievements": (),
        "previous_plan": (),
        "current_plan": (),
        "url": f"/plans/programs/{number}/",
    }
    values.update(fields)
    return ReportRow(
        number=number, number_label=program_number_label(number), name=name, **values
    )


ROW_1 = _row(
    1,
    "幅広い市民意見の収集",
    policy_points=(
        "無作為抽出型やWEBの活用など、施策や検討課題に応じた様々な市民参加の手法を"
        "用いて、より広く多様な意見収集に取り組む",
    ),
    action_items=("より広く多様な意見の収集", "WEBを活用した市民参加の実施"),
    # One cell merged over R3–R5: the city does not say which FY each line is for.
    schedule=(ScheduleCell("実施\n試行的実施・実施", span=3),),
    achievements=(
        "新型コロナウイルス感染症への対応をはじめ、必要に応じて、動画配信やWeb会議を"
        "活用した意見交換などの市民参加手法を実施した。",
        "新しい生活様式等を踏まえたWeb機能の活用状況の把握に努めるとともに、"
        "取組事例を庁内で共有し、適切な手法の活用を促した。",
    ),
    previous_plan=("施策や検討課題に応じて、様々な市民参加手法を適切に実施する。",),
    current_plan=("施策や検討課題に応じて、様々な市民参加手法を適切に実施する。",),
)

ROW_12 = _row(
    12,
    "文書の電子化・ペーパーレス化",
    policy_points=(
        "内部事務における押印の見直しとともに、文書管理システムによる電子決裁の"
        "対象範囲拡大",
        "意識啓発を含め、会議でのペーパーレス化及び冊子等の電子化",
        "4年間で電子決裁対象文書の電子決裁率90%以上を目指す(令和3年4月1日現在:62.3%)",
    ),
    action_items=(
        "電子決裁対象範囲の拡大及び電子決裁率の向上",
        "会議のペーパーレス化、印刷物の見直し",
    ),
    achievements=(
        "電子決裁の対象を拡大することについて、文書管理システムの利用方法、"
        "対象文書の例外等に係る問題点を整理し、検討を進めたが、実施には至らなかった。",
        "令和4年度に介護認定審査会資料を紙からタブレットへ変更し、"
        "ペーパーレス化を行った。",
        "刊行物の性質に応じた取扱い方を整理し、紙媒体での発行を廃止する刊行物を"
        "決定した。市ホームページに、データをまとめて掲載する刊行物ライブラリーを"
        "創設した。",
        "令和4年度末での電子決裁率73.7%。",
    ),
    previous_plan=(
        "電子決裁の対象拡大を実施し、文書管理システムによる公文書管理を進める。",
        "会議における印刷物の見直しの検討に併せて、ペーパーレス化の可否について"
        "検討する。",
        "市ホームページにペーパーレス化した刊行物等を格納する刊行物ライブラリーを"
        "創設し、更新等のルールづくりを行う。",
        "電子決裁率85%を目指す。",
    ),
    current_plan=(
        "電子決裁の対象拡大を実施し、文書管理システムによる公文書管理を進める。",
        "庁内会議の設置状況調査や刊行物ライブラリー更新に関する調査などの機会を"
        "捉え、ペーパーレス化や印刷物見直しの積極的な検討を継続して促す。",
        "電子決裁率90%以上を目指す。",
    ),
)

ROW_21 = _row(
    21,
    "広報活動ガイドラインの策定",
    ended_note=ENDED,
    achievements=(
        "令和5年3月に「小平市広報活動ガイドライン」を策定し、庁内に周知した。",
    ),
)

ROW_23 = _row(
    23,
    "市の魅力をいかした財源確保",
    policy_points=(
        "市の持つ魅力を存分にいかし、ふるさと納税を更に充実させるとともに、"
        "クラウドファンディングの活用を進める",
    ),
    action_items=("ふるさと納税返礼品の拡充", "クラウドファンディングの活用"),
    schedule=(
        ScheduleCell("実施"),
        ScheduleCell("検討・実施"),
        ScheduleCell("検討・実施"),
    ),
    achievements=(
        "ふるさと納税の返礼品の拡充に向け、令和5年度予算に必要経費を計上した。",
        "平櫛田中の作品修繕(9月17日～11月27日、目標額1,000千円)及び上水南町二丁目"
        "寄附物件の公園整備事業(8月2日～10月31日、目標額1,000千円)のための"
        "クラウドファンディングを実施し、いずれも目標額を達成した。",
        "クラウドファンディングの他市の事例収集等を行った。",
    ),
    previous_plan=(
        "市内から返礼品事業者を募り、ふるさと納税の返礼品を拡充する。",
        "ふるさと納税の返礼品の新規作製のためのクラウドファンディングを実施する。"
        "目標額は1,000千円。",
        "平櫛田中彫刻美術館の記念館の耐震補強設計及び改修工事設計のための"
        "クラウドファンディングを実施する。目標額は1,000千円。",
    ),
    current_plan=(
        "引き続き、市内から返礼品事業者を募り、ふるさと納税の返礼品を拡充する。",
        "平櫛田中彫刻美術館の記念館の耐震補強及び瓦屋根改修工事のための"
        "クラウドファンディングを実施する。目標額は5,000千円。",
    ),
)

ROW_24 = _row(
    24,
    "自治体DXによるスマート自治体への転換",
    policy_points=(
        "令和3年度にDXを推進していく上での基本的な事項について整備した"
        "「デジタル・トランスフォーメーション(DX)の取組事項」、「DX推進ロードマップ」"
        "に基づき、デジタル社会にふさわしいサービスの展開や業務効率向上の取組に"
        "ついて検討、推進",
    ),
    action_items=(
        "推進体制、方針等の整備",
        "DXの取組事項、DX推進ロードマップに基づく取組の実施",
    ),
    schedule=(ScheduleCell("実施"), ScheduleCell("検討・実施・見直し", span=2)),
    achievements=(
        "「小平市デジタル・トランスフォーメーション(DX)推進方針」、「デジタル・"
        "トランスフォーメーション(DX)の取組事項」及び「DX推進ロードマップ」に基づき、"
        "公共施設予約システムの対象施設の拡大や、私立保育園等からの申請・請求手続"
        "オンライン化などに取り組み、自治体DXを推進した。",
        "庁内での職層別研修やDX推進研修のほか、東京都デジタルサービス局や東京都市長会"
        "事務局が主催する市区町村職員向け研修や、地方公共団体情報システム機構等が"
        "主催する専門研修などにより研修の機会を確保し、職員の啓発及びDX推進に向けた"
        "理解促進を図った。",
    ),
    previous_plan=(
        "「小平市デジタル・トランスフォーメーション(DX)推進方針」及び「デジタル・"
        "トランスフォーメーション(DX)の取組事項」に基づき、自治体DXを推進する。",
        "国や都の動向、先進自治体の取組事例等の情報提供や庁内研修により、職員の啓発"
        "及びDX推進に向けた理解促進を図る。",
    ),
    current_plan=(
        "「小平市デジタル・トランスフォーメーション(DX)推進方針」及び「デジタル・"
        "トランスフォーメーション(DX)の取組事項」に基づき、自治体DXを推進する。",
        "国や都の動向、先進自治体の取組事例等の情報提供や計画的・体系的な庁内研修の"
        "実施により、職員の啓発及びDX推進に向けた理解促進を図る。",
    ),
)

COLUMNS = ReportColumns(
    schedule_heading="年度スケジュール(R5.3時点想定)",
    action_items_heading="取組項目",
    schedule_fys=(2021, 2022, 2023),
    schedule_fy_labels=("R3", "R4", "R5"),
    achievements_fy=2022,
    achievements_heading="令和4年度までの取組実績",
    previous_fy=2023,
    previous_heading="令和5年度当初予定 令和5年度設定目標(前年度末の状況)",
    current_fy=2024,
    current_heading="令和6年度当初予定 令和6年度設定目標(前年度末の状況)",
)

DIRECTION_1 = "地域資源によるサービスの実現"
DIRECTION_3 = "運営・業務執行体制の効率化"


def _group(number: int, name: str, rows: tuple[ReportRow, ...]) -> ReportGroup:
    return ReportGroup(
        number=number, name=name, label=f"方向性{number} {name}", rows=rows
    )


def build_sample_report() -> Report:
    return Report(
        title="小平市第1期経営方針推進プログラム(令和3年度～令和6年度)進捗状況"
        "【令和6年度当初計画】",
        municipality="小平市",
        meeting="第3回 経営方針推進委員会",
        material="資料1",
        date=dt.date(2024, 2, 2),
        date_label="令和6年2月2日",
        columns=COLUMNS,
        sections=(
            ReportSection(
                kind="implementation",
                heading="◆◇実施プログラム◇◆",
                lead="速やかに取組に着手する20項目のプログラムです。",
                groups=(
                    _group(1, DIRECTION_1, (ROW_1,)),
                    _group(3, DIRECTION_3, (ROW_12,)),
                ),
            ),
            ReportSection(
                kind="reviewed",
                heading="◆◆2年間の検討を経た実施プログラム(旧検討プログラム)◆◆",
                lead="令和5年度から取組に着手する5のプログラムです。",
                groups=(
                    _group(1, DIRECTION_1, (ROW_21, ROW_23)),
                    _group(3, DIRECTION_3, (ROW_24,)),
                ),
            ),
        ),
    )


def build_long_report(copies: int = 6) -> Report:
    """The sample's rows repeated under new numbers: a report of several pages
    (``copies`` × 5 rows), like the city's 28-program edition."""
    base = build_sample_report()
    rows = base.rows()
    groups = []
    for i in range(copies):
        renumbered = tuple(
            dataclasses.replace(
                row,
                number=i * len(rows) + j + 1,
                number_label=program_number_label(i * len(rows) + j + 1),
                name=f"{row.name}{i + 1}",
            )
            for j, row in enumerate(rows)
        )
        groups.append(_group(i + 1, f"{DIRECTION_1}{i + 1}", renumbered))
    section = dataclasses.replace(base.sections[0], groups=tuple(groups))
    return dataclasses.replace(base, sections=(section,))


def row_texts(row: ReportRow) -> list[str]:
    """What a reader sees of a row, left to right, bullets with their "・"."""
    texts = [row.number_label, row.name]
    if row.ended_note:
        texts.append(row.ended_note)
    texts += [BULLET + p for p in row.policy_points]
    texts += [BULLET + a for a in row.action_items]
    texts += [c.text for c in row.schedule if c.text]
    for items in (row.achievements, row.previous_plan, row.current_plan):
        texts += [BULLET + item for item in items]
    return texts


def expected_texts(report: Report) -> list[str]:
    """Every number label, name and bullet of the report, in printed order."""
    return [text for row in report.rows() for text in row_texts(row)]
