"""The staff plan and program pages (under /staff/, live data) show the seed's
text, in Japanese by default, to staff only."""

import pytest
from django.urls import reverse

from tests.imports.helpers import SEED_NAMES


@pytest.fixture
def plan_url(seed_plan):
    return seed_plan.get_absolute_url()


@pytest.fixture
def client(admin_client):
    return admin_client


def test_staff_pages_need_a_staff_login(seed_plan, plan_url):
    from django.test import Client

    anonymous = Client()
    for url in ["/staff/", plan_url, f"{plan_url}programs/12/"]:
        response = anonymous.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/workflow/login/")


def test_staff_urls(seed_plan, plan_url):
    assert plan_url == f"/staff/132110/plans/{seed_plan.slug}/"


def test_home_lists_the_plan(client, seed_plan):
    response = client.get("/staff/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "小平市" in html and "第1期経営方針推進プログラム" in html
    assert 'lang="ja"' in html
    assert "計画一覧" in html  # Japanese UI by default


def test_plan_overview_groups_programs_by_section_and_direction(client, plan_url):
    html = client.get(plan_url).content.decode()
    for name in SEED_NAMES.values():
        assert name in html
    assert "◆◇実施プログラム◇◆" in html
    assert "方向性3 運営・業務執行体制の効率化" in html
    assert "※令和4年度までをもって終了" in html
    assert "令和3年度 (2021)～令和6年度 (2024)" in html
    assert html.index("◆◇実施プログラム◇◆") < html.index("旧検討プログラム")


def test_program_page_shows_every_field_and_the_years_side_by_side(client, seed_plan):
    url = reverse(
        "plans:program", kwargs={"code": "132110", "plan": seed_plan.slug, "number": 12}
    )
    html = client.get(url).content.decode()
    assert "⑫" in html and "文書の電子化・ペーパーレス化" in html
    assert (
        "4年間で電子決裁対象文書の電子決裁率90%以上を目指す(令和3年4月1日現在:62.3%)"
        in html
    )
    assert "令和4年度末での電子決裁率73.7%。" in html
    assert "令和5年度 (2023)" in html and "電子決裁率85%を目指す。" in html
    assert '<th scope="row">令和6年度 (2024)</th>' in html


def test_english_is_available(client, plan_url):
    html = client.get(plan_url, headers={"accept-language": "en"}).content.decode()
    assert 'lang="en"' in html and "Direction 3: 運営・業務執行体制の効率化" in html
    assert "FY2024 (令和6年度)" in html


def test_unknown_plans_and_programs_are_404(client, seed_plan):
    assert client.get("/staff/132110/plans/nope/").status_code == 404
    assert (
        client.get(f"/staff/132110/plans/{seed_plan.slug}/programs/99/").status_code
        == 404
    )


def test_pages_make_a_fixed_number_of_queries(
    client, seed_plan, plan_url, django_assert_max_num_queries
):
    # +2 for the staff session and user
    with django_assert_max_num_queries(8):
        client.get(plan_url)
    # +2 for the staff session and user; plan, program, years, neighbours,
    # indicators, grades, round opinions; the header's unread notifications
    with django_assert_max_num_queries(11):
        client.get(f"{plan_url}programs/3/")


def test_text_is_escaped(client, seed_plan):
    program = seed_plan.programs.get(number=1)
    program.name = "<script>alert(1)</script>"
    program.save()
    html = client.get(program.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in html and "&lt;script&gt;" in html
