"""The plan's facts a table does not hold in its rows: from the mapping's
``plan`` block, the command's options, and a title block above the header
(…計画(令和3年度～令和6年度)進捗状況【令和6年度当初計画】, a 和暦 date)."""

from __future__ import annotations

import re

from shinchoku.common import wareki
from shinchoku.common.text import collapse_ws
from shinchoku.imports.tabular.mapping import Mapping
from shinchoku.imports.tabular.model import Sheet

_PERIOD_RE = re.compile(r"[(（](?P<period>[^()（）]*年度[^()（）]*)[)）]")
_EDITION_RE = re.compile(r"【(?P<edition>[^】]+)】")
_MUNICIPALITY_RE = re.compile(r"^(?P<muni>.+?[都道府県市区町村])(?P<rest>.+)$")


def plan_meta(
    sheet: Sheet,
    index: int,
    mapping: Mapping,
    *,
    options_code: str,
    options_name: str,
    fys: list[int],
) -> dict:
    """The plan's facts from the mapping, then the options, then the title
    block (the rows above the header at ``index``); the FYs of the table's
    columns give the period last."""
    meta: dict = {}
    for cells in sheet.rows[:index]:
        for cell in cells:
            text = collapse_ws(cell.text)
            if not text or cell.covered:
                continue
            if (p := _PERIOD_RE.search(text)) and len(
                period := wareki.find_fiscal_years(p["period"])
            ) == 2:
                meta.setdefault("first_fy", period[0])
                meta.setdefault("last_fy", period[1])
                head = text[: p.start()].strip()
                if m := _MUNICIPALITY_RE.match(head):
                    meta.setdefault("municipality_name", m["muni"])
                    meta.setdefault("title", m["rest"])
                if e := _EDITION_RE.search(text):
                    meta.setdefault("edition_title", e["edition"])
            elif "date" not in meta:
                try:
                    meta["date"] = wareki.parse_date(text)
                except wareki.WarekiError:
                    pass
    if options_code:
        meta["municipality_code"] = options_code
    if options_name:
        meta["municipality_name"] = options_name
    meta.update({k: v for k, v in mapping.plan.items() if v not in (None, "")})
    if fys:
        meta.setdefault("first_fy", min(fys))
        meta.setdefault("last_fy", max(fys))
    return meta
