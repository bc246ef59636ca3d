"""Mutations of the seed used by several tests."""

from __future__ import annotations

import re

SEED_NAMES = {
    1: "幅広い市民意見の収集",
    2: "公文書管理の適正化の推進及び歴史公文書の保存と利用環境の整備",
    3: "市民協働の更なる深化と発展",
    4: "新たな地域コミュニティ拠点整備の準備",
    5: "民間事業者の活用の拡大",
    11: "庁内会議の合理化",
    12: "文書の電子化・ペーパーレス化",
    13: "DXの推進(システムの標準化・共同化の推進)",
    14: "DXの推進(オンライン申請等への対応)",
    15: "DXの推進(ICT活用による内部事務の効率化)",
    16: "組織整備及び職員定数の適正管理",
    17: "職員提案制度の見直し",
    18: "研修・人材育成策の充実",
    19: "働き方改革の推進(仕事と家庭の両立)",
    20: "働き方改革の推進・DXの推進(テレワーク体制の整備)",
    21: "広報活動ガイドラインの策定",
    22: "公園整備、管理運営における新たな事業手法の導入",
    23: "市の魅力をいかした財源確保",
    24: "自治体DXによるスマート自治体への転換",
    25: "統計データ活用促進のための基盤整備",
    26: "自治体間の連携の更なる推進",
    27: "事務処理におけるリスクへの対応",
    28: "職制の見直し",
}
ENDED = {21: 2022, 26: 2022, 28: 2022}


def shift_years(text: str, by: int = 1) -> str:
    """The same table `by` years later: every 令和N and RN (R5.3, R3) moves."""
    text = re.sub(r"令和(\d+)", lambda m: f"令和{int(m[1]) + by}", text)
    return re.sub(r"(?<![A-Za-z])R(\d+)", lambda m: f"R{int(m[1]) + by}", text)


def lines(text: str) -> list[str]:
    return text.split("\n")


def line_of(text: str, startswith: str) -> int:
    """1-based number of the first line starting with the given text."""
    return next(
        i for i, line in enumerate(lines(text), 1) if line.startswith(startswith)
    )


def replace_line(text: str, number: int, new: str) -> str:
    rows = lines(text)
    rows[number - 1] = new
    return "\n".join(rows)
