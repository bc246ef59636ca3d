"""Spellings of one form made one before the forms read a statement: cities
write the same arrow, deadline and label several ways, and PDF text spaces a
label's letters apart. Each rewrite keeps the mapping to the text as written
(`Mapped.sub`), so highlighting still points at the original words."""

from __future__ import annotations

import re

from shinchoku.plans.kpi_statements.canonical_order import in_order
from shinchoku.plans.kpi_statements.leaders import leaders
from shinchoku.plans.kpi_text import Mapped

# '1,210人➔1,480人': every right arrow as the one the forms read
_ARROWS_RE = re.compile(r"[➔➜➙➛➝➞➟➠➢➣➤⟶⟹⇛⇰]")
# '■目標人口 2020年 14,700人 ↓ 2034年 11,974人': a table's cells one above the
# other, read down, in a line that names a goal
_DOWN_ARROW_RE = re.compile(r"(?<=\S) ↓ (?=\S)")
# '令和12年度を目途に', '2030年度をめどに': a deadline, as 'までに'
_AIMED_RE = re.compile(r"(?<=[年度末)]) ?を ?(?:目途|めど|目処|メド) ?(?:に|として)")
# '目 標 値', '現 状 値', '平 成26年度': a label or an era PDF text spaced letter by letter
_SPACED_LABEL_RE = re.compile(
    r"(?<![\u4e00-\u9fff])(?:目 標 値|現 状 値|基 準 値|現 況 値|実 績 値|目 標|現 状|基 準|実 績"
    r"|(?:平 成|令 和|昭 和)(?= ?\d))"
    r"(?![\u4e00-\u9fff])"
)

# '⇒(目標値)1.30', '【現状値】2.95': a label in brackets before its value (not
# the label of a year column before it, '平成 31 (目標値) 5.5‰ 5.9‰')
_BRACKETED_LABEL_RE = re.compile(
    r"(?<!\d)(?<!\d )[(【\[<〈](目標値|現状値|基準値|現況値)[)】\]>〉] ?(?=[\d▲△+\-])"
)


def _bracketed_label(m: re.Match[str]) -> str:
    """The label, set apart from a name it follows ('X【現状値】1,210人')."""
    before = m.string[m.start() - 1 : m.start()]
    apart = before and before not in " 度年末)"  # not '令和4年度【目標値】489g'
    return (" " if apart else "") + m.group(1)


# '受講者:年間1,000人': a count per year, as '1,000人/年' ('5年間で' is a period)
_YEARLY_RE = re.compile(
    r"(?<![\d年])年間 ?(\d[\d,.]*(?:万|千)?\d* ?(?:人泊|人|名|件|回|団体|社|か所|箇所|世帯|冊|台|戸|トン))"
    r"(?! ?(?:/|増|減|の(?:増|減)))"
)
# '「がん検診受診率60%以上」が国目標': a bounded goal quoted before the word that
# says whose goal it is, read without its quotes
_QUOTED_GOAL_OPEN_RE = re.compile(
    r"「(?=[^「」\d]{2,40}\d[^「」]{0,8}?(?:以上|以下|未満|以内)」 ?(?:が|は|という)[^。]{0,6}目標)"
)
_QUOTED_GOAL_CLOSE_RE = re.compile(
    r"(?<=以上|以下|未満|以内)」(?= ?(?:が|は|という)[^。]{0,6}目標)"
)
# '75パーセント': the unit as the forms read it, mapped to the word's last letter so
# that a value's span ends where the word does
_PERCENT_RE = re.compile(r"パーセント")

# Other words cities label the starting value with ('現況値 | 目標値', '直近値が
# 33.3%で'), read as 現状値 when the statement names no starting value otherwise;
# beside a usual label ('策定時 | 直近値 | 目標値') they label the latest actual,
# read as 最新値 (as 最新値 beside 目標設定時最新値 is). Each as long as 現状値.
_BASE_SYNONYM_RE = re.compile(r"現況値|直近値|現在値")
_BASE_NAMED_RE = re.compile(r"現状値|基準値|策定時|目標設定時|当初値")


def _starting_label(mapped: Mapped) -> Mapped:
    synonym = _BASE_SYNONYM_RE.search(mapped.text)
    if not synonym:
        return mapped
    if _BASE_NAMED_RE.search(mapped.text):
        return Mapped(_BASE_SYNONYM_RE.sub("最新値", mapped.text), mapped.origin)
    return Mapped(mapped.text.replace(synonym.group(0), "現状値"), mapped.origin)


# '(1) ', '(ア) ', '1) ', 'Ⅰ ', 'ア. ', '◎' opening a line: its list number or
# mark, read as a bullet (NFKC has made 'Ⅰ' 'I' and '⑴' '(1)')
_LIST_NUMBER_RE = re.compile(
    r"^ ?(?:\((?:\d{1,2}|[ア-ン]|[a-z])\)|(?:\d{1,2}|[ア-ン])[).](?!\d)"
    r"|(?:[IVX]{1,4}|[ア-ン])[.、 ]|[◎★☆◯▶►▷▸♦◉❶-❿]) ?(?=\S)"
)

# '…について(1)合計特殊出生率を…に向上(2)子育て世帯を約600増加(3)…': goals
# numbered inside one sentence, as news writes a plan's list; each number is
# read as the comma that parts the items (only a run 1, 2, … with words on
# both sides of each number, not a note mark '人口(1)' or a lone '(2)')
_INLINE_NUMBER_RE = re.compile(r"(?<=[^\s\d(、。・:])\((\d)\)(?=[^\s\d()、。])")


def _inline_numbers(mapped: Mapped) -> Mapped:
    numbers = [int(m.group(1)) for m in _INLINE_NUMBER_RE.finditer(mapped.text)]
    if len(numbers) < 2 or numbers != list(range(1, len(numbers) + 1)):
        return mapped
    return mapped.sub(_INLINE_NUMBER_RE, lambda m: "、")


# A plan's numbered heading and its title opening the line, as a copy of a
# section gives it: '基本目標1 安定した雇用を創出する ', '施策1-2 子育て支援の充実 ',
# '第2章 地域の活性化 '. Set apart, so the forms read the statement after it from
# its start and never take the title for the indicator's name. Only a title that
# is one phrase (no space, digit or mark a statement holds) and ends as titles do:
# a verb ('…を創出する', '…を守る') or an aim ('…の充実', '…の推進', '…づくり');
# '施策1 待機児童数 0人' (a name) and '基本目標1 安定した 雇用を…' stay as they are.
_HEADING_RE = re.compile(
    r"^ ?(?P<head>【?(?:基本目標|基本施策|重点施策|施策の方向性?|施策|政策|取組|取り組み"
    r"|重点目標|基本方針|重点プロジェクト)"
    r" ?(?:\d{1,2}|[IVX]{1,4})(?:[-‐‑–−](?:\d{1,2}|\(\d{1,2}\)))?】?"
    r"|第 ?\d{1,2} ?[章節])[ ::.、]? ?"
    r"(?P<title>(?:[^\s\d:=|→。()【】■●○◆◇・][^\s\d:=|→。()【】■●○◆◇]{0,29})?"
    r"(?:[^\s\d:=|→。、()【】■●○◆◇・](?:する|します|ます|[うくぐすつぬぶむる])"
    r"|の(?:充実|推進|強化|創出|確保|向上|促進|整備|実現|形成|支援|保全|活性化|構築|育成"
    r"|振興|防止|拡大|創造|発展|活用|定着|継承|連携)|づくり)) (?=\S)"
)
_HEAD_WORDS_RE = re.compile(r"目標|指標|現状|基準|実績|数値|KPI|率|割合|件数|人数")


def heading_title(mapped: Mapped) -> tuple[str, tuple[int, int]] | None:
    """The title of a numbered heading opening the line and its span in the
    text as written (the title naming no measure: '施策1 目標値の達成 …' has
    none)."""
    m = _HEADING_RE.match(mapped.text)
    if m is None or _HEAD_WORDS_RE.search(m.group(0), m.end("head")):
        return None
    return m["title"], mapped.span(*m.span("title"))


def _heading_off(mapped: Mapped) -> Mapped:
    """The line without a numbered heading and title opening it."""
    if heading_title(mapped) is None:
        return mapped
    end = _HEADING_RE.match(mapped.text).end()  # type: ignore[union-attr]
    return Mapped(mapped.text[end:], mapped.origin[end:])


# A note closing the line: ' ※市独自の指標', '(出典:令和5年度市民意識調査)'; kept
# when it states a number of its own ('※うち女性50人以上')
_NOTE_RE = re.compile(
    r"(?: ※[^※|]*| ?[(【〔](?:出典|資料|注|備考|データ)[::][^()【】〔〕|]*[)】〕]) ?$"
)
_YEAR_WORDS_RE = re.compile(r"(?:令和|平成|R|H)? ?\d{1,4} ?年度?")


def _note_off(mapped: Mapped) -> Mapped:
    """The line without a note closing it that states no number of its own."""
    m = _NOTE_RE.search(mapped.text)
    if m is None or re.search(r"\d", _YEAR_WORDS_RE.sub("", m.group(0))):
        return mapped
    return Mapped(
        mapped.text[: m.start()] + mapped.text[m.end() :],
        mapped.origin[: m.start()] + mapped.origin[m.end() :],
    )


def _per_year(mapped: Mapped) -> Mapped:
    """'年間1,000人' as '1,000人/年', the count's characters keeping their own
    place in the text as written (and '/年' the count's last)."""
    text, out, origin, last = mapped.text, [], [], 0
    for m in _YEARLY_RE.finditer(text):
        out.append(text[last : m.start()] + m.group(1) + "/年")
        origin += mapped.origin[last : m.start()] + mapped.origin[m.start(1) : m.end(1)]
        origin += [mapped.origin[m.end(1) - 1]] * 2
        last = m.end()
    if not out:
        return mapped
    out.append(text[last:])
    origin += mapped.origin[last:]
    return Mapped("".join(out), origin)


def canonical(mapped: Mapped, *, heading: bool = True) -> Mapped:
    """One spelling of each form; with `heading`, a numbered heading and its
    title opening the line set apart (`heading_title`)."""
    if heading:
        mapped = _heading_off(mapped)
    mapped = leaders(mapped)
    mapped = mapped.sub(_LIST_NUMBER_RE, lambda m: "・ ")
    mapped = _inline_numbers(mapped)
    mapped = _note_off(mapped)
    mapped = mapped.sub(_ARROWS_RE, lambda m: "→")
    if "目標" in mapped.text:
        mapped = mapped.sub(_DOWN_ARROW_RE, lambda m: " → ")
    mapped = mapped.sub(_AIMED_RE, lambda m: "までに")
    mapped = in_order(mapped)
    mapped = mapped.sub(_BRACKETED_LABEL_RE, _bracketed_label)
    mapped = _per_year(mapped)
    mapped = mapped.sub(_QUOTED_GOAL_OPEN_RE, lambda m: "")
    mapped = mapped.sub(_QUOTED_GOAL_CLOSE_RE, lambda m: "")
    mapped = mapped.sub(_PERCENT_RE, lambda m: "%", at_end=True)
    mapped = mapped.sub(_SPACED_LABEL_RE, lambda m: m.group(0).replace(" ", ""))
    return _starting_label(mapped)
