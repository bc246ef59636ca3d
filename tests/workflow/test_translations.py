"""Every user-facing string of the workflow app has its Japanese waiting in
locale/pending/workflow.json (merged into the catalogue by the maintainers)."""

from __future__ import annotations

import json
import re
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "shinchoku"
PENDING = SRC / "locale" / "pending" / "workflow.json"
PLACEHOLDER = re.compile(r"%\(\w+\)s")


def _msgids() -> set[str]:
    found: set[str] = set()
    for path in (SRC / "templates" / "workflow").glob("*.html"):
        text = path.read_text()
        for double, single in re.findall(r"\{% translate (?:\"(.*?)\"|'(.*?)')", text):
            found.add(double or single)
        found |= set(re.findall(r'_\("(.*?)"\)', text))
    for path in (SRC / "workflow").rglob("*.py"):
        text = path.read_text()
        for m in re.finditer(
            r'\b(?:_|gettext_lazy|gettext)\(\s*((?:"(?:[^"\\]|\\.)*"\s*)+)\)', text
        ):
            parts = re.findall(r'"((?:[^"\\]|\\.)*)"', m.group(1))
            found.add(json.loads('"' + "".join(parts) + '"'))
    return found


def test_every_workflow_msgid_has_a_japanese_translation():
    pending = json.loads(PENDING.read_text())
    assert sorted(_msgids() - set(pending)) == []


def test_translations_keep_their_placeholders():
    pending = json.loads(PENDING.read_text())
    wrong = [
        msgid
        for msgid, ja in pending.items()
        if not ja
        or sorted(PLACEHOLDER.findall(msgid)) != sorted(PLACEHOLDER.findall(ja))
    ]
    assert wrong == []
