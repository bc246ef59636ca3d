"""Japanese search over published editions, on SQLite (FTS5 trigram) and
PostgreSQL (pg_trgm): the same selector, the same answers."""

import pytest
from django.core.management import call_command
from django.db import connection

from shinchoku.plans.models import ProgramYear
from shinchoku.portal import search as selectors
from shinchoku.portal.models import SearchEntry
from shinchoku.portal.services import search_index_edition, search_index_rebuild
from tests.portal.helpers import add_edition, program_of

pytestmark = pytest.mark.django_db


def numbers(q, **kwargs):
    return [h.entry.program_number for h in selectors.search(q, **kwargs).hits]


@pytest.mark.parametrize(
    "query, expected",
    [
        ("DX", {13, 14, 15, 20, 24}),  # 2 characters: the LIKE fallback
        ("公園", {22}),
        ("電子決裁", {12}),
        ("テレワーク", {20}),
        ("ふるさと納税", {23}),
    ],
)
def test_a_reader_finds_the_seed_programs(seed_plan, query, expected):
    found = numbers(query)
    assert expected <= set(found)
    # The program named after the word comes first.
    assert found[0] in expected


def test_a_name_hit_outranks_text_hits(seed_plan):
    results = selectors.search("DX")
    assert results.hits[0].entry.program_number == 24  # 自治体DX… and DX in text
    scores = [h.score for h in results.hits]
    assert scores == sorted(scores, reverse=True)
    assert results.hits[-1].entry.program_number not in {13, 14, 15}


def test_width_case_and_kana_are_folded(seed_plan):
    assert numbers("ＤＸ") == numbers("DX") == numbers("dx")
    assert numbers("てれわーく") == numbers("テレワーク") == [20]


def test_every_word_must_match(seed_plan):
    assert numbers("電子決裁 90%") == [12]
    assert numbers("電子決裁 公園") == []


def test_hits_carry_the_matching_bullets(seed_plan):
    hit = selectors.search("電子決裁率").hits[0]
    fields = {(p["field"], p["fy"]) for p in hit.parts}
    assert ("achievement", 2022) in fields
    assert all("電子決裁率" in p["text"] for p in hit.parts)
    assert hit.url == f"/132110/plans/{seed_plan.slug}/programs/12/"


def test_text_only_in_live_data_is_not_found(seed_plan):
    """A staff edit not yet published (live ProgramYear) is invisible."""
    year = ProgramYear.objects.get(
        program__plan=seed_plan, program__number=12, fiscal_year=2024
    )
    year.plan = [*year.plan, "未公開のあじさい計画を進める。"]
    year.save()
    search_index_rebuild()
    assert numbers("あじさい計画") == []
    assert numbers("あじ") == []


def test_text_only_in_an_unpublished_edition_is_not_found(seed_plan):
    def change(snapshot):
        program_of(snapshot, 12)["policy_points"].append("下書きのひまわり構想")

    draft = add_edition(
        seed_plan, "令和7年度当初計画(案)", change=change, published=False
    )
    assert numbers("ひまわり構想") == [] and numbers("ひま") == []
    assert numbers("ひまわり構想", all_editions=True) == []
    # Published, it is found, and becomes the plan's latest edition.
    draft.published = True
    draft.save()
    assert numbers("ひまわり構想") == [12]
    assert numbers("ひま") == [12]


def test_only_the_latest_edition_is_searched_by_default(seed_plan):
    def change(snapshot):
        program_of(snapshot, 22)["name"] = "都市緑地の新たな事業手法"

    add_edition(seed_plan, "令和7年度当初計画", change=change)
    assert 22 not in numbers("公園整備、管理")
    hits = selectors.search("公園整備、管理", all_editions=True).hits
    assert [(h.entry.program_number, h.entry.edition_number) for h in hits] == [(22, 1)]
    assert hits[0].url == f"/132110/plans/{seed_plan.slug}/editions/1/programs/22/"


def test_unpublishing_removes_an_edition_from_search(seed_plan):
    edition = seed_plan.editions.get()
    edition.published = False
    edition.save()
    assert numbers("公園") == []
    assert SearchEntry.objects.count() == 0


def test_short_queries_fall_back_to_like(seed_plan):
    assert set(numbers("公")) >= {22}
    assert numbers("") == [] and numbers("   ") == []


def test_query_syntax_is_taken_literally(seed_plan):
    for q in ['"', '" OR "', "NEAR(a b)", "a*", "%", "_", "\\", "\x00電子決裁"]:
        selectors.search(q)  # no error
    assert numbers("%") == [] or all(n for n in numbers("%"))
    assert numbers("\x00電子決裁") == [12]


def test_search_pages(seed_plan):
    first = selectors.search("DX", limit=2)
    second = selectors.search("DX", limit=2, offset=2)
    assert first.total == second.total >= 5
    assert first.has_next and not first.has_previous and second.has_previous
    assert not {h.entry.pk for h in first.hits} & {h.entry.pk for h in second.hits}


def test_the_index_lives_where_each_database_searches(seed_plan):
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "SELECT count(*) FROM portal_searchentry_fts "
                "WHERE portal_searchentry_fts MATCH ?",
                ['"電子決裁"'],
            )
            assert cursor.fetchone()[0] == 1
        else:
            cursor.execute(
                "SELECT indexdef FROM pg_indexes "
                "WHERE indexname = 'portal_searchentry_haystack_trgm'"
            )
            assert "gin_trgm_ops" in cursor.fetchone()[0]


def test_reindex_command_rebuilds_from_snapshots(seed_plan, capsys):
    SearchEntry.objects.all().delete()
    assert numbers("公園") == []
    call_command("reindex", "--dry-run")
    assert numbers("公園") == []
    call_command("reindex")
    assert numbers("公園") == [22, 23]
    assert "1 editions, 23 search entries." in capsys.readouterr().out


def test_indexing_is_idempotent(seed_plan):
    edition = seed_plan.editions.get()
    before = SearchEntry.objects.count()
    assert search_index_edition(edition=edition).entries == before == 23
    assert SearchEntry.objects.count() == 23


def test_deleting_the_latest_edition_makes_the_previous_one_searched(seed_plan):
    def change(snapshot):
        program_of(snapshot, 22)["name"] = "都市緑地の新たな事業手法"

    newer = add_edition(seed_plan, "令和7年度当初計画", change=change)
    assert numbers("都市緑地") == [22]
    newer.delete()
    assert numbers("都市緑地") == []
    hits = selectors.search("公園整備").hits
    assert [(h.entry.program_number, h.entry.edition_number) for h in hits][0] == (
        22,
        1,
    )


def test_a_common_word_ranks_at_most_the_cap_named_programs_first(
    seed_plan, monkeypatch
):
    """At national scale a word can be in most programs: search ranks at most
    SEARCH_MAX_HITS of them, every program named after the words among them,
    and says it stopped."""
    everything = selectors.search("DX")
    assert not everything.capped and everything.total >= 5
    monkeypatch.setattr(selectors, "SEARCH_MAX_HITS", 2)
    capped = selectors.search("DX")
    assert capped.capped and capped.total == 2 and len(capped.hits) == 2
    named = {h.entry.pk for h in everything.hits if "DX" in h.entry.program_name}
    assert len(named) > 2  # more than the cap, and more text-only hits besides
    assert len(everything.hits) > len(named)
    assert {h.entry.pk for h in capped.hits} <= named
    monkeypatch.setattr(selectors, "SEARCH_MAX_HITS", len(named) + 1)
    one_more = selectors.search("DX")
    assert {h.entry.pk for h in one_more.hits} > named  # all named, then text
    assert not selectors.search("電子決裁").capped  # one program: all of it


def test_the_search_page_says_when_it_stopped(client, seed_plan, monkeypatch):
    monkeypatch.setattr(selectors, "SEARCH_MAX_HITS", 2)
    html = client.get("/search/?q=DX", headers={"accept-language": "en"})
    assert "More than 2 programs hold these words" in html.content.decode()
    api = client.get("/api/search?q=DX").json()
    assert api["capped"] is True and api["count"] == 2
