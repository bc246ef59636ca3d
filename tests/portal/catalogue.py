"""The portal's Japanese translations wait in locale/pending/portal.json until
they are merged into locale/ja (a shared file). Tests extract the project's
msgids with the real makemessages, check each has Japanese, and compile the
pending ones into a catalogue of their own so pages render in Japanese."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import polib
from django.core.management import call_command
from django.test import override_settings

SRC = Path(__file__).resolve().parents[2] / "src" / "shinchoku"
LOCALE = SRC / "locale"
PENDING = LOCALE / "pending" / "portal.json"


def pending() -> dict[str, str]:
    return json.loads(PENDING.read_text(encoding="utf-8"))


def translated_ja() -> dict[str, str]:
    po = polib.pofile(str(LOCALE / "ja" / "LC_MESSAGES" / "django.po"))
    return {e.msgid: e.msgstr for e in po.translated_entries()}


def extract_msgids(workdir: Path) -> set[str]:
    """Every msgid in the Python files and templates of src/shinchoku, as
    `makemessages` finds them (run on a copy, so nothing in the tree changes)."""
    tree = workdir / "shinchoku"
    shutil.copytree(SRC, tree, ignore=shutil.ignore_patterns("locale", "__pycache__"))
    locale = workdir / "locale"
    (locale / "ja").mkdir(parents=True)
    cwd = os.getcwd()
    os.chdir(tree)
    try:
        with override_settings(LOCALE_PATHS=[str(locale)]):
            call_command("makemessages", locale=["ja"], verbosity=0, no_obsolete=True)
    finally:
        os.chdir(cwd)
    po = polib.pofile(str(locale / "ja" / "LC_MESSAGES" / "django.po"))
    return {e.msgid for e in po if not e.obsolete}


def compile_pending(dest: Path) -> Path:
    """dest/ja/LC_MESSAGES/django.mo holding the pending translations; put dest
    first in LOCALE_PATHS."""
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "ja"}
    for msgid, msgstr in pending().items():
        po.append(polib.POEntry(msgid=msgid, msgstr=msgstr))
    out = dest / "ja" / "LC_MESSAGES"
    out.mkdir(parents=True, exist_ok=True)
    po.save_as_mofile(str(out / "django.mo"))
    return dest
