"""The prose form: `…を令和7年度までに90%以上とする`, `平成31年(2019年)の転出超過数
110人抑制`: goals in sentences, with their deadline; a stage of a goal or
a restatement of it joins the goal before; `prose_baselines` finds baselines."""

from __future__ import annotations

import datetime as dt
import itertools
import re

from shinchoku.plans import kpi_text
from shinchoku.plans.kpi_statements.context import (
    Ctx,
    inside_parens,
    new_found,
    norm_pos,
    sentence_bounds,
    set_baseline,
)
from shinchoku.plans.kpi_statements.found import Found, Span
from shinchoku.plans.kpi_statements.guards import is_goal
from shinchoku.plans.kpi_statements.lexicon import WHEN
from shinchoku.plans.kpi_statements.names import clause_start, clean_name, name_ok
from shinchoku.plans.kpi_statements.prose_baselines import prose_baseline
from shinchoku.plans.kpi_statements.prose_names import goal_paren, prose_name
from shinchoku.plans.kpi_statements.values import paren_after, year_in
from shinchoku.plans.kpi_text import Quantity

_YEARS_SPAN = re.compile(
    r"(?P<n>\d+) ?(?:か年|カ年|ヵ年|ヶ年|年間)(?:で|に|の間に|の間で)?"
)


def _dates_another(text: str, s: int, e: int, q: Quantity, has_best: bool) -> bool:
    """The year from `s` to `e` dates a base, a result or a source, not the
    deadline of the target `q`."""
    if text[max(0, s - 1) : s] == "対":
        return True  # '対17年度で△4.6%': the base year
    if re.match(
        r" ?[】\])]? ?(?:比|対比|から|の実績|実績|現在|を基準|に対し|と比較|[にと]比べ|の数値(?!目標)|の値)",
        text[e : e + 6],
    ):
        return True
    if re.match(r" ?(?:以降|以後|から)[、,]? ?(?:毎年|各年)", text[e : e + 10]):
        return True  # '20年度以降、毎年度200組以上': where a yearly goal starts
    if re.search(r"から ?$", text[max(0, s - 3) : s]) and re.match(
        r" ?までの(?! ?\d+ ?(?:年間|か年|カ年))", text[e : e + 8]
    ):
        return True  # '平成24年から平成28年までの自殺死亡率の平均値': a base period
    if re.match(r" ?の[^、。\d]{0,10}?(?:調査|統計)", text[e : e + 14]):
        return True  # '平成30年の住宅・土地統計調査': the date of a source
    base = re.search(r"基準|比|に対し", text[e : q.start])
    if (
        text[e:].startswith("における")
        and base
        and not re.search(r"\d ?(?:\([^()]*\))? ?年", text[e : e + base.start()])
    ):
        return True  # '平成25年度における排出量を基準に', not '…を2009年度比で''
    # '…までに…を、平成28年度の排出量から10%': the base year
    return bool(re.match(r" ?の[^、。]{0,16}?から", text[e : q.start]) and has_best)


def _deadline(ctx: Ctx, q: Quantity) -> int | None:
    text = ctx.text
    paren = paren_after(text, q.end)
    if paren:
        year = year_in(paren[0])
        dated_value = any(paren[1] <= v.start < paren[2] for v in ctx.values)
        if year and not re.search(r"実績|現在|比|は|同", paren[0]) and not dated_value:
            return year  # not '230万人(18年度207・5万人)': that dates a baseline
    s0, s1 = sentence_bounds(text, q.start)
    best = None
    for s, e, year in ctx.years:
        if not year or s >= q.start + 40:
            continue
        in_sentence = s0 <= s < s1
        west = re.match(r" ?\((?:19|20)\d{2}\) ?年?度?", text[e:])
        if west:  # '平成32(2020)年の総人口'
            e += west.end()
        tail = text[e : e + 6]
        if _dates_another(text, s, e, q, best is not None):
            continue

        lead = re.match(r" ?(?:に|の|は|が)? ?", tail)
        own = next((v for v in ctx.values if v.start == e + lead.end()), None)
        if own is not None:
            if own is q:
                return year  # '平成16年に36万5,000人'
            continue  # the year of another value ('16年に1万6401件だった')
        if paren and s >= q.end:
            continue
        if re.fullmatch(r"\(\d{1,2} ?年", text[s - 1 : e]) and tail.startswith("で"):
            continue  # '(10年で総床面積の10%の減)': a span of years, no year
        if re.match(r" ?末?の[^、。()\d]{1,20}\( ?\d", text[e : e + 26]):
            continue  # '平成6年度末の職員数(231人)の10%削減': dates the count

        day = re.match(
            r" ?(\d{1,2}) ?月 ?(\d{1,2}) ?日 ?(?:まで|までに|には)",
            tail + text[e + 6 : e + 14],
        )
        if day and in_sentence:
            when = dt.date(year, int(day.group(1)), int(day.group(2))) - dt.timedelta(
                days=1
            )
            best = kpi_text.wareki.fiscal_year_of(when)
            continue
        deadlineish = (
            re.match(
                r" ?(?:末|当初)?(?:まで|までに|の|に|には|(?<=当初)は|を目途|をめど|時点|度末|末|で|以降|\]|】|\))",
                tail,
            )
            or re.match(  # '平成28年度末(29年3月31日)に、': the same day restated
                r" ?\([^()]{0,16}\) ?(?:まで|までに|に|には)[、,]?", text[e : e + 26]
            )
        )
        if not deadlineish and re.fullmatch(r" ?[■●○◆・]? ?", text[:s]):
            # '2030年度 二酸化炭素排出量の削減目標 …35.2%削減': the line's year
            deadlineish = re.match(r" (?=[^\d\s])", tail)
        if in_sentence and deadlineish and s < q.start:
            # '平成31年度当初までに': by the first day of FY2019, the end of FY2018
            best = year - 1 if re.match(r" ?当初", tail) else year
        elif (
            not in_sentence
            and s < s0
            and re.match(r" ?(?:末)?(?:まで|までに)", tail)
            and best is None
        ):
            best = year  # '24年度までに達成する目標値を設定。観光消費額は…'
    if best is None and ctx.first_fy:
        m = _YEARS_SPAN.search(text, s0, q.start)
        if m:
            best = ctx.first_fy + int(m["n"]) - 1
    return best


# '「経常収支比率の改善(95%以下)」と「…残高の確保(…の約5%)」の達成を目指します'
_QUOTED_GOAL_RE = re.compile(
    r"「(?P<name>[^「」()、。]{2,30}?)(?: ?\(※ ?\d*\))?の"
    r"(?:改善|確保|向上|削減|縮減|抑制|維持|増加|達成)\((?P<value>[^「」]{1,40})\)」"
)


def _quoted_goals(ctx: Ctx) -> list[Found]:
    """Goals quoted with their value in parentheses, the sentence aiming at
    them: each quote's last value is its target."""
    out = []
    for m in _QUOTED_GOAL_RE.finditer(ctx.text):
        _, s1 = sentence_bounds(ctx.text, m.start())
        aim = re.search(r"(?:目指|めざ|目標と|を目標)(.{0,8})", ctx.text[m.end() : s1])
        if not aim or re.match(r"(?:と)?し ?(?:ていた|ました|た)", aim.group(1)):
            continue  # not '…を目標としていたが', '…の達成を目指しましたが'
        inside = [q for q in ctx.free() if m.start("value") <= q.start < m.end("value")]
        name = clean_name(m["name"])
        if inside and name_ok(name):
            span = ctx.span(m.start("name"), m.start("name") + len(m["name"]))
            out.append(new_found(ctx, (name, span), inside[-1]))
    return out


_CHANGE_OF_RE = re.compile(
    r"(?P<name>[^、。()「」]{2,30}?)の(?:削減|縮減|抑制|減員|増員|増加|適正化)"
    r" ?[(〔［【](?:[^()〔〕［］【】]{0,10}?で[、,]? ?)?$"
)


def _paren_change(ctx: Ctx) -> list[Found]:
    """A change spelled out in parentheses after its noun: '職員定数の削減
    (十年間で二七七名から二一一名へ)': the level it reaches, from where it starts."""
    text, out = ctx.text, []
    for a, b in itertools.pairwise(ctx.free()):
        if a.unit != b.unit or not re.fullmatch(r" ?から ?", text[a.end : b.start]):
            continue
        if not re.match(r" ?(?:へ|に|まで)? ?[)〕］】]", text[b.end : b.end + 4]):
            continue
        m = _CHANGE_OF_RE.search(text, max(0, a.start - 50), a.start)
        if m is None or m.end() != a.start:
            continue
        start = clause_start(text, m.end("name"), m.start("name"))
        start = m.end("name") - len(
            re.split(r"や|及び|および", text[start : m.end("name")])[-1]
        )  # '人件費の抑制や職員定数の削減(…)': the last of a list
        name = clean_name(text[start : m.end("name")])
        if not name_ok(name):
            continue
        f = new_found(ctx, (name, ctx.span(start, m.end("name"))), b)
        set_baseline(ctx, f, a, None)
        f.direction = "lower" if b.value < a.value else "higher"
        out.append(f)
    return out


def _plan_figure(ctx: Ctx) -> list[Found]:
    """'19年度当初職員数は172(集中改革プランでは172)': the plan's figure in
    parentheses after the count, the plan's target for it."""
    text, out = ctx.text, []
    for a, b in itertools.pairwise(ctx.free()):
        gap = re.fullmatch(
            r" ?\([^()]{0,20}?(?:計画|プラン)(?:で|上)は ?", text[a.end : b.start]
        )
        if not gap or not re.match(r" ?\)", text[b.end :]):
            continue
        s0, _ = sentence_bounds(text, a.start)
        m = re.search(r"([^\s、。()]{2,30}?)は ?$", text[s0 : a.start])
        if m is None:
            continue
        raw = re.sub(rf"^{WHEN}(?:の)?", "", m.group(1))
        name = clean_name(raw)
        if not name_ok(name) or re.search(r"\d", name):
            continue
        at = s0 + m.end(1) - len(raw)
        f = new_found(ctx, (name, ctx.span(at, at + len(raw))), b)
        f.deadline_fy = _deadline(ctx, a)
        ctx.used.add(a.start)
        out.append(f)
    return out


def _line_goal(text: str) -> bool:
    """A line of goals: opened by a goal label or a marker of a KPI list."""
    if re.match(
        r"^ ?(?:[■●○・◆]|\(\d+\)|\d+[.)])? ?(?:目標\d*_|目標|数値目標|【?KPI|[【《]目標)",
        text,
    ):
        return True
    if re.match(r"^ ?[●○■◆][^、。=]+=", text):
        return True  # '■経常収支比率=90.0 以下 ■…', not '① …によれば、R2年度=5人'

    # '…つくる Ⅰ (主なKGI)社会動態の増加:1,300人以上': the marker opens the list
    return bool(
        re.search(
            r"[(【](?:主な)?(?:KPI|KGI|数値目標)[)】](?!.*[(【](?:実績|現状))", text
        )
    )


def prose(ctx: Ctx) -> list[Found]:
    """Goals stated in sentences: quoted goals, changes spelled out in
    parentheses, then each value a goal's words surround, with its deadline and
    baseline."""
    text = ctx.text
    out: list[Found] = _quoted_goals(ctx) + _paren_change(ctx) + _plan_figure(ctx)
    line_goal = _line_goal(text)
    for q in ctx.free():
        if not _may_be_goal(ctx, q, line_goal):
            continue
        if _quoted_again(ctx, out, q):
            ctx.used.add(q.start)
            continue
        name = _own_name(ctx, out, q)
        if name is not None and _AUTHORITY_RE.fullmatch(name[0]):
            name = _counted_before(ctx, q)  # '総務省は…1万人にする目標'
        if name is None:
            continue
        f = new_found(ctx, name, q)
        f.deadline_fy = _deadline(ctx, q)
        prose_baseline(ctx, f, q)
        if _dated_baseline_only(ctx, f, q):
            f.deadline_fy = None  # '15年に35位となったことから、30位以内を狙う'
        out.append(f)
        if re.search(
            r"(?:それぞれ|ともに|いずれも) ?$", text[max(0, q.start - 8) : q.start]
        ):
            out[-1:] = _each(_listed_before(ctx, f))  # 'AとBでそれぞれ70%を目指す'
    return out + [p for f in out if (p := _part_in_parens(ctx, f))]


def _part_in_parens(ctx: Ctx, f: Found) -> Found | None:
    """'観光客数(宿泊者数)を平成29年500万人 (95万人)': a part of the measure named
    in parentheses after its name, its value in parentheses after the whole's."""
    named = re.fullmatch(r"(.{2,}?)\(([^()\d]{2,20})\)", f.name)
    if named is None or "target" not in f.spans:
        return None
    end = next(
        (q.end for q in ctx.values if q.start == norm_pos(ctx, f.spans["target"][0])),
        None,
    )
    paren = paren_after(ctx.text, end) if end is not None else None
    part = next(
        (
            q
            for q in ctx.values
            if paren
            and q.start >= paren[1]
            and not ctx.text[paren[1] : q.start].strip()  # not '(R6:△3,215人)'
            and q.end == paren[2]
            and q.unit == f.unit
        ),
        None,
    )
    if part is None:
        return None
    at = norm_pos(ctx, f.spans["name"][0]) + len(named[1]) + 1
    g = new_found(ctx, (named[2], ctx.span(at, at + len(named[2]))), part)
    g.deadline_fy = f.deadline_fy
    f.name = named[1]
    return g


# '水洗化率、生活排水処理率をともに100%': the measures listed before the name
_LISTED_BEFORE_RE = re.compile(
    r"(?:^|[\s、。,])([^\s、。,「」()\d]{2,20}?(?:率|数|額|量|割合))[、,] ?$"
)


def _listed_before(ctx: Ctx, f: Found) -> Found:
    """`f` named by the measures listed before its name as well, all sharing the
    goal ('ともに', 'それぞれ')."""
    start = norm_pos(ctx, f.spans["name"][0])
    names = [f.name]
    while m := _LISTED_BEFORE_RE.search(ctx.text, 0, start):
        name = clean_name(m.group(1))
        if not name_ok(name):
            break
        names.insert(0, name)
        start = m.start(1)
    if len(names) > 1:
        f.name = "、".join(names)
        f.spans["name"] = (ctx.span(start, start + 1)[0], f.spans["name"][1])
    return f


# who sets a goal, not what it measures: '総務省は2026年度までに1万人にする目標'
_AUTHORITY_RE = re.compile(r"[^\s、。]{1,6}(?:省|庁)|政府|国")


def _counted_before(ctx: Ctx, q: Quantity) -> tuple[str, Span] | None:
    """The quoted name an earlier sentence counts in the goal's unit ('「地域おこし
    協力隊」として昨年度活動したのは7200人'), the measure an authority aims at."""
    s0, _ = sentence_bounds(ctx.text, q.start)
    for m in reversed(list(re.finditer(r"「([^「」]{2,20})」", ctx.text[:s0]))):
        _, end = sentence_bounds(ctx.text, m.start())
        counted = any(m.end() <= v.start < end and v.unit == q.unit for v in ctx.values)
        name = clean_name(m.group(1))
        if counted and name_ok(name):
            return name, ctx.span(m.start(1), m.end(1))
    return None


def _may_be_goal(ctx: Ctx, q: Quantity, line_goal: bool) -> bool:
    """Whether `q` may be a goal of its own: not read yet, not a target inside
    another's parentheses, and opening a goal's parenthesis or read as a goal."""
    text = ctx.text
    opened = goal_paren(text, q.start)
    ratio = re.search(
        r"\d ?[人名]に ?\d+ ?[人名] ?\($", text[max(0, q.start - 10) : q.start]
    )
    within = re.search(  # '(うち…50地域)', '(10年で総床面積の10%の減)'
        r"\((?:うち|\d+ ?(?:年|か年|カ年|年間)で)[^()]*$",
        text[max(0, q.start - 30) : q.start],
    )
    within = within or _bracketed_level(text, q) or _part_goal(text, q)
    # '…の目標(2060年に約29万7千人の人口維持)': a goal told in brackets after its label
    within = within or re.search(
        r"の目標 ?\((?:[^()]|\([^()]*\))*$", text[max(0, q.start - 40) : q.start]
    )
    if q.start in ctx.used or (
        inside_parens(text, q.start) and opened is None and not ratio and not within
    ):  # '100地域(うち国際認証・表彰地域 50地域)': a target inside another
        return False
    return opened is not None or is_goal(ctx, q, line_goal)


def _previous(
    ctx: Ctx, out: list[Found], q: Quantity, name: tuple[str, Span] | None
) -> tuple[tuple[str, Span] | None, Found | None]:
    """The goal read before `q` that `q` may go on from (one in the same
    sentence, or the last when the sentence goes on with its stages), and the
    name `q` takes; a share restated as a count replaces the share."""
    s0, _ = sentence_bounds(ctx.text, q.start)
    previous = (
        out[-1] if out and norm_pos(ctx, out[-1].spans["target"][0]) >= s0 else None
    )
    if previous is None and out and name is None and _STAGED_ON_RE.match(ctx.text, s0):
        previous = out[-1]  # '…52.5%に設定します。その後段階的に…60.0%に設定'
    if previous is not None and _share_as_count(ctx, previous, q):
        out.pop()  # '職員数の5%、2,000人以上の削減': one cut, the count kept
        name, previous = name or (previous.name, previous.spans["name"]), None
    return name, previous


def _own_name(ctx: Ctx, out: list[Found], q: Quantity) -> tuple[str, Span] | None:
    """The name of the goal `q` states, or None when it states none of its own:
    no name, the goal before restated, a stage or a part of it."""
    name, previous = _previous(ctx, out, q, prose_name(ctx, q))
    if previous is None:
        return name
    if name is not None and _same_quantity(name[0], previous.name):
        # '排出量を2030年度までに26.0%削減…2050年までに80%の温室効果ガス削減'
        name = (previous.name, name[1])
    if _restated(ctx, previous, q):
        ctx.used.add(q.start)
        return None  # '140人、4.87パーセントを削減': the same cut as a rate
    if name is not None and name[0] == previous.name:
        gap = ctx.text[norm_pos(ctx, previous.spans["target"][1]) : q.start]
        if q.unit != previous.unit and not re.fullmatch(r" ?[、,] ?", gap):
            return None  # the topic named another value ('…約3万人を維持'), not a
            # list of one ('20%、3.6時間削減')
    if _later_stage(ctx, previous, name, q):
        return None
    if name is None or name[0] == previous.name:
        if _dated_stage(ctx, previous, q):
            return None
        if (
            name is not None
            and _goal_named(ctx, previous)
            and not _goal_named(ctx, None, name[1], q)
        ):
            return None  # '目標効果額は24億円で、3年間の効果額は16億円': a part
        name = name or (previous.name, previous.spans["name"])
    return name


def _dated_stage(ctx: Ctx, previous: Found, q: Quantity) -> bool:
    """'平成16年に36万5千人、平成21年に38万人': `q` is the goal before at
    another deadline; `previous` takes it as a stage (the later one its target)."""
    deadline = _deadline(ctx, q)
    if not (
        q.unit == previous.unit
        and deadline
        and previous.deadline_fy
        and deadline != previous.deadline_fy
    ):
        return False
    previous.targets.setdefault(previous.deadline_fy, previous.target)
    previous.targets[deadline] = q.value
    if deadline > previous.deadline_fy:
        previous.target, previous.deadline_fy = q.value, deadline
        previous.spans["target"] = ctx.span(q.start, q.end)
    ctx.used.add(q.start)
    return True


# a sentence going on with the stages of the one before
_STAGED_ON_RE = re.compile(r" ?(?:その後|以降)[、,]? ?段階的に")


def _later_stage(
    ctx: Ctx, previous: Found | None, name: tuple[str, Span] | None, q: Quantity
) -> bool:
    """'職員数を平成26年度当初は700人程度、長期的には650人程度を目標': a dated
    stage, then the goal with no year; `previous` takes the goal."""
    if previous is None or q.unit != previous.unit or not previous.deadline_fy:
        return False
    if name is not None and not previous.name.endswith(name[0]):
        return False
    if _deadline(ctx, q) not in (None, previous.deadline_fy) or not re.search(
        r"(?:長期|将来|最終)的には[、,]? ?$", ctx.text[max(0, q.start - 8) : q.start]
    ):
        return False
    previous.targets = {previous.deadline_fy: previous.target}
    previous.target, previous.deadline_fy = q.value, None
    previous.spans["target"] = ctx.span(q.start, q.end)
    ctx.used.add(q.start)
    return True


def _share_as_count(ctx: Ctx, previous: Found, q: Quantity) -> bool:
    """A share of a count restated as a count of people: 'Xの5%、2,000人'."""
    start, end = (norm_pos(ctx, p) for p in previous.spans["target"])
    return (
        previous.unit == "%"
        and q.unit in ("人", "名")
        and re.fullmatch(r" ?[、,] ?", ctx.text[end : q.start]) is not None
        and re.search(r"の ?(?:約|概ね)? ?$", ctx.text[max(0, start - 4) : start])
        is not None
    )


def _dated_baseline_only(ctx: Ctx, f: Found, q: Quantity) -> bool:
    """The one year before the target dates its baseline, not its deadline."""
    if f.baseline_date is None or f.deadline_fy is None or "baseline" not in f.spans:
        return False
    if f.deadline_fy not in (f.baseline_date.year, f.baseline_date.year - 1):
        return False
    base_end = norm_pos(ctx, f.spans["baseline"][1])
    _, s1 = sentence_bounds(ctx.text, q.start)
    return not any(y and base_end <= s < s1 for s, _e, y in ctx.years)


def _goal_named(
    ctx: Ctx, f: Found | None, span: Span | None = None, q: Quantity | None = None
) -> bool:
    """Whether the words from the name to the value say 目標 ('目標効果額は')."""
    if f is not None:
        span, end = f.spans["name"], norm_pos(ctx, f.spans["target"][0])
    else:
        end = q.start if q is not None else 0
    start = norm_pos(ctx, span[0]) if span else end
    return "目標" in ctx.text[max(0, start - 3) : end]


def _part_goal(text: str, q: Quantity) -> bool:
    """'…を46パーセント削減(業務部門は51パーセント削減)': a part's own goal in
    parentheses after the whole's."""
    return bool(
        re.search(
            r"(?:削減|縮減|増加|以上|以下)\([^()、。\d]{2,16}は ?$",
            text[max(0, q.start - 24) : q.start],
        )
        and re.match(r" ?(?:削減|縮減|増加|以上|以下)?\)", text[q.end : q.end + 6])
    )


def _bracketed_level(text: str, q: Quantity) -> bool:
    """'…を第4次計画策定時の数値(29.1%)以上に向上させ': a level in brackets."""
    return bool(
        re.search(r"(?:数値|値|水準|実績)\($", text[max(0, q.start - 4) : q.start])
        and re.match(r"\) ?(?:以上|以下)に", text[q.end : q.end + 6])
    )


def _same_quantity(name: str, previous: str) -> bool:
    """A later stage's name, shorter or with its verb: '温室効果ガス削減' after
    '温室効果ガスの排出量'."""
    bare = re.sub(r"(?:の)?(?:削減|縮減|増加|抑制)$", "", name)
    return (
        name != previous
        and len(bare) >= 2
        and (bare == previous or previous.startswith(bare + "の"))
    )


def _quoted_again(ctx: Ctx, out: list[Found], q: Quantity) -> bool:
    """'…2020年までに…30%程度となるよう期待する」との目標…「2020年30%」目標':
    a slogan in quotes restating a target already read."""
    text = ctx.text
    if not (
        re.search(r"「[^「」]{0,12}$", text[: q.start])
        and re.match(r"[^「」]{0,6}」", text[q.end :])
    ):
        return False
    return any(
        f.target == q.value and f.unit == q.unit and f.deadline_fy == _deadline(ctx, q)
        for f in out
    )


def _restated(ctx: Ctx, previous: Found, q: Quantity) -> bool:
    """A rate right after a count, the same change stated twice."""
    gap = ctx.text[norm_pos(ctx, previous.spans["target"][1]) : q.start]
    return (
        q.unit == "%"
        and previous.unit not in ("%", "")
        and re.fullmatch(r" ?[、,] ?", gap) is not None
        and re.match(r" ?(?:を|の)?(?:削減|減)", ctx.text[q.end : q.end + 6])
        is not None
    )


def _each(f: Found) -> list[Found]:
    names = [n for n in re.split(r"と|及び|および|、", f.name) if n]
    if len(names) < 2:
        return [f]
    out = []
    for name in names:
        g = Found(
            **{
                **f.__dict__,
                "name": clean_name(name),
                "targets": dict(f.targets),
                "spans": dict(f.spans),
            }
        )
        out.append(g)
    return out
