"""The name of a goal stated in prose: the words before the value, a name
after it, the sentence's topic, or the line's heading."""

from __future__ import annotations

import dataclasses
import re

from shinchoku.plans import kpi_text
from shinchoku.plans.kpi_statements.context import Ctx, name_before, sentence_bounds
from shinchoku.plans.kpi_statements.found import Span
from shinchoku.plans.kpi_statements.lexicon import NAME_AFTER_RE, NAME_ENDS_RE, WHEN
from shinchoku.plans.kpi_statements.names import clause_start, clean_name, name_ok
from shinchoku.plans.kpi_statements.prose_items import (
    earlier_sentence,
    included,
    item_change,
    named_by_item,
)
from shinchoku.plans.kpi_statements.prose_topics import (
    quoted_or_aside,
    set_on,
    yearly_topic,
)
from shinchoku.plans.kpi_text import Quantity

_TOPIC_TARGET_RE = re.compile(r"([^、。]{2,40}?)の目標(?:値|額)?(?:を|は)[、,]")
# a sentence about a goal quantity: '目標人口は', '市の目標職員数は'
_GOAL_TOPIC_RE = re.compile(
    r" ?(?:[^、。\s]{0,8}の)?目標(?!年|期間|時期|値|額|数値)"
    r"([\u4e00-\u9fff\u30a1-\u30fa\u30fc]{2,12})は[、,]?"
)
# a kana a verb's stem ends with inside a noun: '水揚げ量', '申し込み件数'
_OKURI = r"(?<=[\u4e00-\u9fff])[いえきけげしじちみりれ](?=[\u4e00-\u9fff])"
_HEAD_NOUN_RE = re.compile(
    r"(?:[\u3005\u4e00-\u9fff\u30a1-\u30fa\u30fcA-Za-z0-9・]|ごみ)"
    rf"(?:[\u3005\u4e00-\u9fff\u30a1-\u30fa\u30fcA-Za-z0-9・]|ごみ|{_OKURI}|\([^()]*\))*$"
)


def _head_noun(phrase: str) -> str:
    quoted = re.search(r"「([^「」]{2,40})」$", phrase.strip())
    if quoted:
        return clean_name(quoted.group(1))
    bare = re.sub(r"\([^()]*\)$", "", phrase.strip())
    # '職員数351人': the name before its stated value
    bare = re.sub(r"(?<=[^\d,.\s]{2}) ?\d[\d,.]* ?[人名件円%]$", "", bare)
    total = re.search(
        r"[\u4e00-\u9fff\u30a1-\u30fa\u30fc]{2,}の(?:合計|総額|総計)$", bare
    )
    if total:  # '効果額の合計': the sum of a measure
        return clean_name(total.group(0))
    m = _HEAD_NOUN_RE.search(bare)
    return clean_name(m.group(0)) if m else ""


# A line's heading naming the indicator: '人口 ■…', '■経常収支比率の推移 目標:…',
# '(2)温室効果ガスの削減目標 目標年度…'.
_HEADINGS = (
    re.compile(r"^ ?(?:[■●○◆◇・] )?([^■:=|。、\d]{2,25}?) ?■"),
    re.compile(
        r"^ ?[■●○◆◇・]? ?([^:=|。、■]{2,30}?)(?:の推移)? (?:【?目標】?|目標値)[::]"
    ),
    re.compile(
        r"^ ?(?:\(\d+\)|\d+[.)]|[■●○◆◇・])? ?([^:=|。、\s\d]{2,30}?)の(?:削減|数値|排出削減)?目標(?:値)? "
    ),
)
_GENERIC_HEAD = re.compile(
    r"^(?:本市|本町|本村|本県|市|町|村|県|施策|計画|基本|事業|取組|今後|当面|最終|中間|数値|成果|全体)$"
)


def _line_head(
    ctx: Ctx, headings: tuple[re.Pattern[str], ...]
) -> tuple[str, Span] | None:
    for heading in headings:
        head = heading.match(ctx.text)
        if head:
            name = clean_name(head.group(1))
            if name_ok(name) and not _GENERIC_HEAD.match(name):
                return name, ctx.span(*head.span(1))
    return None


def _fallback_name(
    ctx: Ctx, q: Quantity, s0: int, clause: int
) -> tuple[str, Span] | None:
    """When the clause before a value holds no name: the line's heading, the
    sentence's topic 'Xについて'/'Xは、' or an object 'Xを' of an earlier clause."""
    return (
        _line_head(ctx, _HEADINGS[:1])
        or _staged_or_cut(ctx, q, s0)
        or _that_goal(ctx, clause)
        or _timed_before(ctx, q, s0)
        or _named_earlier(ctx, q, s0, clause)  # '…耐震化率が91.9%…目標値である95%'
        or quoted_or_aside(ctx, s0, clause)
        or _topic_before(ctx, s0, clause)
        or _line_head(ctx, _HEADINGS[1:])
        or earlier_sentence(ctx, q, s0)
    )


def _staged_or_cut(ctx: Ctx, q: Quantity, s0: int) -> tuple[str, Span] | None:
    """The name a staged goal opens with, or what a reduction target cuts."""
    text = ctx.text
    staged = list(
        re.finditer(
            rf"([^、。]{{2,24}})、 ?(?={WHEN}(?:には|に|までに))", text[s0 : q.start]
        )
    )
    if staged:  # '合計特殊出生率、2025年には1.8で、2040年以降は2.07'
        name = _head_noun(staged[-1].group(1))
        if name_ok(name):
            return name, ctx.span(s0 + staged[-1].start(1), s0 + staged[-1].end(1))
    cut = _cut_goal(text[s0 : q.start]) or _cut_goal(text[: min(s0, q.start)])
    if cut is not None:  # '温室効果ガスの排出量削減目標 2013年度比で50%削減'
        return cut[0], ctx.span(s0 + cut[1] if cut[2] else cut[1], q.start)
    return None


def _that_goal(ctx: Ctx, clause: int) -> tuple[str, Span] | None:
    """'その削減目標は': the goal an earlier sentence named ('Xの削減数値目標')."""
    text = ctx.text
    that = re.search(r"その(?:削減|縮減)?(?:数値)?目標(?:値)?は", text[:clause])
    goal = that and list(
        re.finditer(
            r"([^、。をがは\s]{1,20}?)の(?:削減|縮減)?(?:数値)?目標",
            text[: that.start()],
        )
    )
    if goal:  # '定員の削減数値目標を公表…その削減目標は、…△4.6%とされています'
        name = clean_name(goal[-1].group(1))
        if name_ok(name):
            return name, ctx.span(*goal[-1].span(1))
    return None


def _timed_before(ctx: Ctx, q: Quantity, s0: int) -> tuple[str, Span] | None:
    """The name before an earlier value's time: 'X H28年は0.84%'."""
    timed = re.search(
        rf"(?:^|[、。■●・ ])([^、。\s■●・]{{2,40}}?) (?:{WHEN})(?:は|には)[、 ]?[\d.,]+",
        ctx.text[s0 : q.start],
    )
    if timed:  # '不登校児童生徒の割合 H28年は0.84%が実態…H34年に0.70%が目標'
        name = clean_name(timed.group(1))
        if name_ok(name):
            return name, ctx.span(s0 + timed.start(1), s0 + timed.end(1))
    return None


def _masked(text: str, pattern: str) -> str:
    """`text` with what `pattern` matches blanked out, nested parentheses too
    ('市債(特例的な市債(注)を除く)')."""
    masked = None
    while masked != text:
        masked = text
        text = re.sub(pattern, lambda m: "□" * len(m.group(0)), text)
    return text


def _topic_before(ctx: Ctx, s0: int, clause: int) -> tuple[str, Span] | None:
    """The sentence's topic 'Xについて'/'Xは、' or an object 'Xを' before the
    value's clause, the likeliest first."""
    text = ctx.text
    before = _masked(text[s0:clause], r"\([^()]*\)")
    matches = list(
        re.finditer(
            r"([^、。]{2,60}?)(?:について(?:も|は)?|につきましては|に関しては|は|を|に対して)[、, ]?",
            before,
        )
    )
    matches.sort(
        key=lambda m: (
            not before.startswith("指標", m.end()),  # '「X」を指標として設定し'
            # '…市民の割合は、令和7年度の目標値が59.0%': the subject right before
            not (m.end() == len(before) and re.search(r"[^にで]は[、,]$", m.group(0))),
            not _TOPIC_END.search(m.group(0)),
            -m.start(),
        )
    )
    for m in matches:
        if m.group(0).rstrip("、, ")[-1] == "を" and _MEANS_RE.match(before, m.end()):
            continue  # '…将来像を実現することにより、17万人台を維持': a means
        # the words with their parentheses ('地域ブランド力(魅力度)全国順位')
        last = re.split(r"だった|であった|から|より|に対し", m.group(1))[-1]
        phrase = re.sub(
            r" ?\([^()]*\)$", "", text[s0 + m.end(1) - len(last) : s0 + m.end(1)]
        )
        name = (
            _head_noun(phrase)
            if not _TOPIC_END.search(m.group(0))
            # '職員数の削減については、…140人の削減': the quantity, not the change
            else clean_name(re.sub(r"の(?:削減|増加|抑制|向上|縮減)$", "", phrase))
        )
        if name_ok(name) and not re.fullmatch(
            r"本市|本町|本村|本県|県|市|町|村|国", name
        ):
            return name, ctx.span(s0 + m.start(1), s0 + m.end(1))
    return None


_PERIOD_OF_RE = r"^(?:第\d+|前|後|今|次)(?:期|次)の(?=..)"  # a plan period's


def _named_earlier(
    ctx: Ctx, q: Quantity, s0: int, clause: int
) -> tuple[str, Span] | None:
    """The subject of an earlier value in the same unit ('Xが91.9%'), when the
    target's clause names nothing: the target is that quantity's."""
    text = ctx.text
    for v in reversed(ctx.values):
        if not (s0 <= v.start < clause and q.unit and v.unit == q.unit):
            continue
        m = re.search(  # 'Xが91.9%', 'Xは15年現在4万7464人'
            rf"([^、。\s]{{2,30}}?)(?:が|は) ?(?:{WHEN} ?の? ?)?$", text[s0 : v.start]
        )
        # '第2期の受診率が50%を上回った': the measure, not the period's
        name = re.sub(_PERIOD_OF_RE, "", clean_name(m.group(1))) if m else ""
        # '平成25年度においても1人1日当たりの排出量の削減は25グラム': the measure
        name = re.sub(
            r"^(?:[^、。]*?(?:において|における|では)も?|も(?=\d))(?=..)", "", name
        )
        name = re.sub(r"(?<=..)の(?:削減|縮減|抑制|増加)$", "", name)
        per = re.sub(r"1 ?(?:人|日|世帯) ?(?:当たり|あたり|当り)?", "", name)
        if m and name_ok(name) and not re.search(r"\d", per):
            at = text.find(name, s0 + m.start(1))
            return name, ctx.span(at, at + len(name))
    return None


_CUT_GOAL_RE = re.compile(
    r"(?:^|[\s、。「】〇○●■◆・])((?:[^\s、。::=|「」()\d]|(?<=CO|CH)\d){2,30}?)の?(?:排出)?"
    r"(?:削減|縮減)目標(?:値)?(?:として|は|を|[ ::])"
)


def _cut_goal(before: str) -> tuple[str, int, bool] | None:
    """A heading or topic naming what a reduction target cuts: 'Xの削減目標 ',
    'X削減目標として、' (the name, where it starts, whether in the sentence)."""
    found = list(_CUT_GOAL_RE.finditer(before))
    if not found:
        return None
    m = found[-1]
    noun = re.search(r"(?:[^\u3041-\u309f〇○●■◆・]|の|ごみ)+$", m.group(1))
    name = clean_name(noun.group(0).strip("の")) if noun else ""
    if not name_ok(name) or _GENERIC_HEAD.match(name):
        return None
    return name, m.start(1) + (noun.start() if noun else 0), True


_SHARE_OF_RE = re.compile(r"([^、。()]{2,40}?) ?\( ?[\d,.]+ ?[^\s\d()%]{1,3}\) ?の ?$")
_REACHED_BY_RE = re.compile(
    r"([^\s、。\d]{2,30}?) ?[\d,.]+ ?[^\s\d、。を]{0,3} ?を ?[\d,.]+ ?[^\s\d、。]{0,3}?"
    r" ?(?:削減|減ら|増や|増加|縮減)し(?:て)?[、,]? ?$"
)
_MEANS_RE = re.compile(r"[^、。]{0,16}?すること(?:により|によって|で)")
_TOPIC_END = re.compile(r"(?:について(?:も|は)?|につきましては|に関しては)[、, ]?$")


def goal_paren(text: str, pos: int) -> int | None:
    """Where a parenthesis holding a target opens: 'X(目標:令和7年度 30%)'."""
    opened = text.rfind("(", 0, pos)
    if opened < 1 or text.find(")", opened, pos) >= 0:
        return None
    head = text[opened:pos]
    if re.match(r"\((?:目標値?|めざす値)[::]", head) or re.fullmatch(
        r"\((?:目標(?:値|額)?) ?", head
    ):
        return opened  # '(目標:令和7年度 30%)', '丸岡城にぎわい創出(目標額3億円)'
    before = text[max(0, opened - 40) : opened]
    if re.fullmatch(r"\(同 ?", head) and re.search(r"\(目標(?:値|額)?[^()]*\)", before):
        return opened  # '…(目標額3億円)やLED防犯灯整備(同9750万円)'
    return None


# '…の学習を行った県民の割合 80%': the 'を' is inside a clause the name ends
_RELATIVE_RE = re.compile(
    r"を[^、。をはが\d]{0,12}?(?:た|んだ|ている|[うくすつむるぐぶ])"
    r"(?:という)?[\u4e00-\u9fff\u30a1-\u30fa\u30fc]{1,10}(?:の[\u4e00-\u9fff\u30a1-\u30fa\u30fc]{1,8})?$"
)


def _narrow(phrase: str, bare: str, after: str) -> tuple[str, int] | None:
    """The words of a clause that name its value: the object before 'を', the
    topic before 'は', the words after a start value's particle; with how many
    characters were cut from the front. None when they hold no name."""
    skipped = 0
    # '…を基本理念として定め …実績より焼却処理量を8%': the object after the
    # comparison, nearest the value, names it, not one of an earlier clause
    compared_object = re.search(r"より ?[^、。をはが\d\s]{2,30}?を ?$", bare)
    if not compared_object and re.search(
        r"から$|より|上回る|下回る|比で?$|対比|と比較して$|[とに]比べて?$|基準の[\d.]+倍|倍「?$",
        bare,
    ):
        digit = re.search(r"\d", bare)
        head = bare[: digit.start()] if digit else bare
        if "を" in head:  # '…の定数上限を1284人から': the object before the start
            cut = head.rindex("を") + 1
        elif "を" in bare:
            cut = bare.index("を") + 1
        elif "は" in bare:  # '定員数は14年の2701人から3500人に'
            cut = bare.index("は") + 1
        elif (
            digit
            and re.search(r"[\u4e00-\u9fff\u30a1-\u30fa]{2}$", head)
            and not re.search(r"(?:平成|令和|昭和|西暦)$", head)
            and not re.match(r"[\d,.]+ ?(?:年|\()", bare[digit.start() :])
        ):
            cut = digit.start()  # '総人件費362億円(…)から': the name its start follows
        else:
            return None
        phrase, bare = phrase[:cut], bare[:cut]
    labelled = re.search(r"目標(?:値|数値)?は ?(?=[^、。はを]{2,}$)", bare)
    if labelled:  # '水道ビジョンの目標値は有効率95%以上': the name after the label
        phrase, bare = phrase[labelled.end() :], bare[labelled.end() :]
        skipped = labelled.end()
    purpose = re.search(
        r"を(?:図る|推進する|進める)(?:ため(?:に)?|目的で|べく)[、 ]?", bare
    )
    if purpose:  # '…の適正化を図る目的で…正職員700人': the aim is not the name
        phrase, bare = phrase[purpose.end() :], bare[purpose.end() :]
        skipped += purpose.end()
    raised = list(
        re.finditer(
            r"[でにが](?:掲げ|定め|設定し)(?:る|た|ている|ています) ?(?=.{2,})", bare
        )
    )
    if raised:  # '…プロジェクトで掲げる観光交流人口450万人': what the plan sets
        cut = raised[-1].end()
        phrase, bare, skipped = phrase[cut:], bare[cut:], skipped + cut
    if re.search(r"の ?$", bare) and re.match(r"[増減]|削減|縮減", after):
        pass  # 'Xを動かす人の割合の10%増': the whole phrase names it
    elif "を" in bare and not _RELATIVE_RE.search(bare.rstrip()):
        phrase, bare = phrase[: bare.rindex("を")], bare[: bare.rindex("を")]
        topic = re.search(r"[^\d\s]は(?=[^、。]{2,}$)", bare)
        if topic:  # '秦野市は…の定数上限を': the subject is not the name
            phrase, skipped = phrase[topic.end() :], skipped + topic.end()
    elif "は" in bare:
        phrase = phrase[: bare.index("は")]
    return phrase, skipped


# an action a count after its value names: what it acts on is the indicator
_ACTION_RE = re.compile(r"登用|採用|配置|育成|派遣|設置|整備")


def _name_after(ctx: Ctx, q: Quantity) -> tuple[str, Span] | None:
    """A name after its value: '毎年1000人の社会増を目指します', and under a goal
    label '目標、毎年44,000人の出生数。'."""
    text = ctx.text
    after = NAME_AFTER_RE.match(text[q.end :])
    if after is None and re.match(r" ?(?:[■●○◆・] ?)?(?:数値)?目標[::、 ]", text):
        after = NAME_ENDS_RE.match(text[q.end :])
    # not a verb's clause: '1%程度の伸びに抑制することを目指します'
    if after and not re.search(r"\d|する|こと", after.group(1)):
        name = clean_name(after.group(1))
        if after.group(0).endswith("が義務付け"):  # '5.7%の職員削減が義務付け'
            name = re.sub(r"(?<=..)(?:削減|縮減)$", "", name)
        acted = _ACTION_RE.fullmatch(name) and re.search(
            rf"([^、。をがは]{{2,20}})を[^、。]{{0,8}}?{name}", text[: q.start]
        )
        if acted:  # '女性管理職を…登用することは困難…が、3名程度の登用をめざします'
            name = clean_name(acted.group(1))
            return (name, ctx.span(*acted.span(1))) if name_ok(name) else None
        if name_ok(name):
            return name, ctx.span(q.end + after.start(1), q.end + after.end(1))
    return None


def _share_or_cut(ctx: Ctx, q: Quantity, s0: int) -> tuple[str, Span] | None:
    """The name of a share of a stated count ('平成6年度末の職員数(231人)の10%
    削減') or of a level reached by a cut ('職員数1309人を83名削減し1226人にする')."""
    text = ctx.text
    share = _SHARE_OF_RE.search(text, s0, q.start) if q.unit == "%" else None
    if share:
        name = clean_name(share.group(1))
        if name_ok(name):
            return name, ctx.span(*share.span(1))
    cut = _REACHED_BY_RE.search(text, s0, q.start)
    if cut:
        name = clean_name(re.split(r"は", cut.group(1))[-1])
        if name_ok(name):
            return name, ctx.span(*cut.span(1))
    return None


# a share of a budget figure: the indicator is what the sentence is about
_OF_BUDGET_RE = re.compile(
    r"(?:標準財政規模|一般財源(?:総額)?|歳出総額|歳入総額|予算総額|市税収入)"
    r"(?: ?\([^()]*\))?の ?(?:約|概ね|おおむね)? ?$"
)


def prose_name(ctx: Ctx, q: Quantity) -> tuple[str, Span] | None:
    """The special names tried first (a goal in brackets, a name after the
    value, a goal's own noun…), else the words of the value's clause, else a
    fallback from the sentence around it."""
    text = ctx.text
    opened = goal_paren(text, q.start)
    if opened is not None:
        return name_before(ctx, opened)  # 'テレワーク実施率(目標:令和7年度 30%)'
    s0, _ = sentence_bounds(text, q.start)
    budget = _OF_BUDGET_RE.search(text, s0, q.start)
    if budget:  # '基金残高について、標準財政規模の10%以上を確保': the topic's
        return _fallback_name(ctx, q, s0, budget.start())
    special = (
        named_by_item(ctx, q, s0)  # '満足度70%、納得度100%の…', 'N人の人口維持'
        or _name_after(ctx, q)
        or _share_or_cut(ctx, q, s0)
        or included(ctx, q, s0)
        or item_change(ctx, q, s0)
        or yearly_topic(ctx, q, s0)  # 'Xでは20年度以降、毎年度200組以上'
        or set_on(ctx, q, s0)  # 'Xで数値目標を設定しており、23年度は90%'
    )
    if special is not None:
        return special
    if re.match(r"(?:数値|値|水準|実績)\($", text[max(0, q.start - 3) : q.start]):
        # '女性の参画比率を…策定時の数値(29.1%)以上に': named before the bracket
        return prose_name(ctx, dataclasses.replace(q, start=q.start - 1))
    topic = _goal_topic(ctx, q, s0)
    if topic is not None:
        return topic
    e, a_stage = _clause_end(text, q, s0)
    if a_stage:  # '第3期の初年度(平成30年度)目標値を52.5%': a stage, not the measure
        # '2019年度時点の目標値を4地区': a time, the name is elsewhere
        return _fallback_name(ctx, q, s0, clause_start(text, e, s0))
    return _averaged(ctx, q, s0, e) or _clause_name(ctx, q, s0, e)


def _goal_topic(ctx: Ctx, q: Quantity, s0: int) -> tuple[str, Span] | None:
    """A sentence about a goal quantity ('目標人口は') or a goal's topic
    ('Xの目標値は、')."""
    text = ctx.text
    goal_topic = _GOAL_TOPIC_RE.search(text, s0, q.start)
    if (
        goal_topic
        and re.fullmatch(  # a marker, or the goal's time ('計画最終年の27年の')
            r"[^、。は]{0,4}|[^、。は]{0,12}?(?:年度?|年次)末?の",
            text[s0 : goal_topic.start()],
        )
        and goal_topic.end() <= q.start
        and not any(
            s0 <= v.start < q.start
            and not re.match(r" ?(?:ほど|程度)?(?:少な|多|上回|下回)", text[v.end :])
            for v in ctx.values
        )  # but a difference it states ('現在より3000人ほど少ない')
    ):  # '目標人口はこの間、…と予想して24万人とした': the goal's own noun
        name = clean_name(goal_topic.group(1))
        if name_ok(name):
            return name, ctx.span(*goal_topic.span(1))
    topic = _TOPIC_TARGET_RE.search(text, s0, q.start)
    if topic:
        name = clean_name(re.sub(r"^.*(?:年の|年度の)", "", topic.group(1)))
        if name_ok(name) and len(name) >= 2:  # not the 国 of '・国の目標値は、'
            return name, ctx.span(*topic.span(1))
    return None


def _clause_end(text: str, q: Quantity, s0: int) -> tuple[int, bool]:
    """Where the words naming the value end, before a ratio and the labels and
    particles that lead to it; and whether they end in a stage or a time."""
    e = q.start
    ratio = re.search(r"\d+ ?[人名]に ?\d+ ?[人名] ?\($", text[s0:e])
    if ratio:  # '…の割合を3人に2人(65%)以上にします'
        e = s0 + ratio.start()
    trail = re.search(
        r"(?:[\s::=]|(?:は|が)[、,]? ?目標(?:値)?の|(?:は|が)[、,]? ?(?:少なくとも|最低でも)|の(?:国|県)の目標(?:値)?(?:は|を)|目標(?:値)?である|の?(?:最終|中間)?目標 ?(?:値|額)?(?:は|を|が|とする)|として|を目標に|に対して(?:は)?|延べ|約|概ね|おおむね)+$",
        text[s0:e],
    )
    if not trail:
        return e, False
    e = s0 + trail.start()
    a_stage = re.search(
        r"(?:\d ?(?:年度?|月)(?:末|時点|現在)?|(?:初|最終|中間)年度(?: ?\([^()]*\))?)$",
        text[s0:e],
    )
    return e, a_stage is not None


def _averaged(ctx: Ctx, q: Quantity, s0: int, e: int) -> tuple[str, Span] | None:
    """'…までの自殺死亡率の平均値から30%以上減少': the measure averaged."""
    averaged = q.unit == "%" and re.search(
        r"([^、。\d]{2,30}?)の(?:平均値|平均|値|水準|実績値?)から ?(?:約|概ね|おおむね)? ?$",
        ctx.text[s0:e],
    )
    if averaged:
        name = clean_name(re.sub(r"^[^の]*?(?:までの|における)", "", averaged[1]))
        if name_ok(name):
            return name, ctx.span(s0 + averaged.start(1), s0 + averaged.end(1))
    return None


def _clause_name(ctx: Ctx, q: Quantity, s0: int, e: int) -> tuple[str, Span] | None:
    """The name in the words of the value's clause, narrowed to what names the
    value; the fallback when they hold none."""
    text = ctx.text
    start = clause_start(text, e, s0)
    apposed = re.search(r"([^、。]{2,20}?)[、,] ?すなわち[、,] ?$", text[s0:start])
    if apposed:  # '人口の社会増、すなわち、転入者が…上回る数が150人': the first wording
        name = clean_name(apposed.group(1))
        if name_ok(name):
            return name, ctx.span(s0 + apposed.start(1), s0 + apposed.end(1))
    start = _clause_opening(text, s0, start, e)
    phrase = text[start:e]
    # particles inside 「」 belong to the quoted name
    # and so do those in brackets: '職員数(出向等職員を含む)の5%'
    bare = _masked(phrase, r"「[^「」]*」|\([^()]*\)")
    narrowed = _narrow(phrase, bare, text[q.end :])
    if narrowed is None:
        return _fallback_name(ctx, q, s0, start)
    phrase, skipped = narrowed
    start += skipped
    phrase = _after_start_and_time(phrase)
    name = clean_name(phrase)
    if not _name_fits(name):
        return _fallback_name(ctx, q, s0, start)
    return name, _span_of(ctx, name, phrase, start)


def _clause_opening(text: str, s0: int, start: int, e: int) -> int:
    """Where the clause's name may begin, past nouns sharing the goal, a clause
    of speech, a KPI marker and an adverb opening the clause."""
    listed = re.search(
        r"(?:^|[■●○◆・\s\u2460-\u2473])([\u4e00-\u9fff\u30a1-\u30fa\u30fc]{2,12})、$",
        text[s0:start],
    )
    if listed:  # '②特定健康診査、特定保健指導の国の目標は60%': nouns sharing a goal
        start = s0 + listed.start(1)
    spoken = list(re.finditer(r"(?:ますが|ですが|ものの)[ 、]?", text[start:e]))
    if spoken:  # '…推移していますが 目標である 250 万人': a clause of speech ends
        start += spoken[-1].end()
    marker = list(
        re.finditer(r"[(【](?:主な)?(?:KPI|KGI|数値目標)[)】]", text[start:e])
    )
    if marker:  # '…つくる Ⅰ (主なKGI)社会動態の増加:': the name after the marker
        start += marker[-1].end()
    lead = re.match(
        r"(?:具体的には|特に|なお|また|そこで(?!は)|そのため|このため|だから|したがって)[、 ]?",
        text[start:e],
    )
    if lead:  # '具体的には…標準化死亡比が100以下', 'だから5万人を': an adverb opens it
        start += lead.end()
    means = re.search(r"[^、。]+?を" + _MEANS_RE.pattern + r" ?$", text[start:e])
    return start + means.end() if means else start  # '施策を…実行することで17万人


def _after_start_and_time(phrase: str) -> str:
    """The phrase's words after a start value, a comparison or a scope, without
    the time the value is for."""
    phrase = re.split(
        r"だった|であった|から(?!の)|より|に対し|については|として、|では|においては|のとおり"
        r"|と比較して|[にと]比べて|すなわち、?"
        r"|(?:会計|全体|全庁)で(?!の)",
        phrase,
    )[-1]
    # '人口 令和12年に': the time the value is for, after the name
    phrase = re.sub(rf" ?{WHEN}(?:まで(?:に)?|に|で|には|の)? ?$", "", phrase)
    phrase = re.sub(r"(?<=..) ?(?:毎年度?|各年度)$", "", phrase)  # '全体として毎年度
    # '…で出されている令和7年度の合計特殊出生率': the name after its time
    timed = list(
        re.finditer(rf"{WHEN}(?: ?\([^()]*\))? ?(?:における|の)(?=.{{2,}})", phrase)
    )
    if timed:
        phrase = phrase[timed[-1].end() :]
    # '羽村市は2045年度までに公共施設の総量': the name after its deadline
    return re.split(rf"{WHEN}(?:まで(?:に|の)?|には|に)、? ?(?=.{{2,}})", phrase)[-1]


def _name_fits(name: str) -> bool:
    """Whether a clause's words name a measure: not a stage, a year, a start
    value's label, a count or the end of a verb."""
    return not (
        not name_ok(name)
        or len(re.sub(r"\([^()]*\)", "", name)) > 40  # asides in brackets aside
        or re.fullmatch(r"(?:第\d+期の)?(?:初|最終|中間|目標)年度", name)  # a stage
        # '…の減少率(令和元年度対比)': the year a change is measured from is the name's
        or kpi_text.YEAR_RE.search(re.sub(r"\([^()]*(?:対比|比)\)$", "", name))
        or re.search(
            r"(?:現状値|基準値|現況値|直近値|現状|基準)[\d,.]+$", name
        )  # the start's label
        or re.search(
            r"[\d,]+ ?(?:件|人|名|円|%)(?!当たり|あたり|当り|1日)|(?:ます|ました|ている|ており|ため|である|の)$",
            name,
        )
    )


def _span_of(ctx: Ctx, name: str, phrase: str, start: int) -> Span:
    """Where the name's words are in the text, for highlighting: the name as
    written, else from its first words to the end of the phrase it came from."""
    text = ctx.text
    at = text.find(name, start)
    if at >= 0:
        return ctx.span(at, at + len(name))
    offset = text.find(name[:2], start)
    begin = offset if offset >= 0 else start
    found = text.find(phrase, start)
    end = found + len(phrase) if found >= 0 else start + len(phrase)
    return ctx.span(begin, max(end, begin + 1))
