"""Writes the five table layouts of tests/data/tables/ and their broken twins.

Run from the repository root (the files are committed; run again only to
change them): ``.venv/bin/python tests/data/tables/make_layouts.py``.
README.md beside this file says what each layout imitates. The texts are of
our own making, in the style of real progress tables; the municipalities are
fictional (codes 99xxxx, which no real local government has).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

HERE = Path(__file__).resolve().parent
FONT = "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf"


def code(five: str) -> str:
    total = sum(int(d) * w for d, w in zip(five, (6, 5, 4, 3, 2), strict=True))
    return five + str((11 - total % 11) % 10)


def _save(wb, name: str) -> bytes:
    buffer = io.BytesIO()
    wb.save(buffer)
    data = buffer.getvalue()
    (HERE / name).write_bytes(data)
    return data


# -- 1: みどり市 (XLSX; title block, merged 重点項目, 評価, full-width 年度) ----------

MIDORI_ROWS = [
    (
        "1",
        "1 持続可能な財政運営",
        "使用料・手数料の見直し",
        "・受益者負担の適正化の観点から、使用料・手数料を定期的に見直す\n・減免基準を統一する",
        "財政課",
        "・公共施設使用料の算定基準を策定した。\n・減免基準の統一案を作成した。",
        "B",
        "・算定基準に基づく改定案を作成する。",
    ),
    (
        "2",
        None,
        "未利用地の売却・貸付",
        "・利用予定のない市有地を売却又は貸し付け、維持管理費を削減するとともに財源を確保する",
        "管財課",
        "・未利用地2件を売却した(売却額3,200万円)。",
        "A",
        "・未利用地の一覧を公表し、一般競争入札を実施する。",
    ),
    (
        "3",
        "2 行政サービスの向上",
        "窓口のワンストップ化",
        "・転入・転出に伴う手続を一つの窓口で受け付ける",
        "市民課\n(情報政策課)",
        "・窓口の動線を見直し、案内表示を改善した。\n・書かない窓口の試行に向けて\n　業者と協議した。",
        "B",
        "・書かない窓口を試行する。",
    ),
    (
        "4",
        None,
        "オンライン申請の拡大",
        "・電子申請できる手続を令和9年度までに200手続以上とする(令和4年度末:85手続)",
        "情報政策課",
        "・電子申請できる手続を112手続に拡大した。",
        "A",
        "・電子申請できる手続を150手続以上に拡大する。",
    ),
]


def midori(bad_cell: bool = False) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment

    wb = Workbook()
    ws = wb.active
    ws.title = "取組状況"
    ws["A1"] = (
        "みどり市第4次行財政改革計画(令和5年度～令和9年度)取組状況【令和5年度実績・評価】"
    )
    ws["H2"] = "令和6年7月26日"
    ws.append([])
    ws.append(
        [
            "番号",
            "重点項目",
            "取組名",
            "取組内容",
            "所管課",
            "令和５年度実績",
            "評価",
            "令和６年度の取組予定",
        ]
    )
    first_of_group = None
    for i, row in enumerate(MIDORI_ROWS):
        values = list(row)
        if bad_cell and i == 2:
            values[0] = "3a"
        ws.append(values)
        r = ws.max_row
        if row[1] is not None:
            first_of_group = r
        elif first_of_group is not None:
            ws.merge_cells(
                start_row=first_of_group, start_column=2, end_row=r, end_column=2
            )
        for cell in ws[r]:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.append([])
    ws.append(["※評価 A:計画どおり B:おおむね計画どおり C:遅れている"])
    return _save(
        wb,
        "midori_kurayoshi_style_bad_cell.xlsx"
        if bad_cell
        else "midori_kurayoshi_style.xlsx",
    )


# -- 2: うみべ町 (CSV Shift_JIS; 2-level header, 元年, repeated header) ------------

UMIBE_HEADER = [
    ["No.", "改革項目", "実施内容", "担当課", "実施工程", "", "", "進捗状況"],
    ["", "", "", "", "平成30年度", "令和元年度", "令和2年度", "令和元年度末"],
]
UMIBE_ROWS = [
    [
        "１",
        "事務事業の見直し",
        "・全事務事業の評価を行い、廃止・縮小を進める",
        "企画課",
        "○",
        "→",
        "→",
        "・評価対象312事業のうち18事業を廃止した。",
    ],
    [
        "２",
        "補助金の整理合理化",
        "・補助金の交付基準を定め、終期を設定する",
        "財政課",
        "検討",
        "実施",
        "→",
        "・交付基準を策定した。",
    ],
    [
        "３",
        "指定管理者制度の活用",
        "・公民館等への指定管理者制度の導入を検討する",
        "生涯学習課",
        "",
        "検討",
        "導入",
        "・導入に向けた課題を整理した。",
    ],
    [
        "４",
        "職員定数の適正化",
        "・定員適正化計画に基づき職員数を管理する",
        "総務課",
        "○",
        "○",
        "○",
        "・職員数は計画値を3人下回った。",
    ],
]


def umibe(missing_column: bool = False) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(
        ["うみべ町集中改革プラン(平成30年度～令和2年度)進捗状況一覧【令和元年度末】"]
    )
    writer.writerow([])
    rows = [*UMIBE_HEADER, *UMIBE_ROWS[:2], *UMIBE_HEADER, *UMIBE_ROWS[2:]]
    for row in rows:
        if missing_column:
            row = row[:3] + row[4:]
        writer.writerow(row)
    data = out.getvalue().encode("cp932")
    name = (
        "umibe_miyakojima_style_missing_column.csv"
        if missing_column
        else "umibe_miyakojima_style.csv"
    )
    (HERE / name).write_bytes(data)
    return data


# -- 3: やまなみ市 (PDF; 基本方針 rows, ● bullets, Western years, 2 pages) ----------

YAMANAMI = [
    (
        "基本方針1 効率的で効果的な行政運営",
        [
            (
                "1",
                "業務プロセスの見直し",
                "●窓口業務の手順を標準化し、処理時間を短縮する●RPAの対象業務を拡大する",
                "行政改革推進課",
                "●窓口業務の手順書を12業務で作成した。●RPAを6業務に導入し、年間1,400時間を削減した。",
                "●手順書を全窓口業務に広げる。",
            ),
            (
                "2",
                "公共施設の総量適正化",
                "●公共施設等総合管理計画に基づき、施設の延床面積を2030年度までに10%削減する",
                "資産経営課",
                "●老朽化した集会所2施設を廃止した。",
                "●学校施設の複合化の基本構想を策定する。",
            ),
        ],
    ),
    (
        "基本方針2 持続可能な財政基盤の確立",
        [
            (
                "3",
                "ふるさと納税の推進",
                "●返礼品を見直し、寄附額の増加を図る",
                "シティプロモーション課",
                "●返礼品を38品目追加し、寄附額は前年度比120%となった。",
                "●返礼品事業者の説明会を開催する。",
            ),
            (
                "4",
                "市税等の収納率向上",
                "●口座振替とスマートフォン決済を推進する●滞納整理を強化する",
                "収納課",
                "●市税の収納率は98.6%となった(前年度98.2%)。",
                "●コンビニ収納を軽自動車税に広げる。",
            ),
        ],
    ),
]


def yamanami() -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table

    pdfmetrics.registerFont(TTFont("IPAexG", FONT))
    body = ParagraphStyle(
        "b", fontName="IPAexG", fontSize=9, leading=12, wordWrap="CJK"
    )
    title = ParagraphStyle("t", fontName="IPAexG", fontSize=13, leading=18)

    def p(text: str) -> Paragraph:
        return Paragraph(text.replace("●", "<br/>●").removeprefix("<br/>"), body)

    header = [
        "番号",
        "取組項目",
        "具体的な取組",
        "所管課",
        "2023年度実績",
        "2024年度計画",
    ]
    story = [
        Paragraph(
            "やまなみ市行政改革大綱実施計画(令和4年度～令和7年度)取組項目の進捗状況【令和5年度】",
            title,
        )
    ]
    for number, (direction, rows) in enumerate(YAMANAMI):
        data = [[p(h) for h in header], [p(direction)] + [""] * 5]
        data += [[p(c) for c in row] for row in rows]
        table = Table(
            data,
            colWidths=[30, 110, 200, 80, 200, 160],
            style=[
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("SPAN", (0, 1), (-1, 1)),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E2EFDA")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ],
        )
        story.append(table)
        if number == 0:
            story.append(PageBreak())
    buffer = io.BytesIO()
    SimpleDocTemplate(
        buffer, pagesize=landscape(A4), invariant=1, title="進捗状況"
    ).build(story)
    data = buffer.getvalue()
    (HERE / "yamanami_taiko_progress.pdf").write_bytes(data)
    (HERE / "yamanami_taiko_progress_damaged.pdf").write_bytes(data[: len(data) // 3])
    return data


# -- 4: かわせ市 (XLSX; a sheet per 基本方針, hidden row and column, 目標) ----------

KAWASE = {
    "基本方針１": (
        "基本方針１　効率的な行政運営",
        [
            (
                "1",
                "AI・RPAの活用",
                "・定型業務にAI-OCRとRPAを導入する",
                "DX推進課",
                "・5業務に導入した。",
                "・10業務に拡大する。",
                "・20業務",
            ),
            (
                "2",
                "会議の見直し",
                "・会議のペーパーレス化と時間短縮を図る",
                "総務課",
                "・庁議をペーパーレスで開催した。",
                "・全ての会議をペーパーレス化する。",
                "・紙の使用量を30%削減",
            ),
        ],
    ),
    "基本方針２": (
        "基本方針２　健全な財政運営",
        [
            (
                "3",
                "公共施設の使用料見直し",
                "・4年ごとに使用料を見直す",
                "財政課",
                "・使用料の算定方法を定めた。",
                "・使用料改定案を議会に提出する。",
                "・受益者負担率50%",
            ),
        ],
    ),
}


def kawase() -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    for sheet, (direction, rows) in KAWASE.items():
        ws = wb.create_sheet(sheet)
        ws.append(["かわせ市第3次行財政改革実施計画(令和5年度～令和8年度)取組状況"])
        ws.append(
            [
                "No.",
                "取組事項",
                "取組の方向性",
                "担当課",
                "メモ",
                "令和５年度取組実績",
                "令和６年度取組計画",
                "目標(令和８年度)",
            ]
        )
        ws.append([direction])
        for row in rows:
            ws.append([*row[:4], "内部メモ:未確認", *row[4:]])
        ws.append(["9", "(削除)旧取組", "・廃止済み", "総務課", "", "", "", ""])
        ws.row_dimensions[ws.max_row].hidden = True
        ws.column_dimensions["E"].hidden = True
    hidden = wb.create_sheet("作業用")
    hidden.append(["集計用"])
    hidden.sheet_state = "hidden"
    data = _save(wb, "kawase_chuo_style.xlsx")
    (HERE / "kawase_chuo_style_damaged.xlsx").write_bytes(data[: len(data) // 2])
    return data


# -- 5: はなぞの市 (CSV UTF-8 with BOM; no number column, ① 分野, R5 headers) ---------

HANAZONO = [
    [
        "①自律による行政サービスの質的向上",
        "窓口サービスの向上",
        "窓口満足度90%以上",
        "88.5%",
        "・窓口アンケートを実施した。\n・案内の多言語化を進めた。",
    ],
    [
        "①自律による行政サービスの質的向上",
        "行政評価の活用",
        "全事業で評価を実施",
        "100%",
        "・評価結果を予算編成に反映した。",
    ],
    [
        "②市民とのパートナーシップの推進",
        "協働事業提案制度",
        "提案事業数 年5件以上",
        "3件",
        "・提案事業3件を採択した。\n　うち1件は継続事業。",
    ],
]


def hanazono(bad_cell: bool = False) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["はなぞの市第5次行財政改革プラン(令和3年度～令和7年度)取組結果"])
    writer.writerow(["分野", "具体的取組事項", "目標(R7)", "R5実績値", "R5取組状況"])
    for i, row in enumerate(HANAZONO):
        if bad_cell and i == 1:
            # a control character pasted in with the text (invisible in Excel)
            row = [*row[:4], row[4].replace("反映", "反\x08映")]
        writer.writerow(row)
    data = out.getvalue().encode("utf-8-sig")
    name = (
        "hanazono_kaikaku_plan_bad_cell.csv"
        if bad_cell
        else "hanazono_kaikaku_plan.csv"
    )
    (HERE / name).write_bytes(data)
    return data


def main() -> None:
    midori()
    midori(bad_cell=True)
    umibe()
    umibe(missing_column=True)
    yamanami()
    kawase()
    hanazono()
    hanazono(bad_cell=True)
    print(
        "codes:",
        {
            n: code(f)
            for n, f in (
                ("midori", "99101"),
                ("umibe", "99302"),
                ("yamanami", "99203"),
                ("kawase", "99404"),
                ("hanazono", "99105"),
            )
        },
    )


if __name__ == "__main__":
    main()
