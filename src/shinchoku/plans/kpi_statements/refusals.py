"""Numbers that no form may read as a goal, whatever words surround them: a
band of an evaluation table, a budget line, an amount a goal needs, a goal
already met, a change that happened, a government's row of a comparison
table, a count of items achieved, a trend.
Each is a form of the statement around the value, not the statement itself."""

from __future__ import annotations

import re

from shinchoku.plans.kpi_statements.context import Ctx, norm_pos, sentence_bounds
from shinchoku.plans.kpi_statements.found import Found

_GOAL_WORDS_RE = re.compile(r"目指|めざ|目標")
# 'A:拡充 41 16.9': the row of an evaluation band, not an indicator
_BAND_NAME_RE = re.compile(r"^[A-ES][::]")
# '平成29年度事業費 11億…': what a programme costs, not what it aims at
_BUDGET_NAME_RE = re.compile(r"(?:事業費|予算(?:総)?額?|決算額?)$")
# '…7,500トン削減するためには、…必要があります': what the goal needs
_NEED_RE = re.compile(r"ため(?:に|には)[、,]?[^。]*?必要")
# '…2割減らすと掲げ、既に達成した': a goal already met
_MET_RE = re.compile(r"(?:既に|すでに)[^。]{0,6}?(?:達成|クリア|上回)")
# '…の目標を達成するなど、…発展してきました': goals met, told as the past
_PAST_STORY_RE = re.compile(
    r"^[^。]*?達成(?:し|する|など)[^。]*?[てで](?:きました|きた|まいりました)。?\s*$"
)
# '…2割増加して1,416人と過去最多を更新': a change that happened
_HAPPENED_RE = re.compile(
    r"過去最(?:多|高|少|低|大|小)|^[^。]{0,6}?(?:増加|減少|増え|減っ)(?:して|し)[、,]? ?[\d,.]+ ?[^\s\d、。]{0,3}と(?!する|し[、て]|します|な(?:る|るよう))"
)
_RESULT_HEAD_RE = re.compile(
    r"^ ?[■●○◆・]? ?(?:[^\s、。\d|()をにが]|(?<=[A-Za-z])\d){2,30}?実績(?:値)? "
)
# '…22%削減と定め、温暖化対策を推進してきました', '…削減することを目標として
# 取り組んできました': a goal the plan had, told as the past
_PAST_GOAL_RE = re.compile(
    r"^[^。]{0,12}?(?:(?:と定め|を目指して|を目標とし|を目標に)[、,][^。]{0,24}?|を目標として ?)"
    r"(?:推進し|進め|取り組んで?|取組んで?)て?(?:きました|きた|まいりました)"
)
# '目標値の8割はクリア': the share of a goal that was met
_SHARE_MET_RE = re.compile(r"^ ?(?:は|を|が)(?:クリア|達成し|上回っ)")
# '目標達成度Aの30項目', '20項目で': counts of a plan's items
_ITEMS_RE = re.compile(r"\d+ ?(?:項目|施策|事業|指標)$")
_ITEM_UNITS = ("項目", "施策", "事業", "指標")
# '総人口の推移をみると…微 増の傾向': a trend
_TREND_RE = re.compile(r"推移を ?み|傾 ?向に ?あ|傾 ?向が ?(?:見ら|続)")
# '…職員数を1,378人(H23.4.1)から1,165人(H25.4.1)へ削減': a change recorded
# between two days, its verb a bare noun
_DAY = r"\((?:[A-Z]|平成|令和)? ?\d{1,4}[./年]\d{1,2}[./月]\d{1,2}日?\)"
_DATED_FROM_RE = re.compile(rf"\d ?[^\s\d()]{{0,3}} ?{_DAY} ?から ?$")
# '…の充実 平成21年度 15.2 28.0': two bare numbers of one year's row (a
# measure and its threshold), neither labelled a goal
_YEAR_ROW_RE = re.compile(r"(?:^|\s)(?:平成|令和|H|R)? ?\d{1,4} ?年度? [\d.,]+ $")
# '…将来負担比率については7・9ポイント増加しました': a change told as done
_CHANGED_RE = re.compile(
    r"^ ?(?:ポイント|%|pt)? ?(?:の)?(?:増加|減少|上昇|下落|低下|改善|悪化)"
    r"(?:しました|した|しています|している)"
)
# '大熊町 | ― | ― | -1.8 | ― |': a comparison table's row named by a government
_GOVERNMENT_RE = re.compile(r"^[\u4e00-\u9fff]{1,4}(?:都|道|府|県|市|町|村)$")
# '…一七年は276万トンと削減率は1・4%にとどまっている': a result that fell short
_FELL_SHORT_RE = re.compile(
    r"^[^。]*?(?:に|で)(?:とどま|留ま|止ま)(?:っ(?:ている|ています|ており|た)|りました)"
)
_DATED_CHANGE_RE = re.compile(
    rf"^ ?[^\s\d()]{{0,3}} ?{_DAY} ?(?:へ|に)(?:削減|減少|増加)。? ?$"
)


def refused(ctx: Ctx, f: Found) -> bool:
    """Whether `f` is read from one of the forms above."""
    name = f.name.strip()
    if _BAND_NAME_RE.match(name) or _ITEMS_RE.search(name):
        return True
    if _GOVERNMENT_RE.match(name) and "|" in ctx.text:
        return True
    span = f.spans.get("target")
    if span is None:
        return False
    text = ctx.text
    start = norm_pos(ctx, span[0])
    end = norm_pos(ctx, span[1])
    s0, s1 = sentence_bounds(text, start)
    sentence, after = text[s0:s1], text[end:s1]
    goal_words = bool(_GOAL_WORDS_RE.search(sentence))
    if _BUDGET_NAME_RE.search(name) and not goal_words:
        return True
    if f.unit in _ITEM_UNITS and "達成" in sentence:
        return True
    headed = _GOAL_WORDS_RE.search(re.sub(r"^ ?基本目標 ?\d*", "", sentence))
    if not headed and not f.unit and _YEAR_ROW_RE.search(text[s0:start]):
        return after.strip() == ""  # a heading '基本目標1 …' names no goal value
    if (
        not goal_words
        and _DATED_CHANGE_RE.match(after)
        and _DATED_FROM_RE.search(text[s0:start])
    ):
        return True
    if _TREND_RE.search(sentence) and not re.search(r"目指|めざ", sentence):
        return True
    if _RESULT_HEAD_RE.match(text) and not _GOAL_WORDS_RE.search(text[:start]):
        return True  # '温室効果ガス削減実績 2020年度は…12%削減': a heading of results
    return bool(
        (_NEED_RE.search(sentence) and "必要" in after)
        or _MET_RE.search(after)
        or _PAST_STORY_RE.match(text[end : s1 + 1])
        or _HAPPENED_RE.search(after)
        or _PAST_GOAL_RE.match(after)
        or (not goal_words and _CHANGED_RE.match(after))
        or (not goal_words and _FELL_SHORT_RE.match(after))
        or _SHARE_MET_RE.match(after)
    )
