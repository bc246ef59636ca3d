"""Every page makes as many queries for a plan of 30 programs as for a plan of
one (no query per program, indicator, entry or edition), and no more than its
budget. bench/queries.py prints the same table."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.core.management import call_command

from tests.perf.pages import BUDGETS, PAGES, build, client_for, count_queries


@pytest.fixture(scope="module")
def worlds(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        small, large = build(1, index=0), build(30, index=1)
    yield small, large
    with django_db_blocker.unblock():
        call_command("flush", interactive=False, verbosity=0)


def test_every_page_has_a_budget():
    assert sorted(BUDGETS) == sorted(p.label for p in PAGES)


@pytest.mark.django_db
@pytest.mark.parametrize("page", PAGES, ids=[p.label for p in PAGES])
def test_queries_do_not_grow_with_the_programs(
    page, worlds, django_assert_max_num_queries
):
    small, large = worlds
    at_one = count_queries(small, page)
    assert at_one <= page.budget, f"{page.label}: {at_one} queries"
    client = client_for(large, page.role)
    client.get(page.url(large))  # one-off work is not counted, as above
    cache.clear()  # rendered, not served from the public pages' cache
    with django_assert_max_num_queries(at_one):
        assert client.get(page.url(large)).status_code == 200
