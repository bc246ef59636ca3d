"""The JSON API serves published editions only, paginated."""

import pytest
from django.conf import settings

from shinchoku.plans.models import Edition
from tests.portal.helpers import add_edition, program_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def base(seed_plan):
    return f"/api/municipalities/132110/plans/{seed_plan.slug}"


def get(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, (url, response.content[:300])
    return response.json()


def test_municipalities_are_paginated(client, seed_plan):
    page = get(client, "/api/municipalities")
    assert page["count"] == 1 and page["limit"] == 50 and page["offset"] == 0
    assert page["items"][0] == {
        "code": "132110",
        "name": "小平市",
        "url": "/132110/",
        "api_url": "/api/municipalities/132110",
    }
    assert get(client, "/api/municipalities?offset=1")["items"] == []
    assert "detail" in get(client, "/api/municipalities?limit=0", 422)


def test_plans_are_listed(client, seed_plan):
    page = get(client, "/api/plans")
    assert page["count"] == 1
    assert (
        page["items"][0]["api_url"]
        == f"/api/municipalities/132110/plans/{seed_plan.slug}"
    )


def test_municipality_plan_and_editions(client, seed_plan, base):
    m = get(client, "/api/municipalities/132110")
    assert [p["slug"] for p in m["plans"]] == [seed_plan.slug]
    plan = get(client, base)
    assert plan["period_wareki"] == "令和3年度～令和6年度"
    edition = plan["editions"][0]
    assert edition["number"] == 1 and edition["is_latest"] is True
    assert edition["date"] == "2024-02-02"
    assert edition["date_wareki"] == "令和6年2月2日"
    assert edition["fiscal_year_wareki"] == "令和6年度"
    assert get(client, f"{base}/editions") == plan["editions"]


def test_edition_and_programs(client, base):
    latest = get(client, f"{base}/editions/latest")
    assert latest == get(client, f"{base}/editions/1")
    assert len(latest["programs"]) == 23
    assert latest["directions"][1] == {
        "number": 3,
        "name": "運営・業務執行体制の効率化",
    }
    programs = get(client, f"{base}/editions/latest/programs?limit=5&offset=5")
    assert programs["count"] == 23 and len(programs["items"]) == 5
    assert programs["items"][0]["number"] == 11
    p12 = get(client, f"{base}/editions/1/programs/12")
    assert p12["number_label"] == "⑫"
    assert p12["years"][0] == {
        "fiscal_year": 2022,
        "fiscal_year_wareki": "令和4年度",
        "achievements": p12["years"][0]["achievements"],
        "plan": [],
    }
    assert "令和4年度末での電子決裁率73.7%。" in p12["years"][0]["achievements"]
    [rate] = [i for i in p12["indicators"] if i["name"] == "電子決裁率"]
    assert (rate["target"], rate["baseline"], rate["deadline_fy"]) == (90, 62.3, 2024)
    assert rate["actuals"] == {"2022": 73.7}
    get(client, f"{base}/editions/1/programs/99", 404)


def test_indicators_come_from_the_snapshot(client, seed_plan, base):
    kpi = {"name": "電子決裁率", "unit": "%", "target": 90}

    def change(snapshot):
        program_of(snapshot, 12)["kpis"] = [kpi]

    snapshot = seed_plan.editions.get().snapshot
    proposed = sum(len(p.get("kpis", [])) for p in snapshot["programs"])
    before = get(client, f"{base}/editions/latest/indicators?limit=100")
    assert before["count"] == proposed > 0
    add_edition(seed_plan, "令和7年度当初計画", change=change)
    page = get(client, f"{base}/editions/latest/indicators?limit=100")
    assert [i for i in page["items"] if i["program_number"] == 12] == [
        {
            "program_number": 12,
            "program_name": "文書の電子化・ペーパーレス化",
            "indicator": kpi,
        }
    ]
    assert get(client, f"{base}/editions/2/programs/12")["indicators"] == [kpi]


def test_nothing_unpublished_is_served(client, seed_plan, base):
    add_edition(seed_plan, "令和7年度(案)", published=False)
    get(client, f"{base}/editions/2", 404)
    assert [e["number"] for e in get(client, f"{base}/editions")] == [1]
    Edition.objects.update(published=False)
    assert get(client, "/api/municipalities")["count"] == 0
    get(client, "/api/municipalities/132110", 404)
    get(client, base, 404)
    assert get(client, "/api/search?q=公園")["count"] == 0


def test_search(client, seed_plan):
    page = get(client, "/api/search?q=電子決裁")
    assert page["count"] == 1
    hit = page["items"][0]
    assert hit["program_number"] == 12 and hit["edition_number"] == 1
    assert all("電子決裁" in m["text"] for m in hit["matches"])
    get(client, "/api/search?q=", 422)


def test_bad_parameters_are_422_not_500(client, base):
    for url in [
        "/api/municipalities/abc",
        "/api/municipalities/132110/plans/NOPE!",
        f"{base}/editions/0",
        f"{base}/editions/latest/programs/0",
        "/api/municipalities?offset=99999999999999999999",
    ]:
        assert client.get(url).status_code == 422, url


def test_openapi_schema_and_docs_page(client):
    schema = get(client, "/api/openapi.json")
    assert schema["openapi"].startswith("3.")
    ops = {
        op["operationId"] for item in schema["paths"].values() for op in item.values()
    }
    assert {"listMunicipalities", "getPlan", "getProgram", "listIndicators"} <= ops
    assert {"saveEntryDraft", "reviewIndicator", "setProgramGrade"} <= ops
    html = client.get("/api/docs/").content.decode()
    assert "GET /api/municipalities/{code}/plans/{slug}" in html
    assert "PATCH /api/entries/{entry_id}/draft" in html
    assert "shinchoku api-token" in html
    assert 'href="/api/openapi.json"' in html
    assert "<script" not in html


def test_api_queries_stay_fixed(client, base, django_assert_max_num_queries):
    # + 1 each: the public pages' cache generation (portal.cache)
    with django_assert_max_num_queries(4):
        get(client, f"{base}/editions/latest/programs?limit=200")
    with django_assert_max_num_queries(5):
        get(client, "/api/municipalities")


def test_japanese_is_sent_as_utf8(client, base):
    """Not as \\uXXXX escapes, which take twice the bytes."""
    body = client.get(f"{base}/editions/latest/programs/12").content
    assert "文書の電子化・ペーパーレス化".encode() in body
    assert b"\\u" not in body


def test_lists_are_paginated_in_the_database(
    client, seed_plan, django_assert_max_num_queries
):
    from shinchoku.ops.synthetic import Generator

    Generator(
        municipalities=3,
        programs=1,
        years=1,
        vocabulary_file=settings.SHINCHOKU_SEED_FILE,
    ).run()
    plans = get(client, "/api/plans?limit=2&offset=1")
    assert plans["count"] == 4
    codes = [p["municipality_code"] for p in plans["items"]]
    everything = [p["municipality_code"] for p in get(client, "/api/plans")["items"]]
    assert codes == everything[1:3] and everything == sorted(everything)
    with django_assert_max_num_queries(3):  # generation, count, the page only
        get(client, "/api/municipalities?limit=1&offset=3")
