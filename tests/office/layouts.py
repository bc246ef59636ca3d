"""A progress table of a foreign layout, as a town might keep it in Excel
(modelled on 行政改革推進プラン 進捗管理表 of small towns): a title block above
the table, 番号 / 改革の柱 / 取組名 / 実施項目 / 取組の概要 / 担当課, then one
column of 実績 and one of 予定 per year, headed in 和暦. Next year's sheet
is the same layout one year on (令和8年度実績, 令和9年度予定) with one more
program."""

from __future__ import annotations

import io

from openpyxl import Workbook

HEADER = ["番号", "改革の柱", "取組名", "実施項目", "取組の概要", "担当課"]

PROGRAMS = [
    (
        1,
        "持続可能な財政運営",
        "公共施設の再編",
        "個別施設計画の策定",
        "施設総量を縮減し、長寿命化を図る。",
        "建設課",
        "・個別施設計画を策定した",
        "・施設の統廃合を検討する",
    ),
    (
        2,
        "持続可能な財政運営",
        "使用料・手数料の見直し",
        "受益者負担の適正化",
        "施設使用料を見直す。",
        "財政課",
        "・使用料の算定方法を整理した",
        "・改定案を作成する",
    ),
    (
        3,
        "効率的な行政運営",
        "電子申請の拡大",
        "オンライン手続の拡充",
        "電子申請できる手続を増やす。電子申請件数を令和10年度までに1,000件以上にする。",
        "企画財政課",
        "・電子申請を20手続で開始した",
        "・電子申請を40手続に拡大する",
    ),
]


def progress_xlsx(fy: int = 2025, *, extra: bool = False) -> bytes:
    """The town's table for the year ``fy`` (its 実績 and the next year's 予定)."""
    reiwa = fy - 2018
    wb = Workbook()
    ws = wb.active
    ws.title = "進捗管理表"
    ws["A1"] = f"長与町行政改革推進プラン 進捗管理表（令和{reiwa}年度）"
    ws["A2"] = "企画財政課"
    ws.append([])
    ws.append([*HEADER, f"令和{reiwa}年度実績", f"令和{reiwa + 1}年度予定"])
    rows = list(PROGRAMS)
    if extra:
        rows.append(
            (
                4,
                "効率的な行政運営",
                "窓口業務の委託",
                "委託範囲の検討",
                "窓口業務の一部を民間に委託する。",
                "住民課",
                "・委託範囲を検討した",
                "・委託を開始する",
            )
        )
    for row in rows:
        ws.append(list(row))
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
