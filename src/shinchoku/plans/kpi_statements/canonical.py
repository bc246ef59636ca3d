"""Spellings of one form made one before the forms read a statement: cities
write the same arrow, deadline and label several ways, and PDF text spaces a
label's letters apart. Each rewrite keeps the mapping to the text as written
(`Mapped.sub`), so highlighting still points at the original words."""

from __future__ import annotations

import re

from shinchoku.plans.kpi_text import Mapped

# '1,210人➔1,480人': every right arrow as the one the forms read
_ARROWS_RE = re.compile(r"[➔➜➙➛➝➞➟➠➢➣➤⟶⟹⇛⇰]")
# '令和12年度を目途に', '2030年度をめどに': a deadline, as 'までに'
_AIMED_RE = re.compile(r"(?<=[年度末)]) ?を ?(?:目途|めど|目処|メド) ?(?:に|として)")
# '目 標 値', '現 状 値': a label PDF text spaced letter by letter
_SPACED_LABEL_RE = re.compile(
    r"(?<![\u4e00-\u9fff])(?:目 標 値|現 状 値|基 準 値|現 況 値|実 績 値|目 標|現 状|基 準|実 績)"
    r"(?![\u4e00-\u9fff])"
)

# '⇒(目標値)1.30', '【現状値】2.95': a label in brackets before its value
_BRACKETED_LABEL_RE = re.compile(
    r"[(【\[<〈](目標値|現状値|基準値|現況値)[)】\]>〉] ?(?=[\d▲△+\-])"
)

# '受講者:年間1,000人': a count per year, as '1,000人/年' ('5年間で' is a period)
_YEARLY_RE = re.compile(
    r"(?<![\d年])年間 ?(\d[\d,.]*(?:万|千)?\d* ?(?:人泊|人|名|件|回|団体|社|か所|箇所|世帯|冊|台|戸|トン))"
    r"(?! ?(?:/|増|減|の(?:増|減)))"
)


def canonical(mapped: Mapped) -> Mapped:
    mapped = mapped.sub(_ARROWS_RE, lambda m: "→")
    mapped = mapped.sub(_AIMED_RE, lambda m: "までに")
    mapped = mapped.sub(_BRACKETED_LABEL_RE, lambda m: m.group(1))
    mapped = mapped.sub(_YEARLY_RE, lambda m: f"{m.group(1)}/年")
    return mapped.sub(_SPACED_LABEL_RE, lambda m: m.group(0).replace(" ", ""))
