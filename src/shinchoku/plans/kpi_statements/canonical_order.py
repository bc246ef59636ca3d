"""Labels and years written after their values, or around them, put where the
forms read them: cities write '1,210人(現状値) 1,480人(目標値)' as often as
'現状値 1,210人 目標値 1,480人', 'R2:1,210人 → R7:1,480人' as often as
'1,210人(R2)→1,480人(R7)', and the whole reading in parentheses after the name.
Each rewrite keeps the value's characters at their own place in the text as
written, so its span still points at it; a moved label or year maps to the
character beside the value, keeping the places in order."""

from __future__ import annotations

import re

from shinchoku.plans.kpi_text import Mapped

_WHEN = r"(?:令和|平成|R|H) ?\d{1,2}(?: ?年度?)?末?|\d{4} ?年度?末?"
_VALUE = r"(?<![\dA-Za-z,.和成])(?<!(?:令和|平成|昭和) )(?<![RH] )[▲△\-]?\d[\d,.]*(?:万|千|億)?[\d,.]*[^\s()\d→、,。|]{0,4}?"
_LABELS = {
    "現状": "現状値",
    "現状値": "現状値",
    "基準": "基準値",
    "基準値": "基準値",
    "目標": "目標値",
    "目標値": "目標値",
    "実績": "実績値",
    "実績値": "実績値",
}
# '1,210人(現状値)', '1,480人(R7目標)', '1,480人(令和7年度目標)'
_LABEL_AFTER_RE = re.compile(
    rf"(?P<value>{_VALUE}) ?\((?P<when>{_WHEN})? ?(?P<label>現状値?|基準値?|目標値?|実績値?)\)"
    r"(?= |$|[、,。|])"  # not '⇒(目標値)1.30', a label before its value
)
# 'R2:1,210人 → R7:1,480人', '(R2)1,210人 → (R7)1,480人'
_YEAR_COLON_RE = re.compile(
    rf"(?:(?P<when>{_WHEN}) ?[::]|\((?P<paren>{_WHEN})\)) ?(?P<value>{_VALUE})"
    r"(?= ?(?:→|\)|$))"
)
# '(H26:1,210人)→(H31:1,480人)': each year and value in parentheses
_PAREN_YEAR_VALUE_RE = re.compile(
    rf"\((?P<when>{_WHEN}) ?[::] ?(?P<value>{_VALUE})\)(?= ?(?:→|$))"
)
# 'Xの目標値は令和7年度に1,480人': the label, its value, then its year
_GOAL_YEAR_VALUE_RE = re.compile(
    rf"(?P<label>目標値?)は ?(?P<when>{_WHEN})(?:まで)?(?:に|で)は? ?(?P<value>{_VALUE})"
    r"(?=以上|以下|未満|程度| |。|$|、|と|に)"
)
# 'X 現在 1,210人 目標 1,480人': the value now, beside a goal, is where it starts
_NOW_RE = re.compile(r"(?<= )現在(?= ?[\d▲△])(?=.*目標)")
# '(現状値:1,210人/目標値:1,480人)': a slash between labelled values
_SLASH_LABEL_RE = re.compile(
    r" ?/ ?(?=(?:目標|現状|基準|実績)(?:値[::]?|[::]) ?[\d▲△])"
)
# 'X(現状値 1,210人 目標値 1,480人)': the reading in parentheses after the name
_WRAPPED_RE = re.compile(
    r"^(?P<lead>[^()\d|]{2,40}?)\((?P<body>[^()]*(?:\([^()]*\)[^()]*)*)\) ?$"
)
_READING_RE = re.compile(r"(?:→|(?:目標|現状|基準)値?[::]? ?[\d▲△])[^()]*\d")


class _Builder:
    """Pieces of a new text, each with the original places of its characters."""

    def __init__(self, mapped: Mapped) -> None:
        self.mapped, self.text, self.origin = mapped, [], []

    def take(self, start: int, end: int) -> None:
        self.text.append(self.mapped.text[start:end])
        self.origin += self.mapped.origin[start:end]

    def add(self, words: str, at: int) -> None:
        self.text.append(words)
        self.origin += [self.mapped.origin[at]] * len(words)

    def done(self, last: int) -> Mapped:
        self.take(last, len(self.mapped.text))
        self.origin.append(self.mapped.origin[-1])
        return Mapped("".join(self.text), self.origin)


def _labels_first(mapped: Mapped) -> Mapped:
    """'1,210人(現状値)' as '現状値 1,210人', '1,480人(R7目標)' as '目標値 1,480人(R7)'."""
    if not _LABEL_AFTER_RE.search(mapped.text):
        return mapped
    b, last = _Builder(mapped), 0
    for m in _LABEL_AFTER_RE.finditer(mapped.text):
        b.take(last, m.start())
        b.add(f"{_LABELS[m['label']]} ", max(0, m.start() - 1))
        b.take(*m.span("value"))
        if m["when"]:
            b.take(m.end("value"), m.end("when"))
            b.add(")", m.end("when") - 1)
        last = m.end()
    return b.done(last)


def _year_after_value(mapped: Mapped, pattern: re.Pattern[str]) -> Mapped:
    """Each match's value with its year after it in parentheses: what comes
    before the match's value is kept up to its 'label' group, or dropped
    ('R2:1,210人' as '1,210人(R2)', 'Xの目標値は令和7年度に1,480人' as
    'Xの目標値 1,480人(令和7年度)')."""
    if not pattern.search(mapped.text):
        return mapped
    b, last = _Builder(mapped), 0
    for m in pattern.finditer(mapped.text):
        groups = m.groupdict()
        if groups.get("label"):
            b.take(last, m.end("label"))
            b.add(" ", m.end("label"))
        else:
            b.take(last, m.start())
        b.take(*m.span("value"))
        b.add(f"({groups.get('when') or groups.get('paren')})", m.end("value") - 1)
        last = m.end()
    return b.done(last)


def _unwrapped(mapped: Mapped) -> Mapped:
    """'X(現状値:1,210人/目標値:1,480人)' as 'X 現状値:1,210人/目標値:1,480人'."""
    m = _WRAPPED_RE.match(mapped.text)
    if m is None or not _READING_RE.search(m["body"]):
        return mapped
    b = _Builder(mapped)
    b.take(*m.span("lead"))
    b.add(" ", m.end("lead"))
    b.take(*m.span("body"))
    return b.done(m.end())


# 'X:1,480人(現状:1,210人)': a value stated with where it starts from is a goal
_GOAL_BY_ITS_START_RE = re.compile(
    rf"(?<![\d,.])(?<!目標値 )(?<!目標 )(?<!目標値)(?<!目標)(?={_VALUE}(?<![\u3041-\u309f]) ?\((?:現状|基準)値?[::]? ?[\d▲△])"
)


def in_order(mapped: Mapped) -> Mapped:
    """Labels before their values, years after them, no parentheses around the
    whole reading, no slash between labelled values."""
    mapped = _unwrapped(mapped)
    mapped = mapped.sub(_SLASH_LABEL_RE, lambda m: " ")
    if "→" in mapped.text:  # '(H26:1,210人)→(H31:1,480人)', 'R2:1,210人 → R7:1,480人'
        mapped = _year_after_value(mapped, _PAREN_YEAR_VALUE_RE)
    mapped = _year_after_value(mapped, _GOAL_YEAR_VALUE_RE)
    if "→" in mapped.text:
        mapped = _year_after_value(mapped, _YEAR_COLON_RE)
    mapped = mapped.sub(_NOW_RE, lambda m: "現状値")
    mapped = mapped.sub(_GOAL_BY_ITS_START_RE, lambda m: "目標値 ")
    return _labels_first(mapped)
