"""An indicator's name from the words in front of its value: markers, labels,
time phrases and particles removed."""

from __future__ import annotations

import re

from shinchoku.plans.kpi_statements.lexicon import BASE_LABELS, TARGET_LABELS

_SEPARATORS = "、。,;:|【】[]=■●○◆◇◎▽▼・"
_LEAD_RE = re.compile(
    r"^(?:[\s■●○〇◆◇◎・\-*※▽▼【\[]|\(\d+\)|\d+[.)](?!\d)|\d+ \||同(?:市|町|村|県|区)の(?=[^\s、。]{2,})|\d{1,2} (?=[\u4e00-\u9fff])(?!歳|才|年|か|カ|ヶ|人|回|日|時|週|分|月|次|期|級|種|号|類|割|倍|万|千|億)|うち(?=[^\s、。]{2,})"
    r"|目標\d*_|(?:重要業績評価指標)?\(?KPI\)?|数値目標|成果指標|指標\d*|基本目標\d*|\(\d+\)|[::|=]"
    r"|第\d+[節項]|】|\([^()]{0,12}(?:目標|指標|KPI|KGI)[^()]{0,4}\)|《[^《》]{0,12}》"
    r"|目標(?:とする|となる|値|の)?(?![をがにはへと])(?=[^\s、。]{2,})"
    r"|(?:それぞれ|いずれも|ともに|また|さらに|なお|引き続き)[、 ]?(?=[^\s、。]{2,}))+"
)
_TRAIL_RE = re.compile(
    r"(?:[\s::|=【】\[\]、,≦≧≤≥]|の?(?:最終|中間)目標値?|の?(?:削減|縮減)目標値?|の?目標値?|の?数値目標|の?目標額|の|は|を|が|(?<!子ど)も|で|に|と|約|概ね|おおむね"
    rf"|延べ|実質|\d+ ?(?:年間|か年|カ年)で|年間で|年間|については|について|(?<!年間)(?<!年間 )において|に対しては|としては|として|累計|まで|までに|{BASE_LABELS}|の上昇|の向上|の増加|の減少|の低下|の抑制|の削減|の縮減|でそれぞれ|それぞれ|ともに)+$"
)
_TIME_LEAD_RE = re.compile(
    r"^(?:(?:[RH]\d{1,2}(?:年度?)?(?:末)?(?:の|に|まで(?:に)?))"
    r"|(?:(?:令和|平成|昭和|R|H)? ?\d{1,4}(?: ?\((?:令和|平成|昭和) ?\d{1,2}\) ?年| ?\(\d{4} ?年\)| ?年)(?!間)(?:度)?(?:末)?"
    r"(?:時点|現在)?(?:における|において|おける|比で|と比較して|[とに]比べて?|で|に|の|には|まで(?:に|の)?|から)?)"
    r"|\d+ ?(?:か年|カ年|年間)(?:の累計)?(?:で|に|の)?|の?累計で|\d+ ?年後の?|後の|(?:来|今|本|昨|翌)年度?末?の"
    r"|毎年度?|年度ごとの|計画期間(?:内|中)に|計画期間(?:中|内)の|この ?うち|本計画最終年度に|以降|以後"
    r"|(?:本?計画の?)?(?:最終|目標)年(?:度|次)(?:に|には|の|まで(?:に)?)?(?=[^\s、。\d()]{2,})"
    r"|における|において)+ ?"
)


# '長期総合計画最終年度となる令和12年の目標人口': the year told by what it is
# in the plan, then the year (the time lead drops the year)
_DESCRIBED_YEAR_RE = re.compile(
    r"^[^、。\s\d]{2,20}?(?:となる|である|にあたる|に当たる)"
    r"(?= ?(?:令和|平成|R|H)? ?\d{1,4} ?(?:\([^()]*\) ?)?年度?末?(?:の|に|まで))"
)

# a year in brackets after the name, or the base year of a goal's heading
# ('温室効果ガス削減目標(2013年度比)')
_YEAR_PAREN_RE = re.compile(
    r"\((?:令和|平成|R|H)?\s*\d+\s*年度?\)$"
    r"|(?<=目標)\((?:令和|平成|R|H)?\s*\d+\s*年度?(?:比|対比)\)$"
)

# 'Xは令和7年度の目標値…': the subject, then the time its goal is for
_SUBJECT_TIME_RE = re.compile(
    r"(?<=[^\d\s]{2})(?:は|が) ?(?:令和|平成|R|H)? ?\d{1,4} ?年度?末?(?:の|に|まで(?:に)?)?$"
)


_BRACKETS = str.maketrans("〔〕［］[]", "()()()")


def clean_name(raw: str) -> str:
    """The indicator's words: list markers, labels, time phrases and trailing
    particles removed, PDF spacing inside Japanese closed up."""
    s = raw.strip().translate(_BRACKETS)  # '…の割合〔年間 360 時間以上〕'
    quoted = re.fullmatch(r"「([^「」]+)」(?:の(?:目標値?|数値))?", s)
    if quoted:
        s = quoted.group(1)
    # '…できた場合の出生率「希望出生率」': the quoted name a description ends
    # with (but 'Xの「Y」' keeps its qualifier)
    apposed = re.fullmatch(r".+[^の「」\s]「([^「」]{2,20})」", s)
    if apposed:
        s = apposed.group(1)
    if s.startswith("「") and "」" not in s:
        s = s[1:]  # the quote opens a sentence, not the name
    s = re.sub(r"(?<=[^\x00-\x7f]) (?=[^\x00-\x7f])", "", s)
    for _ in range(4):
        before = s
        s = re.sub(r"^本?[市町村県区]の(?=目標[^\s、。]{2,}$)", "", s)  # '市の目標人口'
        s = re.sub(r"^(将来|最終)目標(?=人口$)", r"\1", s)  # '将来目標人口'
        s = _LEAD_RE.sub("", s).strip()
        s = _DESCRIBED_YEAR_RE.sub("", s)
        s = _TIME_LEAD_RE.sub("", s).strip()
        trimmed = _TRAIL_RE.sub("", s).strip()
        label = re.match(r"目標(?:額|値)", s[len(trimmed) :])
        if label and re.search(r"(?:による|に係る|に関する)$", trimmed):
            trimmed += label.group(0)  # '…の取組による目標額': it has no other name
        s = trimmed
        s = re.sub(
            rf"(?<!による)(?<!に係る)(?<!に関する)(?:(?:削減|縮減)?(?:最終|中間)?目標(?:値|額|数値)?|{TARGET_LABELS}|{BASE_LABELS})$",
            "",
            s,
        ).strip()  # not '…の取組による目標額', a goal that has no other name
        s = _YEAR_PAREN_RE.sub("", s).strip()
        s = re.sub(r"(?:\(※[^()]{0,4}\)|※\d*)$", "", s).strip()  # a footnote mark
        s = re.sub(r"\((?:\*|※)\d{0,2}\)(?=.)", "", s)  # '委員会等(*1)における…'
        # '…受験者総数10%以上 【消防】': the row's own goal and a department tag
        s = re.sub(r" ?【[^【】\d]{1,8}】?$", "", s).strip()
        s = re.sub(
            r"(?<=[^\d\s、。]{2}) ?\d[\d,.]* ?(?:%|人|件)(?:以上|以下|未満|以内)$",
            "",
            s,
        ).strip()
        # '…を導入した場合の目標効果額': the case the value is for, not the name
        s = re.sub(r"^[^、。]{2,}?(?:した|する)場合の(?=.{2,})", "", s)
        s = _SUBJECT_TIME_RE.sub("", s).strip()
        # '人件費の削減 計画期間の5年間において': the period after the name
        s = re.sub(
            r" ?(?:計画)?期間(?:の|中の?)? ?\d+ ?(?:年間|か年|カ年)(?:において|で|に)?$",
            "",
            s,
        ).strip()
        # '実質的な単年度収支の黒字化と貯金': the value is the second goal's
        s = re.sub(
            r"^[^、。と]{2,}(?:化|確保|向上|改善|削減|縮減|解消|実現)と(?=[^と]{2,}$)",
            "",
            s,
        )
        s = re.sub(
            r"\([^()]*(?:現在|実績|時点|基準|現状|:)[^()]*\d[^()]*\)$|\([^()]*\d[^()]*(?:現在|実績|時点|基準|:)[^()]*\)$",
            "",
            s,
        ).strip()
        s = re.sub(
            r"^.{0,12}?(?:年|年度|年度末|年次)(?:\([^()]*\))?(?:の|における)(?=.{2,})",
            "",
            s,
        ).strip()
        # '市が策定している「市ごみ減量化行動計画」の…排出量': the plan is not the name
        s = re.sub(
            r"^[^、。「」]{0,20}「[^「」]{2,30}(?:計画|ビジョン|プラン|戦略|方針)」の"
            r"(?=[^「」]{4,}$)",
            "",
            s,
        )
        if s == before:
            break
    # '指標「…市町村数」': a name wholly in quotes, once its label is off
    quoted = re.fullmatch(r"「([^「」]+)」", s)
    return quoted.group(1) if quoted else s


def clause_start(text: str, end: int, floor: int = 0) -> int:
    """Where the phrase ending at `end` starts: after a separator or an
    unmatched '(', skipping balanced parentheses; never before `floor`."""
    depth = 0
    for j in range(end - 1, max(floor, end - 120) - 1, -1):
        ch = text[j]
        if ch == ")":
            depth += 1
        elif ch == "(":
            if depth == 0:
                return j + 1
            depth -= 1
        elif depth == 0 and (ch in _SEPARATORS or ch in "。、→⇒"):
            if ch == "・" and j > floor and re.match(r"[^\s\x00-\x7f]", text[j - 1]):
                if text[j - 1] not in _SEPARATORS and not re.search(
                    r"\d ?[人件回%か所カ箇]{1,2}$", text[max(floor, j - 4) : j]
                ):
                    continue  # '起業・創業者数': a list inside the name, not
                    # 'A35人・B4人以上': a list of values
            return j + 1
    return max(floor, end - 120)


_NOT_A_NAME = re.compile(
    r"^(?:達成|実現|確保|増加|削減|向上|目標|合計|総額|計|全体|計画額|計画値|数値|数|値|実績|現状|水準|効果|利益|これ|それ|こちら"
    r"|比|対|対比|年度?末?(?:時点|現在)?|(?:今|本|昨|来|前)年度?|時点|現在|維持|減少|抑制|後|前|以降"
    r"|重要業績評価指標|KPI|数値目標|成果指標|指標|目標値|.*(?:同様|同じく?)|恐らく|おそらく"
    r"|平均して|具体的(?:に(?:は)?)?|全体として|合わせて|(?:長期|中長期|中期|短期|最終|将来)的(?:に(?:は)?)?)$"
)


def name_ok(name: str) -> bool:
    return (
        bool(name)
        and not _NOT_A_NAME.match(name)
        and not re.fullmatch(
            r"[\d,.]+ ?[兆億万千百]*(?:円|人|名|件|%)?", name
        )  # a value
        and not re.match(
            r"[\d,.]+ ?(?:%|パーセント|人|名|件|円)(?!(?:1 ?日)?(?:当たり|あたり|当り))",
            name,
        )
        and not re.fullmatch(r"[A-Za-z]{1,2}", name)  # a band ('B:目標を80%以上達成')
        # a year label or a plan's title measures nothing ('基準年度', '…適正化計画')
        and not re.search(
            r"(?:基準|目標|計画)(?:年度?|年次|期間)$|(?:計画|ビジョン|プラン|戦略|方針)(?:\([^()]*\))?$",
            name,
        )
        and bool(re.search(r"[\u3040-\u30ff\u4e00-\u9fffA-Za-z]", name))
    )
