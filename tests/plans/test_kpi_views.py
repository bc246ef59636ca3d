import csv
import io
import re

import pytest
from django.utils import translation

from shinchoku.plans import presenters
from shinchoku.plans.models import Indicator
from shinchoku.portal import presenters as portal_presenters
from shinchoku.portal.selectors import edition_get


@pytest.fixture
def urls(seed_plan):
    base = seed_plan.get_absolute_url()
    return {
        "program": f"{base}programs/12/",
        "dashboard": f"{base}indicators/",
        "csv": f"{base}indicators.csv",
    }


def test_program_page_shows_the_chart_and_its_data_table(admin_client, urls):
    html = admin_client.get(urls["program"]).content.decode()
    assert '<svg xmlns="http://www.w3.org/2000/svg" role="img"' in html
    assert "電子決裁率の推移" in html
    assert "73.7%" in html and "76.15%" in html
    assert "やや遅れ" in html or "Slightly behind" in html


def test_dashboard_groups_every_indicator_by_direction(
    admin_client, urls, django_assert_max_num_queries
):
    with django_assert_max_num_queries(10):  # + session and user
        html = admin_client.get(urls["dashboard"]).content.decode()
    assert html.count("<svg") == Indicator.objects.exclude(status="rejected").count()
    assert "方向性3 運営・業務執行体制の効率化" in html


def test_csv_has_one_row_per_indicator_and_year(admin_client, urls):
    body = admin_client.get(urls["csv"]).content.decode("utf-8")
    assert body.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(body.lstrip("\ufeff"))))
    e = [r for r in rows if r["indicator"] == "電子決裁率"]
    assert [(r["fiscal_year"], r["target"], r["actual"]) for r in e] == [
        ("2022", "", "73.7"),
        ("2023", "85", ""),
        ("2024", "90", ""),
    ]
    assert (
        e[0]["fiscal_year_wareki"] == "令和4年度"
        and e[0]["municipality_code"] == "132110"
    )


def test_only_the_admin_office_can_review(
    client, admin_client, urls, seed_plan, django_user_model
):
    indicator = Indicator.objects.get(program__number=12, name="電子決裁率")
    url = f"{seed_plan.get_absolute_url()}indicators/{indicator.pk}/review/"
    data = {
        f"i{indicator.pk}-version": 1,
        f"i{indicator.pk}-decision": "confirm",
        f"i{indicator.pk}-name": "電子決裁率",
        f"i{indicator.pk}-unit": "%",
        f"i{indicator.pk}-target": "90",
    }
    response = client.post(url, data)
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert Indicator.objects.get(pk=indicator.pk).status == "extracted"
    outsider = django_user_model.objects.create_user("outsider", password="x")
    client.force_login(outsider)
    assert client.post(url, data).status_code == 403
    assert client.get(urls["program"]).status_code == 403
    assert Indicator.objects.get(pk=indicator.pk).status == "extracted"
    response = admin_client.post(url, data)
    assert response.status_code == 302
    assert Indicator.objects.get(pk=indicator.pk).status == "confirmed"


def test_staff_and_public_views_share_one_code_path(seed_plan):
    """The public page draws an edition's frozen indicator with the same
    function as the staff page draws the live one: same evaluation, same
    table, same chart (only the element ids differ)."""
    live = Indicator.objects.get(program__number=12, name="電子決裁率")
    staff = presenters.indicator_view(live, seed_plan, chart_id="kpi-x")
    pe = edition_get(code="132110", slug=seed_plan.slug)
    public = next(
        v
        for v in portal_presenters.indicator_views(pe, pe.program(12))
        if v.name == "電子決裁率"
    )
    assert (public.status, public.status_fy, public.rate) == (
        staff.status,
        staff.status_fy,
        staff.rate,
    )
    assert public.years == staff.years
    assert public.svg.replace(public.dom_id.replace("indicator", "kpi"), "kpi-x") == (
        staff.svg
    )
    assert (staff.dom_id, staff.indicator) == (f"indicator-{live.pk}", live)
    assert (public.dom_id, public.indicator) == ("indicator-12-1", None)


def test_kpi_view_fills_in_a_partial_indicator():
    # Japanese whatever an earlier test's request left active in this thread.
    with translation.override("ja"):
        view = presenters.kpi_view(
            {"name": "相談件数", "unit": "件", "targets": {"2023": 10}},
            first_fy=2021,
            last_fy=2024,
            thresholds=None,
            chart_id="c",
        )
        assert view.years[2].target == 10 and view.years[2].status_label == "未測定"
    assert view.status == "not_measured" and view.pending
    assert [y.fiscal_year for y in view.years] == [2021, 2022, 2023, 2024]
    assert 'id="c-title"' in view.svg and view.dom_id == "indicator-c"


def test_a_plan_rates_its_indicators_on_its_own_scale(admin_client, urls, seed_plan):
    """A plan that chose 長与町's S/A/B/C/− scale shows that rating beside the
    status; the default linear method adds nothing."""
    html = admin_client.get(urls["program"]).content.decode()
    assert 'class="mark' not in html
    type(seed_plan).objects.filter(pk=seed_plan.pk).update(evaluation_method="nagayo")
    html = admin_client.get(urls["program"]).content.decode()
    marks = re.findall(r'<span class="mark mark-(\w+)"[^>]*>([^<]+)</span>', html)
    assert marks, html[:2000]
    # 電子決裁率: baseline 62.3% → 73.7% in FY2022, target 90%: above the baseline.
    assert any(outcome == "banded" and "A" in text for outcome, text in marks), marks


@pytest.mark.parametrize(
    "name", ['=HYPERLINK("https://evil.example/","x")', "+cmd|' /C calc'!A0"]
)
def test_the_kpi_csv_never_holds_a_formula(admin_client, urls, tmp_path, name):
    """indicators.csv and `export --format kpi-csv` are made for Excel (BOM): a
    name that starts like a formula gets the apostrophe that keeps it text."""
    from django.core.management import call_command

    Indicator.objects.filter(name="電子決裁率").update(name=name, unit="-1")
    target = tmp_path / "kpis.csv"
    call_command("exportplan", "--format", "kpi-csv", "-o", str(target))
    for body in (
        admin_client.get(urls["csv"]).content.decode("utf-8-sig"),
        target.read_bytes().decode("utf-8-sig"),
    ):
        rows = list(csv.DictReader(io.StringIO(body)))
        mine = [r for r in rows if r["indicator"].endswith(name)]
        assert mine and {(r["indicator"], r["unit"]) for r in mine} == {
            ("'" + name, "'-1")
        }
        # Numbers stay numbers.
        assert all(not r["baseline"].startswith("'") for r in rows)
