"""Indicators stated in one line of any municipality's plan.

`extract_statement(text)` reads the forms cities write KPIs in:

* arrows: `転入者数:1,210人(平成27年)→1,480人(令和2年)`, `=70.1%→72.3%`, `⇒目標値1.30`;
* labelled values: `現状値2.95(2022年度)→目標値3.30(2031年度)`, `目標3_…:70%`,
  `受診率の目標は53.8%`;
* table rows flattened to text, cells joined by `|` or spaces, with or without the
  header in front: `認知症サポーター数 | 310人 | 600人`, `防災訓練参加者数 人 820 1,000
  増加を目指す`, `…| 現状値 平成17年度 | 目標値 平成22年度 | … | 33.3% | 36% | 50% |`;
* a KPI list's bullet entry: `・UIJターン数(350人/年)`, `・地域経済循環率105%`;
* prose: `…を令和7年度までに90%以上とする`, `平成31年(2019年)の転出超過数 110人抑制`,
  `総額13億776万円の財政効果を目標に掲げています`.

Precision first: a number becomes a target only next to an arrow, a target label,
a goal verb (目指す, とする, 目標, 削減する…) or in a table row; results
(`…となりました`, `達成値`), estimates (`…と推計`) and numbers a goal is compared
with (`…を上回る`) yield nothing. Values are canonical (money in 千円, `95万9千人`
as 959000 人, 割 as %); every indicator keeps the spans of the words it came from
in the text as written, for highlighting.

One module per form, each reading the statement's `Ctx` (context.py) and
returning `Found`s: `arrows`, `labelled`, `table_rows` and `table_space` (cells
joined by `|`, by spaces; over `table_cells`, `table_dates`, `table_units`,
`table_years`, `table_year_labels`, `table_header_row`, `table_pairs` and
`table_sheets`),
`staged`, `listed`, `framed` (a frame's bullets, bullets announced as goals),
`goal_pairs` (a 数値目標 row of names and values, a KPI sheet row),
`headed_items` (a goal heading's dashed items, a goal's dated stages in prose)
and `prose` (goals told apart from results by `guards`, named by `prose_names`,
`prose_topics` and `prose_items`, their baselines found by `prose_baselines`; lists under one
verb in `prose_lists`, quoted slogans in `prose_slogans`, goals aimed at or
missed in `prose_aims`).

Before the forms, `canonical`, `canonical_order` and `leaders` make one spelling
of each form (arrows, labels after their values or in brackets, years before or
inside a value's parentheses, dotted leaders); `parts` reads a line listing
indicators part by part. After them, `finish` adds what every form's indicators
get last (comparator, change, direction, period) and `settle` takes a last look
at each name (a value, a particle or a half quote trimmed off; an adverb, the
city or an office in its place gives way to the measure named before the value,
or the indicator is dropped). `extract` runs them in order. `values` says which
numbers are values and reads years and dates; `names` cleans an indicator's
name; `lexicon` holds the words several forms read (labels, comparators, the
words a measure's name ends with).
"""

from shinchoku.plans.kpi_statements.arrows import ARROW_RE
from shinchoku.plans.kpi_statements.extract import (
    MAX_STATEMENT,
    extract_lines,
    extract_statement,
)
from shinchoku.plans.kpi_statements.found import Found, Span
from shinchoku.plans.kpi_statements.names import clean_name

__all__ = [
    "ARROW_RE",
    "MAX_STATEMENT",
    "Found",
    "Span",
    "clean_name",
    "extract_lines",
    "extract_statement",
]
