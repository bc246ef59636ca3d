"""The cells of a table row flattened to text: what each cell holds, the
columns a header names and their roles, and the indicator a row of values
fills in."""

from __future__ import annotations

import re

from shinchoku.plans import kpi_text
from shinchoku.plans.kpi_statements.context import Ctx, set_baseline, year_at
from shinchoku.plans.kpi_statements.found import Found, Span
from shinchoku.plans.kpi_statements.lexicon import COMPARATOR_AFTER_RE
from shinchoku.plans.kpi_statements.table_units import (
    scaled,
    unit_from_name,
    unit_scale,
)
from shinchoku.plans.kpi_statements.values import date_of, year_in
from shinchoku.plans.kpi_text import UNIT_FORMS, Quantity

# A cell: ('value'|'empty'|'maintain'|'unit'|'label'|'text', quantity, paren).
Cell = tuple[str, Quantity | None, str | None]

_UNIT_TOKEN_RE = re.compile(
    "^(?:"
    + "|".join(re.escape(f) for forms in UNIT_FORMS.values() for f in forms)
    + r"|千人|万人|千円|百万円|万円|億円)(?: ?/ ?年度?)?$"
)
_PLACEHOLDER_RE = re.compile(r"^(?:[―\-—−‐–ー─━]+|なし|-)$")
_MAINTAIN_CELL_RE = re.compile(r"^(?:現状値?を?維持|現状維持|維持|現状値?以上)")
_COLUMN_LABEL_RE = re.compile(
    r"^\(?(?:現状値?|基準値?|(?:成果)?目標値?|目標数値|数値目標|最新値|(?:計画)?策定時(?:の(?:数?値))?|目標設定時(?:の?最新値)?"
    r"|中間目標値?|中間値|最終目標|当初|削減量|削減数|増加量|(?:早期|経営)?健全化基準|財政再生基準"
    r"|(?:\d{1,2} ?年度?)?(?:実績値?|見込み?)|\d+ ?[ヵかカケヶ]年目標|めざそう値|進捗率|達成率|達成度|累計)\)?"
    r"(?: ?\([^()]*\))?$"
)
_SKIP_CELL_RE = re.compile(r"^(?:当初|区分|単位|計画|実績|見込み?)$")


def _column_kind(cell: str) -> str:
    cell = cell.replace(" ", "")
    if re.search(r"試算|推計|見通し|参考|健全化基準|再生基準", cell):
        return "actual"  # '令和10年度 試 算 値': an estimate, not a target
    if "目標" not in cell and re.search(r"(?:削減(?:量|数)|増加量)$", cell):
        return "actual"  # '削減量': the change between the base and the target
    if re.search(r"目標設定時|策定時|基準|当初", cell):
        return "base"
    if re.search(r"実績|現在|見込|速報|最新|進捗率|達成率|達成度", cell):
        return "actual"
    if re.search(r"目標|めざそう|中間値", cell):
        return "target"
    if "現状" in cell:
        return "current"
    return "plain"


def columns(ctx: Ctx, cells: list[tuple[int, int]]) -> list[tuple[str, int | None]]:
    """Value columns named by a header: (kind, year); the year's words are kept
    in `ctx.column_labels` (a FY and a calendar year date a baseline apart)."""
    cols: list[tuple[str, int | None]] = []
    for n, (s, e) in enumerate(cells):
        cell = ctx.text[s:e].strip()
        if n + 1 < len(cells) and ctx.text[slice(*cells[n + 1])].strip() == cell:
            continue  # '成果目標 成果目標 (期限)': the table's heading, then a column
        year = year_at(ctx, s, e)
        if year is None and not _COLUMN_LABEL_RE.match(cell):
            continue
        if cell in ("数値目標", "成果目標") and not ctx.text[:s].strip(" |"):
            continue  # the heading of a table, not a column
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


PAREN = r"\((?:[^()]|\([^()]*\))*\)"  # one level of nesting: '(R4(2022))'
_CELL_LEAD_RE = re.compile(
    r"^(?:年間?|毎年度?|\d+ ?(?:年間|か年|カ年|ヵ年)で?|累計|延べ|概ね|おおむね|約"
    r"|1 ?[日週人](?:当たり|あたり))"
)


def strip_parens(text: str) -> str:
    return re.sub(PAREN, "", text)


def _top_level(text: str, s: int, pos: int) -> bool:
    """`pos` is outside any parenthesis opened in the cell from `s`."""
    return text.count("(", s, pos) <= text.count(")", s, pos)


def cell_paren(text: str, end: int) -> str | None:
    """The words of the parenthesis after a value (past a comparator), nested
    ones kept ('(R4(2022))' → 'R4(2022)'); of several, the first with a year."""
    m = re.match(rf" ?(?:以上|以下|未満|以内|超|程度)? ?((?:{PAREN} ?)+)", text[end:])
    if not m:
        return None
    parens = [p[1:-1].strip() for p in re.findall(PAREN, m.group(1))]
    parens = [f"{p}年" if re.fullmatch(r"(?:19|20)\d{2}", p) else p for p in parens]
    return next((p for p in parens if year_in(p)), parens[0])  # '(2023)' a year


_CELL_DATE_RE = re.compile(
    r"(?P<era>令和|平成|R|H) ?(?P<y>\d{1,2}|元)"
    r"(?:(?: ?年度?)? ?[~\-] ?(?P<era2>令和|平成|R|H)? ?(?P<y2>\d{1,2}))?"
    r"(?: ?\. ?(?P<m>\d{1,2}))? ?(?P<fy>年度?)?末?"
    r"|(?P<w>(?:19|20)\d{2})(?: ?年度?)?(?: ?[~\-] ?(?P<w2>(?:19|20)\d{2}))? ?(?P<wfy>年度?)末?"
    r"|(?P<h>[1-3]\d) ?年度末?"
)


def cell_date(cell: str) -> tuple[int, str] | None:
    """A cell that is only a date: (its year, the last of a range, and words
    `date_of` reads): 'R2.12' → (2020, '令和2年12月'), 'R7~10 年度' → (2028, …),
    'R元年度' → (2019, '令和元年度'), '2030年度' → (2030, '2030年度'),
    '平成28年度~令和2年度' → (2020, '令和2年度')."""
    m = _CELL_DATE_RE.fullmatch(cell.strip())
    if not m:
        return None
    if m["w"]:
        return int(m["w2"] or m["w"]), f"{m['w2'] or m['w']}{m['wfy']}"
    if m["h"]:  # a table's '32年度' without its era: 平成 ('28年度 | 32年度')
        return 1988 + int(m["h"]), f"平成{m['h']}年度"
    era = {"R": "令和", "H": "平成"}.get(m["era"], m["era"])
    first = kpi_text.wareki.era_to_western(era, m["y"])
    era2 = {"R": "令和", "H": "平成"}.get(m["era2"], m["era2"] or era)
    year = kpi_text.wareki.era_to_western(era2, int(m["y2"])) if m["y2"] else first
    era, y = (era2, m["y2"]) if m["y2"] else (era, m["y"])
    label = f"{era}{y}年{m['m']}月" if m["m"] else f"{era}{y}{m['fy'] or '年'}"
    return year, label


def _restated(ctx: Ctx, q: Quantity, e: int) -> bool:
    """'44.2% 34市町村 全国41位(2022年)': words after the value, each with a
    number, restate it in other terms."""
    rest = strip_parens(ctx.text[q.end : e])
    words = rest.split()
    return (
        bool(q.unit)
        and rest[:1] in (" ", "▲", "△")
        and bool(words)
        and all(re.search(r"\d", w) for w in words)
    )


def _in_minutes(ctx: Ctx, inside: list[Quantity]) -> list[Quantity]:
    """'1日当たり 2時間30分': a time per day (the '1日' says per what), in minutes."""
    if inside and re.match(r" ?1 ?[日週人]$", inside[0].raw):
        if ctx.text.startswith(("当たり", "あたり"), inside[0].end):
            inside = inside[1:]
    if len(inside) >= 2 and (inside[0].unit, inside[1].unit) == ("時間", "分"):
        h, m = inside[:2]
        if m.start == h.end:
            raw = ctx.text[h.start : m.end]
            total = Quantity(h.value * 60 + m.value, "分", h.start, m.end, raw=raw)
            inside = [total, *inside[2:]]
    return inside


_PART_RE = re.compile(r"(\S{1,6}?) ?[::] ?$")


# A range to stay in ('40%以上,60%以下'): the target is its floor.
_RANGE_RE = re.compile(r" ?以上 ?[,、・] ?\d[\d.]* ?[%％]? ?以下")


def _total(ctx: Ctx, s: int, inside: list[Quantity]) -> Quantity | None:
    """'男女計:8.5% 男性:12.9% 女性:2.8% (平成26年)': a cell of parts, each
    labelled; the row's value is the total's."""
    if len(inside) < 2 or inside[0].unit != inside[-1].unit:
        return None
    starts = [s] + [q.end for q in inside[:-1]]
    labels = [
        _PART_RE.search(ctx.text[a : q.start])
        for a, q in zip(starts, inside, strict=True)
    ]
    if not all(labels) or not re.fullmatch(r".*計|全体|総数|合計", labels[0][1]):
        return None
    return inside[0]


# a value's date after it in its cell, its parentheses lost: '96.0以上 2023年度'
_DATED_TAIL_RE = re.compile(
    r"(?P<comp> ?(?:以上|以下|未満|以内|超|程度)?) (?P<date>\S.*?) ?"
)


def cell_value(ctx: Ctx, s: int, e: int) -> Cell:
    """('value'|'empty'|'maintain'|'unit'|'label'|'text', quantity, paren)."""
    cell = ctx.text[s:e].strip()
    if not cell or _PLACEHOLDER_RE.match(cell):
        return "empty", None, None
    if cell_date(cell):
        return "label", None, None  # 'R2.12', 'H29年', 'R7~10 年度'
    if _MAINTAIN_CELL_RE.match(cell):
        return "maintain", None, cell
    if _UNIT_TOKEN_RE.match(cell) or (
        not cell.endswith("数") and re.match(r"\(|単位", cell) and unit_scale(cell)
    ):
        return "unit", None, None  # '億円', '(万人)', '単位:千円'
    inside = _in_minutes(
        ctx,
        [
            q
            for q in ctx.values
            if s <= q.start < e and _top_level(ctx.text, s, q.start)
        ],
    )
    total = _total(ctx, s, inside)
    if total is not None:
        return "value", total, cell_paren(ctx.text, inside[-1].end)
    m = _RANGE_RE.match(ctx.text, inside[0].end) if inside else None
    if m and len({q.unit for q in inside}) == 1:  # '40%以上,60%以下 (平成32年)'
        return "value", inside[0], cell_paren(ctx.text, m.end())
    if inside and (len(inside) == 1 or _restated(ctx, inside[0], e)):
        q = inside[0]
        lead = ctx.text[s : q.start].strip()
        when = lead.strip("() ") if cell_date(lead.strip("() ")) else None
        lead = "" if when else _CELL_LEAD_RE.sub("", lead)  # 'R4年度 120万人'
        tail = ctx.text[q.end : e]
        dated = _DATED_TAIL_RE.fullmatch(tail)
        if not when and dated and cell_date(dated["date"]):
            when, tail = dated["date"], dated["comp"]  # '82.6 2019年度' (PDF)
        rest = strip_parens(lead + tail)
        if not lead and _restated(ctx, q, e):
            rest = ""  # '44.2% 34市町村 全国41位': the value, then restated
            dates = [p for p in re.findall(r"\(([^()]*)\)", ctx.text[q.end : e])]
            when = next((p for p in dates if year_in(p)), when)
        rest = re.sub(
            r"以上|以下|未満|以内|超|程度|削減|縮減|増加|減少|増|減|を?維持|※\d*|[\s:]"
            r"|(?:を|に|と)(?:目指|めざ|目標|する|します)\S*$",
            "",
            rest,
        )
        if not rest:
            comp = COMPARATOR_AFTER_RE.match(ctx.text[q.end : q.end + 5])
            paren = cell_paren(ctx.text, q.end + (comp.end() if comp else 0))
            return "value", q, paren or when
    if _SKIP_CELL_RE.match(cell) or _COLUMN_LABEL_RE.match(cell):
        return "label", None, None
    if year_at(ctx, s, e) is not None:
        rest = ctx.text[s:e]
        for ys, ye, _ in ctx.years:
            if s <= ys < e:
                rest = rest.replace(ctx.text[ys:ye], "")
        if len(re.sub(r"[\s()]", "", rest)) <= 5:
            return "label", None, None  # '平成19年度調査', 'R6年度末', '平成13年実績'
    return "text", None, None


def _with_era(ctx: Ctx, label: str, pos: int) -> str:
    """'32年度' in a row whose baseline reads '平成28年度': the era written before."""
    m = kpi_text.YEAR_RE.search(label)
    if not m or not m["short"]:
        return label
    era = kpi_text.era_before(ctx.text, pos)
    return label[: m.start()] + era + label[m.start() :] if era else label


def _is_change_cell(ctx: Ctx, q: Quantity) -> bool:
    return bool(re.match(r"^(?:増|減|削減)", ctx.text[q.end : q.end + 2]))


_BASE_NOTE_RE = re.compile(r"(?:現状値|基準値)は(.{1,14}?)(?:単年)?の(?:値|数値|実績)")


def _base_note(ctx: Ctx, f: Found) -> None:
    """'… 現状値は令和3年の値': the baseline's date in a note after the row."""
    m = _BASE_NOTE_RE.search(ctx.text)
    if m and f.baseline is not None and f.baseline_date is None and year_in(m[1]):
        f.baseline_date = date_of(m.group(1))


_GOAL_WORDS = re.compile(r"目指|めざ|減少|増加|向上|維持")
# A reason column: how the target was set ('現状値から約22%減少', '…の約2倍').
_REASON_WORDS = re.compile(
    r"目指|めざ|減少|増加|向上|維持|倍|半減|削減|実現|達成|上回|下回|設定"
)


_AIM_WORDS = re.compile(
    rf"{_REASON_WORDS.pattern}|上昇|低下|抑制|目標|以上|以下|未満|以内|→|⇒"
)


_COMPARED_RE = re.compile(
    r"(?:本|当)(?:市|町|村|県)|全国(?:平均)?|(?:県|国)平均|類似団体(?:平均)?|他市町村"
    r"|[\u4e00-\u9fff]{1,4}[市町村県区]"
)


def compared(heads: list[str]) -> bool:
    """A header of places ('本市 | 全国平均', '高松市 岐阜市'): the row compares
    them, it states no target."""
    return sum(bool(_COMPARED_RE.fullmatch(h.strip())) for h in heads) >= 2


def describes(desc: str, name: str) -> bool:
    """`desc` says what the indicator `name` measures ('…を…で除したもの',
    '県内の…の認知件数(暦年)', '…が進んでいるか'), not another indicator."""
    desc = desc.replace(" ", "")
    name = strip_parens(name).replace(" ", "")
    if re.search(r"(?:もの|こと|か)$", strip_parens(desc)) or re.search(
        r"\((?:暦年|年度|各年度?|年間|累計)\)$", desc
    ):
        return True
    shared = any(name[n : n + 4] in desc for n in range(max(1, len(name) - 3)))
    return len(desc) >= len(name) + 3 and shared


def _paren_year(paren: str) -> int | None:
    """The year of a value's parenthesis: '(R4)', '(2023年度)', '(R10.4.1)',
    the last of a range '(R2~R6年度)'."""
    when = cell_date(paren)
    if when:
        return when[0]
    day = None if year_in(paren) else date_of(paren)
    return day.year if day else year_in(paren)


def _dated(cell: Cell) -> int | None:
    return _paren_year(cell[2]) if cell[0] == "value" and cell[2] else None


def _header_roles(
    values: list[Cell], cols: list[tuple[str, int | None]]
) -> list[tuple[str, int | None]] | None:
    """Roles from a header naming only the target years ('2030年度 | 2040年度 |
    名前 | 179億円 (2024年) | 300億円 | 500億円'): a dated value in front is the
    baseline; alone, it is the current value and the targets are words."""
    if not cols or not all(k == "plain" and y for k, y in cols):
        return None
    since = _dated(values[0])
    if since is None or not all(y and y > since for _, y in cols):
        return None
    if len(values) == len(cols) + 1:
        return [("baseline", None)] + [("target", y) for _, y in cols]
    return [("baseline", None)] * len(values)  # '148人 (2024年) | 解消 | 解消'


def _bounded(ctx: Ctx, cell: Cell) -> bool:
    q = cell[1]
    return q is not None and bool(
        COMPARATOR_AFTER_RE.match(ctx.text[q.end : q.end + 5])
    )


def widening(years: list[int | None]) -> bool:
    """Three rising years, the last further from the second than the second
    from the first: a baseline, a current value and a target ahead, not a
    series of results (H30, R1, R2)."""
    if len(years) != 3 or not all(years):
        return False
    a, b, c = (y or 0 for y in years)
    return a < b < c and c - b > b - a


def _reasoned(values: list[Cell], after: str) -> bool:
    """'1,560 | ― | 1,220 | 現状値から約22%減少': a baseline, a column left
    empty (or a stray number between two dated values) and the target, then
    the reason it was set; not a comment on results ('増加傾向にある')."""
    reason = after.split("|")[0]
    if not _REASON_WORDS.search(reason) or re.search(
        r"傾向|推移|しました|した$|している|となった", reason.strip()
    ):
        return False
    ends = (values[0], values[2])
    middle_bare = values[1][0] == "value" and not values[1][2]
    return values[1][0] == "empty" or middle_bare and all(_dated(c) for c in ends)


def _row_roles(
    ctx: Ctx,
    values: list[Cell],
    cols: list[tuple[str, int | None]],
    after: str,
) -> list[tuple[str, int | None]] | None:
    """Each value cell's role: the header's columns when they fit; else the last
    value is the target, after a baseline when there are two (or a value, then
    '現状維持' cells, or three with a reason after them); None for three or more
    values and no header, and for two dated values and nothing else (a baseline
    and a current value: '31事業 (令和元年度) | 57事業 (令和5年度)')."""
    if cols and all(k in ("base", "current", "actual") for k, _ in cols):
        return None  # the header names no target column ('現状値 | R10 試算値')
    plain = [y for k, y in cols if k == "plain"]
    if len(plain) == len(cols) >= 3:  # years without a label
        if not widening(plain):
            return None  # 'H30 | R1 | R2': a series of results
        if len(values) == 3:  # 'H27 | R2 | R12': baseline, current value, target
            return [("baseline", plain[0]), ("ignore", None), ("target", plain[2])]
    if re.search(r"推計|予測|試算|見込", after.split("|")[0]):
        return None  # '48,512人 | 46,000人 | 人口推計': an estimate
    roles = _header_roles(values, cols)
    if roles is None and len(cols) == len(values):
        roles = _roles(cols)
    if (
        roles is None
        and len(values) == 1 < len(cols)
        and _GOAL_WORDS.search(after.split("|")[0])
    ):
        roles = _roles(cols)[: len(values)]  # '57,277件(28年) | 減少を目指します(32年)'
    if roles is not None:
        return roles
    if len(values) == 1 and re.search(
        r"ゼロ|解消|増加|減少|向上|維持|全|目指|めざ|\d", after.split("|")[0]
    ):
        return None  # '8人 | ゼロ': the current value, then a target in words
    present = [c for c in values if c[0] != "empty"]
    changes = all(c[1] is not None and _is_change_cell(ctx, c[1]) for c in present)
    if len(values) == 1 or len(present) == 1 and values[0][0] == "empty" or changes:
        return [("ignore", None)] * (len(values) - 1) + [("target", None)]
    if len(values) == 2:
        if (
            not cols
            and not after.strip()
            and all(_dated(c) for c in values)
            and not _AIM_WORDS.search(ctx.text)
        ):
            return None
        return [("baseline", None), ("target", None)]
    if (
        values[0][0] == "value"
        and all(c[0] == "maintain" for c in values[1:])
        or len(values) == 3
        and not cols
        and _reasoned(values, after)
        or not cols
        and values[0][0] == "value"
        and all(_bounded(ctx, c) for c in values[1:])
        or not cols
        and widening([_dated(c) for c in values])
    ):  # '97.5% | 98.0%以上 | 98.5%以上': a baseline, then targets
        return (
            [("baseline", None)]
            + [("ignore", None)] * (len(values) - 2)
            + [("target", None)]
        )
    if _evaluated(values, cols, after):
        return [("baseline", None), ("target", None), ("ignore", None)]
    return None  # three or more values and no header: a table of results


def _evaluated(
    values: list[Cell], cols: list[tuple[str, int | None]], after: str
) -> bool:
    """A KPI evaluation sheet's row without its header ('町会・自治会加入率 60.8%
    67.6% 60.1%': 基準値, 目標値, 実績値): three bare values of one unit, no year,
    the middle one beyond both others, as a target is beyond its start and the
    result short of it; a series of results rises or falls instead."""
    if cols or len(values) != 3 or after.strip():
        return False
    if any(c[0] != "value" or c[1] is None or c[2] for c in values):
        return False
    base, goal, result = (c[1] for c in values)
    if len({base.unit, goal.unit, result.unit}) != 1 or not goal.unit:
        return False
    return goal.value > max(base.value, result.value) or goal.value < min(
        base.value, result.value
    )


def _cell_period(ctx: Ctx, q: Quantity) -> str | None:
    """'年12人' or '12人/年': per year; '5年間で3人': cumulative."""
    before = ctx.text[max(0, q.start - 8) : q.start]
    if q.per_year or re.search(r"(?:^|[|\s])(?:年間?|毎年度?)$", before):
        return "year"
    if re.search(r"\d ?(?:年間|か年|カ年|ヵ年)で?$|累計$", before):
        return "cumulative"
    return None


def _other_measure(ctx: Ctx, f: Found, target: Quantity) -> None:
    """'250,000m2 | 10%削減': a baseline in another unit than the target (a
    level, then a change) is not the target's baseline."""
    base = next(
        (q for q in ctx.values if f.spans.get("baseline") == ctx.span(q.start, q.end)),
        None,
    )
    if base is not None and base.unit and target.unit and base.unit != target.unit:
        f.baseline, f.baseline_date = None, None
        f.spans.pop("baseline")


def fill_row(
    ctx: Ctx,
    name: tuple[str, Span],
    cells: list[Cell],
    cols: list[tuple[str, int | None]],
    unit: str,
    after: str = "",
) -> Found | None:
    values = [c for c in cells if c[0] in ("value", "empty", "maintain")]
    while values and values[-1][0] == "empty":
        values.pop()
    if not any(c[0] == "value" for c in values):
        return None
    roles = _row_roles(ctx, values, cols, after)
    if roles is None:
        return None
    plain, from_name = unit_from_name(name[0])
    f = Found(name=plain, unit="")
    f.spans["name"] = name[1]
    last_target = None
    used_before = set(ctx.used)  # a row that yields no indicator uses no value
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
            when = cell_date(paren) if paren else None
            label = (
                when[1]
                if when
                else paren
                if paren and _paren_year(paren)
                else (ctx.column_labels.get(year) if year else None)
            )
            set_baseline(ctx, f, q, label)
        elif role == "target":
            fy = year or (_paren_year(paren) if paren else None)
            if fy is not None:
                f.targets[fy] = q.value
            last_target = (q, fy)
    if last_target is not None:
        q, fy = last_target
        f.target, f.deadline_fy = q.value, fy
        f.spans["target"] = ctx.span(q.start, q.end)
        f.per = _cell_period(ctx, q) or f.per
        _other_measure(ctx, f, q)
    if f.target is None:
        ctx.used.intersection_update(used_before)
        return None
    if len(f.targets) < 2:
        f.targets = {}
    units = [c[1] for c in values if c[1] is not None and c[1].unit]
    unit_q = (
        last_target[0]
        if last_target and last_target[0].unit
        else next(iter(units), None)
    )
    _base_note(ctx, f)
    if f.per is None and re.search(r"単年度", name[0]):
        f.per = "year"  # '…参加者数(単年度)'
    elif f.per is None and re.search(r"累計", name[0] + after):
        f.per = "cumulative"  # '… 増加を目指す 結成数(累計)'
    by = re.search(r"(.{2,12}?)まで(?:に|で)", after)
    if f.deadline_fy is None and by and kpi_text.YEAR_RE.search(by.group(1)):
        f.deadline_fy = year_in(by.group(1))  # a reason: '2029年までに…半減'
    if unit_q is not None:
        f.unit = unit_q.unit
    elif scale := (unit_scale(unit) if unit else None) or from_name:
        scaled(f, *scale)
    return f
