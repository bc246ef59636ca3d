"""Which numbers of a statement are values (not years, ages, ordinals or
codes), and the years and dates written around them."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from contextvars import ContextVar

from shinchoku.plans import kpi_text
from shinchoku.plans.kpi_text import Quantity

# What may directly follow a value without making it part of a longer word.
_VALUE_TAIL_OK = re.compile(
    r"^(?:増|減|削減|縮減|圧縮|純減|純増|抑制|以 ?上|以 ?下|未 ?満|以 ?内|超|程度|前後|台|余|強|弱|分|達成"
    r"|確保|維持|体制に|向上|低下|上昇|突破|規模|相当|減ら|増や|増加|減少|程|人泊|泊|来訪|実現|創出"
    r"|等(?:の|を|と)|目標(?=[、。,)\s]|$)"  # '3,000人目標、': a goal after its value
    r"|(?:令和|平成) ?\d{1,2} ?年)"  # '令和7年度35%令和12年度40%': the next stage
)
_NOT_VALUE_TAIL = re.compile(
    r"^ ?(?:あたり|当たり|当り|対|につき|ぶり|後|目(?!標)|歳|年|か年|カ年|ヵ年|か月|ヶ月|カ月|の\d"
    r"|月|次|期|号|章|節|位|番|条|時|秒|項|つ|階層|段階|満点|分野|の内|のうち|中|区分"
    r"|県|市|町|村|校区|地域|倍に)"
)
_PER_ONE_RE = re.compile(
    r"^(?:\d|(?:1 ?(?:人|名|日|世帯) ?)?(?:あたり|当たり|当り)? ?\d(?!\d* ?(?:人|名|日|世帯)))"
)
_NOT_VALUE_HEAD = re.compile(r"(?:第|No\.?|№|NO\.?|No |約第|うち|各) ?$")


def mask_years(text: str) -> list[tuple[int, int, int]]:
    """(start, end, year) of every year expression, and spans of month/day
    dates (year 0) that no value may overlap."""
    out = []
    for m in kpi_text.YEAR_RE.finditer(text):
        era = short_era(text, m.start(), int(m["short"])) if m["short"] else None
        out.append((m.start(), m.end(), kpi_text.year_of(m, era)))
    for m in re.finditer(
        r"\d{1,2} ?月(?: ?\d{1,2} ?日)?|\d{1,2}/\d{1,2}|(?<![A-Za-z\d])\d{1,2}:\d{2}(?!\d)",
        text,
    ):
        out.append((m.start(), m.end(), 0))
    # 'R1〜4年度': the second year belongs to the first one's era.
    for m in re.finditer(
        r"([RH令平])\S{0,3}? ?\d{1,2} ?[〜~\-] ?(\d{1,2}) ?年度?", text
    ):
        era = "令和" if m.group(1) in "R令" else "平成"
        out.append(
            (m.start(2), m.end(), kpi_text.wareki.era_to_western(era, int(m.group(2))))
        )
    return out


_PLAN_FIGURE_RE = re.compile(
    r"(?<=は)(\d[\d,]*) ?\([^()]{0,20}?(?:計画|プラン)(?:で|上)は ?(\d[\d,]*) ?\)"
)


def _plan_figure(q: Quantity, text: str) -> bool:
    return any(
        q.start <= m.start(g) and m.end(g) <= q.end
        for m in _PLAN_FIGURE_RE.finditer(text)
        for g in (1, 2)
    )


def is_value(q: Quantity, text: str, years: list[tuple[int, int, int]]) -> bool:
    if any(s < q.end and q.start < e for s, e, _ in years):
        return False
    alone = re.search(r"\| ?$", text[: q.start]) and re.match(
        r" ?(?:\||$)", text[q.end :]
    )
    if q.unit == "歳" and "." not in q.raw and not alone:
        return False  # an age ('25歳~44歳'); a life expectancy has decimals (80.5歳)
    before, after = text[max(0, q.start - 4) : q.start], text[q.end : q.end + 6]
    if _NOT_VALUE_HEAD.search(before) or _NOT_VALUE_TAIL.match(after):
        return False
    if (
        q.value == 1
        and q.unit in ("人", "名", "日", "世帯")
        and _PER_ONE_RE.match(after)
    ):
        return False  # '1人1日あたり490g', '1人412g': per person, not a count
    if re.search(r"\d ?[人名]に ?$", text[max(0, q.start - 6) : q.start]) or re.match(
        r" ?に ?\d+ ?[人名]", after
    ):
        return False  # '3人に2人(65%)': a ratio, the percent is the value
    if q.value == 0 and re.match(r" ?\(ゼロ\)", after):
        return True  # '全世代の自殺0(ゼロ)': zero spelled out again, a goal's slogan
    if after[:1] and re.match(r"[\u4e00-\u9fff\u30a1-\u30fa]", after[:1]):
        return bool(_VALUE_TAIL_OK.match(after))
    if (
        not q.unit
        and re.search(r"\d ?万 ?\d", q.raw)
        and re.search(
            r"目標[^\s、。\d]{0,4}(?:は|を) ?$", text[max(0, q.start - 10) : q.start]
        )
    ):
        return True  # '目標人口は3万8800': a count news writes without its unit
    if not q.unit and _plan_figure(q, text):
        return True  # '職員数は172(集中改革プランでは172)': a count and the plan's
    if not q.unit and not re.fullmatch(r"\d+\.\d+", q.raw.strip()):
        # A bare number is a value only as a cell of a table or an arrow's end.
        left = text[q.start - 1 : q.start] if q.start else ""
        right = after[:1]
        if (
            left not in ("", " ", "|", ":", "=", "(", "→", ">", "値", "⇒")
            and not left.isdigit()
        ):
            return False
        if right not in ("", " ", "|", "(", "→", "⇒", "、", ",", ")", "。", "-"):
            return False
    return True


def dash_cell(q: Quantity, text: str) -> Quantity:
    """'新規就農者数 - 3人 0人': a lone dash is a cell saying "none", not the
    sign of the value after it (a minus sign is written against its number)."""
    at = q.start
    if q.negative and text[at] == "-" and text[at + 1 : at + 2] == " ":
        if at == 0 or text[at - 1] in " |":
            start = at + 2
            raw = text[start : q.end]
            return dataclasses.replace(
                q, value=-q.value, negative=False, start=start, raw=raw
            )
    return q


def counted(
    q: Quantity, text: str, years: list[tuple[int, int, int]]
) -> Quantity | None:
    """'12市町村' under a name counting '…市町村数': the counter is the unit."""
    if q.unit or "." in q.raw:
        return None
    m = re.match(
        r"([\u4e00-\u9fff]{1,4}?|[\u30a1-\u30fa\u30fc]{2,8}?)(?=[ (|)、。\u3041-\u3096]|$)",
        text[q.end :],
    )
    if not m or not re.search(
        rf"{m.group(1)}(?:数|の[^、。,\d]{{1,6}}?数| ?\(| ?\|)", text[: q.start]
    ):  # '…市町村数', '…プロジェクトの創出数', or a name cell ending in it:
        # '実施市町村(…) | 21市町村'
        return None
    with_unit = dataclasses.replace(q, unit=m.group(1), end=q.end + m.end())
    return with_unit if is_value(with_unit, text, years) else None


_ZERO_GOAL_RE = re.compile(
    r"(?:プラス ?・? ?マイナス ?・? ?)?ゼロ(?=(?:を|に|と)(?:目標|目指|めざ|する|します)"
    r"|を(?:継続|維持)(?:する|します|し)"  # '待機児童ゼロを継続します'
    r"|を(?:表明|宣言)"  # '「2050年までに…実質ゼロ」を表明し'
    r"|(?: ?\([^()]*\))?の実現を(?:目指|めざ))"  # '実質ゼロ(ゼロカーボン)の実現を目指す'
)


# '…食品ロスの半減をめざします': a cut by half (50%) set as the goal
_HALF_GOAL_RE = re.compile(r"(?<=の)半減(?=を(?:目標|目指|めざ))")


def word_zeros(text: str) -> list[Quantity]:
    """'プラス・マイナス・ゼロを目標', '…ゼロを目指す': zero written as a word,
    and '…の半減をめざします' (a 50% cut), only where a goal verb follows it."""
    return [
        Quantity(0.0, "", m.start(), m.end(), raw=m.group(0))
        for m in _ZERO_GOAL_RE.finditer(text)
    ] + [
        Quantity(50.0, "%", m.start(), m.end(), raw=m.group(0))
        for m in _HALF_GOAL_RE.finditer(text)
    ]


def paren_after(text: str, end: int) -> tuple[str, int, int] | None:
    m = re.match(r" ?(?:以上|以下|未満|以内|超|程度)? ?\(([^()]*)\)", text[end:])
    return (m.group(1), end + m.start(1), end + m.end(1)) if m else None


def fiscal_year_in(text: str) -> int | None:
    """The FY a deadline names: its year ('2028年3月末' → 2028, the labels'
    policy: a calendar year Y is FY Y)."""
    return year_in(text)


# The statement being read: a bare two-digit year in a label ('(26年度)') is
# read in the era the whole line writes it in ('平成28年度 … (32年度)'); in a
# line that names none, in the era that puts it nearest the plan's period.
LINE: ContextVar[str] = ContextVar("kpi_statement_line", default="")
PLAN: ContextVar[tuple[int | None, int | None]] = ContextVar(
    "kpi_statement_plan", default=(None, None)
)
# Set when the line read in the decade dated a measured value in the future
# ('… | 39.3歳 | 26年度' as FY2026): its bare years are Heisei years then.
ERA_HINT: ContextVar[str | None] = ContextVar("kpi_statement_era", default=None)


def _distance(year: int, first: int, last: int) -> int:
    return 0 if first <= year <= last else min(abs(year - first), abs(year - last))


def short_era(text: str, pos: int, n: int) -> str | None:
    """The era of a bare two-digit year `n` at `pos` of `text`."""
    era = kpi_text.era_before(text, pos)
    if era:
        return era
    if ERA_HINT.get() and n <= 45:
        return ERA_HINT.get()
    first, last = PLAN.get()
    if first is None or n > 45:
        return None
    last = last or first
    heisei = kpi_text.wareki.era_to_western("平成", n)
    if _distance(heisei, first, last) < _distance(2000 + n, first, last):
        return "平成"  # '26年度' in a plan for 2015–2019
    return None


def _era(text: str, m: re.Match[str]) -> str | None:
    if not m["short"]:
        return kpi_text.era_before(text, m.start())
    era = kpi_text.era_before(text, m.start())
    if era:
        return era
    line = LINE.get()
    at = line.find(text)
    if at < 0:
        at, line = m.start(), text
    return short_era(line, at + m.start(), int(m["short"]))


def year_in(text: str) -> int | None:
    m = kpi_text.YEAR_RE.search(text)
    if not m:
        return None
    return kpi_text.year_of(m, _era(text, m))


def date_of(label: str) -> dt.date | None:
    """A baseline's as-of date from its label: FY N → N+1-03-31, year N → N-12-31,
    a day → that day."""
    try:
        return kpi_text.wareki.parse_date(label)
    except kpi_text.wareki.WarekiError:
        pass
    m = re.search(r"(令和|平成|R|H) ?(\d{1,2}|元) ?\. ?(\d{1,2}) ?\. ?(\d{1,2})", label)
    if m:
        era = {"R": "令和", "H": "平成"}.get(m.group(1), m.group(1))
        year = kpi_text.wareki.era_to_western(era, m.group(2))
        return dt.date(year, int(m.group(3)), int(m.group(4)))
    ym = kpi_text.YEAR_RE.search(label)
    if not ym:
        return None
    year = kpi_text.year_of(ym, _era(label, ym))
    if re.match(r" ?(?:当初|初め)", label[ym.end() :]):
        return dt.date(year, 4, 1)  # '令和7年度当初': the FY's first day
    if ym["fy"] or "年度" in label[ym.start() : ym.end() + 1]:
        return dt.date(year + 1, 3, 31)
    mon = re.search(r"(\d{1,2}) ?月", label[ym.end() :])
    if mon:
        import calendar

        month = int(mon.group(1))
        return dt.date(year, month, calendar.monthrange(year, month)[1])
    return dt.date(year, 12, 31)
