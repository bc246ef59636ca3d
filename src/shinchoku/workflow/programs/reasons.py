"""History rows' channels and reasons, in the reader's language.

Services record a reason in English, for the log and the database
(`screen: approve round 令和5年度実績 (#3) ⑫`); the history page shows it
translated (画面: 令和5年度実績 ⑫ を承認). The channel is the part before the colon;
each reason a service writes has a pattern here. A reason none matches is shown
as it was recorded."""

from __future__ import annotations

import re

from django.utils.translation import gettext_lazy as _

from shinchoku.common import wareki

CHANNELS = {
    "screen": _("screen"),
    "cli": _("command line"),
    "import": _("import"),
    "api": _("API"),
    "excel": _("Excel workbook"),
}

_FY = r"(?P<fy>\d{4})"
REASONS = [
    (r"draft (?P<round>.+) (?P<program>\S+)", _("draft of %(program)s, %(round)s")),
    (r"submit (?P<round>.+) (?P<program>\S+)", _("%(program)s submitted, %(round)s")),
    (r"return (?P<round>.+) (?P<program>\S+)", _("%(program)s returned, %(round)s")),
    (
        r"approve round (?P<round>.+) \(#\d+\) (?P<program>\S+)",
        _("%(program)s approved, %(round)s"),
    ),
    (r"open round (?P<round>.+)", _("round %(round)s opened")),
    (r"close round (?P<round>.+) \(#\d+\)", _("round %(round)s closed")),
    (r"opinion on (?P<program>\S+)", _("committee opinion on %(program)s")),
    (r"response to opinion #\d+", _("response to a committee opinion")),
    (r"department (?P<name>.+)", _("department %(name)s")),
    (r"membership of (?P<name>.+)", _("membership of %(name)s")),
    (
        r"assign (?P<program>\S+) to (?P<name>.+)",
        _("%(program)s assigned to %(name)s"),
    ),
    (r"assign lead departments", _("lead departments assigned")),
    (r"indicator (?P<decision>confirm|reject|reopen)", _("indicator reviewed")),
    (rf"actual {_FY}", _("actual for %(fy)s")),
    (
        r"indicator (?P<name>.+) of (?P<program>\S+) accepted from pasted text",
        _("indicator %(name)s of %(program)s added from pasted text"),
    ),
    (
        r"indicator (?P<name>.+) of (?P<program>\S+)",
        _("indicator %(name)s of %(program)s"),
    ),
    (rf"grade {_FY}", _("grade for %(fy)s")),
    (r"grade removed", _("grade removed")),
    (r"publish edition (?P<title>.+)", _("edition %(title)s published")),
    (r"withdraw edition (?P<title>.+)", _("edition %(title)s withdrawn")),
    (
        rf"program year edit (?P<program>\S+) {_FY}",
        _("%(fy)s of %(program)s edited directly"),
    ),
]
_COMPILED = [(re.compile(pattern), text) for pattern, text in REASONS]


def channel_label(channel: str) -> str:
    label = CHANNELS.get(channel)
    return str(label) if label is not None else channel


def reason_label(rest: str) -> str:
    """'approve round 令和5年度実績 (#3) ⑫' → '⑫ を承認(令和5年度実績)'."""
    if not rest:
        return ""
    for pattern, text in _COMPILED:
        m = pattern.fullmatch(rest)
        if m:
            values = m.groupdict()
            if values.get("fy"):
                values["fy"] = wareki.fiscal_year_label(int(values["fy"]))
            return str(text) % values
    return rest


def describe(reason: str) -> tuple[str, str]:
    """A recorded reason as (channel, what happened), both translated:
    'cli: assign lead departments' → ('コマンド', '所管課の一括設定')."""
    channel, sep, rest = reason.partition(": ")
    if not sep:
        return "", reason
    if channel == "import":
        return channel_label(channel), _("from %(source)s") % {"source": rest}
    return channel_label(channel), reason_label(rest)
