"""Reading numbers, units and years out of a plan's Japanese text, with the
position of every piece in the text as written.

Plans write the same number many ways: `1,210人`, `１２．５万人`, `2億396万円`,
`95万9千人`, `九百九十万人泊`, `▲420人`, `1・66` (a newspaper's decimal point),
`2,584 千人`, `84,459 百万円`, `3割`, `75㌫`. `normalize()` turns a text into NFKC
with kanji numerals as digits and keeps, for every character of the result, where
it came from, so that what the extractor finds can be highlighted in the original.
`quantities()` then reads each number with its multiplier, sign and unit into a
canonical value: money in 千円 (the unit of municipal budget tables), counts of
people and things as plain counts, 割 as %.

Pure Python, linear in the text; no model, no network.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

from shinchoku.common import wareki

# ------------------------------------------------------------ mapped text


@dataclass
class Mapped:
    """A normalised text and, for each of its characters, the index of the
    original character it came from (`origin[len(text)]` is the original length)."""

    text: str
    origin: list[int]

    @classmethod
    def of(cls, raw: str) -> Mapped:
        return cls(raw, list(range(len(raw) + 1)))

    def sub(
        self,
        pattern: re.Pattern[str],
        repl: Callable[[re.Match[str]], str],
        *,
        at_end: bool = False,
    ) -> Mapped:
        """re.sub keeping the mapping: a replacement's characters all map to the
        start of what they replace (to its last character with `at_end`, for a
        word shortened to the unit that ends a value: 'パーセント' → '%')."""
        if not pattern.search(self.text):
            return self
        out: list[str] = []
        origin: list[int] = []
        last = 0
        for m in pattern.finditer(self.text):
            out.append(self.text[last : m.start()])
            origin.extend(self.origin[last : m.start()])
            new = repl(m)
            out.append(new)
            at = self.origin[m.end() - 1] if at_end and m.end() > m.start() else None
            origin.extend([self.origin[m.start()] if at is None else at] * len(new))
            last = m.end()
        out.append(self.text[last:])
        origin.extend(self.origin[last:])
        return Mapped("".join(out), origin)

    def drop(
        self,
        pattern: re.Pattern[str],
        *groups: str,
    ) -> Mapped:
        """The text without the `groups` that took part in each match; the rest
        keeps its mapping."""
        out: list[str] = []
        origin: list[int] = []
        last = 0
        for m in pattern.finditer(self.text):
            for start, end in (m.span(g) for g in groups if m[g] is not None):
                out.append(self.text[last:start])
                origin.extend(self.origin[last:start])
                last = end
        if not out:
            return self
        out.append(self.text[last:])
        origin.extend(self.origin[last:])
        return Mapped("".join(out), origin)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of text[start:end]."""
        if end <= start:
            return self.origin[start], self.origin[start]
        return self.origin[start], self.origin[end - 1] + 1


_CIRCLED_RE = re.compile(r"[\u2460-\u2473\u2474-\u2487\u2776-\u277f\u24ea]")
_KANJI_DIGITS = "〇零一二三四五六七八九"
_KANJI_NUM_RE = re.compile(
    r"(?<![0-9.,〇零一二三四五六七八九十百千万億兆])"
    r"[〇零一二三四五六七八九十百千万億]*[〇零一二三四五六七八九][〇零一二三四五六七八九十百千万億]*"
)
# '千人', '千百人', '五人' before a counter: a number without a digit kanji, or one
# digit kanji alone (not '一人', a word as often as a number; not '数千人'), in a
# sentence ('毎年千人'; '2,584 千人' and a cell '千人' are a unit)
_KANJI_COUNT_RE = re.compile(
    r"(?<=[\u3040-\u30ff\u4e00-\u9fff:])(?<![〇零一二三四五六七八九十百千万億兆数何幾])"
    r"(?:[十百千][〇零一二三四五六七八九十百千]*|[二三四五六七八九])"
    r"(?=(?:人|件|回|か所|箇所|団体|校|社|名|世帯|施設)(?!当|あた|ひとり))"
)
_DOT_DECIMAL_RE = re.compile(r"(?<=\d)・(?=\d)")
# '四・八七パーセント': a kanji decimal, its point '・', before a unit of ratio
_KANJI_DECIMAL_RE = re.compile(
    r"(?<![〇零一二三四五六七八九十百千万億])([〇零一二三四五六七八九十]+)・([〇零一二三四五六七八九]+)"
    r"(?=パーセント|%|%|ポイント|倍|割)"
)
_SPACE_RE = re.compile(r"\s+")
# A tab is a cell boundary (cells pasted from a spreadsheet), read as ' | '.
_TAB_RE = re.compile(r"[^\S\t\n]*\t[^\S\t\n]*")


def _nfkc_mapped(raw: str) -> Mapped:
    """NFKC character by character, so that each result maps to its source
    (circled numbers were replaced one for one before)."""
    out: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(raw):
        norm = ch if ch < "\u00a0" else unicodedata.normalize("NFKC", ch)
        out.append(norm)
        origin.extend([i] * len(norm))
    origin.append(len(raw))
    return Mapped("".join(out), origin)


def kanji_to_int(text: str) -> int:
    """'九百九十' → 990, '一千四十万' → 10400000, '二〇二一' → 2021."""
    values = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0}
    if not re.search("[十百千万億]", text):
        return int("".join(str(values[c]) for c in text))
    total = section = 0
    num: int | None = None
    for ch in text:
        if ch in values:
            num = values[ch] if num is None else num * 10 + values[ch]
        elif ch in "十百千":
            section += (1 if num is None else num) * {"十": 10, "百": 100, "千": 1000}[
                ch
            ]
            num = None
        else:  # 万 億
            section += num or 0
            total += (section or 1) * (10_000 if ch == "万" else 100_000_000)
            section, num = 0, None
    return total + section + (num or 0)


def _kanji_number(m: re.Match[str]) -> str:
    run = m.group(0)
    after = m.string[m.end() : m.end() + 1]
    before = m.string[m.start() - 1 : m.start()] if m.start() else ""
    if run[0] == "〇" and len(run) > 1 and before in ("", " ", "\n", "|", "。"):
        # '〇二酸化炭素排出量…': the 〇 opening a line is its bullet (no number
        # is written with a leading zero)
        return "〇" + _kanji_run(run[1:], after)
    return _kanji_run(run, after)


def _kanji_run(run: str, after: str) -> str:
    # One kanji digit alone is a word more often than a number (一人一人, 一部,
    # 三つ); it is a number before a calendar word (四年間, 六年).
    if len(run) == 1 and after not in ("年", "月", "日", "割", "か", "ヵ", "カ"):
        return run
    try:
        return str(kanji_to_int(run))
    except (KeyError, ValueError):
        return run


def normalize(raw: str) -> Mapped:
    """NFKC, circled list numbers (①) dropped to a marker, kanji numerals and
    `1・66` made digits, a tab (cells pasted from a spreadsheet) made a cell
    boundary ` | `, runs of white space collapsed to one space."""
    mapped = _nfkc_mapped(_CIRCLED_RE.sub("■", raw))
    mapped = mapped.sub(
        _KANJI_DECIMAL_RE,
        lambda m: (
            f"{kanji_to_int(m.group(1))}."
            + "".join(
                str("〇一二三四五六七八九".find(c))
                for c in m.group(2).replace("零", "〇")
            )
        ),
    )
    mapped = mapped.sub(_KANJI_NUM_RE, _kanji_number)
    mapped = mapped.sub(_KANJI_COUNT_RE, lambda m: str(kanji_to_int(m.group(0))))
    mapped = mapped.sub(_DOT_DECIMAL_RE, lambda m: ".")
    mapped = mapped.sub(_TAB_RE, lambda m: " | ")
    return plain_years(mapped.sub(_SPACE_RE, lambda m: " "))


# '平成25(2013)年', 'R5(2023)年度', '2023(令和5)年度': a year written twice, its
# other calendar in brackets; the bracketed year is dropped.
_ERA_YEAR = r"(?:令和|平成|昭和|(?<![A-Za-z])[RHS]) ?(?:\d{1,2}|元)"
# '令和11年度(2029年度)', '2045年度(令和27年度)', '2013年度(平成25年度末)': a year
# or FY followed by itself in brackets, in either calendar.
_A_YEAR = rf"(?:{_ERA_YEAR}|(?<!\d)(?:19|20)\d{{2}})"
_TWICE_YEAR_RE = re.compile(
    rf"{_ERA_YEAR}(?P<other> ?\((?:19|20)\d{{2}}(?: ?年)?\))(?= ?年|[ )(|]|$)"
    rf"|(?<!\d)(?:19|20)\d{{2}}(?P<other2> ?\({_ERA_YEAR}(?: ?年)?\))(?= ?年)"
    rf"|{_A_YEAR} ?年(?: ?度)?(?P<other3> ?\({_A_YEAR}(?: ?\({_ERA_YEAR}\))? ?年(?: ?度)?(?: ?末)?\))"
)
# A value's year, date or period in other brackets: '5.5‰〔平成25年〕',
# '33.7%[令和5年度]', '82.6【2019年度】', '〔年間〕', '【350人/年】' (not a name or
# heading in 【】: '【自主防災組織率】85.2%').
_BRACKETED_RE = re.compile(r"([【〔\[])([^【】〔〕\[\]()]{1,40})([】〕\]])")
_DATED_RE = re.compile(
    rf"(?:\d|[元十]) ?年(?!後)|{_ERA_YEAR}(?![\d,])|(?<![A-Za-z\d])[RHS] ?\d{{1,2}}\.\d"
    r"|^年間$|毎年|単年|現年|[かヵカケヶ]年|/ ?年"
)


# '目標年度 (2010年度)の…': a space between words and their year's parenthesis in a
# sentence (a table's cells keep theirs: '245人 (令和元年)', '12市町村 (令和2年度)',
# '現状値 目標値 (平成26年) (平成32年)', '数値目標 (平成31年度) 進捗状況').
_SPACED_YEAR_RE = re.compile(
    r"(?<![^ |])(?=[^\d (|])[^ ]*[^ )|](?P<space> )(?=\([^()]*年[^()]*\)(?:[^ (|]|$))"
)


def plain_years(mapped: Mapped) -> Mapped:
    """Years written once, a year or date in brackets written in parentheses, no
    space between words and a year's parenthesis."""
    text = _BRACKETED_RE.sub(
        lambda m: f"({m[2]})" if _DATED_RE.search(m[2]) else m[0], mapped.text
    )
    mapped = Mapped(text, mapped.origin)  # one character for one: same mapping
    for _ in range(2):  # '平成25(2013)年度(2013年度)': twice twice
        mapped = mapped.drop(_TWICE_YEAR_RE, "other", "other2", "other3")
    return mapped.drop(_SPACED_YEAR_RE, "space")


# ------------------------------------------------------------------ units

# Canonical unit → the ways plans write it (after NFKC).
UNIT_FORMS: dict[str, tuple[str, ...]] = {
    "千円": ("円",),
    "人泊": ("人泊",),
    "人": ("人", "名"),
    "件": ("件",),
    "回": ("回",),
    "団体": ("団体",),
    "組織": ("組織",),
    "事業所": ("事業所",),
    "事業": ("事業",),
    "事務": ("事務",),
    "業務": ("業務",),
    "手続": ("手続き", "手続"),
    "施設": ("施設",),
    "か所": ("か所", "箇所", "カ所", "ヶ所", "ケ所", "ヵ所", "か所"),
    "店舗": ("店舗",),
    "世帯": ("世帯",),
    "項目": ("項目",),
    "地区": ("地区",),
    "校": ("校",),
    "園": ("園",),
    "社": ("社",),
    "戸": ("戸",),
    "床": ("床",),
    "台": ("台",),
    "冊": ("冊",),
    "組": ("組",),
    "点": ("点",),
    "枚": ("枚",),
    "泊": ("泊",),
    "日": ("日",),
    "時間/人": ("時間/人",),  # overtime per employee a year
    "時間": ("時間",),
    "%": ("%", "パーセント"),
    "‰": ("‰",),
    "ポイント": ("ポイント",),
    "位": ("位",),
    "倍": ("倍",),
    "割": ("割",),
    "m2": ("平方メートル", "m2", "m²"),
    "m3": ("立方メートル", "m3", "m³"),
    "ha": ("ha", "ヘクタール"),
    "TJ": ("TJ",),
    "GJ": ("GJ",),
    "MW": ("MW",),
    "kW": ("kW",),
    "MWh": ("MWh",),
    "kL": ("kL",),
    "kg": ("kg", "キログラム"),
    "t-CO2": ("t-CO2", "t-CO₂", "tCO2", "t‐CO2", "t−CO2"),
    "トン-CO2": ("トン-CO2", "トン-CO₂", "トン‐CO2", "トン−CO2"),
    "km": ("km",),
    "t": ("トン", "t"),  # '3万3705t'; 't-CO2' is read first, being longer
    "g/人・日": ("g/人・日", "グラム/人・日"),  # a day's waste per person
    "g/人日": ("g/人日", "グラム/人日"),
    "g": ("グラム", "g"),
    "区画": ("区画",),
    "棟": ("棟",),
    "品目": ("品目",),
    "品": ("品",),  # '特産品の開発 3品以上'
    "講座": ("講座",),
    "路線": ("路線",),
    "便": ("便",),
    "集落": ("集落",),
    "自治会": ("自治会",),
    "分": ("分",),
    "kWh": ("kWh",),
    "歳": ("歳",),
    "尾": ("尾",),  # fish landed or released: 'サケ水揚げ量 1万尾'
    "頭": ("頭",),  # livestock, deer culled
    "羽": ("羽",),
    "匹": ("匹",),
}
_FORM_TO_UNIT = {form: unit for unit, forms in UNIT_FORMS.items() for form in forms}
_UNIT_ALT = "|".join(re.escape(f) for f in sorted(_FORM_TO_UNIT, key=len, reverse=True))

# Counters: a name that lacks one gets "<counter>数" when asked.
COUNTERS = frozenset(
    "人 件 回 団体 組織 事業所 事業 事務 業務 手続 施設 か所 店舗 世帯 項目 地区 校 園 "
    "社 戸 台 冊 本 組 枚".split()
)

# ---------------------------------------------------------------- numbers

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_MULT = "兆億憶万千百"
# A compound number: groups of digits and multipliers (2億396万, 95万9千, 84,459百万),
# each part optionally separated by one space as PDF text puts it (36万 5,000);
# four digits right after 万 are its part even with no unit after them, as news
# writes a population ('目標人口は3万8800').
_COMPOUND = (
    rf"(?:{_NUM})(?: ?[{_MULT}]+(?: ?(?:{_NUM})(?= ?[{_MULT}]| ?(?:{_UNIT_ALT}))"
    r"|(?<=万)\d{4}(?![\d,.年月日度]))?)*"
)
QUANTITY_RE = re.compile(
    rf"(?P<sign>[▲△+\-−]|マイナス|プラス)? ?"
    rf"(?<![\d.])(?<!\d,)(?P<num>{_COMPOUND})"
    rf"(?P<unit> ?(?:{_UNIT_ALT}))?"
    rf"(?P<per> ?/ ?年(?:度)?)?"
)


def parse_compound(text: str) -> float:
    """'2億396万' → 203960000; '95万9千' → 959000; '84,459百万' → 84459000000;
    '36万 5,000' → 365000; '1.36' → 1.36."""
    total = section = 0.0
    num: float | None = None
    for tok in re.findall(rf"{_NUM}|[{_MULT}]", text.replace(" ", "")):
        if tok[0].isdigit():
            num = float(tok.replace(",", ""))
        elif tok in "百千":
            section += (1.0 if num is None else num) * (100 if tok == "百" else 1000)
            num = None
        else:  # 万 億 兆 (憶 is a common typo of 億)
            section += num or 0.0
            scale = {"万": 10_000, "兆": 1_000_000_000_000}.get(tok, 100_000_000)
            total += (section or 1.0) * scale
            section, num = 0.0, None
    return total + section + (num or 0.0)


@dataclass(frozen=True)
class Quantity:
    value: float  # canonical: 千円 for money, counts, % for 割
    unit: str  # canonical unit, "" when none is written
    start: int  # in the normalised text
    end: int
    per_year: bool = False
    negative: bool = False
    has_multiplier: bool = False
    raw: str = field(default="", compare=False)


def _canonical(value: float, unit: str) -> tuple[float, str]:
    if unit == "千円":  # written 円: to 千円
        return round(value / 1000, 6), "千円"
    if unit == "割":
        return round(value * 10, 6), "%"
    return round(value, 6), unit


def quantities(text: str) -> list[Quantity]:
    """Every number of a normalised text with its sign, multiplier and unit."""
    out: list[Quantity] = []
    for m in QUANTITY_RE.finditer(text):
        num = m["num"]
        value = parse_compound(num)
        form = (m["unit"] or "").strip()
        unit = _FORM_TO_UNIT.get(form, "")
        if num.endswith("千") and form == "円":
            unit = "千円"  # '1,000千円' is 1,000 of 千円: parse_compound made it yen
        value, unit = _canonical(value, unit)
        negative = bool(m["sign"]) and m["sign"] not in ("+", "プラス")
        start = m.start("sign") if m["sign"] else m.start("num")
        out.append(
            Quantity(
                -value if negative else value,
                unit,
                start,
                m.end(),
                per_year=bool(m["per"]),
                negative=negative,
                has_multiplier=any(c in num for c in _MULT),
                raw=m.group(0),
            )
        )
    return out


# ------------------------------------------------------------------ years

_ERA_LETTER = {"R": "令和", "H": "平成", "S": "昭和"}
YEAR_RE = re.compile(
    r"(?:(?P<west2>(?:19|20)\d{2}) ?\((?:令和|平成|昭和) ?(?:\d{1,2}|元)\) ?年"
    r"|(?P<era>令和|平成|昭和) ?(?P<ey>\d{1,2}|元) ?(?:年|(?=[ )(|]|$))"
    r"|(?P<letter>(?<![A-Za-z])[RHS]) ?(?P<ly>\d{1,2}|元)(?![\d.,])(?: ?年(?![間月]))?"
    r"|(?P<west>(?:19|20)\d{2}) ?年"
    r"|(?P<short>(?<![\d.,])\d{2}) ?年(?=度|末| ?[3３]月|に|で|の|まで|は|比|時点|実績|\)|$))"
    r"(?P<fy> ?度)?(?P<sub>末)?"
)


def year_of(m: re.Match[str], era_context: str | None = None) -> int:
    """The Western year of a YEAR_RE match. A bare two-digit year ('24年度')
    is read in the era the text mentions before it, else as 20NN."""
    if m["era"]:
        return wareki.era_to_western(m["era"], m["ey"])
    if m["letter"]:
        return wareki.era_to_western(_ERA_LETTER[m["letter"]], m["ly"])
    if m["west"] or m["west2"]:
        return int(m["west"] or m["west2"])
    n = int(m["short"])
    if era_context:
        return wareki.era_to_western(era_context, n)
    return 2000 + n


_ERA_WORD_RE = re.compile(r"令和|平成|昭和|(?<![A-Za-z])[RHS](?= ?[\d元])")


def era_before(text: str, pos: int) -> str | None:
    """The era a bare two-digit year ('26年度') is written in: the last one
    named before `pos` (令和, 平成 or R/H), else a Heisei or Showa year named
    after it in the same text ('26年度実績 … H30目標' is a Heisei document); with
    none, the year is read in its decade (20NN)."""
    found = _ERA_WORD_RE.findall(text[:pos])
    if found:
        return _ERA_LETTER.get(found[-1], found[-1])
    later = next(
        (
            m.group(0)
            for m in _ERA_WORD_RE.finditer(text, pos)
            if m.group(0) not in ("令和", "R")
        ),
        None,
    )
    return _ERA_LETTER.get(later, later) if later else None
