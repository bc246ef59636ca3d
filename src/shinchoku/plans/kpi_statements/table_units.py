"""Units written apart from a table's values: a unit column ('億円', '千m3',
'人/年', '(万人)', '単位:千円') or a name's '(%)', and the values scaled to it."""

from __future__ import annotations

import re

from shinchoku.plans import kpi_text
from shinchoku.plans.kpi_statements.found import Found

_MONEY_SCALE = {"円": 0.001, "千円": 1, "万円": 10, "百万円": 1000, "億円": 100_000}
_MULTIPLIER = {"千": 1000, "万": 10_000, "百万": 1_000_000, "億": 100_000_000}


def unit_scale(form: str) -> tuple[str, float, bool] | None:
    """A unit written apart from its values ('億円', '千m3', '万人', '人/年'):
    (canonical unit, factor to it, per year); None when it is no unit."""
    form = re.sub(r"^\(?(?:単位 ?[::]? ?)?|\)$", "", form.strip()).strip()
    per = re.search(r" ?/ ?年度?$", form)
    if per:
        form = form[: per.start()].strip()
    if form in _MONEY_SCALE:
        return "千円", _MONEY_SCALE[form], bool(per)
    m = re.fullmatch(r"(百万|千|万|億)?(.+?)(?:数)?", form)
    if not m or m.group(2) not in kpi_text._FORM_TO_UNIT:  # noqa: SLF001
        return None
    unit, factor = kpi_text._FORM_TO_UNIT[m.group(2)], 1.0  # noqa: SLF001
    if unit == "%" and m.group(2) == "割":
        factor = 10.0
    return unit, factor * _MULTIPLIER.get(m.group(1) or "", 1), bool(per)


def unit_from_name(name: str) -> tuple[str, tuple[str, float, bool] | None]:
    """'…割合(%)' → ('…割合', ('%', 1, False)); '…被害量(千m3)' → m3 × 1000;
    '…の計(事務数)' → ('…の計', ('事務', 1, False))."""
    m = re.search(r"\(([^()]+?)(?:\([^()]*\))?\) ?(?:〔[^〔〕]*〕)?$", name)
    scale = unit_scale(m.group(1)) if m else None
    if m and scale:
        return name[: m.start()].strip(), scale  # '…人数(人)〔累計〕' too
    return name, None


def scaled(f: Found, unit: str, factor: float, per_year: bool) -> None:
    """Values written bare under a unit column or a name's '(千m3)'."""
    f.unit = unit
    if factor != 1:
        f.target = round(f.target * factor, 6) if f.target is not None else None
        f.baseline = round(f.baseline * factor, 6) if f.baseline is not None else None
        f.targets = {y: round(v * factor, 6) for y, v in f.targets.items()}
    if per_year and not f.per:
        f.per = "year"
