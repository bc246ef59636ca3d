"""Japanese on every Japanese page, in one calendar: every staff and public
page type, as each role of the round (admin office, two departments, the
committee, the public), shows no Latin-script word outside the allow-list
(tests/language.py); every 年度 field and date on them is in 和暦."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.db import transaction
from django.test import Client

from tests.language import latin_words, visible_text
from tests.walk import ROLES, build_walk

YEAR_INPUTS = re.compile(
    r'<input[^>]*name="(?:fiscal_year|first_fy|last_fy|deadline_fy|schedule_as_of)"'
    r"[^>]*>"
)
VALUE = re.compile(r'value="([^"]*)"')
# A Western 年度 or date shown on its own (the Western year may stand beside a
# 和暦 one in parentheses: 令和6年2月2日 (2024-02-02)).
WESTERN_FY = re.compile(r"(?<![\d(（])(?:19|20)\d\d\s*年度|FY\s*\d{4}")
WESTERN_DATE = re.compile(r"(?<![(（\d])(?:19|20)\d\d[-/]\d\d?[-/]\d\d?")


@pytest.fixture(scope="module")
def walk(django_db_setup, django_db_blocker):
    """One round in progress for every test of the module (built once, rolled
    back at the end)."""
    from shinchoku.imports.services import import_file

    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield build_walk(import_file(Path(settings.SHINCHOKU_SEED_FILE)).plan)
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def _pages(walk, role):
    client = Client(headers={"accept-language": "ja"})
    if role != "anonymous":
        client.force_login(walk.users[role])
    for name, url in walk.urls:
        response = client.get(url, follow=True)
        yield name, url, response


def test_every_page_speaks_japanese_to_every_role(walk, db):
    problems = []
    seen = set()
    usernames = set(walk.users)
    for role in ROLES:
        for name, url, response in _pages(walk, role):
            seen.add((name, response.status_code))
            if "text/html" not in response.get("Content-Type", ""):
                continue
            # User names are identifiers people type, not text to translate.
            words = latin_words(response.content.decode(), allowed=usernames)
            if words:
                problems.append(f"{role} {name} {url}: {sorted(words)}")
    assert not problems, "\n".join(problems)
    # The walk saw the pages themselves, not only refusals.
    assert {name for name, status in seen if status == 200} >= {
        name for name, _url in walk.urls if name != "not found"
    }


def test_every_year_field_and_date_on_staff_pages_is_wareki(walk, db):
    problems = []
    inputs = 0
    for name, url, response in _pages(walk, "gyosei"):
        html = response.content.decode()
        for tag in YEAR_INPUTS.findall(html):
            inputs += 1
            value = VALUE.search(tag)
            if value and value[1] and not value[1].startswith(("令和", "平成")):
                problems.append(f"{name} {url}: {tag}")
        text = visible_text(html)
        for pattern in (WESTERN_FY, WESTERN_DATE):
            for m in pattern.finditer(text):
                context = text[max(0, m.start() - 20) : m.end() + 10]
                problems.append(f"{name} {url}: {m[0]!r} in {context!r}")
    assert not problems, "\n".join(problems)
    assert inputs >= 5  # round open, close (year and as-of), grade, actual, review
