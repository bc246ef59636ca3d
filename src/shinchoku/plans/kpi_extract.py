"""Candidate KPI indicators from the text of one program of a reform plan.

The city's progress report states its numeric goals in prose: "4年間で電子決裁対象
文書の電子決裁率90%以上を目指す(令和3年4月1日現在:62.3%)". This module turns such
sentences into candidate indicators (name, unit, direction, comparator, final
target and deadline, per-FY targets, baseline, per-FY actuals, relative rules and
the source sentences) for a person to review. It is pure Python: no database, no
network, no model; deterministic and linear in the size of the text.

Columns and what their numbers mean (see tests/data/kpi_labels.json "_policy"):

* policy points (主な取組の方向性): final targets and baselines
  "(令和3年4月1日現在:N)", "(令和2年度実績:...)", "(現状値:N)".
* achievements under FY N (令和N年度までの取組実績): stated values of a measure
  ("応募件数は29件であった", "令和4年度末での電子決裁率73.7%") are actuals; counts
  of activities ("周知イベントを1回開催した") are not, because the column covers
  the whole period through FY N and cannot pin them to one year. A 目標額 there
  is the target of FY N.
* plan under FY N (令和N年度当初予定/設定目標): targets of FY N, or final targets
  when the sentence names a deadline; "(N unit)" alone is the status at the end
  of FY N-1 (the column heading says 設定目標(前年度末の状況)).

Money is normalised to 千円 (万円 x 10, 円 / 1000): the city's budget tables count
in 千円, so targets and actuals line up with them without conversion.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Literal

from shinchoku.common import wareki
from shinchoku.document.kpi import (
    PREVIOUS_FY_RULE,
    Direction,
    Indicator,
    Observation,
    plain_number,
    relative_step,
)
from shinchoku.plans import kpi_text

Column = Literal["policy", "achievements", "plan"]
FactKind = Literal["target", "fy_target", "baseline", "actual", "relative"]


# --------------------------------------------------------------------- input


@dataclass
class YearText:
    """Bullets of one fiscal year: achievements through that FY, and its plan."""

    achievements: list[str] = field(default_factory=list)
    plan: list[str] = field(default_factory=list)


@dataclass
class ProgramText:
    """The text of one program: policy bullets and bullets per fiscal year."""

    number: int
    policy_points: list[str]
    years: dict[int, YearText] = field(default_factory=dict)


# ------------------------------------------------------------------- lexicon

# Counters name a count of things; the indicator name gets "<counter>数".
COUNTERS = (
    "団体",
    "手続",
    "業務",
    "事業",
    "施設",
    "項目",
    "か所",
    "件",
    "回",
    "園",
    "人",
    "校",
    "台",
    "社",
    "冊",
)
MONEY_TO_THOUSAND_YEN = {"億円": 100_000.0, "万円": 10.0, "千円": 1.0, "円": 0.001}
OTHER_UNITS = ("%", "時間", "日", "ポイント")
UNIT_ALIASES = {"名": "人", "箇所": "か所", "カ所": "か所", "ヶ所": "か所"}
_ALL_UNITS = sorted(
    {*COUNTERS, *MONEY_TO_THOUSAND_YEN, *OTHER_UNITS, *UNIT_ALIASES},
    key=len,
    reverse=True,
)
_UNIT_ALT = "|".join(re.escape(u) for u in _ALL_UNITS)

# A number is not glued to Latin letters, digits or a dot before it: "No.8",
# "R5", "1.5" inside "11.5". Thousands need exactly three digits after a comma.
QTY_RE = re.compile(
    rf"(?<![A-Za-z0-9.,])(?P<num>\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.(?P<frac>\d+))?"
    rf" ?(?P<unit>{_UNIT_ALT})"
)
COMPARATOR_RE = re.compile(r" ?(以上|以下|以内|未満|超過|超え|超|を超える|ちょうど)")
COMPARATORS = {
    "以上": "以上",
    "以下": "以下",
    "以内": "以内",
    "未満": "未満",
    "超過": "超",
    "超え": "超",
    "超": "超",
    "を超える": "超",
    "ちょうど": "ちょうど",
}
LOWER_IS_BETTER = {"以下", "以内", "未満"}
HIGHER_IS_BETTER = {"以上", "超"}
# Verbs after a value that say the measure should go down (N時間削減する).
_REDUCE_RE = re.compile(r"^(?:の|まで|へ|に)?(?:削減|縮減|減少|抑制|減ら|抑え)")
# After value (+ comparator) and an optional "(令和7年度まで)": a goal verb.
_GOAL_RE = re.compile(
    r"^(?:程度|前後|ほど)?(?: ?\([^()]*\))? ?"
    r"(?:を目指|を目標|を目途|とする|にする|を維持|まで(?:増|引)|に(?:増や|引き上|減ら|抑え)"
    r"|の[^、。]{1,30}?を(?:目指|目標))"
)
# What follows a stated value in the achievements column.
_STATEMENT_RE = re.compile(
    r"^(?:であった|だった|となった|となり|とした|とし|に達した|に増加|に減少|に向上"
    r"|を達成|で(?:あり|ある)|[。)]|$)"
)
# A count that scopes something else: "2事業で9団体", "26手続のうち".
_QUALIFIER_AFTER_RE = re.compile(
    r"^(?:で(?!あ)|のうち|中|分の|ずつ|ごと|に関し|にわたり|当たり|あたり|目)"
)
_BASELINE_MARK_RE = re.compile(
    r"(?P<mark>(?:(?:令和|平成)(?:\d+|元)年(?:\d+月)?(?:\d+日)?(?:現在|時点))"
    r"|(?:(?:令和|平成)(?:\d+|元)年度(?:末)?(?:実績|現在|時点))"
    r"|現状値|現状|基準値) ?:"
)
_YEARS_RE = re.compile(r"(\d+)年間で")
_UNTIL_FY_RE = re.compile(r"(?P<era>令和|平成)(?P<year>\d+|元)年度(?:末)?まで")
_PREVIOUS_FY_RE = re.compile(r"前年度(?:の)?実績(?:値)?(?:以上|を上回)")
_PER_YEAR_TAIL_RE = re.compile(r"(?:1年に|1年間に|毎年度?|年度ごとに|年に)$")
_GROWTH_RE = re.compile(r"拡大|増加|増や|拡充|追加")
_TARGET_WORD_RE = re.compile(r"(?:目標金額|目標額|目標値|目標)$")

# Expressions removed from a name: times, periods, anaphora, qualifiers.
_ERA = r"(?:令和|平成)(?:\d+|元)"
_NAME_NOISE_RE = re.compile(
    rf"{_ERA}年度(?:末|当初|中)?(?:まで(?:に|の間)?|での|時点で?|の|に|は|で)?"
    rf"|{_ERA}年(?:\d+月)?(?:\d+日)?(?:現在|時点)?(?:で|の|に|から|まで)?"
    r"|\d+年間で|\d+年間に|\d+年に|毎年度?|年度ごとに"
    rf"|\d[\d,.]*(?:{_UNIT_ALT})で(?!あ)"
)
_ANAPHORA_RE = re.compile(r"^(?:上記|前記|当該)(?:による|に係る|の)?")
_TRAILING_PARTICLE_RE = re.compile(
    r"(?:について|における|では|には|が|は|を|も|で|の|に|と|約|およそ|概ね|年間)$"
)
_TRAILING_PAREN_RE = re.compile(r"\([^()]*\)$")
MEASURE_SUFFIXES = ("数", "率", "額", "時間", "割合", "量", "費", "金", "高", "度")
# Nouns: kanji, katakana (without the middle dot ・), Latin letters, digits.
_NOUN_CHAR_RE = re.compile(r"[\u3005\u4e00-\u9fff\u30a1-\u30fa\u30fcA-Za-z0-9]")
_CLAUSE_STOPS = frozenset("、。:;「」『』")
_DIGIT_RE = re.compile(r"\d")  # what QTY_RE's numbers start with
MAX_PHRASE = 120  # characters looked back for a name; real names are < 40


# --------------------------------------------------------------- text helpers


def normalize(text: str) -> str:
    """NFKC (full-width digits, parentheses, colons and % become ASCII) with
    white space collapsed."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()


def sentences(bullet: str) -> list[str]:
    """Split a bullet after each "。"; a lone "(9団体)" stays with the sentence it
    annotates, so its source reads '応募団体8団体以上を目指す。(9団体)'."""
    out: list[str] = []
    for part in re.split(r"(?<=。)", bullet.strip()):
        if not part.strip():
            continue
        if out and re.fullmatch(r"\s*[((][^()()]*[))]\s*", part):
            out[-1] += part
        else:
            out.append(part.strip())
    return out


def parse_number(num: str, frac: str | None = None) -> float:
    """'1,000' → 1000.0; ('62', '3') → 62.3."""
    digits = num.replace(",", "")
    return float(f"{digits}.{frac}") if frac else float(digits)


@dataclass(frozen=True)
class _Parens:
    """Innermost parenthesis around each position, computed in one pass so that
    looking it up per number stays linear in the sentence."""

    open_at: list[int]  # index of the innermost "(" open at each position, or -1
    close_of: dict[int, int]  # "(" index → ")" index (end of text if unclosed)

    @classmethod
    def of(cls, text: str) -> _Parens:
        open_at: list[int] = []
        close_of: dict[int, int] = {}
        stack: list[int] = []
        for i, ch in enumerate(text):
            if ch == ")" and stack:
                close_of[stack.pop()] = i
            open_at.append(stack[-1] if stack else -1)
            if ch == "(":
                stack.append(i)
        close_of.update((i, len(text)) for i in stack)
        return cls(open_at, close_of)

    def around(self, pos: int) -> tuple[int, int] | None:
        start = self.open_at[pos]
        return (start, self.close_of[start]) if start >= 0 else None


def _clause_start(text: str, end: int) -> int:
    """Where the clause ending at `end` starts: after a 、。: or an unmatched "(",
    skipping over balanced parentheses such as マイナポータル(ぴったりサービス).
    A name is never longer than MAX_PHRASE, which keeps the scan linear."""
    depth = 0
    lower = max(0, end - MAX_PHRASE)
    for j in range(end - 1, lower - 1, -1):
        ch = text[j]
        if ch == ")":
            depth += 1
        elif ch == "(":
            if depth == 0:
                return j + 1
            depth -= 1
        elif depth == 0 and ch in _CLAUSE_STOPS:
            return j + 1
    return lower


def clean_name(phrase: str) -> str:
    """Reduce the phrase before a number to an indicator name: drop times and
    periods, qualifying counts, anaphora, a trailing parenthesis and particles."""
    name = _NAME_NOISE_RE.sub("", phrase).strip(" ・")
    name = _ANAPHORA_RE.sub("", name)
    previous = None
    while previous != name:
        previous = name
        name = _TRAILING_PAREN_RE.sub("", name).strip()
        name = _TRAILING_PARTICLE_RE.sub("", name).strip()
    return name


def head_noun(phrase: str) -> str:
    """The compound noun that ends a phrase: '…のためのクラウドファンディング' →
    'クラウドファンディング'."""
    i = len(phrase)
    while i > 0 and _NOUN_CHAR_RE.match(phrase[i - 1]):
        i -= 1
    return phrase[i:]


def with_counter(name: str, unit: str) -> str:
    """Make a name say what is counted: 応募団体 + 団体 → 応募団体数, 人財の森周知
    イベント + 回 → 人財の森周知イベント回数, クラウドファンディング + 千円 → …額."""
    if not name or name.endswith(MEASURE_SUFFIXES):
        return name
    if unit in COUNTERS:
        return name + ("数" if name.endswith(unit) else f"{unit}数")
    if unit == "千円":
        return name + "額"
    return name


@functools.lru_cache(maxsize=256)
def _first_object(text: str) -> str:
    """The clause-bounded phrase before the first を of a text, cleaned."""
    idx = text.find("を")
    if idx <= 0:
        return ""
    return clean_name(text[_clause_start(text, idx) : idx])


# ------------------------------------------------------------------ scanning


@dataclass
class Fact:
    kind: FactKind
    name: str | None  # None: take the name of the bullet's previous fact
    unit: str
    value: float | str
    when: int | None = None  # FY of the target/actual, deadline of a target
    comparator: str | None = None
    direction: Direction | None = None
    baseline_date: dt.date | None = None
    baseline_fy: int | None = None
    how: Literal["statement", "previous_fy"] = "statement"
    source: str = ""
    fallback_name: str = ""


@dataclass(frozen=True)
class _Context:
    column: Column
    fy: int | None
    plan_first_fy: int
    plan_last_fy: int


@dataclass(frozen=True)
class _Qty:
    value: float
    unit: str
    start: int
    end: int  # end of the unit


_COMPOUND_HEAD_RE = re.compile(r"(?<![\d.,])\d[\d,]*(?:\.\d+)?億(?:\d[\d,]*万)?$")


def _quantities(text: str) -> list[_Qty]:
    """Numbers with a unit, minus dates, ordinals, ranges and per-item counts."""
    out: list[_Qty] = []
    for m in QTY_RE.finditer(text):
        start, end = m.start(), m.end()
        before = text[max(0, start - 3) : start]
        unit = UNIT_ALIASES.get(m["unit"], m["unit"])
        if before.endswith(("第", "各", "~", "-", "No.", "No")):
            continue  # 第3回, 各1回, 5~10回
        if unit == "日" and before.endswith("月"):
            continue  # 9月17日
        value = parse_number(m["num"], m["frac"])
        money = unit in MONEY_TO_THOUSAND_YEN
        head = money and _COMPOUND_HEAD_RE.search(text, max(0, start - 24), start)
        if head:
            # '3億2,000万円': the 億 part comes before the match.
            start = head.start()
            value = kpi_text.quantities(text[start:end])[0].value
            unit = "千円"
        elif money:
            value = round(value * MONEY_TO_THOUSAND_YEN[unit], 6)
            unit = "千円"
        out.append(_Qty(value, unit, start, end))
    return out


def _comparator(text: str, qty: _Qty) -> tuple[str | None, int]:
    """The comparator right after a quantity (or ちょうど before it) and the index
    where the text after them starts."""
    m = COMPARATOR_RE.match(text, qty.end)
    if m:
        return COMPARATORS[m.group(1)], m.end()
    if text[: qty.start].endswith("ちょうど"):
        return "ちょうど", qty.end
    return None, qty.end


def _direction(comparator: str | None, rest: str) -> Direction:
    if comparator in LOWER_IS_BETTER:
        return "lower"
    if comparator in HIGHER_IS_BETTER:
        return "higher"
    return "lower" if _REDUCE_RE.match(rest) else "higher"


@functools.lru_cache(maxsize=64)
def _deadline_marks(text: str, plan_first_fy: int) -> tuple[tuple[int, int], ...]:
    """(position, FY) of every 'N年間で' and '令和N年度まで' of a sentence."""
    found = [
        (m.start(), plan_first_fy + int(m.group(1)) - 1)
        for m in _YEARS_RE.finditer(text)
    ]
    found.extend(
        (m.start(), wareki.era_to_western(m["era"], m["year"]))
        for m in _UNTIL_FY_RE.finditer(text)
    )
    return tuple(found)


def _deadline(text: str, qty: _Qty, after: int, ctx: _Context) -> int | None:
    """The deadline FY of a target: '(令和7年度まで)' right after it, else the
    nearest 'N年間で' / '令和N年度まで' in the sentence, preferring one before it."""
    paren = re.match(
        r" ?\(((?:令和|平成)(?:\d+|元)年度(?:末)?まで(?:に)?)\)", text[after:]
    )
    if paren:
        return wareki.parse_fiscal_year(paren.group(1))
    found = _deadline_marks(text, ctx.plan_first_fy)
    if not found:
        return None
    before = [f for f in found if f[0] < qty.start]
    _, fy = max(before) if before else min(found)
    return fy


def _name_from_context(text: str, qty: _Qty, after: int) -> str:
    """A name when nothing precedes the number in its clause, tried in order:
    the topic 'Xについて、'; a measure after the number ('約2億円の効果額を目指す');
    the sentence's opening 'Xは'; the object of the clause that follows
    ('1年に1業務以上、ICTを活用した業務を拡大')."""
    window = text[max(0, qty.start - MAX_PHRASE) : qty.start]
    topic = re.search(r"([^、。()]+?)について[、,]?[^、。]*$", window)
    if topic:
        return clean_name(topic.group(1))
    # '約2億円の効果額を目指す': the measure follows the number.
    m = re.match(r"(?:以上|以下|程度)?の([^、。を]{1,30})を(?:目指|目標)", text[after:])
    if m:
        return clean_name(m.group(1))
    # '参加者数は前年度より増加し、120人となった': the sentence's topic.
    m = re.match(r"([^、。()]{1,30}?)は", window)
    if m:
        return clean_name(m.group(1))
    m = re.match(r"、([^、。]*)", text[after:])
    if m and "を" in m.group(1):
        clause = m.group(1)
        return clean_name(clause[: clause.rindex("を")])
    return ""


def _scan_sentence(text: str, source: str, bullet: str, ctx: _Context) -> list[Fact]:
    """Facts of one sentence (`text` normalised, `source` as written); `bullet`
    is the whole normalised bullet, where fallback names are looked for."""
    facts: list[Fact] = []
    quantities = _quantities(text)
    if not quantities:
        return facts  # a relative rule alone is only kept beside a number
    parens = _Parens.of(text)
    for qty in quantities:
        if _QUALIFIER_AFTER_RE.match(text, qty.end):
            continue
        span = parens.around(qty.start)
        if span is not None:
            fact = _paren_fact(text, qty, span, ctx)
            if fact is not False:
                if fact is not None:
                    fact.source = source
                    fact.fallback_name = _first_object(bullet)
                    facts.append(fact)
                continue
        fact = _plain_fact(text, qty, bullet, ctx)
        if fact is not None:
            fact.source = source
            fact.fallback_name = fact.fallback_name or _first_object(bullet)
            facts.append(fact)
    if _PREVIOUS_FY_RE.search(text):
        for fact in list(facts):
            facts.append(
                Fact(
                    "relative",
                    fact.name,
                    fact.unit,
                    PREVIOUS_FY_RULE,
                    direction="higher",
                    source=source,
                    fallback_name=fact.fallback_name,
                )
            )
    return facts


def _paren_fact(
    text: str, qty: _Qty, span: tuple[int, int], ctx: _Context
) -> Fact | Literal[False] | None:
    """A quantity inside parentheses: '(9団体)' (previous FY's actual) or a
    baseline '(令和3年4月1日現在:62.3%)'. False: an ordinary parenthesis, to be
    read like running text ('(…、目標額1,000千円)')."""
    content = text[span[0] + 1 : span[1]].strip()
    if content == text[qty.start : qty.end]:
        if ctx.column != "plan" or ctx.fy is None:
            return None
        return Fact("actual", None, qty.unit, qty.value, ctx.fy - 1, how="previous_fy")
    mark = _BASELINE_MARK_RE.search(text, span[0] + 1, qty.start)
    if mark is None:
        return False
    if ctx.column != "policy":
        return None
    item = text[_clause_start(text, qty.start) : qty.start]
    name = with_counter(clean_name(item), qty.unit) or None
    fact = Fact("baseline", name, qty.unit, qty.value)
    label = mark["mark"]
    if "年度" in label:
        fact.baseline_fy = wareki.parse_fiscal_year(label)
    elif "日" in label:
        fact.baseline_date = wareki.parse_date(label)
    else:
        # An undated 現状値 is as of the plan's first day, when the policy
        # column was written (every dated baseline of the seed says so too).
        fact.baseline_date = dt.date(ctx.plan_first_fy, 4, 1)
    return fact


def _plain_fact(text: str, qty: _Qty, bullet: str, ctx: _Context) -> Fact | None:
    comparator, after = _comparator(text, qty)
    rest = text[after:]
    raw = text[_clause_start(text, qty.start) : qty.start]
    name = clean_name(raw)
    phrase_fy = _phrase_fy(raw)
    target_word = _TARGET_WORD_RE.search(name)
    if target_word:
        # 目標額は1,000千円: the sum is the target of what the bullet funds.
        base = clean_name(name[: target_word.start()])
        name = with_counter(base or head_noun(_object_phrase(bullet)), qty.unit)
        return _target_fact(text, qty, after, name, comparator, rest, ctx)
    if _PER_YEAR_TAIL_RE.search(raw.strip()) and _GROWTH_RE.search(text):
        if ctx.column == "achievements":
            return None
        name = name or _name_from_context(text, qty, after)
        rule = f"1年に{_fmt(qty.value)}{qty.unit}{comparator or ''}"
        return Fact(
            "relative",
            with_counter(name, qty.unit) or None,
            qty.unit,
            rule,
            direction="higher",
        )
    if not name:
        name = _name_from_context(text, qty, after)
    name = with_counter(name, qty.unit)
    if comparator is None and _REDUCE_RE.match(rest) and ctx.column != "achievements":
        # '200時間の削減': an amount to take off the baseline, not a level.
        rule = f"{_fmt(qty.value)}{qty.unit}削減"
        return Fact("relative", name or None, qty.unit, rule, direction="lower")
    if ctx.column == "achievements":
        if not name or not _STATEMENT_RE.match(rest):
            return None
        fy = phrase_fy or ctx.fy
        return Fact("actual", name, qty.unit, qty.value, fy, how="statement")
    if comparator is None and not _GOAL_RE.match(rest):
        return None
    return _target_fact(text, qty, after, name or None, comparator, rest, ctx)


def _target_fact(
    text: str,
    qty: _Qty,
    after: int,
    name: str | None,
    comparator: str | None,
    rest: str,
    ctx: _Context,
) -> Fact:
    deadline = _deadline(text, qty, after, ctx)
    direction = _direction(comparator, rest)
    if deadline is None and ctx.column != "policy" and ctx.fy is not None:
        return Fact(
            "fy_target", name, qty.unit, qty.value, ctx.fy, comparator, direction
        )
    when = deadline if deadline is not None else ctx.plan_last_fy
    return Fact("target", name, qty.unit, qty.value, when, comparator, direction)


@functools.lru_cache(maxsize=256)
def _object_phrase(bullet: str) -> str:
    idx = bullet.find("を")
    return bullet[:idx] if idx > 0 else bullet


def _phrase_fy(raw: str) -> int | None:
    """'令和5年度職員定数を' → 2023: a FY written in the measure phrase."""
    years = wareki.find_fiscal_years(raw)
    return years[0] if years else None


def _fmt(value: float) -> str:
    return str(plain_number(value))


# ------------------------------------------------------------------- merging


def _boundary_suffix(long: str, short: str) -> bool:
    """`short` ends `long` at a word boundary: 電子決裁対象文書の電子決裁率 /
    電子決裁率 yes, 応募団体数 / 団体数 no (募 and 団 are one compound)."""
    if len(long) <= len(short) or not long.endswith(short):
        return False
    return not _NOUN_CHAR_RE.match(long[-len(short) - 1])


def _same_indicator(ind: Indicator, name: str, unit: str) -> bool:
    if ind.unit != unit:
        return False
    return any(
        n == name or _boundary_suffix(n, name) or _boundary_suffix(name, n)
        for n in ind.aliases
    )


def _apply(ind: Indicator, fact: Fact) -> None:
    if fact.source and fact.source not in ind.sources:
        ind.sources.append(fact.source)
    if fact.kind == "target":
        _apply_target(ind, fact)
    elif fact.kind == "fy_target":
        assert fact.when is not None and isinstance(fact.value, float)
        ind.targets.setdefault(fact.when, fact.value)
        ind.comparator = ind.comparator or fact.comparator
        ind.direction = ind.direction or fact.direction
    elif fact.kind == "baseline":
        if ind.baseline is None:
            ind.baseline = float(fact.value)
            ind.baseline_date, ind.baseline_fy = fact.baseline_date, fact.baseline_fy
    elif fact.kind == "actual":
        _apply_actual(ind, fact)
    else:
        ind.relative = ind.relative or str(fact.value)
        ind.relative_step = relative_step(ind.relative)
        ind.direction = ind.direction or fact.direction


def _apply_target(ind: Indicator, fact: Fact) -> None:
    value = float(fact.value)
    if ind.target is None:
        ind.target, ind.deadline_fy = value, fact.when
        # The final target's comparator and direction outrank a FY target's.
        ind.comparator = fact.comparator or ind.comparator
        ind.direction = fact.direction or ind.direction
    elif (ind.target, ind.deadline_fy) != (value, fact.when):
        ind.notes.append(
            f"another final target {_fmt(value)} by FY{fact.when}: {fact.source}"
        )


def _apply_actual(ind: Indicator, fact: Fact) -> None:
    assert fact.when is not None
    value = float(fact.value)
    known = ind.actuals.get(fact.when)
    if known is not None and known != value:
        ind.notes.append(f"FY{fact.when} actual {_fmt(value)} vs {_fmt(known)}")
    ind.observations.append(Observation(fact.when, value, fact.how, fact.source))


def _merge(facts: list[Fact]) -> list[Indicator]:
    indicators: list[Indicator] = []
    for fact in facts:
        assert fact.name
        ind = next(
            (i for i in indicators if _same_indicator(i, fact.name, fact.unit)), None
        )
        if ind is None:
            ind = Indicator(name=fact.name, unit=fact.unit)
            indicators.append(ind)
        if fact.name not in ind.aliases:
            ind.aliases.append(fact.name)
        # The shortest form is the canonical name: the one the sentences share.
        ind.name = min(ind.aliases, key=len)
        _apply(ind, fact)
    return indicators


def _resolve_names(bullet_facts: list[Fact]) -> None:
    """Unnamed facts ('(9団体)', '(令和3年4月1日現在:62.3%)') take the name of
    the bullet's previous fact with the same unit, else the bullet's object."""
    for i, fact in enumerate(bullet_facts):
        if fact.name:
            continue
        prior = (
            f.name for f in reversed(bullet_facts[:i]) if f.unit == fact.unit and f.name
        )
        fact.name = next(prior, None) or with_counter(fact.fallback_name, fact.unit)


# ------------------------------------------------------------------- public


def _bullets(program: ProgramText) -> list[tuple[Column, int | None, str]]:
    out: list[tuple[Column, int | None, str]] = [
        ("policy", None, b) for b in program.policy_points
    ]
    for fy in sorted(program.years):
        year = program.years[fy]
        out.extend(("achievements", fy, b) for b in year.achievements)
        out.extend(("plan", fy, b) for b in year.plan)
    return out


def scan_bullet(
    bullet: str,
    column: Column,
    fy: int | None,
    plan_first_fy: int,
    plan_last_fy: int,
) -> list[Fact]:
    """Facts of one bullet, names resolved (exposed for tests and debugging)."""
    ctx = _Context(column, fy, plan_first_fy, plan_last_fy)
    whole = normalize(bullet)
    if not _DIGIT_RE.search(whole):
        return []  # no digit once normalised (① → 1, ３ → 3): no quantity
    facts: list[Fact] = []
    for sentence in sentences(bullet):
        facts.extend(_scan_sentence(normalize(sentence), sentence, whole, ctx))
    _resolve_names(facts)
    return [f for f in facts if f.name]


def clear_caches() -> None:
    """Forget the per-bullet lookups cached across calls (benchmarks measure
    cold runs with it)."""
    for fn in (_first_object, _object_phrase, _deadline_marks):
        fn.cache_clear()


def extract_indicators(
    program: ProgramText, plan_first_fy: int, plan_last_fy: int
) -> list[Indicator]:
    """Candidate indicators of one program, in the order they are first met."""
    facts: list[Fact] = []
    for column, fy, bullet in _bullets(program):
        facts.extend(scan_bullet(bullet, column, fy, plan_first_fy, plan_last_fy))
    return _merge(facts)


def program_text(program) -> ProgramText:
    """A program of the plan document (document.model.ParsedProgram) as the
    extractor's input."""
    return ProgramText(
        number=program.number,
        policy_points=list(program.policy_points),
        years={
            fy: YearText(
                achievements=list(y.achievements or []), plan=list(y.plan or [])
            )
            for fy, y in sorted(program.years.items())
        },
    )


def extract_plan(
    programs: list[ProgramText], plan_first_fy: int, plan_last_fy: int
) -> dict[int, list[Indicator]]:
    """{program number: indicators} for a whole plan."""
    return {
        p.number: extract_indicators(p, plan_first_fy, plan_last_fy) for p in programs
    }
