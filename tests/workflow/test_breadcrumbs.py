"""The round in an entry's breadcrumbs leads somewhere the reader may go: the
round's page for the admin office, the department's to-do list for a
department (the round's page answers 403 to it). Found when a department user
followed 「令和6年度実績」 from an entry in the browser (NOTES-qa)."""

import pytest

from tests.workflow.conftest import entry_of

pytestmark = pytest.mark.django_db


def crumbs(client, user, url) -> str:
    client.force_login(user)
    html = client.get(url).content.decode()
    start = html.index('class="breadcrumbs')
    return html[start : html.index("</nav>", start)]


@pytest.mark.parametrize(
    ("username", "may_see_round"), [("gyosei", True), ("joho", False)]
)
def test_the_round_crumb_opens(
    client, people, achievements_round, username, may_see_round
):
    entry = entry_of(achievements_round, 12)
    round_url = f"/workflow/rounds/{achievements_round.pk}/"
    nav = crumbs(client, people[username], f"/workflow/entries/{entry.pk}/")
    assert (f'href="{round_url}"' in nav) is may_see_round
    if not may_see_round:
        assert 'href="/workflow/"' in nav
    for href in (round_url, "/workflow/"):
        if f'href="{href}"' in nav:
            assert client.get(href).status_code == 200
