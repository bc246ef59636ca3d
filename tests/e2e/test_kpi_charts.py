"""The indicator charts in a real Chromium: drawn, with Japanese text in the DOM."""

import pytest


@pytest.mark.django_db(transaction=True)
def test_dashboard_and_program_charts(
    staff_page, live_server, seed_plan, artifact_path
):
    page = staff_page
    page.goto(live_server.url + seed_plan.get_absolute_url() + "indicators/")
    charts = page.locator("svg.kpi-chart")
    assert charts.count() >= 10
    box = charts.first.bounding_box()
    assert box["width"] > 300 and box["height"] > 150
    assert "方向性3" in page.content()
    page.screenshot(path=artifact_path("kpi-dashboard.png"), full_page=True)

    page.goto(
        live_server.url + seed_plan.get_absolute_url() + "programs/12/#indicators"
    )
    chart = page.locator("#indicators ~ section svg.kpi-chart").first
    assert "電子決裁率の推移" in chart.inner_html()
    assert "令和4年度" in chart.text_content()
    table = page.locator("table.kpi-table").first
    assert "73.7%" in table.inner_text()
    chart.screenshot(path=artifact_path("kpi-program-12.png"))
