"""Words every form reads: the labels of a baseline and of a target, the
comparators, the words of a lowering goal, a year or date in front of a value,
and a name written after its value."""

from __future__ import annotations

import re

BASE_LABELS = r"現状値|現状|基準値|基準|策定時の値|策定時|目標設定時|当初"
TARGET_LABELS = r"最終目標値|最終目標|目標値|目標数値|目標額|目標|めざそう値|中間目標"
COMPARATOR_AFTER_RE = re.compile(
    r"^ ?(以 ?上|以 ?下|未 ?満|以 ?内|超え|超過|超|を超える|を超えない)"
)
COMPARATOR_BEFORE_RE = re.compile(r"(≧|≦|≥|≤) ?$")
COMPARATORS = {
    "以上": "以上", "以下": "以下", "未満": "未満", "以内": "以内", "超え": "超",
    "超過": "超", "超": "超", "を超える": "超", "を超えない": "以下", "≧": "以上", "≥": "以上", "≦": "以下",
    "≤": "以下",
}  # fmt: skip
LOWER_WORDS = re.compile(
    r"削減|縮減|圧縮|減員|純減|減ら|抑制|抑え|減少|低下|引き下|下げ|防止|ゼロ"
)

# A year or a date written in front of a value: 令和4年度, R4年度末, 令和4年4月1日.
WHEN = (
    r"(?:(?:令和|平成|R|H)? ?\d{1,4}(?: ?\(\d{4}\)| ?\((?:令和|平成) ?\d{1,2}\))? ?年度?(?: ?\d{1,2} ?月(?: ?\d{1,2} ?日)?)?"
    r"(?:末|時点|現在|当初)?)"
)
# The name after its value: '年間100件以上の移住相談件数を目指す'.
NAME_AFTER_RE = re.compile(
    r"^(?:以上|程度)?(?: ?\([^()]*\))? ?の([^、。をがは]{2,24}?)(?:の(?:削減|増加|創出|達成|確保|拡大))?"
    r"(?:を(?:目指|めざ|目標|掲げ|図|順次|対応|実施|維持)|が義務付け"
    r"|を(?:削減|縮減)(?:する|します)(?:。|$))"
)
# '目標、毎年44,000人の出生数。': under a goal label, the name ends the sentence
NAME_ENDS_RE = re.compile(r"^ ?の([^、。をがは\d]{2,24}?) ?(?:です|である|だ)?(?:。|$)")

# The words a measure's name ends with ('…件数', '…満足度', '…単価'): a list's
# entry or a bullet is read as a goal only under such a name.
MEASURE_END_RE = re.compile(
    r"(?:数|額|率|量|割合|人口|比率|面積|(?<=[上産荷])高|残高|時間|日数|(?<!年)度|年齢|単価"
    r"|指数|所得|費|職員|定員|人員|ガス)$"
)
