"""Which published edition is a plan's current one, the same on every public
surface (the plan page, the home and municipality pages' 最新の版, search's
default scope, the API): the latest report FY, then the latest date (an
undated edition after the dated ones of its FY), then the last made; a
correction (修正版) replaces the edition it supersedes whatever its date."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from shinchoku.plans.models import Edition
from shinchoku.portal import selectors
from shinchoku.portal.models import SearchEntry
from tests.portal.helpers import add_edition

pytestmark = pytest.mark.django_db

SEED = "令和6年度当初計画"


def undated(text: str) -> str:
    """'令和6年度当初計画 (令和6年3月1日)' → the title."""
    return text.split(" (令和")[0]


def current_everywhere(client, plan) -> dict[str, str]:
    """The current edition's title as each public surface says it."""
    public = selectors.plan_get(code="132110", slug=plan.slug)
    home = client.get("/").content.decode()
    municipality = client.get("/132110/").content.decode()
    api = client.get(f"/api/municipalities/132110/plans/{plan.slug}/editions")
    searched = set(
        SearchEntry.objects.filter(plan=plan, is_latest=True).values_list(
            "edition__title", flat=True
        )
    )
    return {
        "plan page": public.latest.title,
        "home": undated(home.split("最新の版: ")[1].split("</span>")[0]),
        "municipality": undated(
            re.search(
                r"<th scope=\"row\">.*?<td>.*?<td>(.*?)</td>", municipality, re.S
            )[1]
        ),
        "search": ",".join(sorted(searched)),
        "api": next(e["title"] for e in api.json() if e.get("is_latest")),
    }


def test_a_later_date_of_an_earlier_fy_does_not_make_the_current_edition(
    client, seed_plan
):
    seed = Edition.objects.get(title=SEED)
    assert seed.fiscal_year == 2024
    add_edition(seed_plan, "令和5年度実績", fiscal_year=2023, date=dt.date(2030, 7, 10))
    assert set(current_everywhere(client, seed_plan).values()) == {SEED}


def test_a_correction_is_current_for_its_fy_whatever_its_date(client, seed_plan):
    seed = Edition.objects.get(title=SEED)
    for date in (None, seed.date - dt.timedelta(days=1)):
        correction = add_edition(
            seed_plan, f"{SEED}(修正版{date})", fiscal_year=2024, date=date
        )
        correction.supersedes = seed
        correction.save()
        titles = current_everywhere(client, seed_plan)
        assert set(titles.values()) == {correction.title}, titles
        correction.delete()


def test_an_undated_edition_comes_after_the_dated_ones_of_its_fy(client, seed_plan):
    seed = Edition.objects.get(title=SEED)
    assert seed.date is not None
    add_edition(seed_plan, "令和6年度 参考資料", fiscal_year=2024, date=None)
    assert set(current_everywhere(client, seed_plan).values()) == {SEED}


def test_the_migration_sets_search_s_latest_flags_in_the_new_order(client, seed_plan):
    """portal 0005 on rows flagged under the old order (the superseded edition
    searched by default): the correction's rows are flagged instead."""
    import importlib

    from django.apps import apps

    seed = Edition.objects.get(title=SEED)
    correction = add_edition(seed_plan, f"{SEED}(修正版)", fiscal_year=2024, date=None)
    correction.supersedes = seed
    correction.save()
    SearchEntry.objects.update(is_latest=False)
    SearchEntry.objects.filter(edition=seed).update(is_latest=True)  # the old order
    migration = importlib.import_module(
        "shinchoku.portal.migrations.0005_search_latest_edition_order"
    )
    migration.mark_latest(apps, None)
    flagged = set(
        SearchEntry.objects.filter(is_latest=True).values_list("edition_id", flat=True)
    )
    assert flagged == {correction.pk}
