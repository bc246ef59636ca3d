"""Every user-facing string has its Japanese: in locale/ja, or (for the
portal's new strings, until they are merged there) in locale/pending/portal.json."""

import pytest

from tests.portal import catalogue


@pytest.fixture(scope="module")
def msgids(tmp_path_factory):
    return catalogue.extract_msgids(tmp_path_factory.mktemp("makemessages"))


def test_every_msgid_has_japanese(msgids):
    known = catalogue.translated_ja() | catalogue.pending()
    assert len(msgids) > 150
    assert sorted(m for m in msgids if m not in known) == []


def test_pending_translations_are_japanese_and_keep_placeholders():
    import re

    for msgid, msgstr in catalogue.pending().items():
        assert msgstr.strip(), msgid
        assert sorted(re.findall(r"%\(\w+\)s", msgid)) == sorted(
            re.findall(r"%\(\w+\)s", msgstr)
        ), msgid


def test_no_pending_entry_is_stale(msgids):
    assert sorted(set(catalogue.pending()) - msgids) == []
