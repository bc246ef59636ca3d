"""More spellings made one before the forms read a statement (as `canonical`):
a row's dotted leaders, a plan period's ordinal on a label, and a bullet's aim
heading the indicator under it.

* `第1期基準値2008年・・41,488人 第1期目標値・・・・・61,500人`: a blog or a
  report copies a plan's row with dotted leaders between a label and its value;
  read as `基準値(2008年) 41,488人 目標値 61,500人` (the period's ordinal names
  the plan, not the measure).
* `○出生数の増加 合計特殊出生率 1.86→2.10へ引き上げ`: a bullet's aim (`…の増加`,
  `…の向上`) heading the measure that follows it is set apart, so that the name
  is the measure's own (`合計特殊出生率`). A bullet that is its own name
  (`●新規求人数の増加(8,700件)`) stays as it is."""

from __future__ import annotations

import re

from shinchoku.plans.kpi_text import Mapped

_LABEL = r"(?:基準値|目標値|現状値|実績値|現況値)"
# '第1期目標値', '第2次基準値': the plan period's ordinal on a label
_PERIOD_ORDINAL_RE = re.compile(
    rf"(?<![\u4e00-\u9fff\d])第 ?\d{{1,2}} ?[期次] ?(?={_LABEL})"
)
# NFKC makes '…' '...' and '‥' '..': a run of dots (or '・') between words
_LEADER = r"(?:・{2,}|\.{2,}|…+|‥+)"
# '基準値2008年・・41,488人': a label, its year, the leader
_LABEL_YEAR_LEADER_RE = re.compile(
    rf"(?P<label>{_LABEL}) ?(?P<year>(?:(?:令和|平成|R|H) ?\d{{1,2}}|(?:19|20)\d{{2}}) ?年度?末?)"
    rf" ?{_LEADER} ?(?=[\d▲△+\-])"
)
# '目標値・・・・・61,500人', '2012年度末・・・・127,252人': a leader between a label
# or a year and a value ('・売却額…1億1939万円', a name's, is a tally's line)
_LEADER_RE = re.compile(rf"(?:(?<={_LABEL})|(?<=[年度末)])) ?{_LEADER} ?(?=[\d▲△+\-])")
_DOTS_RE = re.compile(r"(?<=\S)\.{2,}(?=[\d▲△+\-])")

_AIM = (
    r"の(?:増加|減少|向上|抑制|削減|確保|推進|充実|強化|促進|改善|拡大|維持|低減|解消"
    r"|活性化)"
)
# '○出生数の増加 合計特殊出生率 1.86→…': a bullet's aim, then the measure's name
# (two letters or more, not a value) and a value after it
_AIM_HEADING_RE = re.compile(
    rf"^ ?[○●◆■◇◎〇・] ?[^\s\d:=|→。()【】、]{{1,30}}?{_AIM}"
    r" (?=[^\s\d()(【:|→▲△]{2,}[^\d]{0,20}?\d)"
)


# '「2050年二酸化炭素排出実質ゼロ」を目指す': a goal quoted before the verb aiming
# at it, read without its quotes; its opening year is the deadline
_QUOTED_AIM_RE = re.compile(
    r"「(?P<year>(?:19|20)\d{2} ?年度?(?!\d| ?まで))?"
    r"(?P<goal>[^「」]{2,40}?(?:ゼロ|\d ?(?:%|人|件|t|トン)?(?:以上|以下|未満)?))」"
    r"(?= ?を ?(?:目指|めざ|目標|達成|表明|宣言))"
)


def quoted_aims(mapped: Mapped) -> Mapped:
    """A quoted goal aimed at, without its quotes ('2050年までに…'), each letter
    kept at its place in the text as written."""
    text, origin, out, last = mapped.text, mapped.origin, "", 0
    kept: list[int] = []
    for m in _QUOTED_AIM_RE.finditer(text):
        out += text[last : m.start()]
        kept += origin[last : m.start()]
        if m["year"]:
            out += m["year"] + "までに"
            kept += origin[m.start("year") : m.end("year")]
            kept += [origin[m.end("year") - 1]] * 3
        out += m["goal"]
        kept += origin[m.start("goal") : m.end("goal")]
        last = m.end()
    if not out:
        return mapped
    return Mapped(out + text[last:], kept + origin[last:])


def leaders(mapped: Mapped) -> Mapped:
    """The row's leaders as spaces, a label's year in parentheses, a period's
    ordinal off its label; a bullet's aim heading a measure set apart."""
    mapped = quoted_aims(mapped)
    heading = _AIM_HEADING_RE.match(mapped.text)
    if heading:
        end = heading.end()
        mapped = Mapped(mapped.text[end:], mapped.origin[end:])
    if not re.search(_LEADER, mapped.text):
        return mapped
    mapped = mapped.sub(_PERIOD_ORDINAL_RE, lambda m: "")
    mapped = mapped.sub(_LABEL_YEAR_LEADER_RE, lambda m: f"{m['label']}({m['year']}) ")
    mapped = mapped.sub(_LEADER_RE, lambda m: " ")
    # a name's leader of dots kept a leader, not a decimal point: '率...15%'
    return mapped.sub(_DOTS_RE, lambda m: "・・")
