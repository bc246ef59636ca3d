"""Japanese is complete and its compiled catalogue is up to date."""

from pathlib import Path

import polib

LOCALE = Path(__file__).parent.parent / "src" / "shinchoku" / "locale"


def test_every_japanese_message_is_translated():
    po = polib.pofile(str(LOCALE / "ja" / "LC_MESSAGES" / "django.po"))
    assert [e.msgid for e in po.untranslated_entries()] == []
    assert [e.msgid for e in po.fuzzy_entries()] == []


def test_the_compiled_catalogue_matches_the_source():
    po = polib.pofile(str(LOCALE / "ja" / "LC_MESSAGES" / "django.po"))
    mo = polib.mofile(str(LOCALE / "ja" / "LC_MESSAGES" / "django.mo"))
    compiled = {(e.msgid, e.msgstr) for e in mo if not e.msgid_plural}
    source = {
        (e.msgid, e.msgstr) for e in po.translated_entries() if not e.msgid_plural
    }
    assert source <= compiled, "run: shinchoku compilemessages"
