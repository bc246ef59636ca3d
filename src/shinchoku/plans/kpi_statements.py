"""Indicators stated in one line of any municipality's plan.

`extract_statement(text)` reads the forms cities write KPIs in:

* arrows: `転入者数:1,210人(平成27年)→1,480人(令和2年)`, `=70.1%→72.3%`, `⇒目標値1.30`;
* labelled values: `現状値2.95(2022年度)→目標値3.30(2031年度)`, `目標3_…:70%`,
  `受診率の目標は53.8%`;
* table rows flattened to text, cells joined by `|` or spaces, with or without the
  header in front: `認知症サポーター数 | 310人 | 600人`, `防災訓練参加者数 人 820 1,000
  増加を目指す`, `…| 現状値 平成17年度 | 目標値 平成22年度 | … | 33.3% | 36% | 50% |`;
* prose: `…を令和7年度までに90%以上とする`, `平成31年(2019年)の転出超過数 110人抑制`,
  `総額13億776万円の財政効果を目標に掲げています`.

Precision first: a number becomes a target only next to an arrow, a target label,
a goal verb (目指す, とする, 目標, 削減する…) or in a table row; results
(`…となりました`, `達成値`), estimates (`…と推計`) and numbers a goal is compared
with (`…を上回る`) yield nothing. Values are canonical (money in 千円, `95万9千人`
as 959000 人, 割 as %); every indicator keeps the spans of the words it came from
in the text as written, for highlighting.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from shinchoku.plans import kpi_text
from shinchoku.plans.kpi_text import UNIT_FORMS, Mapped, Quantity

Span = tuple[int, int]


@dataclass
class Found:
    """One indicator of a statement, in the corpus labels' terms."""

    name: str
    unit: str
    target: float | None = None
    baseline: float | None = None
    comparator: str | None = None
    direction: str | None = None
    deadline_fy: int | None = None
    baseline_date: dt.date | None = None
    targets: dict[int, float] = field(default_factory=dict)
    per: str | None = None
    change: bool = False
    spans: dict[str, Span] = field(default_factory=dict)  # in the original text

    def to_dict(self) -> dict[str, Any]:
        def num(v: float | None) -> int | float | None:
            if v is None:
                return None
            return int(v) if float(v).is_integer() else v

        return {
            "name": self.name,
            "unit": self.unit,
            "comparator": self.comparator,
            "direction": self.direction,
            "target": num(self.target),
            "deadline_fy": self.deadline_fy,
            "baseline": num(self.baseline),
            "baseline_date": self.baseline_date.isoformat()
            if self.baseline_date
            else None,
            "targets": {str(k): num(v) for k, v in sorted(self.targets.items())},
            "per": self.per,
            "change": self.change,
        }

    def relative_rule(self) -> str | None:
        """A change target as the interchange format's relative rule
        ('430人削減', '10人増加'); None for a level."""
        if not self.change or self.target is None:
            return None
        value = int(self.target) if float(self.target).is_integer() else self.target
        return f"{value}{self.unit}{'削減' if self.direction == 'lower' else '増加'}"

    def to_kpi(self, source: str) -> dict[str, Any]:
        """The interchange format's `kpis` shape (docs/interchange-format.md), with
        `evidence`: the [start, end) spans in `source` of the words each part
        came from. A change target is a relative rule, not a level."""
        d = self.to_dict()
        relative = self.relative_rule()
        return {
            "name": d["name"],
            "unit": d["unit"],
            "comparator": d["comparator"],
            "direction": d["direction"],
            "target": None if relative else d["target"],
            "deadline_fy": d["deadline_fy"],
            "baseline": d["baseline"],
            "baseline_date": d["baseline_date"],
            "targets": d["targets"],
            "actuals": {},
            "relative": relative,
            "source_text": source,
            "reviewed": False,
            "evidence": {k: list(v) for k, v in sorted(self.spans.items())},
        }


# ------------------------------------------------------------------ lexicon

ARROW_RE = re.compile(r" ?(?:→|⇒|➡|⇨|->|=>|〜>|~|〜) ?")
_TILDE = ("~", "〜")  # also a range: an arrow only between two dated values
_SEPARATORS = "、。,;:|【】[]=■●○◆◇◎▽▼・"
_BASE_LABELS = r"現状値|現状|基準値|基準|策定時の値|策定時|目標設定時|当初"
_TARGET_LABELS = r"最終目標値|最終目標|目標値|目標数値|目標額|目標|めざそう値|中間目標"
_LABEL_RE = re.compile(rf"(?:{_TARGET_LABELS}|{_BASE_LABELS})(?: ?\([^()]*\))?[::]? ?$")
_COMPARATOR_AFTER_RE = re.compile(r"^ ?(以上|以下|未満|以内|超え|超過|超|を超える)")
_COMPARATOR_BEFORE_RE = re.compile(r"(≧|≦|≥|≤) ?$")
_COMPARATORS = {
    "以上": "以上", "以下": "以下", "未満": "未満", "以内": "以内", "超え": "超",
    "超過": "超", "超": "超", "を超える": "超", "≧": "以上", "≥": "以上", "≦": "以下",
    "≤": "以下",
}  # fmt: skip
_LOWER_WORDS = re.compile(r"削減|縮減|減ら|抑制|抑え|減少|低下|引き下|下げ|防止|ゼロ")
_HIGHER_WORDS = re.compile(r"増|向上|拡大|拡充|引き上|上昇|伸ば|高め|確保|達成")
# What may directly follow a value without making it part of a longer word.
_VALUE_TAIL_OK = re.compile(
    r"^(?:増|減|削減|縮減|抑制|以上|以下|未満|以内|超|程度|前後|台|余|強|弱|分|達成"
    r"|確保|維持|向上|低下|上昇|突破|規模|相当|減ら|増や|増加|減少|程|人泊|泊|来訪|実現|創出)"
)
_NOT_VALUE_TAIL = re.compile(
    r"^ ?(?:あたり|当たり|当り|対|につき|ぶり|後|目(?!標)|歳|年|か年|カ年|ヵ年|か月|ヶ月|カ月|の\d"
    r"|月|次|期|号|章|節|位|番|条|時|秒|項|つ|階層|段階|満点|分野|の内|のうち|中|区分"
    r"|県|市|町|村|校区|地域|倍に)"
)
_NOT_VALUE_HEAD = re.compile(r"(?:第|No\.?|№|NO\.?|No |約第|うち|各) ?$")
# A result, an estimate or a reference, not a goal.
_NOT_GOAL_RE = re.compile(
    r"^(?:[^。]{0,12}?)(?:となりました|となった|となっている|となって|であった|だった|でした"
    r"|であり|を記録|に達した|を達成した|を達成し|を上回った|を上回る|を下回った|と推計|と推定"
    r"|と予測|と見込|の見込|まで減少する|に減少した|に増加した|に増加して|増加した|減少した|減少して"
    r"|増えた|減った|~|の場合|で推移|程度で推移|が予測|と比較|の差"
    r"|にとどま|の実績|実績が|を超えて|となり|で推移|と過去|で最も|の減少となって)"
)
_GOAL_AFTER_RE = re.compile(
    r"^(?:程度|前後|超|以上|以下|未満|以内|余り?|強)?(?: ?\([^()]*\))*"
    r" ?(?:以上|以下|未満|以内|超)?(?: ?\([^()]*\))*"
    r" ?(?:を|に|と|へ|まで|の|が)?(?:目指|めざ|目標|とする|とします|とし|にする|にします"
    r"|を目途|設定|掲げ|増や|減ら|引き上|抑え|削減|縮減|抑制|増加を目指|増加させ|増加し"
    r"|増加する|増加$|増$|増\(|減少させ|減らす|達成を目指|の達成|実現|確保する|を維持|維持"
    r"|の増加|の削減|の抑制|の縮減|減$|減\(|増加(?:させます|します)|増加|削減$|低下させ|に向上"
    r"|に(?:高め|伸ば|増や|引き上|減ら|下げ|抑え|改善)|向上させ|とすること|にすること|の創出|の雇用の創出|の職員数の削減|の効果額|実現のため"
    r"|[へに](?:上方|下方)?修正|[へに]見直|を(?:下限|上限)|を(?:\d+ ?(?:年間|か年)で|[^、。]{0,12}?までに)?達成する|まで(?:回復|増や|伸ば|引き上|減ら|下げ)"
    r"|来訪|を図|とな?る(?:よう|ことを目)|の目標|を計画|する計画)"
)
_GOAL_BEFORE_RE = re.compile(
    rf"(?:{_TARGET_LABELS}|目標である|目標は|目標を|目標値を|目標として|として|目標の|目標とする)"
    r"(?:値|数値)?(?:は|を|が|として|である)?[::]? ?"
    r"(?:(?:令和|平成|R|H)? ?\d{1,4} ?年度?(?:末)?(?:に|で|には|まで(?:に)?)? ?)?(?:約|概ね|おおむね)? ?$"
)
# A change that happened: '45億円 → 43億円 に減少した'.
_HAPPENED_RE = re.compile(
    r"^ ?(?:に|へ|まで|と)?(?:減少|増加|改善|低下|上昇|推移|削減|縮減)"
    r"(?:した(?![いう])|しました|している|しています|してきた)|^ ?(?:となりました|となった)"
)
_NOT_GOAL_LABEL_RE = re.compile(
    rf"(?:実績値?|現在値|{_BASE_LABELS})(?: ?\([^()]*\))? ?[::=] ?(?:約|概ね)? ?$"
)
_SERIES_YEAR_RE = re.compile(r"(?<![\d,.])(?:[RH]\d{1,2}|\d{2,4})[::] ?$")
_DASH_ONLY = re.compile(r"^[ ―\-—−‐ー–─━]*$")
_YEARS_SPAN = re.compile(
    r"(?P<n>\d+) ?(?:か年|カ年|ヵ年|ヶ年|年間)(?:で|に|の間に|の間で)?"
)


# ------------------------------------------------------------------ helpers


def _mask_years(text: str) -> list[tuple[int, int, int]]:
    """(start, end, year) of every year expression, and spans of month/day
    dates (year 0) that no value may overlap."""
    out = []
    for m in kpi_text.YEAR_RE.finditer(text):
        era = kpi_text.era_before(text, m.start()) if m["short"] else None
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


def _is_value(q: Quantity, text: str, years: list[tuple[int, int, int]]) -> bool:
    if any(s < q.end and q.start < e for s, e, _ in years):
        return False
    if q.unit == "歳" and "." not in q.raw:
        return False  # an age ('25歳~44歳'); a life expectancy has decimals (80.5歳)
    before, after = text[max(0, q.start - 4) : q.start], text[q.end : q.end + 6]
    if _NOT_VALUE_HEAD.search(before) or _NOT_VALUE_TAIL.match(after):
        return False
    if after[:1] and re.match(r"[\u4e00-\u9fff\u30a1-\u30fa]", after[:1]):
        return bool(_VALUE_TAIL_OK.match(after))
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


def _counted(
    q: Quantity, text: str, years: list[tuple[int, int, int]]
) -> Quantity | None:
    """'12市町村' under a name counting '…市町村数': the counter is the unit."""
    if q.unit or "." in q.raw:
        return None
    m = re.match(
        r"([\u4e00-\u9fff\u30a1-\u30fa]{1,4}?)(?=[ (|)、。\u3041-\u3096]|$)",
        text[q.end :],
    )
    if not m or m.group(1) + "数" not in text[: q.start]:
        return None
    counted = dataclasses.replace(q, unit=m.group(1), end=q.end + m.end())
    return counted if _is_value(counted, text, years) else None


def _paren_after(text: str, end: int) -> tuple[str, int, int] | None:
    m = re.match(r" ?(?:以上|以下|未満|以内|超|程度)? ?\(([^()]*)\)", text[end:])
    return (m.group(1), end + m.start(1), end + m.end(1)) if m else None


def _fiscal_year_in(text: str) -> int | None:
    """The FY a deadline names: its year ('2028年3月末' → 2028, the labels'
    policy: a calendar year Y is FY Y)."""
    return _year_in(text)


def _year_in(text: str) -> int | None:
    m = kpi_text.YEAR_RE.search(text)
    if not m:
        return None
    return kpi_text.year_of(m, kpi_text.era_before(text, m.start()))


def _date_of(label: str) -> dt.date | None:
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
    year = kpi_text.year_of(ym, kpi_text.era_before(label, ym.start()))
    if ym["fy"] or "年度" in label[ym.start() : ym.end() + 1]:
        return dt.date(year + 1, 3, 31)
    mon = re.search(r"(\d{1,2}) ?月", label[ym.end() :])
    if mon:
        import calendar

        month = int(mon.group(1))
        return dt.date(year, month, calendar.monthrange(year, month)[1])
    return dt.date(year, 12, 31)


_LEAD_RE = re.compile(
    r"^(?:[\s■●○◆◇◎・\-*※▽▼【\[]|\(\d+\)|\d+[.)](?!\d)|\d+ \|"
    r"|目標\d*_|(?:重要業績評価指標)?\(?KPI\)?|数値目標|成果指標|指標\d*|基本目標\d*|\(\d+\)|[::|=]"
    r"|第\d+[節項]|】"
    r"|目標(?:とする|となる|値|の)?(?=[^\s、。]{2,}))+"
)
_TRAIL_RE = re.compile(
    r"(?:[\s::|=【】\[\]、,≦≧≤≥]|の?(?:最終|中間)目標値?|の?目標値?|の?数値目標|の?目標額|の|は|を|が|も|で|に|と|約|概ね|おおむね"
    rf"|延べ|年間で|年間|累計|まで|までに|{_BASE_LABELS}|の上昇|の向上|の増加|の減少|の低下|の抑制|でそれぞれ|それぞれ|ともに)+$"
)
_TIME_LEAD_RE = re.compile(
    r"^(?:(?:[RH]\d{1,2}(?:年度?)?(?:末)?(?:の|に|まで(?:に)?))"
    r"|(?:(?:令和|平成|昭和|R|H)? ?\d{1,4}(?: ?\((?:令和|平成|昭和) ?\d{1,2}\))? ?年(?!間)(?:度)?(?:末)?"
    r"(?:時点|現在)?(?:における|において|で|に|の|には|まで(?:に|の)?|から)?)"
    r"|\d+ ?(?:か年|カ年|年間)(?:で|に)?|毎年度?|年度ごとの|計画期間内に|本計画最終年度に|以降|以後"
    r"|における|において)+ ?"
)


def clean_name(raw: str) -> str:
    """The indicator's words: list markers, labels, time phrases and trailing
    particles removed, PDF spacing inside Japanese closed up."""
    s = raw.strip()
    quoted = re.fullmatch(r"「([^「」]+)」(?:の(?:目標値?|数値))?", s)
    if quoted:
        s = quoted.group(1)
    s = re.sub(r"(?<=[^\x00-\x7f]) (?=[^\x00-\x7f])", "", s)
    for _ in range(4):
        before = s
        s = _LEAD_RE.sub("", s).strip()
        s = _TIME_LEAD_RE.sub("", s).strip()
        s = _TRAIL_RE.sub("", s).strip()
        s = re.sub(
            rf"(?:(?:最終|中間)?目標(?:値|額|数値)?|{_TARGET_LABELS}|{_BASE_LABELS})$",
            "",
            s,
        ).strip()
        s = re.sub(r"\((?:令和|平成|R|H)?\s*\d+\s*年度?\)$", "", s).strip()
        s = re.sub(
            r"\([^()]*(?:現在|実績|時点|基準|現状|:)[^()]*\d[^()]*\)$|\([^()]*\d[^()]*(?:現在|実績|時点|基準|:)[^()]*\)$",
            "",
            s,
        ).strip()
        s = re.sub(
            r"^.{0,12}?(?:年|年度|年度末)(?:\([^()]*\))?の(?=.{2,})", "", s
        ).strip()
        if s == before:
            break
    return s


def _clause_start(text: str, end: int, floor: int = 0) -> int:
    """Where the phrase ending at `end` starts: after a separator or an
    unmatched '(', skipping balanced parentheses; never before `floor`."""
    depth = 0
    for j in range(end - 1, max(floor, end - 120) - 1, -1):
        ch = text[j]
        if ch == ")":
            depth += 1
        elif ch == "(":
            if depth == 0:
                return j + 1
            depth -= 1
        elif depth == 0 and (ch in _SEPARATORS or ch in "。、→⇒"):
            return j + 1
    return max(floor, end - 120)


# ------------------------------------------------------------------ context


@dataclass
class _Ctx:
    mapped: Mapped
    text: str
    values: list[Quantity]
    years: list[tuple[int, int, int]]
    first_fy: int | None
    last_fy: int | None
    used: set[int] = field(default_factory=set)  # starts of values already read
    last_baseline_label: str = ""
    column_labels: dict[int, str] = field(default_factory=dict)
    header_fy: bool = (
        False  # the header dates its columns in 年度 ('現状値 (評価年度)')
    )

    def span(self, start: int, end: int) -> Span:
        return self.mapped.span(start, end)

    def free(self) -> list[Quantity]:
        return [q for q in self.values if q.start not in self.used]


def _year_at(ctx: _Ctx, start: int, end: int) -> int | None:
    for s, _e, year in ctx.years:
        if start <= s < end and year:
            return year
    return None


def _name_before(ctx: _Ctx, end: int, floor: int = 0) -> tuple[str, Span] | None:
    """The indicator's name in the phrase ending at `end`."""
    text = ctx.text
    e = end
    bracket = re.search(r"【([^【】]{2,40})】 ?$", text[floor:end])
    if bracket:  # '【自主防災組織率】85.2%→95%'
        name = clean_name(bracket.group(1))
        if _name_ok(name):
            return name, ctx.span(floor + bracket.start(1), floor + bracket.end(1))
    while True:
        m = re.search(rf"(?:[\s::|=]|{_BASE_LABELS}|{_TARGET_LABELS})$", text[floor:e])
        if not m or m.start() == m.end():
            break
        e = floor + m.start()
    start = _clause_start(text, e, floor)
    name = clean_name(text[start:e])
    if not name or not re.search(r"[\u3040-\u30ff\u4e00-\u9fffA-Za-z]", name):
        return None
    offset = text.find(name[:1], start)
    return name, ctx.span(max(offset, start), e)


def _found(
    ctx: _Ctx, name: tuple[str, Span], target: Quantity | None, unit: str | None = None
) -> Found:
    f = Found(
        name=name[0], unit=unit if unit is not None else (target.unit if target else "")
    )
    f.spans["name"] = name[1]
    if target is not None:
        f.target = target.value
        f.spans["target"] = ctx.span(target.start, target.end)
        ctx.used.add(target.start)
        if target.per_year:
            f.per = "year"
    return f


def _set_baseline(ctx: _Ctx, f: Found, q: Quantity, date_label: str | None) -> None:
    f.baseline = q.value
    f.spans["baseline"] = ctx.span(q.start, q.end)
    ctx.used.add(q.start)
    if date_label:
        f.baseline_date = _date_of(date_label)
    if q.per_year and not f.per:
        f.per = "year"


# ------------------------------------------------------------------ arrows


# A year or a date written in front of a value: 令和4年度, R4年度末, 令和4年4月1日.
_WHEN = (
    r"(?:(?:令和|平成|R|H)? ?\d{1,4} ?年度?(?: ?\d{1,2} ?月(?: ?\d{1,2} ?日)?)?"
    r"(?:末|時点|現在)?)"
)


def _dated_pair(ctx: _Ctx, left: Quantity | None, right: Quantity) -> bool:
    """'12.5万人(2016年)~15万人(2022年)': a baseline and a target, not a range."""
    if left is None or left.unit != right.unit:
        return False
    return any(
        (paren := _paren_after(ctx.text, q.end)) is not None and _year_in(paren[0])
        for q in (left, right)
    )


def _arrows(ctx: _Ctx) -> list[Found]:
    out: list[Found] = []
    text, floor = ctx.text, 0
    for arrow in ARROW_RE.finditer(text):
        right = next(
            (
                q
                for q in ctx.values
                if q.start >= arrow.end()
                and re.fullmatch(
                    rf" ?(?:{_TARGET_LABELS})?[::]? ?(?:{_WHEN} ?)?(?:年間|累計|約|計|延べ)? ?",
                    text[arrow.end() : q.start],
                )
            ),
            None,
        )
        if right is None:
            continue
        left = next(
            (
                q
                for q in reversed(ctx.values)
                if q.end <= arrow.start()
                and q.start >= floor
                and re.fullmatch(r" ?(?:\([^()]*\))? ?", text[q.end : arrow.start()])
            ),
            None,
        )
        if arrow.group(0).strip() in _TILDE and not _dated_pair(ctx, left, right):
            continue
        after = re.sub(r"^ ?(?:\([^()]*\) ?)*", "", text[right.end : right.end + 40])
        if _HAPPENED_RE.match(after):
            continue  # '45億円 → 43億円 に減少した': a change that happened
        name_end = left.start if left else arrow.start()
        left_year = None
        if left is not None:
            pre = re.search(
                rf"(?:{_WHEN})? ?(?:年間|累計|約|計|延べ)? ?$",
                text[floor:name_end],
            )
            if pre and pre.group(0).strip():
                left_year = pre.group(0) if _year_in(pre.group(0)) else None
                name_end = floor + pre.start()
        if left is None:
            gap = re.search(
                rf"[::=]?[ ―\-—−‐–]+(?:{kpi_text._UNIT_ALT})?(?: ?/ ?年度?)? ?$",
                text[floor:name_end],
            )  # noqa: SLF001
            name_end = floor + gap.start() if gap else name_end
        name = _name_before(ctx, name_end, floor)
        floor = right.end
        if name is None:
            continue
        f = _found(ctx, name, right, right.unit or (left.unit if left else ""))
        if left is not None:
            paren = _paren_after(text, left.end)
            _set_baseline(ctx, f, left, paren[0] if paren else left_year)
        paren = _paren_after(text, right.end)
        if paren:
            f.deadline_fy = _fiscal_year_in(paren[0])
        else:
            f.deadline_fy = _fiscal_year_in(text[arrow.end() : right.start])
        if left is not None and f.target is not None and f.baseline is not None:
            if f.target < f.baseline:
                f.direction = "lower"
        out.append(f)
    return out


# --------------------------------------------------------- labelled values

_VALUE_LABEL_RE = re.compile(
    r"(?<!\()(?:【|\[)?(?P<label>(?:(?:令和|平成|R|H) ?\d{1,2} ?年度?|\d{4} ?年度?)?"
    r"(?:現状値|現状|基準値|基準|策定時の?値?|最終目標値?|中間目標値?|目標値|目標))"
    r"(?:\((?P<when>[^()]{1,12})\))?(?:】|\])? ?[::=]? ?(?=[▲△\-+]?\d)"
)


def _labelled(ctx: _Ctx) -> list[Found]:
    """Values behind their labels, the name in front of the first label."""
    text = ctx.text
    pairs = []
    for m in _VALUE_LABEL_RE.finditer(text):
        if _inside_parens(text, m.start()):
            continue  # '18市町村(現行目標7市町村)': a note on the value before
        q = next(
            (v for v in ctx.values if v.start == m.end() or v.start == m.end() + 1),
            None,
        )
        if q is not None and q.start not in ctx.used:
            pairs.append((m, q))
    if not pairs or not any("目標" in m["label"] for m, _ in pairs):
        return []
    first = pairs[0][0]
    lead = [v for v in ctx.values if v.end <= first.start() and v.start not in ctx.used]
    lead = (
        lead[-1:]
        if lead
        and re.fullmatch(r" ?(?:\([^()]*\))? ?", text[lead[-1].end : first.start()])
        else []
    )
    name = _name_before(ctx, lead[0].start if lead else first.start())
    if name is None:
        return []
    goal = re.match(r"(.{2,}?)を[\d,.]+ ?\S{0,4}(?:に|と)(?:する|します)$", name[0])
    if goal:
        name = (clean_name(goal.group(1)), name[1])  # 'Xを17%にする 基準値=…'
    f = Found(name=name[0], unit="")
    f.spans["name"] = name[1]
    if lead:
        paren = _paren_after(text, lead[0].end)
        _set_baseline(
            ctx, f, lead[0], paren[0] if paren and _year_in(paren[0]) else None
        )
    finals = []
    for m, q in pairs:
        ctx.used.add(q.start)
        paren = _paren_after(text, q.end)
        when = m["when"] or (paren[0] if paren else "") or m["label"]
        if "目標" not in m["label"]:
            _set_baseline(ctx, f, q, when if _year_in(when) else None)
            continue
        fy = _year_in(when)
        if fy is not None:
            f.targets[fy] = q.value
        finals.append((q, fy, "中間" not in m["label"]))
    if not finals:
        return []
    q, fy, _ = max(finals, key=lambda t: (t[2], t[1] or 0))
    f.target, f.deadline_fy, f.unit = q.value, fy, q.unit or f.unit
    f.spans["target"] = ctx.span(q.start, q.end)
    f.per = "year" if q.per_year else None
    if len(f.targets) < 2:
        f.targets = {}
    return [f]


def _staged_line(ctx: _Ctx) -> list[Found]:
    """'図書館利用者数の目標 R5:120万人 R6:125万人 R7:130万人': targets per FY
    behind their years; the last one is the final target."""
    text = ctx.text
    pairs = []
    for s, e, year in ctx.years:
        sep = re.match(r" ?(?:末|度末)?(?:目標)? ?[::] ?", text[e:])
        if not year or not sep:
            continue
        q = next((v for v in ctx.values if v.start == e + sep.end()), None)
        if q is not None and q.start not in ctx.used:
            pairs.append((s, year, q))
    if len(pairs) < 2 or len({q.unit for _, _, q in pairs}) > 1:
        return []
    if not re.search(
        r"(?:目標値?|めざそう値)(?:\([^()]*\))? ?[::]? ?$", text[: pairs[0][0]]
    ):
        return []  # years and values without a target label: a series of results
    name = _name_before(ctx, pairs[0][0])
    if name is None or not _name_ok(name[0]):
        return []
    last = pairs[-1]
    f = _found(ctx, name, last[2])
    f.deadline_fy = last[1]
    f.targets = {year: q.value for _, year, q in pairs}
    ctx.used.update(q.start for _, _, q in pairs)
    return [f]


# -------------------------------------------------------------- table rows

_UNIT_TOKEN_RE = re.compile(
    "^(?:"
    + "|".join(re.escape(f) for forms in UNIT_FORMS.values() for f in forms)
    + r"|千人|万人|千円|百万円|万円|億円)(?: ?/ ?年度?)?$"
)
_PLACEHOLDER_RE = re.compile(r"^(?:[―\-—−‐–ー─━]+|なし|-)$")
_MAINTAIN_CELL_RE = re.compile(r"^(?:現状値?を?維持|現状維持|維持|現状値?以上)")
_COLUMN_LABEL_RE = re.compile(
    r"^\(?(?:現状値?|基準値?|目標値?|目標数値|策定時(?:の値)?|目標設定時|中間目標|最終目標|当初"
    r"|(?:\d{1,2} ?年度?)?(?:実績値?|見込み?)|\d+ ?[ヵかカケヶ]年目標|めざそう値|進捗率|達成率|達成度|累計)\)?"
    r"(?: ?\([^()]*\))?$"
)
_SKIP_CELL_RE = re.compile(r"^(?:当初|区分|単位|計画|実績|見込み?)$")


def _column_kind(cell: str) -> str:
    if re.search(r"目標設定時|策定時|基準|当初", cell):
        return "base"
    if re.search(r"実績|現在|見込|速報|進捗率|達成率|達成度", cell):
        return "actual"
    if "目標" in cell or "めざそう" in cell:
        return "target"
    if "現状" in cell:
        return "current"
    return "plain"


def _columns(ctx: _Ctx, cells: list[tuple[int, int]]) -> list[tuple[str, int | None]]:
    """Value columns named by a header: (kind, year); the year's words are kept
    in `ctx.column_labels` (a FY and a calendar year date a baseline apart)."""
    cols: list[tuple[str, int | None]] = []
    for s, e in cells:
        cell = ctx.text[s:e].strip()
        year = _year_at(ctx, s, e)
        if year is None and not _COLUMN_LABEL_RE.match(cell):
            continue
        kind = _column_kind(cell)
        if year is None and cell.startswith("(") and cols and cols[-1][0] == "plain":
            cols[-1] = (kind, cols[-1][1])  # '平成 25 (基準値)'
            continue
        if year is not None:
            ctx.column_labels[year] = cell
        if year is not None and kind == "plain" and cell.startswith("("):
            open_label = next((i for i, c in enumerate(cols) if c[1] is None), None)
            if open_label is not None:
                cols[open_label] = (
                    cols[open_label][0],
                    year,
                )  # labels, then their years
                continue
        cols.append((kind, year))
    return cols


def _roles(cols: list[tuple[str, int | None]]) -> list[tuple[str, int | None]]:
    """Each column's role: baseline, target (with its FY) or ignore."""
    kinds = [k for k, _ in cols]
    has_base = "base" in kinds
    has_target = "target" in kinds
    out = []
    for i, (kind, year) in enumerate(cols):
        if kind == "base" or (kind in ("current", "plain") and i == 0 and not has_base):
            role = "baseline"
        elif kind == "target" or (kind == "plain" and not has_target):
            role = "target"
        else:
            role = "ignore"
        out.append((role, year))
    return out


def _cell_value(ctx: _Ctx, s: int, e: int) -> tuple[str, Quantity | None, str | None]:
    """('value'|'empty'|'maintain'|'unit'|'label'|'text', quantity, paren)."""
    cell = ctx.text[s:e].strip()
    if not cell or _PLACEHOLDER_RE.match(cell):
        return "empty", None, None
    if _MAINTAIN_CELL_RE.match(cell):
        return "maintain", None, cell
    if _UNIT_TOKEN_RE.match(cell):
        return "unit", None, None
    inside = [q for q in ctx.values if s <= q.start < e]
    if len(inside) == 1:
        q = inside[0]
        rest = ctx.text[s : q.start] + ctx.text[q.end : e]
        rest = re.sub(
            r"\([^()]*\)|以上|以下|未満|以内|超|削減|縮減|増加|減少|増|減|[\s:]",
            "",
            rest,
        )
        if not rest:
            comp = _COMPARATOR_AFTER_RE.match(ctx.text[q.end : q.end + 5])
            paren = _paren_after(ctx.text, q.end + (comp.end() if comp else 0))
            return "value", q, paren[0] if paren else None
    if _SKIP_CELL_RE.match(cell) or _COLUMN_LABEL_RE.match(cell):
        return "label", None, None
    if _year_at(ctx, s, e) is not None:
        rest = ctx.text[s:e]
        for ys, ye, _ in ctx.years:
            if s <= ys < e:
                rest = rest.replace(ctx.text[ys:ye], "")
        if len(re.sub(r"[\s()]", "", rest)) <= 5:
            return "label", None, None  # '平成19年度調査', 'R6年度末', '平成13年実績'
    return "text", None, None


def _with_era(ctx: _Ctx, label: str, pos: int) -> str:
    """'32年度' in a row whose baseline reads '平成28年度': the era written before."""
    m = kpi_text.YEAR_RE.search(label)
    if not m or not m["short"]:
        return label
    era = kpi_text.era_before(ctx.text, pos)
    return label[: m.start()] + era + label[m.start() :] if era else label


def _is_change_cell(ctx: _Ctx, q: Quantity) -> bool:
    return bool(re.match(r"^(?:増|減|削減)", ctx.text[q.end : q.end + 2]))


def _unit_from_name(name: str) -> tuple[str, str]:
    """'…割合(%)' → ('…割合', '%'); '…の計(事務数)' → ('…の計', '事務')."""
    m = re.search(r"\(([^()]+?)(?:数)?(?:\([^()]*\))?\)$", name)
    if m and m.group(1) in kpi_text._FORM_TO_UNIT:  # noqa: SLF001
        return name[: m.start()].strip(), kpi_text._FORM_TO_UNIT[m.group(1)]  # noqa: SLF001
    return name, ""


def _fill_row(
    ctx: _Ctx,
    name: tuple[str, Span],
    cells: list[tuple[str, Quantity | None, str | None]],
    cols: list[tuple[str, int | None]],
    unit: str,
    ends_in_words: bool = False,
) -> Found | None:
    values = [c for c in cells if c[0] in ("value", "empty", "maintain")]
    while values and values[-1][0] == "empty":
        values.pop()
    if not any(c[0] == "value" for c in values):
        return None
    plain, bare_unit = _unit_from_name(name[0])
    f = Found(name=plain, unit="")
    f.spans["name"] = name[1]
    roles = _roles(cols) if len(cols) == len(values) else None
    if roles is None and len(values) == 1 < len(cols) and ends_in_words:
        roles = _roles(cols)[: len(values)]  # '57,277件(28年) | 減少を目指します(32年)'
    if roles is None:
        present = [c for c in values if c[0] != "empty"]
        changes = all(c[1] is not None and _is_change_cell(ctx, c[1]) for c in present)
        if len(values) == 1 or len(present) == 1 and values[0][0] == "empty" or changes:
            roles = [("ignore", None)] * (len(values) - 1) + [("target", None)]
        elif len(values) == 2:
            roles = [("baseline", None), ("target", None)]
        elif values[0][0] == "value" and all(c[0] == "maintain" for c in values[1:]):
            roles = (
                [("baseline", None)]
                + [("ignore", None)] * (len(values) - 2)
                + [("target", None)]
            )
        else:
            return None  # three or more values and no header: a table of results
    last_target = None
    for (kind, q, paren), (role, year) in zip(values, roles, strict=True):
        if paren and q is not None:
            paren = _with_era(ctx, paren, q.end)
            if ctx.header_fy and re.fullmatch(r" ?[RH] ?\d{1,2} ?", paren):
                paren += "年度"  # '(R2)' under '現状値 (評価年度)'
        if kind == "maintain" and role == "target":
            f.comparator = "以上" if paren and "以上" in paren else "維持"
            f.target = f.baseline  # '現状値を維持', '現状値以上'
            f.deadline_fy = year or f.deadline_fy
            continue
        if kind != "value" or q is None:
            continue
        ctx.used.add(q.start)
        if role == "baseline":
            label = (
                paren
                if paren and _year_in(paren)
                else (ctx.column_labels.get(year) if year else None)
            )
            _set_baseline(ctx, f, q, label)
        elif role == "target":
            fy = year or (_year_in(paren) if paren else None)
            if fy is not None:
                f.targets[fy] = q.value
            last_target = (q, fy)
    if last_target is not None:
        q, fy = last_target
        f.target, f.deadline_fy = q.value, fy
        f.spans["target"] = ctx.span(q.start, q.end)
        f.per = "year" if q.per_year else f.per
    if f.target is None:
        return None
    if len(f.targets) < 2:
        f.targets = {}
    unit_q = next((c[1] for c in values if c[1] is not None and c[1].unit), None)
    f.unit = unit_q.unit if unit_q else (unit or bare_unit)
    return f


def _pipe_row(ctx: _Ctx) -> list[Found]:
    text = ctx.text
    bounds = [-1] + [i for i, ch in enumerate(text) if ch == "|"] + [len(text)]
    spans = [(bounds[i] + 1, bounds[i + 1]) for i in range(len(bounds) - 1)]
    cells = [(s, e, *_cell_value(ctx, s, e)) for s, e in spans]
    out: list[Found] = []
    i = 0
    while i < len(cells):
        if cells[i][2] not in ("value", "empty") or not any(
            c[2] == "text" for c in cells[:i]
        ):
            i += 1
            continue
        j = i
        while j < len(cells) and cells[j][2] in ("value", "empty", "maintain", "unit"):
            j += 1
        k = i - 1
        while k >= 0 and cells[k][2] in ("label", "unit", "empty"):
            k -= 1
        if k < 0 or cells[k][2] != "text":
            i = j + 1
            continue
        while (
            k > 0
            and cells[k - 1][2] == "text"
            and _SENTENCE_END.search(text[cells[k][0] : cells[k][1]].strip())
        ):
            k -= 1  # '名前 | 指標の説明。 | 値': the name is before its explanation
        block = [c for c in cells[i:j] if c[2] == "value"]
        if len(block) == 1 and not block[0][3].unit and _name_follows(cells, j):
            i = j  # a row number or a code ('11302 | 図書館入館者数 | 当初 | 102,521人')
            continue
        cell = text[cells[k][0] : cells[k][1]].strip()
        head, _, rest = cell.partition(" ")
        if (
            rest
            and len(head) >= 3
            and (_description(rest) or re.search(r"[、。]", rest))
            and not _HIRAGANA_END.search(head)
        ):
            cell = head  # 'X 各市町村において、…の割合': the name, then what it means
        name_text = clean_name(cell)
        name = (name_text, ctx.span(cells[k][0], cells[k][1]))
        unit = next(
            (kpi_text._FORM_TO_UNIT.get(text[c[0] : c[1]].strip().split("/")[0].strip(), "")  # noqa: SLF001
             for c in cells[k:j] if c[2] == "unit"),
            "",
        )  # fmt: skip
        cols = _columns(ctx, [(c[0], c[1]) for c in cells[:k]])
        ctx.header_fy = "年度" in text[: cells[k][0]]
        row = [(c[2], c[3], c[4]) for c in cells[i:j] if c[2] != "unit"]
        if name_text:
            words = (
                j < len(cells)
                and cells[j][2] == "text"
                and bool(
                    re.search(
                        r"目指|めざ|減少|増加|向上|維持",
                        text[cells[j][0] : cells[j][1]],
                    )
                )
            )
            found = _fill_row(ctx, name, row, cols, unit, words)
            if found is not None:
                _staged(ctx, found)
                out.append(found)
                break  # one row a line; later cells restate it
        i = j + 1
    if out:
        ctx.used.update(q.start for q in ctx.values)  # reasons restate the targets
    return out


_SENTENCE_END = re.compile(r"。|(?:ます|ません|です|する|される|なる|図る|ため)$")
_HIRAGANA_END = re.compile(r"[\u3041-\u3096]$")


def _description(cell: str) -> bool:
    """A cell explaining an indicator (a sentence), not naming it."""
    cell = cell.strip()
    return bool(
        re.search(r"。|(?:ます|ません|です|する|される|なる|図る|ため)$", cell)
        or (len(cell) > 40 and "、" in cell)
    )


def _name_follows(cells: list[tuple[Any, ...]], j: int) -> bool:
    """A text cell, then (past labels) values: the block before it was a code."""
    if j >= len(cells) or cells[j][2] != "text":
        return False
    k = j + 1
    while k < len(cells) and cells[k][2] in ("label", "unit"):
        k += 1
    return k < len(cells) and cells[k][2] == "value"


_STAGED_RE = re.compile(
    r"(?P<year>(?:令和|平成|R|H)? ?\d{1,4} ?年度?)(?:末)? ?[::] ?(?P<value>[\d,.]+)"
)


def _staged(ctx: _Ctx, f: Found) -> None:
    """'2019年度:300 2020年度:600 …' anywhere in the line: staged targets."""
    staged = {}
    for m in _STAGED_RE.finditer(ctx.text):
        year = _year_in(m["year"])
        if year:
            staged[year] = float(m["value"].replace(",", ""))
    if len(staged) >= 2:
        if f.deadline_fy and f.target is not None:
            staged[f.deadline_fy] = f.target
        f.targets = dict(sorted(staged.items()))


def _tokens(ctx: _Ctx) -> list[tuple[int, int]]:
    """White-space separated tokens, a value, a year or a parenthesis never cut."""
    chars = list(ctx.text)
    atoms = [(q.start, q.end) for q in ctx.values] + [(s, e) for s, e, _ in ctx.years]
    atoms += [m.span() for m in re.finditer(r"\([^()]*\)", ctx.text)]
    for s, e in atoms:
        for i in range(s, e):
            if chars[i] == " ":
                chars[i] = "\x00"
    return [m.span() for m in re.finditer(r"[^ ]+", "".join(chars))]


def _space_kinds(ctx: _Ctx, toks: list[tuple[int, int]]) -> list[tuple[Any, ...]]:
    kinds = []
    for s, e in toks:
        kind = _cell_value(ctx, s, e)
        if kind[0] == "text" and re.fullmatch(r"\([^()]*\)", ctx.text[s:e]):
            kind = ("paren", None, None)
        kinds.append(kind)
    return kinds


_ROW_CELLS = ("value", "empty", "maintain", "unit", "paren", "label")


def _space_row(ctx: _Ctx) -> list[Found]:
    """Rows of a table flattened with spaces: '指標 人 820 1,000', and several
    rows on one line under one header ('基準値 目標値 出生数 … 婚姻数 …')."""
    toks = _tokens(ctx)
    kinds = _space_kinds(ctx, toks)
    out: list[Found] = []
    start, cols = 0, None
    while True:
        first = next(
            (
                i
                for i, k in enumerate(kinds)
                if i >= start
                and k[0] == "value"
                and any(x[0] == "text" for x in kinds[start:i])
            ),
            None,
        )
        if first is None:
            return out
        while first - 1 > start and kinds[first - 1][0] in ("empty", "unit"):
            first -= 1  # '名前 ― % 75%': no baseline, then the target
        end = first
        while end < len(toks) and kinds[end][0] in _ROW_CELLS:
            end += 1
        if out and not cols:
            return out  # rows without a header: a table of figures, not of targets
        found = _space_row_at(ctx, toks, kinds, (start, first, end), cols)
        if found is None:
            return out
        cols = found[1]
        out.append(found[0])
        start = end


def _space_row_at(
    ctx: _Ctx,
    toks: list[tuple[int, int]],
    kinds: list[tuple[Any, ...]],
    bounds: tuple[int, int, int],
    header: list[tuple[str, int | None]] | None,
) -> tuple[Found, list[tuple[str, int | None]]] | None:
    start, first, end = bounds
    k = first - 1
    while k >= start and (kinds[k][0] != "text" or _year_at(ctx, *toks[k]) is not None):
        k -= 1
    name_end = k + 1
    if k < start:
        return None
    # One token is the name; a PDF line break inside it leaves '…企業の 割合'.
    while (
        k > start
        and kinds[k - 1][0] == "text"
        and _year_at(ctx, *toks[k - 1]) is None
        and (
            ctx.text[toks[k - 1][1] - 1] == "の"
            or re.match(r"[\u3041-\u3096]", ctx.text[toks[k][0]])
        )
    ):
        k -= 1
    if (
        k > start
        and name_end - 1 == k
        and kinds[k - 1][0] == "text"
        and any(kd[0] == "label" for kd in kinds[start : k - 1])
        and _description(ctx.text[slice(*toks[k])])
        and not _description(ctx.text[slice(*toks[k - 1])])
    ):
        k, name_end = (
            k - 1,
            k,
        )  # '名前 指標の説明、… 4,914人': the name, then its meaning
    k -= 1
    s, e = toks[k + 1][0], toks[name_end - 1][1]
    name_text = clean_name(ctx.text[s:e])
    row = [
        kinds[i]
        for i in range(first, end)
        if kinds[i][0] in ("value", "empty", "maintain")
    ]
    cols = header
    if cols is None:
        cols = _columns(
            ctx,
            [
                toks[i]
                for i in range(0, first)
                if not (k < i < name_end) and kinds[i][0] in ("label", "paren")
            ],
        )
    units = {q.unit for _, q, _ in row if q is not None}
    repeated = end < len(toks) and clean_name(ctx.text[slice(*toks[end])]) == name_text
    if not _name_ok(name_text) or len(units) > 1:
        return None
    if len(row) < 2 and not cols and not repeated:
        return None
    unit_tok = next(
        (
            ctx.text[slice(*toks[i])]
            for i in range(name_end, end)
            if kinds[i][0] == "unit"
        ),
        "",
    )
    found = _fill_row(
        ctx, (name_text, ctx.span(s, e)), row[:1] if repeated else row, cols if not repeated else [],
        kpi_text._FORM_TO_UNIT.get(unit_tok.split("/")[0].strip(), ""),  # noqa: SLF001
    )  # fmt: skip
    if found is None:
        return None
    if "/" in unit_tok:
        found.per = "year"
    tail = ctx.text[toks[end - 1][1] : toks[end - 1][1] + 12]
    if _LOWER_WORDS.match(tail.strip()):
        found.direction = "lower"
    return found, cols


# ------------------------------------------------------------------ prose


def _sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    """The sentence around `pos`: between '。' (not inside parentheses) or '|'."""
    depth, start = 0, 0
    for i in range(pos - 1, -1, -1):
        ch = text[i]
        if ch == ")":
            depth += 1
        elif ch == "(":
            depth = max(0, depth - 1)
        elif ch in "。|" and depth == 0:
            start = i + 1
            break
    depth, end = 0, len(text)
    for i in range(pos, len(text)):
        ch = text[i]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif ch == "。" and depth == 0:
            end = i
            break
    return start, end


_SENTENCE_NOT_GOAL = re.compile(r"推計|予測|見込まれ|推移して|状況にあり|を記録")
_BASELINE_PAREN = re.compile(r"比|実績|は|同|推計")


def _baseline_paren(ctx: _Ctx, q: Quantity) -> tuple[str, Quantity | None] | None:
    """'(18年度は547億円)', '(同1・45)', '(09年比6%増)' right after a value."""
    word = re.match(
        r"[\u3041-\u30ff\u4e00-\u9fff]{0,3}(?=\()", ctx.text[q.end : q.end + 5]
    )
    paren = _paren_after(ctx.text, q.end + (word.end() if word else 0))
    if not paren or not (_year_in(paren[0]) or paren[0].startswith("同")):
        return None
    inside = [
        v for v in ctx.values if paren[1] <= v.start < paren[2] and v.unit == q.unit
    ]
    if inside:
        return paren[0], inside[-1]
    return (paren[0], None) if "比" in paren[0] else None


def _is_goal(ctx: _Ctx, q: Quantity, line_goal: bool, depth: int = 0) -> bool:
    text = ctx.text
    after = re.sub(r"^[」』]", "", text[q.end : q.end + 40])  # '「1,072万円」にする'
    s0, s1 = _sentence_bounds(text, q.start)
    sentence = text[s0:s1]
    if _SENTENCE_NOT_GOAL.search(sentence) and not re.search(
        r"目指|めざ|目標と|を目標|目標を|目標値|実現|設定|掲げ", sentence
    ):
        return False
    m = _GOAL_AFTER_RE.match(after)
    if m:
        tail = after[m.end() :]
        if re.match(r"(?:しました|した(?![いう])|されました|できました)", tail):
            return False  # '…20.8%削減しました': it happened
        if re.search(
            r"増|減|改善|向上|高め|伸ば|引き上|下げ|抑え", m.group(0)
        ) and re.match(r"(?:している|しています|しており|してきた)", tail):
            return False  # '…85%に改善しています': it is happening
        return not _NOT_GOAL_RE.match(after[: m.end() + 3])
    if _NOT_GOAL_RE.match(after):
        return False
    if re.match(r"^ ?(?:\([^()]*\))? ?から", after) and any(
        v.start > q.end and v.unit == q.unit for v in ctx.values
    ):
        return False  # '13市町村から18市町村へ': where it starts from
    before = text[max(0, q.start - 24) : q.start]
    if _NOT_GOAL_LABEL_RE.search(before) or _SERIES_YEAR_RE.search(before):
        return False  # '実績値(29年度目標値)=9.6%', '基準値=12.1%', 'R4:1,200人'
    if _GOAL_BEFORE_RE.search(before) or _COMPARATOR_BEFORE_RE.search(before):
        return True
    goal_words = bool(re.search(r"目標|目指|めざ", text))
    comparator = _COMPARATOR_AFTER_RE.match(after)
    if comparator and re.match(
        r"^ ?(?:\([^()]*\))? ?(?:[。、|)]|$|を維持|と)", after[comparator.end() :]
    ):
        if line_goal or goal_words or _short_row(text):
            return True  # '空き家バンク登録件数 年間10件以上'
    if line_goal and (re.search(r"[::=] ?$", before) or _NAME_AFTER_RE.match(after)):
        return True
    if line_goal and re.match(r"^ ?(?:\([^()]*\))? ?$", after):
        return True  # '【KPI】移住相談件数 年間100件(令和6年度)'

    if re.match(r"^ ?(?:。|$)", after) and re.search(
        r"\d+ ?(?:年間|か年)で|までに|の目標(?:値|額)?は[、,]", text[s0 : q.start]
    ):
        return True  # '令和4年度までの4年間で移住者1万人'
    if goal_words and _baseline_paren(ctx, q) is not None:
        return True  # '観光消費額は590億円(18年度は547億円)、…目標値を設定'
    # '20%、3.6時間削減する': the first of a list shares the verb of the last.
    nxt = re.match(r"^ ?(?:以上|以下|未満|以内)?(?:\([^()]*\))?[、,] ?", after)
    if nxt and depth < 6:
        following = next(
            (
                v
                for v in ctx.values
                if q.end + nxt.end() <= v.start < s1
                and not _inside_parens(text, v.start)
            ),
            None,
        )
        if following is None or q.unit == "日" and following.unit != "日":
            return False  # a day of the month: 県は13日、
        return _is_goal(ctx, following, line_goal, depth + 1)
    return False


def _short_row(text: str) -> bool:
    """A table row's words, not a sentence: short, no sentence punctuation or
    verb ending."""
    return len(text) <= 60 and not re.search(r"[。、]|です|ます|した|する|いる", text)


_NAME_AFTER_RE = re.compile(
    r"^(?:以上|程度)?(?: ?\([^()]*\))? ?の([^、。をがは]{2,24}?)(?:の(?:削減|増加|創出|達成|確保))?を(?:目指|目標|掲げ|図|順次|対応|実施)"
)
_TOPIC_TARGET_RE = re.compile(r"([^、。]{2,40}?)の目標(?:値|額)?(?:を|は)[、,]")
_NOT_A_NAME = re.compile(
    r"^(?:達成|実現|確保|増加|削減|向上|目標|合計|総額|計|全体|数値|数|値|実績|現状|水準|効果|利益|これ|それ|こちら"
    r"|比|対比|年度?末?(?:時点|現在)?|時点|現在|維持|減少|抑制"
    r"|重要業績評価指標|KPI|数値目標|成果指標|指標|目標値)$"
)
_HEAD_NOUN_RE = re.compile(
    r"[\u3005\u4e00-\u9fff\u30a1-\u30fa\u30fcA-Za-z0-9・]+(?:\([^()]*\))?$"
)


def _name_ok(name: str) -> bool:
    return (
        bool(name)
        and not _NOT_A_NAME.match(name)
        and not re.fullmatch(r"[\d,.]+ ?[兆億万千百]*(?:円|人|件|%)?", name)  # a value
        and bool(re.search(r"[\u3040-\u30ff\u4e00-\u9fffA-Za-z]", name))
    )


def _head_noun(phrase: str) -> str:
    quoted = re.search(r"「([^「」]{2,40})」$", phrase.strip())
    if quoted:
        return clean_name(quoted.group(1))
    m = _HEAD_NOUN_RE.search(re.sub(r"\([^()]*\)$", "", phrase.strip()))
    return clean_name(m.group(0)) if m else ""


# A line's heading naming the indicator: '人口 ■…', '■経常収支比率の推移 目標:…',
# '(2)温室効果ガスの削減目標 目標年度…'.
_HEADINGS = (
    re.compile(r"^ ?([^■:=|。、\d]{2,25}?) ?■"),
    re.compile(
        r"^ ?[■●○◆◇・]? ?([^:=|。、■]{2,30}?)(?:の推移)? (?:【?目標】?|目標値)[::]"
    ),
    re.compile(
        r"^ ?(?:\(\d+\)|\d+[.)])? ?([^:=|。、\s\d]{2,30}?)の(?:削減|数値|排出削減)?目標(?:値)? "
    ),
)


_GENERIC_HEAD = re.compile(
    r"^(?:本市|本町|本村|本県|市|町|村|県|施策|計画|基本|事業|取組|今後|当面|最終|中間|数値|成果|全体)$"
)


def _line_head(
    ctx: _Ctx, headings: tuple[re.Pattern[str], ...]
) -> tuple[str, Span] | None:
    for heading in headings:
        head = heading.match(ctx.text)
        if head:
            name = clean_name(head.group(1))
            if _name_ok(name) and not _GENERIC_HEAD.match(name):
                return name, ctx.span(*head.span(1))
    return None


def _fallback_name(
    ctx: _Ctx, q: Quantity, s0: int, clause: int
) -> tuple[str, Span] | None:
    """When the clause before a value holds no name: the line's heading, the
    sentence's topic 'Xについて'/'Xは、' or an object 'Xを' of an earlier clause."""
    head = _line_head(ctx, _HEADINGS[:1])
    if head:
        return head
    text = ctx.text
    quoted = list(
        re.finditer(
            r"「([^「」]{2,40})」(?:の(?:目標|数値)|を(?:新たに)?(?:設定|指標|目標)|について|は)",
            text[s0:clause],
        )
    )
    for m in reversed(quoted):
        name = clean_name(m.group(1))
        if _name_ok(name) and not re.search(r"\d", m.group(1)[:1]):
            return name, ctx.span(s0 + m.start(1), s0 + m.end(1))
    before = re.sub(r"\([^()]*\)", lambda m: "□" * len(m.group(0)), text[s0:clause])
    matches = list(
        re.finditer(r"([^、。]{2,60}?)(?:について|は|を|に対して)[、,]?", before)
    )
    matches.sort(
        key=lambda m: (
            not before.startswith("指標", m.end()),  # '「X」を指標として設定し'
            not m.group(0).rstrip("、,").endswith("について"),
            -m.start(),
        )
    )
    for m in matches:
        phrase = re.split(r"だった|であった|から|より|に対し", m.group(1))[-1].replace(
            "□", ""
        )
        name = (
            _head_noun(phrase)
            if not m.group(0).rstrip("、,").endswith("について")
            else clean_name(phrase)
        )
        if _name_ok(name) and not re.fullmatch(
            r"本市|本町|本村|本県|県|市|町|村|国", name
        ):
            return name, ctx.span(s0 + m.start(1), s0 + m.end(1))
    return _line_head(ctx, _HEADINGS[1:])


def _goal_paren(text: str, pos: int) -> int | None:
    """Where a parenthesis holding a target opens: 'X(目標:令和7年度 30%)'."""
    opened = text.rfind("(", 0, pos)
    if opened < 1 or text.find(")", opened, pos) >= 0:
        return None
    return opened if re.match(r"\((?:目標値?|めざす値)[::]", text[opened:]) else None


def _prose_name(ctx: _Ctx, q: Quantity) -> tuple[str, Span] | None:
    text = ctx.text
    opened = _goal_paren(text, q.start)
    if opened is not None:
        return _name_before(ctx, opened)  # 'テレワーク実施率(目標:令和7年度 30%)'
    s0, _ = _sentence_bounds(text, q.start)
    after = _NAME_AFTER_RE.match(text[q.end :])
    if after and not re.search(r"\d", after.group(1)):
        name = clean_name(after.group(1))
        if _name_ok(name):
            return name, ctx.span(q.end + after.start(1), q.end + after.end(1))
    topic = _TOPIC_TARGET_RE.search(text, s0, q.start)
    if topic:
        name = clean_name(re.sub(r"^.*(?:年の|年度の)", "", topic.group(1)))
        if _name_ok(name):
            return name, ctx.span(*topic.span(1))
    e = q.start
    trail = re.search(
        r"(?:[\s::=]|目標である|の?(?:最終|中間)?目標(?:値)?は|として|を目標に|延べ|約|概ね|おおむね)+$",
        text[s0:e],
    )
    if trail:
        e = s0 + trail.start()
    start = _clause_start(text, e, s0)
    phrase = text[start:e]
    # particles inside 「」 belong to the quoted name
    bare = re.sub(r"「[^「」]*」", lambda m: "□" * len(m.group(0)), phrase)
    if re.search(r"から$|より|上回る|下回る|比で?$|対比|基準の[\d.]+倍|倍「?$", bare):
        if "を" not in bare:
            return _fallback_name(ctx, q, s0, start)
        phrase, bare = phrase[: bare.index("を") + 1], bare[: bare.index("を") + 1]
    if "を" in bare:
        phrase = phrase[: bare.rindex("を")]
    elif "は" in bare:
        phrase = phrase[: bare.index("は")]
    phrase = re.split(r"だった|であった|から|より|に対し|については|として、", phrase)[
        -1
    ]
    # '人口 令和12年に': the time the value is for, after the name
    phrase = re.sub(rf" ?{_WHEN}(?:まで(?:に)?|に|で|には|の)? ?$", "", phrase)
    name = clean_name(phrase)
    if (
        not _name_ok(name)
        or len(name) > 40
        or kpi_text.YEAR_RE.search(name)
        or re.search(
            r"[\d,]+ ?(?:件|人|円|%)|(?:ます|ました|ている|ており|ため)$", name
        )
    ):
        return _fallback_name(ctx, q, s0, start)
    offset = text.find(name[:2], start)
    return name, ctx.span(offset if offset >= 0 else start, start + len(phrase))


def _deadline(ctx: _Ctx, q: Quantity) -> int | None:
    text = ctx.text
    paren = _paren_after(text, q.end)
    if paren:
        year = _year_in(paren[0])
        if year and not re.search(r"実績|現在|比|は|同", paren[0]):
            return year
    s0, s1 = _sentence_bounds(text, q.start)
    best = None
    for s, e, year in ctx.years:
        if not year or s >= q.start + 40:
            continue
        in_sentence = s0 <= s < s1
        tail = text[e : e + 6]
        if re.match(
            r" ?[】\]]?(?:比|対比|から|の実績|実績|現在|を基準|に対し|と比較|の数値|の値)",
            tail,
        ):
            continue
        if tail.startswith("における") and re.search(
            r"基準|比|に対し", text[e : q.start]
        ):
            continue  # '平成25年度における排出量を基準に'

        lead = re.match(r" ?(?:に|の|は|が)? ?", tail)
        own = next((v for v in ctx.values if v.start == e + lead.end()), None)
        if own is not None:
            if own is q:
                return year  # '平成16年に36万5,000人'
            continue  # the year of another value ('16年に1万6401件だった')
        if paren and s >= q.end:
            continue
        day = re.match(
            r" ?(\d{1,2}) ?月 ?(\d{1,2}) ?日 ?(?:まで|までに)",
            tail + text[e + 6 : e + 14],
        )
        if day and in_sentence:
            when = dt.date(year, int(day.group(1)), int(day.group(2))) - dt.timedelta(
                days=1
            )
            best = kpi_text.wareki.fiscal_year_of(when)
            continue
        deadlineish = re.match(
            r" ?(?:末)?(?:まで|までに|の|に|には|を目途|をめど|時点|度末|末|で|以降|\]|】|\))",
            tail,
        )
        if in_sentence and deadlineish and s < q.start:
            best = year
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


def _prose_baseline(ctx: _Ctx, f: Found, q: Quantity) -> None:
    text = ctx.text
    s0, s1 = _sentence_bounds(text, q.start)
    paren = _baseline_paren(ctx, q)
    if paren is None and s1 < len(text):
        # '…図ります。(平成 27 年度 13 人)': the sentence's closing parenthesis.
        m = re.match(r"。 ?\(([^()]*)\)", text[s1:])
        if m and _year_in(m.group(1)):
            inside = [
                v
                for v in ctx.values
                if s1 + m.start(1) <= v.start < s1 + m.end(1) and v.unit == q.unit
            ]
            paren = (m.group(1), inside[-1]) if inside else None
    if paren is not None and paren[1] is not None:
        label = paren[0] if _year_in(paren[0]) else (ctx.last_baseline_label or None)
        _set_baseline(ctx, f, paren[1], label)
        ctx.last_baseline_label = label or ""
        return
    if paren is not None:
        return
    # '(令和4年度末現在:78.5%)', '(令和4年度実績:12,345件)' elsewhere in the sentence
    for m in re.finditer(
        r"\(([^()]*(?:現在|実績|現状|時点|基準)[^()]*)\)", text[s0:s1]
    ):
        a, b = s0 + m.start(1), s0 + m.end(1)
        inside = [
            v
            for v in ctx.values
            if a <= v.start < b and v.unit == q.unit and v.start not in ctx.used
        ]
        if inside:
            _set_baseline(
                ctx, f, inside[-1], m.group(1) if _year_in(m.group(1)) else None
            )
            return
    if _labelled_baseline(ctx, f, q, s0, s1):
        return
    for v in ctx.values:
        if s0 <= v.start < q.start and v.unit == q.unit and v.start not in ctx.used:
            if re.match(
                r" ?(?:\([^()]*\))? ?(?:だった|であった|から)", text[v.end : v.end + 8]
            ):
                label = None
                for s, e, year in ctx.years:
                    if s0 <= s < v.start and year:
                        label = text[s:e]
                _set_baseline(ctx, f, v, label)
                return


_BASE_BEFORE_RE = re.compile(
    rf"(?:{_BASE_LABELS})(?: ?\([^()]*\))? ?(?:[::=]|が|は) ?$"
)
_BASE_AFTER_RE = re.compile(r"^[」』]?を基準(?:値)?(?:と|に)")


def _labelled_baseline(ctx: _Ctx, f: Found, q: Quantity, s0: int, s1: int) -> bool:
    """A baseline named as one in the target's sentence: '基準値=650人(24〜26年度
    平均)', '平成16年の「893万円」を基準とし'."""
    text = ctx.text
    for v in ctx.values:
        if (
            not (s0 <= v.start < s1)
            or v is q
            or v.unit != q.unit
            or v.start in ctx.used
        ):
            continue
        if _BASE_BEFORE_RE.search(text[max(s0, v.start - 12) : v.start]):
            paren = _paren_after(text, v.end)
            label = (
                paren[0] if paren and not re.search(r"平均|[〜~]", paren[0]) else None
            )
            _set_baseline(ctx, f, v, label if label and _year_in(label) else None)
            return True
        if _BASE_AFTER_RE.match(text[v.end : v.end + 8]):
            when = re.search(
                rf"({_WHEN})の?[「『]?$", text[max(s0, v.start - 16) : v.start]
            )
            _set_baseline(ctx, f, v, when.group(1) if when else None)
            return True
    return False


def _inside_parens(text: str, pos: int) -> bool:
    return text.count("(", 0, pos) > text.count(")", 0, pos)


def _prose(ctx: _Ctx) -> list[Found]:
    out: list[Found] = []
    text = ctx.text
    line_goal = bool(
        re.match(
            r"^ ?(?:[■●○・◆]|\(\d+\)|\d+[.)])? ?(?:目標\d*_|目標|数値目標|【?KPI|【目標)",
            text,
        )
    )
    line_goal = line_goal or bool(re.match(r"^ ?[●○■◆]", text) and "=" in text)
    for q in ctx.free():
        goal_paren = _goal_paren(text, q.start)
        if q.start in ctx.used or (
            _inside_parens(text, q.start) and goal_paren is None
        ):
            continue
        if not _is_goal(ctx, q, line_goal):
            continue
        name = _prose_name(ctx, q)
        s0, _ = _sentence_bounds(text, q.start)
        previous = (
            out[-1]
            if out and _norm_pos(ctx, out[-1].spans["target"][0]) >= s0
            else None
        )
        if name is None and previous is None:
            continue
        if previous is not None and (name is None or name[0] == previous.name):
            deadline = _deadline(ctx, q)
            if (
                q.unit == previous.unit
                and deadline
                and previous.deadline_fy
                and deadline != previous.deadline_fy
            ):
                previous.targets.setdefault(previous.deadline_fy, previous.target)
                previous.targets[deadline] = (
                    q.value
                )  # 平成16年に36万5千人、平成21年に38万人
                if deadline > previous.deadline_fy:
                    previous.target, previous.deadline_fy = q.value, deadline
                    previous.spans["target"] = ctx.span(q.start, q.end)
                ctx.used.add(q.start)
                continue
            name = name or (previous.name, previous.spans["name"])
        f = _found(ctx, name, q)
        f.deadline_fy = _deadline(ctx, q)
        _prose_baseline(ctx, f, q)
        out.append(f)
        if re.search(
            r"(?:それぞれ|ともに|いずれも) ?$", text[max(0, q.start - 8) : q.start]
        ):
            out[-1:] = _each(f)  # 'AとBでそれぞれ70%を目指す'
    return out


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


# ----------------------------------------------------------------- finish


def _finish(ctx: _Ctx, f: Found, q_end: int | None) -> Found:
    text = ctx.text
    after = text[q_end : q_end + 30] if q_end is not None else ""
    after_clean = re.sub(r"^ ?(?:\([^()]*\) ?)*", "", after)
    if f.comparator is None:
        m = _COMPARATOR_AFTER_RE.match(after_clean)
        if m:
            f.comparator = _COMPARATORS[m.group(1)]
            after_clean = after_clean[m.end() :]
        elif q_end is not None:
            start = f.spans.get("target")
            if start:
                m2 = _COMPARATOR_BEFORE_RE.search(text[: _norm_pos(ctx, start[0])])
                if m2:
                    f.comparator = _COMPARATORS[m2.group(1)]
        if re.match(r"^ ?(?:\([^()]*\))? ?(?:を|の)?維持", after_clean):
            f.comparator = "維持"
        bound = re.match(r"^ ?(?:\([^()]*\) ?)*を(下限|上限)", after)
        if bound:
            f.comparator = "以上" if bound.group(1) == "下限" else "以下"
    change = re.match(
        r"^(?:\([^()]*\) ?)*(?:を|の)?(?:削減|縮減|抑制|減らす|減らし|増加(?!し?た)|増や|増(?!加し?た)|減(?!少し?た))"
        r"|^(?:\([^()]*\) ?)*の[^、。をがは]{2,24}?の(?:削減|縮減|抑制|増加)",
        re.sub(r"^(?:以上|以下|未満)", "", after) if after[:1] != " " else "",
    )
    listed = re.match(r"^(?:\([^()]*\))?[、,] ?", after)
    if listed and q_end is not None:
        nxt = next((v for v in ctx.values if v.start >= q_end + listed.end()), None)
        if nxt is not None and re.match(
            r"^(?:削減|縮減|減ら|増や|増加)", text[nxt.end : nxt.end + 3]
        ):
            change = True  # '20%、3.6時間削減'
            after_clean = text[nxt.end : nxt.end + 10]
    if change and f.baseline is None:
        f.change = True
        if re.search(
            r"削減|縮減|抑制|減",
            (after_clean or "")[:12]
            if not isinstance(change, re.Match)
            else change.group(0),
        ):
            f.direction = f.direction or "lower"
    if f.target is not None and f.spans.get("target"):
        raw = ctx.mapped.text[_norm_pos(ctx, f.spans["target"][0]) :][:1]
        if raw == "+":
            f.change = True
    if f.comparator == "維持":
        f.direction = None
    elif f.direction is None:
        if f.comparator in ("以下", "未満", "以内"):
            f.direction = "lower"
        elif f.comparator in ("以上", "超"):
            f.direction = "higher"
        elif _LOWER_WORDS.match(after_clean) or re.match(
            r"^(?:を|の|まで|に)?(?:削減|縮減|抑制|減ら|減少)", after_clean
        ):
            f.direction = "lower"
        elif f.baseline is not None and f.target is not None and f.target < f.baseline:
            f.direction = "lower"
        else:
            f.direction = "higher"
    if f.per is None:
        name_at = _norm_pos(ctx, f.spans["name"][0]) if "name" in f.spans else 0
        end = q_end if q_end is not None else len(text)
        scope = text[max(0, min(name_at, end - 30)) : end + 12]
        if re.search(r"累計|総額", scope) or (
            not f.change and re.search(r"\d+ ?(?:か年|カ年|ヵ年|年間)で", scope)
        ):
            f.per = "cumulative"
        elif re.search(r"/ ?年|毎年度|年度ごとの|(?<!\d)1年に|年間あたり", scope):
            f.per = "year"
    return f


def _balanced(text: str) -> bool:
    depth = 0
    for ch in text:
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if depth < 0:
            return False
    return depth == 0


def _norm_pos(ctx: _Ctx, original: int) -> int:
    """The first normalised index that maps to `original` (or after it)."""
    for i, o in enumerate(ctx.mapped.origin):
        if o >= original:
            return i
    return len(ctx.mapped.text)


# ------------------------------------------------------------------ public


MAX_STATEMENT = 2000  # characters; a longer line is cut (real statements are < 600)


def _distinct(found: list[Found]) -> list[Found]:
    """One reading per target: a labelled row is also a row, and a heading may
    have crept in front of a name ('指標 観光入込客数' and '観光入込客数'); when
    one name ends with the other, the shorter one is the indicator."""
    kept: list[Found] = []
    for f in found:
        same = next(
            (
                k
                for k in kept
                if k.name == f.name and k.target == f.target and k.unit == f.unit
            ),
            None,
        )
        if (
            same is not None
        ):  # the same target stated twice ('Xを17%にする … 目標値=17.0%')
            if f.baseline is not None and same.baseline is None:
                kept[kept.index(same)] = f
            continue
        target = f.spans.get("target")
        twin = next(
            (
                i
                for i, k in enumerate(kept)
                if k.spans.get("target") == target
                and (k.name.endswith(f.name) or f.name.endswith(k.name))
            ),
            None,
        )
        if twin is None:
            kept.append(f)
        elif len(f.name) < len(kept[twin].name):
            kept[twin] = f
    return kept


def extract_statement(
    text: str, *, first_fy: int | None = None, last_fy: int | None = None
) -> list[Found]:
    """The indicators one statement (a line of a plan) states targets for, in the
    order they appear. `first_fy`/`last_fy` are the plan's period: 'N年間で' is
    counted from `first_fy`; a target without a stated deadline gets `last_fy`."""
    mapped = kpi_text.normalize(text[:MAX_STATEMENT])
    wrapped = re.fullmatch(r" ?\((.*)\) ?", mapped.text)
    if (
        wrapped
        and "(" not in wrapped.group(1).split(")")[0][:0]
        and _balanced(wrapped.group(1))
    ):
        mapped = Mapped(
            wrapped.group(1), mapped.origin[wrapped.start(1) : wrapped.end(1) + 1]
        )
    norm = mapped.text
    if not re.search(r"\d", norm):
        return []
    years = _mask_years(norm)
    values = [
        v
        for q in kpi_text.quantities(norm)
        if (v := q if _is_value(q, norm, years) else _counted(q, norm, years))
    ]
    if not values:
        return []
    ctx = _Ctx(mapped, norm, values, years, first_fy, last_fy)
    found = _arrows(ctx)
    found += _labelled(ctx)
    found += _pipe_row(ctx) if "|" in norm else _space_row(ctx)
    found += _staged_line(ctx)
    found += _prose(ctx)
    out: list[Found] = []
    for f in _distinct(found):
        q_end = None
        if f.spans.get("target"):
            start = _norm_pos(ctx, f.spans["target"][0])
            q = next((v for v in values if v.start == start), None)
            q_end = q.end if q else None
        out.append(_finish(ctx, f, q_end))
        if f.deadline_fy is None and last_fy is not None:
            f.deadline_fy = last_fy
    out.sort(key=lambda f: f.spans.get("name", (0, 0))[0])
    return out


_HEADER_RE = re.compile(
    r"現状|基準|目標|実績|策定時|めざそう|(?:令和|平成|R|H) ?\d{1,2}|\d{4} ?年"
)


def _header(line: str) -> bool:
    """A table's header row ('指標名 | 現状値(R4) | R6 | R8(目標)'): cells of
    labels and years, no values."""
    cells = [c for c in line.split("|") if c.strip()]
    if len(cells) < 3 or not _HEADER_RE.search(line):
        return False
    norm = kpi_text.normalize(line).text
    years = _mask_years(norm)
    return not any(_is_value(q, norm, years) for q in kpi_text.quantities(norm))


def _under_header(
    header: str, line: str, first_fy: int | None, last_fy: int | None
) -> list[Found]:
    """A table row read with its header line in front, spans moved to the row."""
    lead = f"{header.rstrip(' |')} | "
    out = []
    for f in extract_statement(lead + line, first_fy=first_fy, last_fy=last_fy):
        if any(end <= len(lead) for _, end in f.spans.values()):
            continue  # read (partly) from the header: not this row's
        f.spans = {
            k: (max(0, a - len(lead)), b - len(lead)) for k, (a, b) in f.spans.items()
        }
        out.append(f)
    return out


def extract_lines(
    lines: list[str], *, first_fy: int | None = None, last_fy: int | None = None
) -> list[dict[str, Any]]:
    """One object per line: {'line': n, 'text': line, 'indicators': [kpis…]}.
    Cells pasted from a spreadsheet (tab-separated) read as a table row; a
    table's header line (labels and years, no values) is read in front of the
    rows under it, until a line that is not a row."""
    out, header = [], None
    for n, line in enumerate(lines, start=1):
        row = line.replace("\t", "|")  # same length: the spans stay right
        found = extract_statement(row, first_fy=first_fy, last_fy=last_fy)
        if "|" not in row:
            header = None
        elif not found and _header(row):
            header = row
        elif header is not None:
            under = _under_header(header, row, first_fy, last_fy)
            if len(under) >= len(found) and under:
                found = under
        out.append(
            {"line": n, "text": line, "indicators": [f.to_kpi(line) for f in found]}
        )
    return out
