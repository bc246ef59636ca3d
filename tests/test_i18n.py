"""Japanese is complete: every message of the code and templates has its
Japanese in locale/ja, with the same placeholders, and the compiled catalogue
is up to date."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import polib
import pytest
from django.core.management import call_command
from django.test import override_settings

SRC = Path(__file__).resolve().parent.parent / "src" / "shinchoku"
JA = SRC / "locale" / "ja" / "LC_MESSAGES"
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")


@pytest.fixture(scope="module")
def catalogue():
    return polib.pofile(str(JA / "django.po"))


@pytest.fixture(scope="module")
def source_msgids(tmp_path_factory) -> set[str]:
    """Every msgid of src/shinchoku as `makemessages` finds them, extracted from
    a copy so that nothing in the tree changes."""
    work = tmp_path_factory.mktemp("i18n")
    tree = work / "shinchoku"
    shutil.copytree(
        SRC, tree, ignore=shutil.ignore_patterns("locale", "__pycache__", "data")
    )
    (work / "locale" / "ja").mkdir(parents=True)
    cwd = os.getcwd()
    os.chdir(tree)
    try:
        with override_settings(LOCALE_PATHS=[str(work / "locale")]):
            call_command("makemessages", locale=["ja"], verbosity=0, no_obsolete=True)
    finally:
        os.chdir(cwd)
    po = polib.pofile(str(work / "locale" / "ja" / "LC_MESSAGES" / "django.po"))
    return {e.msgid for e in po if not e.obsolete}


def test_every_message_of_the_source_has_japanese(catalogue, source_msgids):
    translated = {e.msgid for e in catalogue.translated_entries()}
    assert sorted(source_msgids - translated) == [], (
        "run makemessages -l ja and translate"
    )


def test_no_fuzzy_entries(catalogue):
    assert [e.msgid for e in catalogue.fuzzy_entries()] == []


def test_japanese_keeps_the_placeholders(catalogue):
    wrong = []
    for e in catalogue.translated_entries():
        targets = e.msgstr_plural.values() if e.msgid_plural else [e.msgstr]
        for target in targets:
            if set(PLACEHOLDER.findall(e.msgid)) != set(PLACEHOLDER.findall(target)):
                wrong.append((e.msgid, target))
    assert wrong == []


def test_the_compiled_catalogue_matches_the_source(catalogue):
    mo = polib.mofile(str(JA / "django.mo"))
    compiled = {(e.msgid, e.msgstr) for e in mo if not e.msgid_plural}
    source = {
        (e.msgid, e.msgstr)
        for e in catalogue.translated_entries()
        if not e.msgid_plural
    }
    assert source <= compiled, "run: shinchoku compilemessages"


def test_the_extraction_sees_the_whole_project(source_msgids):
    assert {
        "Indicators (KPIs)",
        "Committee report",
        "Skip to main content",
    } <= source_msgids
    assert len(source_msgids) > 300
