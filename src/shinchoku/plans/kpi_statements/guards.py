"""Whether a value in prose is a goal: next to a goal verb or label, and not a
result (`…となりました`), an estimate (`…と推計`), a reference a goal is compared
with (`…を上回る`) or one of a series of results."""

from __future__ import annotations

import re

from shinchoku.plans.kpi_statements.context import Ctx, inside_parens, sentence_bounds
from shinchoku.plans.kpi_statements.lexicon import (
    BASE_LABELS,
    COMPARATOR_AFTER_RE,
    COMPARATOR_BEFORE_RE,
    NAME_AFTER_RE,
    NAME_ENDS_RE,
    TARGET_LABELS,
)
from shinchoku.plans.kpi_statements.values import paren_after, year_in
from shinchoku.plans.kpi_text import Quantity

# A result, an estimate or a reference, not a goal.
_NOT_GOAL_RE = re.compile(
    r"^(?:[^。]{0,12}?)(?:となりました|となった|となっている|となって|であった|だった|でした"
    r"|であり|を記録|に達した|を達成した|を達成し|を上回った|を上回る|を下回った|と推計|と推定"
    r"|と予測|と見込|の見込|まで減少する|に減少した|に増加した|に増加して|増加した|減少した|減少して"
    r"|増えた|減った|~|の場合|で推移|程度で推移|が予測|と比較|の差"
    r"|(?:増加|減少|上昇|低下|改善|向上)(?:しました|しております|しています)|(?:増え|減り)ました"
    r"|する見込|となる見込|見込まれ|られる想定|となる想定|する想定"
    r"|にとどま|の実績|実績が|を超えて|となり|で推移|と過去|で最も|の減少となって)"
)
_GOAL_AFTER_RE = re.compile(
    r"^\)?(?:/ ?[^\s\d、。/]{1,2}(?=等|など))?(?:程度|前後|台|超|以上|以下|未満|以内|余り?|強|増|減)?(?: ?\([^()]*\))*"
    r" ?(?:以上|以下|未満|以内|超)?[」』]?(?: ?\([^()]*\))*"
    r" ?(?:など|等)?(?:を|に|と|へ|まで|の|が)?(?:目指|めざ|目標|とする|とします|とし|にする|にします"
    r"|である現状を維持|キープを(?:目指|めざ)|狙う|狙い|拡大を(?:目指|めざ|図)|確保を(?:目指|めざ)|[^、。]{1,6}?目標と(?:し|する)|数値目標"
    r"|を目途|設定|掲げ|増や|減ら|引き上|抑え|削減|縮減|圧縮|減員|の?純減|抑制|増加を目指|増加させ|増加し"
    r"|増加する|増加$|増$|増\(|減少させ|減らす|達成を目指|の達成|実現|確保する|確保します|を維持|維持"
    r"|の増加|の削減|の抑制|の縮減|の確保(?= ?(?:$|\(|。))|減$|減\(|減\)|増加(?:させます|します)|増加|削減$|低下させ|に向上"
    r"|に(?:高め|伸ば|増や|引き上|引き下|減ら|下げ|抑え|改善|とどめる|とどめます|拡大する)|向上させ|とすること|にすること|の?水準に(?:する|します|保|とどめ|抑え)|の創出|の雇用の創出|の職員数の削減|の効果額|実現のため"
    r"|が[^、。!]{0,12}?の[^、。!]{0,4}目標(?= ?(?:[!!。、]|$|です|である|だ))|[へに](?:上方|下方)?修正|[へに]見直|に変更(?:する|します)|という(?:ふう|よう)に(?:して(?:おり|い(?!た))|する|します)|を(?:下限|上限)|を(?:\d+ ?(?:年間|か年)で|[^、。]{0,12}?までに)?達成する|まで(?:回復|増や|伸ば|引き上|減ら|下げ|高め|向上)"
    r"|(?:の)?体制に(?:する|します)|まで(?:上昇|増加|低下)させ|を(?:\d+ ?年間|[^、。]{0,12}?まで)?継続(?:する|します)"
    r"|を超えない(?:こと|よう)(?:を目指|をめざ|を目標|とする|に(?:する|努め))"
    r"|を?する(?:。|$)"  # '…取得割合を50%する。' (a word left out)
    r"|(?:達成|実現|確保)する(?:という|との)(?:数値)?目標"  # '…以上達成するという数値目標'
    r"|を[^、。]{0,16}?(?:増加させ|増やさ)ないこと(?:を目標|を目指|をめざ|とする)"
    r"|来訪|を図|とな?る(?:よう|ことを目)|の目標|を計画|する計画|が(?:国|県|道|府|都|市|町|村)?目標(?:値)?(?=と|で|だ|。|$)"
    r"|(?<=に)向け(?:て|た)|の(?:達成|実現)に向け(?:て|た))"
)
_GOAL_BEFORE_RE = re.compile(
    rf"(?:{TARGET_LABELS}|目標である|目標は|目標を|目標値を|目標として|として|目標の|目標とする)"
    r"(?: ?値|数値)?(?:は|を|が|として|である)?[::、]? ?"
    r"(?:(?:令和|平成|R|H)? ?\d{1,4} ?年度?(?:末)?(?:に|で|には|まで(?:に)?)? ?)?(?:約|概ね|おおむね)? ?$"
)
_NOT_GOAL_LABEL_RE = re.compile(
    rf"(?:実績値?|現在値|{BASE_LABELS})(?: ?\([^()]*\))? ?[::=] ?(?:約|概ね)? ?$"
)
_SERIES_YEAR_RE = re.compile(r"(?<![\d,.])(?:[RH]\d{1,2}|\d{2,4})[::] ?$")
_SENTENCE_NOT_GOAL = re.compile(r"推計|予測|見込まれ|見通し|推移して|状況にあり|を記録")


def baseline_paren(ctx: Ctx, q: Quantity) -> tuple[str, Quantity | None] | None:
    """'(18年度は547億円)', '(同1・45)', '(09年比6%増)' right after a value."""
    word = re.match(
        r"[\u3041-\u30ff\u4e00-\u9fff]{0,3}(?=\()", ctx.text[q.end : q.end + 5]
    )
    paren = paren_after(ctx.text, q.end + (word.end() if word else 0))
    if not paren or not (year_in(paren[0]) or paren[0].startswith("同")):
        return None
    inside = [
        v
        for v in ctx.values
        if paren[1] <= v.start < paren[2]
        and v.unit == q.unit
        and not re.match(r" ?(?:増|減|削減|縮減|低減)", ctx.text[v.end : v.end + 3])
    ]  # '(21年比899億円増)', '(2013年度比で40%削減相当)': a change, not the start
    if inside:
        return paren[0], inside[-1]
    return (paren[0], None) if "比" in paren[0] else None


def _refused(ctx: Ctx, q: Quantity, after: str) -> bool:
    """An estimate's sentence, a count of a plan's items, a change from last
    year: no goal whatever the words after it."""
    text = ctx.text
    s0, s1 = sentence_bounds(text, q.start)
    sentence = text[s0:s1]
    if _SENTENCE_NOT_GOAL.search(sentence) and not re.search(
        r"目指|めざ|目標と|を目標|目標を|目標値|目標である|実現|設定|掲げ", sentence
    ):
        return True
    if q.unit == "項目" and re.match(
        r" ?(?:以上|以下)?[、,]? ?(?:計 ?[\d,]+ ?項目|の[^、。\d]{0,4}?(?:目標|数値目標|取組|指標)|を(?:掲げ|設定|定め))",
        after,
    ):
        return True  # '21項目の目標修正', '計87項目の施策指標': the plan's items
    if re.search(
        r"目標を[^。]{0,24}?達成(?:し(?:まし)?た|する(?:こと)?とな(?:りました|った)|(?:する)?ことができ(?:た|ました)|できました)",
        sentence,
    ):
        return True  # '「概ね1,600人削減」については…目標を達成することとなりました'
    if re.search(
        r"(?:その|の)結果[、,]?[^。]{0,60}?(?:計画|目標)(?:値)?を(?:上回[るりっ]|達成し)",
        text[s0:],
    ):
        return True  # '…7%削減と設定し…その結果、…計画を上回る17.3%が削減': met
    if re.match(
        r" ?(?:程度|約)?(?:削減し|縮減し|減らし|増やし)[、,][^。]{0,30}?[\d,.]+ ?[人名]体制",
        after,
    ):
        return True  # '400名程度削減し、…2,500人体制にする': the way to the level
    if re.search(
        r"目標(?:値)?の? ?[\d.,]+ ?[^\s\d、。]{0,5}に対し(?:て)?[、,]? ?$",
        text[max(0, q.start - 24) : q.start],
    ):
        return True  # '…割合は目標の80%に対し42.6%': the result against the goal
    if re.search(r"(?:^|\s)現状値?\s+目標値?\s", text[: q.start]) and re.match(
        r" (?:増加|減少|向上|低下|改善)(?:\s|$)", after
    ):
        return True  # '現状 目標 … 出生数の増加 2,313人 増加': the goal has no number
    if re.search(
        r"目標(?:値|額)?に対して? ?(?:約|概ね)? ?$",
        text[max(0, q.start - 12) : q.start],
    ) and re.match(r" ?の?(?:増|減|上回|下回)", after):
        return True  # '目標に対して約5千万円の増となる': the gap to the goal
    if re.search(
        r"(?:さらなる|更なる)高みとして ?$", text[max(0, q.start - 12) : q.start]
    ):
        return True  # '50%以上の削減とし、さらなる高みとして64%削減を目指す': beyond the goal
    if re.match(r" ?(?:増やし|減らし|削減し|縮減し)(?:て)?[、,]? ?[\d,.]+", after):
        return True  # '…から121人増やし2,040人にする': the way to the level after it
    # '昨年度より141人増加するなど': a change from last year
    return bool(
        re.search(
            r"(?:昨年|前年|前回)度?(?:より|から|比で?) ?$",
            text[max(0, q.start - 8) : q.start],
        )
    )


def is_goal(ctx: Ctx, q: Quantity, line_goal: bool, depth: int = 0) -> bool:
    """Whether the value `q` in prose is a goal; `line_goal` when its line is
    one of goals, `depth` how far a list has been followed."""
    text = ctx.text
    after = re.sub(r"^[」』]", "", text[q.end : q.end + 40])  # '「1,072万円」にする'
    if _refused(ctx, q, after):
        return False
    verdict = _said_after(ctx, q, after)
    if verdict is not None:
        return verdict
    before = text[max(0, q.start - 24) : q.start]
    verdict = _named_or_labelled(ctx, q, after, before)
    if verdict is not None:
        return verdict
    goal_words = bool(re.search(r"目標|目指|めざ", text))
    if _bound_or_line_goal(ctx, q, after, before, line_goal, goal_words):
        return True
    s0, _ = sentence_bounds(text, q.start)
    if (
        re.match(r"^ ?(?:。|$)", after)
        and re.search(
            r"\d+ ?(?:年間|か年)で|までに|の目標(?:値|額)?は[、,]", text[s0 : q.start]
        )
        and not re.search(r"必要|見込|推計", text[s0 : q.start])
    ):
        return True  # '令和4年度までの4年間で移住者1万人'
    if goal_words and baseline_paren(ctx, q) is not None:
        return True  # '観光消費額は590億円(18年度は547億円)、…目標値を設定'
    if _next_change_of_list(ctx, q):
        return True
    return _list_goal(ctx, q, before, line_goal, depth)


def _said_after(ctx: Ctx, q: Quantity, after: str) -> bool | None:
    """What the words after the value say: a goal (a goal verb, a slogan, a goal
    adopted or restated), not one (a result, an estimate), or None: nothing."""
    text = ctx.text
    s0, _ = sentence_bounds(text, q.start)
    if re.match(
        r"」(?:や|と|、)「[^「」]{0,30}」(?:など|等)?を(?:目標|目指|めざ)",
        text[q.end : q.end + 50],
    ):
        return True  # '「…登用率40%」や「…の解消」を目標としております'
    if q.value == 0 and re.fullmatch(
        r" ?\(ゼロ\) ?(?:を(?:目指|めざ)[^、。]*)?。?", after
    ):
        return True  # '…5年間 全世代の自殺0(ゼロ)': a goal's slogan
    if (
        q.raw == "ゼロ"
        and re.match(r" ?を(?:表明|宣言)(?!した[^、。]{0,12}(?:事例|例|自治体))", after)
        and _written_by(
            ctx,
            re.search(
                r"(?:(?:19|20)\d{2}|(?:令和|平成) ?\d{1,2}) ?年度?(まで)",
                text[s0 : q.start],
            ),
            s0,
        )
    ):
        return True  # '「2050年までに…実質ゼロ」を表明し': a zero declared
    if re.search(r"目標 ?\((?:[^()]|\([^()]*\))*$", text[s0 : q.start]) and re.match(
        r"[^()。]{0,12}?(?:維持|確保|達成|実現|増加|削減|減少|以上|以下)?\)", after
    ):
        return True  # '…の目標(2060年に約29万7千人の人口維持)': a goal in brackets
    if re.search(
        r"目標(?:値|数)?[::]? ?(?:約|概ね)? ?$", text[s0 : q.start]
    ) and re.match(
        r"[^\s\d、。()]{0,3} ?に対し(?:て)?[、,]? ?(?:の)?実績(?:値)?(?:は|が)", after
    ):
        return True  # 'Xは、目標1万尾に対して実績が4973尾': the goal, then the result
    if re.match(r" ?(?:に|と)設定(?:した|しました)", after) and re.search(
        r"目標[^\s、。\d]{0,6}を", text[s0 : q.start]
    ):
        return True  # '…の目標人口を…4万9600人に設定した': adopting the goal
    if re.match(r" ?と定め", after) and re.search(
        r"目標[^\s、。\d]{0,6}を", text[s0 : q.start]
    ):
        return True  # '将来目標人口を3万人と定め': setting the goal
    if re.match(r" ?と打ち出(?:した|しました|している|す)", after) and re.search(
        r"目標", text[s0 : q.start]
    ):
        return (
            True  # '…5年間目標で、外国人宿泊者数を…8万人と打ち出した': a goal announced
        )
    verb = _goal_verb_after(after)
    if verb is not None:
        return verb
    if (
        re.match(r"(?:/ ?[^\s、。]{1,6})? ?に ?(?:[・、。]|$)", after)
        and re.search(r"(?:^|\s)・[^・\s\d]{2,30}を ?$", text[: q.start])
        and re.search(r"目標[^・]{0,6}\s[^・]*まで(?:に)?\s*・", text[: q.start])
    ):
        return True  # '■ごみの減量目標 令和5年度末までに ・ごみの排出量を700g/人・日に'
    if re.search(
        r"計画[^\s、。\d]{0,4}(?:額|値) ?(?:約|概ね)? ?$",
        text[max(0, q.start - 12) : q.start],
    ) and re.match(r" ?に対し", after):
        return True  # '計画額8億円に対し、実績9億円となった': the planned amount
    if re.match(r" ?とされ(?:て|る|ま)", after) and "目標は" in text[s0 : q.start]:
        return True  # 'その削減目標は、対17年度で△4.6%とされています'
    if _NOT_GOAL_RE.match(after):
        return False
    return None


def _written_by(ctx: Ctx, m: re.Match[str] | None, offset: int) -> bool:
    """'2050年までに' as written, not read into a quoted slogan's bare year
    ('「2050年…ゼロ」': its 'までに' maps onto the year's last letter)."""
    if m is None:
        return False
    at = offset + m.start(1)
    return ctx.mapped.origin[at] != ctx.mapped.origin[at - 1]


def _named_or_labelled(ctx: Ctx, q: Quantity, after: str, before: str) -> bool | None:
    """A goal by the name after the value ('…1000人の社会増を目指します') or
    the label before it ('目標値:', '目標効果額は'); not one when the value is
    where a change starts from or labelled a result or baseline; else None."""
    named = NAME_AFTER_RE.match(after)
    if (
        named
        and re.search(
            r"を(?:目指|めざ|目標|図る|図ります)|が義務付け|を(?:削減|縮減)(?:する|します)"
            r"|を維持(?:する|し)?(?:こと)?を?(?:目指|めざ|目標)",
            after[: named.end() + 12],
        )
        and not re.match(r"る?ことができ(?:た|ました)", after[named.end() :])
    ):
        return True  # '毎年1000人の社会増を目指します', '500人の入所枠の拡大を図る'
    if re.match(r"^ ?(?:\([^()]*\))? ?から", after) and any(
        v.start > q.end and v.unit == q.unit for v in ctx.values
    ):
        return False  # '13市町村から18市町村へ': where it starts from
    if re.search(r"目標(?:値)?より ?$", before):
        return False  # '目標より1億円増加し': how far from the goal, not one
    if _NOT_GOAL_LABEL_RE.search(before) or _SERIES_YEAR_RE.search(before):
        return False  # '実績値(29年度目標値)=9.6%', '基準値=12.1%', 'R4:1,200人'
    if _GOAL_BEFORE_RE.search(before) or COMPARATOR_BEFORE_RE.search(before):
        return True
    if re.search(
        r"目標[^\s、。はをが\d]{1,8}(?:は|が)[、 ]?(?:\d+ ?年間で|(?:令和|平成|R|H)? ?\d{1,4} ?年度?末?"
        r"(?:に|まで(?:に)?|には))? ?$|計画[^\s、。\d]{0,4}(?:額|値) ?(?:約|概ね)? ?$",
        before,
    ) and not re.match(r"[^。]{0,8}?(?:ていた|でした|であった|だった)", after):
        return True  # '目標効果額は24億円', '計画額6億円に対して実績額は…''
    return None


def _bound_or_line_goal(
    ctx: Ctx, q: Quantity, after: str, before: str, line_goal: bool, goal_words: bool
) -> bool:
    """A bound ('年間10件以上') where goals are spoken of or listed, or a value
    on a line of goals after a label or before a name."""
    text = ctx.text
    comparator = COMPARATOR_AFTER_RE.match(after)
    if comparator and re.match(
        r"^ ?(?:\([^()]*\))? ?(?:[。、|)■●○◆]|$|を維持|と)", after[comparator.end() :]
    ):
        if line_goal or goal_words or _short_row(text) or _bound_item(text, q, after):
            return True  # '空き家バンク登録件数 年間10件以上'
        if re.search(r"[■●○◆][^\s■●○◆=]{2,30}= ?$", before):
            return True  # '■経常収支比率=90.0 以下 ■…': a list of bounds
    if line_goal and (
        re.search(r"[::=] ?$", before)
        or NAME_AFTER_RE.match(after)
        or (
            NAME_ENDS_RE.match(after)
            and not re.search(r"実績|現状|現在|状況", text[: q.start])
        )
    ):
        return True
    # '【KPI】移住相談件数 年間100件(令和6年度)'
    return bool(line_goal and re.match(r"^ ?(?:\([^()]*\))? ?$", after))


_FROM_RE = re.compile(r"[\d,.]+ ?[^\s\d、。()]{0,3} ?(?:\([^()]*\))? ?から ?$")


def _next_change_of_list(ctx: Ctx, q: Quantity) -> bool:
    """'XはA人から3,000人目標、YはB億円(…)から340億円(…)など': a change
    listed after one stated as a goal is one too."""
    text = ctx.text
    clause = text.rfind("、", 0, q.start)
    if clause < 0 or not _FROM_RE.search(text, clause, q.start):
        return False
    if "、" in text[clause + 1 : q.start] or not re.match(
        r" ?(?:\([^()]*\))? ?(?:など|等)?(?:[、。]|が|$)", text[q.end :]
    ):
        return False
    head = text[max(0, clause - 30) : clause]
    return bool(re.search(r"から ?[\d,.]+ ?[^\s\d、。()]{0,3} ?目標$", head))


def _list_goal(ctx: Ctx, q: Quantity, before: str, line_goal: bool, depth: int) -> bool:
    """A value of a list is a goal when the next one is."""
    text = ctx.text
    after = re.sub(r"^[」』]", "", text[q.end : q.end + 40])
    _, s1 = sentence_bounds(text, q.start)
    # '20%、3.6時間削減する': the first of a list shares the verb of the last.
    nxt = re.match(
        r"^ ?(?:/ ?[^\s\d、。/]{1,2})?(?:以上|以下|未満|以内|増|減|程度)?(?:\([^()]*\))?[、,▽・] ?",
        after,
    )  # '…単価20万円/人、…宿泊数2泊等の目標を掲げ'
    if nxt is None and re.search(r"\d ?年度?(?:には|に|までに) ?$", before):
        nxt = re.match(r"^ ?で[、,] ?", after)  # '2025年には1.8で、2040年には2.07'
    reach = 30
    if nxt is None and re.search(r"を ?$", before):
        # 'Aを90%以内に、またBを16.3%以内に抑制': bounds sharing the verb
        nxt = re.match(
            r"^ ?(?:以上|以下|未満|以内)に[、,] ?(?:また|及び|および)?[、,]? ?", after
        )
    if nxt is None and re.search(r"から ?$", before):
        nxt = re.match(r"^ ?(?:に|へ)[、,] ?", after)  # 'Aを31%から40%に、Bを…'
        reach = 44
    if nxt and re.match(r"(?:あわせて|併せて|合わせて)[、,]?", after[nxt.end() :]):
        reach = 44  # '…出生率1.97、あわせて…5年間で年間の社会減数を…64人を目標に
    if nxt and depth < 6:
        # the next value of the list, not one far on ('出生率1.58、生残率を…
        # 引き上げ、…という仮定のもと、…14万人を目指す')
        following = next(
            (
                v
                for v in ctx.values
                if q.end + nxt.end() <= v.start < min(s1, q.end + nxt.end() + reach)
                and not inside_parens(text, v.start)
                and not re.match(r" ?から", text[v.end : v.end + 3])
            ),
            None,
        )
        if following is None or q.unit == "日" and following.unit != "日":
            return False  # a day of the month: 県は13日、
        if re.match(r" ?(?:以上|以下|未満|以内) ?(?:[、,・]|$)", text[following.end :]):
            return False  # 'A35人・B4人以上': the bound is the next item's own
        return is_goal(ctx, following, line_goal, depth + 1)
    return False


def _goal_verb_after(after: str) -> bool | None:
    """A goal verb after the value ('…を目指す', '…に削減'), unless what follows
    says it happened; None when no goal verb follows."""
    m = _GOAL_AFTER_RE.match(after)
    if not m:
        return None
    tail = after[m.end() :]
    if m.group(0).endswith("が目標") and re.match(r"を(?:達成|上回|クリア)", tail):
        return False  # '61.4%が目標を達成': the share of goals met, a result
    if re.match(
        r"[)〕\]】]?(?: ?[(〔\[【][^()〔〕\[\]【】]*[)〕\]】])*(?:を(?:達成|実現|確保)|が実現)?(?:しました|された(?![いう]|[^、。]{0,8}?(?:計画|目標))|を行(?:った|いました)|した(?![いう]|[^、。]{0,8}?(?:計画|事務事業編|区域施策編|プラン|戦略|ビジョン))|されました|できました|ていた|[とに]し ?ていた"
        r"|(?:する|した|させる|る)?ことができ(?:た|ました))",
        tail,
    ):
        return False  # '…20.8%削減しました': it happened; '…としていた': no more
    if re.match(
        r"(?:する|の)?(?:計画|目標)(?:が|は|を)[^、。]{0,6}?(?:達成|実現)(?:され|し|でき)(?:ました|た)",
        tail,
    ):
        return False  # '…50人削減する計画が達成されました': a result
    if re.match(r"(?:する|させる|る)?ことは(?:難し|困難)", tail):
        return False  # '…を維持することは難しい': a goal judged out of reach
    if re.match(
        r"[^。]*?(?:となりました|となった|となって ?[いお])", tail
    ) and not re.search(r"目指|めざ|目標と", m.group(0)[-2:] + tail.split("。")[0]):
        return False  # '…増加し8億円となりました', '…の増加となっています': a result
    if re.search(
        r"増|減|改善|向上|高め|伸ば|引き上|下げ|抑え", m.group(0)
    ) and re.match(
        r"(?:している|しています|しており|してきた)",
        ("し" if m.group(0).endswith("し") else "") + tail,
    ):
        return False  # '…85%に改善しています': it is happening
    if re.match(r"(?:られる|れる|る|す)?(?:と)?(?:想定|見込|推計|予測)", tail):
        return False  # '…29.5%程度に抑えられる想定です': a projection
    if re.match(r"(?:こと|もの)(?:でした|であった|だった|としていた)", tail):
        return False  # '第4次計画は、…334人とするものでした': a past plan's goal
    return not _NOT_GOAL_RE.match(after[: m.end() + 3])


def _short_row(text: str) -> bool:
    """A table row's words, not a sentence: short, no sentence punctuation or
    verb ending."""
    return len(text) <= 60 and not re.search(r"[。、]|です|ます|した|する|いる", text)


def _bound_item(text: str, q: Quantity, after: str) -> bool:
    """'…交流を年2回、…、フェアトレード認知度50%以上': a bound closing a list of
    items with no verb, its own item a name and the value."""
    return bool(
        len(text) <= 120
        and re.match(r" ?(?:以上|以下|未満|以内) ?$", after)
        and not re.search(r"。|です|ます|した|する|いる|なっ|おり|ある|れる|れた", text)
        and re.search(r"(?:^|[、,・])[^\s、,・をがはにでと]{2,30}$", text[: q.start])
    )
