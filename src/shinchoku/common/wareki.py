"""和暦 (Japanese era years) ⇄ Western years and fiscal years.

A Japanese fiscal year (年度) runs from April 1 to March 31 and is named after the
calendar year it starts in: 令和6年度 = FY2024 = 2024-04-01 … 2025-03-31.

Every function accepts full-width digits (令和６年度) and 元年 (the first year of an
era). Only the eras a plan of today can mention are supported: 昭和, 平成, 令和.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class Era:
    name: str
    letter: str  # the abbreviation used in tables: R5.3 = 令和5年3月
    start: dt.date

    @property
    def offset(self) -> int:
        """Western year = era year + offset."""
        return self.start.year - 1


ERAS: tuple[Era, ...] = (
    Era("令和", "R", dt.date(2019, 5, 1)),
    Era("平成", "H", dt.date(1989, 1, 8)),
    Era("昭和", "S", dt.date(1926, 12, 25)),
)
_BY_NAME = {e.name: e for e in ERAS} | {e.letter: e for e in ERAS}

_ERA_NAMES = "|".join(e.name for e in ERAS)
_YEAR = r"(?P<year>\d{1,2}|元)"
ERA_YEAR_RE = re.compile(rf"(?P<era>{_ERA_NAMES})\s*{_YEAR}\s*年")
ERA_FY_RE = re.compile(rf"(?P<era>{_ERA_NAMES})\s*{_YEAR}\s*年度")
ERA_DATE_RE = re.compile(
    rf"(?P<era>{_ERA_NAMES})\s*{_YEAR}\s*年\s*(?P<month>\d{{1,2}})\s*月"
    rf"(?:\s*(?P<day>\d{{1,2}})\s*日)?"
)
# "R5.3", "R5.3.31", "R3": the short form used in table headers.
SHORT_RE = re.compile(
    r"(?P<era>[RHS])(?P<year>\d{1,2})(?:\.(?P<month>\d{1,2}))?(?:\.(?P<day>\d{1,2}))?"
)


class WarekiError(ValueError):
    """Raised when a text does not contain the 和暦 expression asked for."""


def normalize(text: str) -> str:
    """NFKC: full-width digits and letters become ASCII (６ → 6, Ｒ → R)."""
    return unicodedata.normalize("NFKC", text)


def _year_number(raw: str) -> int:
    return 1 if raw == "元" else int(raw)


def era_to_western(era: str, year: int | str) -> int:
    """令和 6 → 2024; 令和 元 → 2019; 平成 31 → 2019."""
    try:
        e = _BY_NAME[era]
    except KeyError:
        raise WarekiError(f"unknown era: {era!r}") from None
    n = _year_number(str(year)) if isinstance(year, str) else year
    if n < 1:
        raise WarekiError(f"era year must be 1 or more: {year!r}")
    return e.offset + n


def parse_era_year(text: str) -> int:
    """The Western year of the first 'ＸＸＮ年' in text: '令和3年' → 2021."""
    m = ERA_YEAR_RE.search(normalize(text))
    if not m:
        raise WarekiError(f"no era year in {text!r}")
    return era_to_western(m["era"], m["year"])


def parse_fiscal_year(text: str) -> int:
    """The fiscal year named by the first 'ＸＸＮ年度' in text: '令和4年度までの取組実績' → 2022."""
    m = ERA_FY_RE.search(normalize(text))
    if not m:
        raise WarekiError(f"no fiscal year (年度) in {text!r}")
    return era_to_western(m["era"], m["year"])


def find_fiscal_years(text: str) -> list[int]:
    """Every fiscal year named in text, in order: '令和3年度～令和6年度' → [2021, 2024]."""
    return [
        era_to_western(m["era"], m["year"]) for m in ERA_FY_RE.finditer(normalize(text))
    ]


def parse_date(text: str) -> dt.date:
    """The first full 和暦 date in text: '資料1 令和6年2月2日' → 2024-02-02."""
    m = ERA_DATE_RE.search(normalize(text))
    if not m or not m["day"]:
        raise WarekiError(f"no 和暦 date in {text!r}")
    year = era_to_western(m["era"], m["year"])
    try:
        return dt.date(year, int(m["month"]), int(m["day"]))
    except ValueError as exc:
        raise WarekiError(f"impossible date in {text!r}: {exc}") from None


def parse_short(text: str) -> tuple[int, int | None]:
    """'R5.3' → (2023, 3); 'R3' → (2021, None). Used by schedule headers."""
    m = SHORT_RE.fullmatch(normalize(text).strip())
    if not m:
        raise WarekiError(f"not a short 和暦 form: {text!r}")
    year = era_to_western(m["era"], int(m["year"]))
    return year, int(m["month"]) if m["month"] else None


def era_of(year: int, month: int = 4, day: int = 1) -> Era:
    """The era in force on a day (by default the first day of that fiscal year)."""
    d = dt.date(year, month, day)
    for e in ERAS:
        if d >= e.start:
            return e
    raise WarekiError(f"{d} is before the supported eras")


def _era_year(year: int, era: Era) -> str:
    n = year - era.offset
    return "元" if n == 1 else str(n)


def fiscal_year_label(fy: int) -> str:
    """2024 → '令和6年度'; 2019 → '令和元年度' (April 2019 was still 平成, but
    Japanese administrations name the whole of FY2019 令和元年度)."""
    era = era_of(fy, 12, 31)
    return f"{era.name}{_era_year(fy, era)}年度"


def fiscal_year_display(fy: int) -> str:
    """Both calendars, as shown everywhere in the UI: '令和6年度 (2024)'."""
    return f"{fiscal_year_label(fy)} ({fy})"


def fiscal_year_short(fy: int) -> str:
    """2021 → 'R3', the column heading of schedule tables."""
    era = era_of(fy, 12, 31)
    return f"{era.letter}{fy - era.offset}"


def short_month(year: int, month: int) -> str:
    """(2023, 3) → 'R5.3'."""
    era = era_of(year, month, 1)
    return f"{era.letter}{year - era.offset}.{month}"


def date_label(d: dt.date) -> str:
    """2024-02-02 → '令和6年2月2日'."""
    era = era_of(d.year, d.month, d.day)
    return f"{era.name}{_era_year(d.year, era)}年{d.month}月{d.day}日"


def datetime_label(moment: dt.datetime) -> str:
    """2026-11-30 14:05 → '令和8年11月30日 14:05' (convert to local time first:
    django.utils.timezone.localtime)."""
    return f"{date_label(moment.date())} {moment:%H:%M}"


def fiscal_year_of(d: dt.date) -> int:
    """The fiscal year a day falls in: 2024-03-31 → 2023, 2024-04-01 → 2024."""
    return d.year if d.month >= 4 else d.year - 1


# What people type in a 年度 field: 令和6年度, 令和6, R6, R6年度, 6 (a 令和 year),
# 2024, 2024年度, FY2024 — full-width or not (NFKC first).
_FY_INPUT_RE = re.compile(
    rf"(?:(?P<era>{_ERA_NAMES}|[RHSrhs])\s*(?P<era_year>\d{{1,2}}|元)"
    r"|(?:FY|fy)?\s*(?P<number>\d{1,4}))\s*(?:年度|年)?"
)
# "令和5年3月", "R5.3", "2023-03", "2023/3", "2023年3月".
_MONTH_INPUT_RE = re.compile(
    rf"(?:(?P<era>{_ERA_NAMES}|[RHSrhs])\s*(?P<era_year>\d{{1,2}}|元)\s*(?:年|\.)"
    r"|(?P<year>\d{4})\s*(?:年|-|/|\.))\s*(?P<month>\d{1,2})\s*月?"
)


def _era_letter(era: str) -> str:
    return era.upper() if len(era) == 1 else era


def parse_fiscal_year_input(text: str, *, default_era: str = "令和") -> int:
    """A fiscal year as typed into a form: '令和6年度', 'R6', '６' (a year of
    default_era), '2024' → 2024. Raises WarekiError for anything else."""
    value = normalize(text).strip().replace(" ", "")
    m = _FY_INPUT_RE.fullmatch(value)
    if not m:
        raise WarekiError(f"not a fiscal year: {text!r}")
    if m["era"]:
        return era_to_western(_era_letter(m["era"]), m["era_year"])
    number = int(m["number"])
    if number >= 1000:
        return number
    if 1 <= number < 100:
        return era_to_western(default_era, number)
    raise WarekiError(f"not a fiscal year: {text!r}")


def parse_month_input(text: str) -> tuple[int, int]:
    """A month as typed into a form: '令和5年3月', 'R5.3', '2023-03' → (2023, 3)."""
    value = normalize(text).strip().replace(" ", "")
    m = _MONTH_INPUT_RE.fullmatch(value)
    if not m:
        raise WarekiError(f"not a month: {text!r}")
    if m["era"]:
        year = era_to_western(_era_letter(m["era"]), m["era_year"])
    else:
        year = int(m["year"])
    month = int(m["month"])
    if not 1 <= month <= 12:
        raise WarekiError(f"no such month: {text!r}")
    return year, month


def month_label(year: int, month: int) -> str:
    """(2023, 3) → '令和5年3月'."""
    era = era_of(year, month, 1)
    return f"{era.name}{_era_year(year, era)}年{month}月"
