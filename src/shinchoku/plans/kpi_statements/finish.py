"""What every form's indicators get last: the comparator, a change rather than
a level, the direction and the period a value counts; and one reading per
target when several forms read the same one."""

from __future__ import annotations

import re

from shinchoku.plans import kpi_text
from shinchoku.plans.kpi_statements.context import Ctx, norm_pos
from shinchoku.plans.kpi_statements.found import Found
from shinchoku.plans.kpi_statements.lexicon import (
    COMPARATOR_AFTER_RE,
    COMPARATOR_BEFORE_RE,
    COMPARATORS,
    LOWER_WORDS,
)
from shinchoku.plans.kpi_statements.values import date_of


def finish(ctx: Ctx, f: Found, q_end: int | None) -> Found:
    """`f` with its comparator, change, direction and period read from the words
    after its target (which ends at `q_end` in the normalised text)."""
    if (
        f.target is not None
        and f.target < 0
        and q_end is not None
        and re.search(r"(?:削減|縮減)(?:数値)?目標(?:値)?は", ctx.text[:q_end])
    ):  # 'その削減目標は、…△4.6%': the size of the cut
        f.target, f.change, f.direction = -f.target, True, "lower"
    after = ctx.text[q_end : q_end + 30] if q_end is not None else ""
    after_clean = re.sub(r"^\)? ?(?:\([^()]*\) ?)*", "", after)
    if f.comparator is None:
        after_clean = _comparator(ctx, f, q_end, after, after_clean)
    after_clean = _change(ctx, f, q_end, after, after_clean)
    _direction(f, after_clean)
    if f.per is None:
        f.per = _period(ctx, f, q_end)
    if not f.unit:
        named = re.search(r"\(([^()/]{1,4})(?:/ ?年)?\)$", f.name)
        if named and named.group(1) in kpi_text.UNIT_FORMS:
            f.unit = named.group(1)
    return f


def _comparator(
    ctx: Ctx, f: Found, q_end: int | None, after: str, after_clean: str
) -> str:
    """Sets `f.comparator` from the words around the target ('以上', '≧',
    '…を維持', '…を下限'); returns what follows the target past a comparator."""
    m = COMPARATOR_AFTER_RE.match(after_clean)
    if m:
        f.comparator = COMPARATORS[m.group(1).replace(" ", "")]
        after_clean = after_clean[m.end() :]
    elif q_end is not None:
        start = f.spans.get("target")
        if start:
            m2 = COMPARATOR_BEFORE_RE.search(ctx.text[: norm_pos(ctx, start[0])])
            if m2:
                f.comparator = COMPARATORS[m2.group(1)]
    if not m and re.match(
        r"^ ?(?:程度|前後|台)?(?:\([^()]*\))? ?(?:を|の|に|である現状を)?(?:維持|継続|キープ)"
        r"|^ ?(?:程度|前後)?の[^、。をがは]{2,12}?を? ?維持",
        after_clean,
    ):  # '25億円以上の維持' keeps its bound; '5,000人程度の人口を維持'
        f.comparator = "維持"
    capped = re.match(r"^ ?を[^、。]{0,16}?(?:増加させ|増やさ)ないこと", after)
    if capped and f.spans.get("target"):
        # '平成7年4月1日現在の定員532人を…増加させないことを目標': a cap at the
        # stated level, which is also where it starts from
        f.comparator = "以下"
        at = norm_pos(ctx, f.spans["target"][0])
        stated = re.search(r"(\S{4,16}?)現在の[^、。\d]{0,12}$", ctx.text[:at])
        if f.baseline is None and stated:
            f.baseline, f.spans["baseline"] = f.target, f.spans["target"]
            f.baseline_date = date_of(stated.group(1))
    bound = re.match(r"^ ?(?:\([^()]*\) ?)*を(下限|上限)", after)
    if bound:
        f.comparator = "以上" if bound.group(1) == "下限" else "以下"
    return after_clean


_CHANGE_RE = re.compile(
    r"^(?:程度|前後|余り?)?(?:\([^()]*\) ?)*(?:以上|以下)?(?:を|の)?(?:削減|縮減|圧縮|減員|純減|抑制|減らす|減らし|増加(?!し?た)|増や|増(?!加し?た)|減(?!少し?た))"
    r"|^(?:\([^()]*\) ?)*の[^、。をがは]{2,24}?の(?:削減|縮減|抑制|増加|拡大)"
    r"|^(?:\([^()]*\) ?)*の[^、。をがはの]{2,24}?(?:削減|縮減)(?:を|に)"
    r"|^の[^、。をがはの]{2,24}?を(?:削減|縮減)(?:する|します)"  # 'N%のXを削減します'
)


def _change(ctx: Ctx, f: Found, q_end: int | None, after: str, after_clean: str) -> str:
    """A target that is a change ('430人削減', '+10人'), not a level: sets
    `f.change` (and a lowering direction); returns the words that say so when
    they follow a later value of a list ('20%、3.6時間削減')."""
    text = ctx.text
    spaced_verb = re.match(r" (?:削減|縮減)(?:させ|し|する|します)", after)
    change: re.Match[str] | bool | None = _CHANGE_RE.match(
        re.sub(r"^(?:以上|以下|未満)", "", after[1:] if spaced_verb else after)
        if after[:1] != " " or spaced_verb  # '8% 削減させ': PDF spacing, a verb
        else ""
    )
    listed = re.match(r"^(?:\([^()]*\))?[、,] ?", after)
    if listed and q_end is not None:
        nxt = next((v for v in ctx.values if v.start >= q_end + listed.end()), None)
        if nxt is not None and re.match(
            r"^(?:を|の)?(?:削減|縮減|減ら|増や|増加)", text[nxt.end : nxt.end + 4]
        ):
            change = True  # '20%、3.6時間削減', '140人、4.87パーセントを削減'
            after_clean = re.sub(r"^(?:を|の)", "", text[nxt.end : nxt.end + 10])
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
        raw = ctx.mapped.text[norm_pos(ctx, f.spans["target"][0]) :][:1]
        if raw == "+":
            f.change = True
        elif raw == "半" and f.baseline is None:  # '…の半減をめざします': a 50% cut
            f.change, f.direction = True, "lower"
    return after_clean


_LESS_IS_BETTER_RE = re.compile(
    r"(?:ごみ|廃棄物|食品ロス|温室効果ガス|二酸化炭素)[^、。]{0,8}(?:の?排出量?|量)$"
)


def _direction(f: Found, after_clean: str) -> None:
    """'higher' or 'lower' from the comparator, the words after the target or
    a target below its baseline; none for a target to maintain."""
    if f.comparator == "維持":
        f.direction = None
    elif f.direction is None:
        if f.comparator in ("以下", "未満", "以内"):
            f.direction = "lower"
        elif f.comparator in ("以上", "超"):
            f.direction = "higher"
        elif LOWER_WORDS.match(after_clean) or re.match(
            r"^(?:程度|前後)?(?:の水準)?(?:を|の|まで|に)?(?:削減|縮減|圧縮|減員|抑制|減ら|減少|抑え|引き下げ|下げ)",
            after_clean,
        ):
            f.direction = "lower"
        elif f.baseline is not None and f.target is not None and f.target < f.baseline:
            f.direction = "lower"
        elif f.target == 0 and not re.search(r"増減|動態|収支|均衡", f.name):
            f.direction = "lower"  # '待機児童ゼロ'; a balance may rise to zero
        elif _LESS_IS_BETTER_RE.search(f.name) and f.comparator is None:
            f.direction = "lower"  # a level of waste or emissions is aimed down
        else:
            f.direction = "higher"


_TOTAL_OF_A_YEAR = ("残高", "産出", "算出", "出荷", "生産", "販売", "消費")


def _period(ctx: Ctx, f: Found, q_end: int | None) -> str | None:
    """'cumulative' ('累計', '5年間で') or 'year' ('/年', '毎年度') from the
    words between the name and the target."""
    text = ctx.text
    name_at = norm_pos(ctx, f.spans["name"][0]) if "name" in f.spans else 0
    end = q_end if q_end is not None else len(text)
    begin = max(0, min(name_at, end - 30))
    scope = text[begin : end + 12]
    # '基金残高総額' is a balance, '農業算出総額' a year's output of all products
    total = any(
        text[max(0, m.start() - 2) : m.start()] not in _TOTAL_OF_A_YEAR
        for m in re.finditer("総額", text[: end + 12])
        if m.start() >= begin
    )
    if (
        "累計" in scope
        or total
        or (not f.change and re.search(r"\d+ ?(?:か年|カ年|ヵ年|年間)で", scope))
    ):
        return "cumulative"
    if re.search(
        r"/ ?年|毎年度|毎年 ?[\d,.]|(?:^|[→⇒\s|(])年 ?\d|年度ごとの|(?<!\d)1年に|年間あたり|単年度(?!収支)",
        scope,
    ):
        return "year"
    return None


def distinct(found: list[Found]) -> list[Found]:
    """One reading per target: a labelled row is also a row, and a heading may
    have crept in front of a name ('指標 観光入込客数' and '観光入込客数'); when
    one name ends with the other, the shorter one is the indicator."""
    kept: list[Found] = []
    for f in found:
        if any(
            k.name == f.name and len(k.targets) >= 2 and f.target in k.targets.values()
            for k in kept
        ):
            continue  # one stage of targets already read per year
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
