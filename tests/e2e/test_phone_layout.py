"""The staff pages at 1366×768 and on a phone (390×844) in a real Chromium:
the per-FY table of a program and of the entry page stacks on the phone with
its column labels (取組実績 and 当初予定 told apart), the header stays small,
and a chart's value labels (85.2%, 目標90%, 最終目標 …) never overlap.
Screenshots go to test-artifacts/ (layout-*.png)."""

from __future__ import annotations

import pytest
from django.test import Client

from shinchoku.plans import services as plan_services
from shinchoku.workflow.demo import ensure_demo_people, ensure_demo_round
from shinchoku.workflow.models import RoundEntry

VIEWPORTS = {"desktop": (1366, 768), "phone": (390, 844)}

CELL_LABELS = """() => Array.from(document.querySelectorAll('table.years td')).map(
  td => [getComputedStyle(td).display, getComputedStyle(td, '::before').content])"""

LABEL_BOXES = """(svg) => Array.from(svg.querySelectorAll('text'))
  .filter(t => t.classList.contains('point-label')
    || /^(最終目標 |期限 )/.test(t.textContent))
  .map(t => { const r = t.getBoundingClientRect();
    return [t.textContent, r.left, r.top, r.right, r.bottom]; })"""


def _overlaps(boxes):
    out = []
    for i, (a, *ba) in enumerate(boxes):
        for b, *bb in boxes[i + 1 :]:
            if ba[0] < bb[2] and bb[0] < ba[2] and ba[1] < bb[3] and bb[1] < ba[3]:
                out.append((a, b))
    return out


@pytest.mark.django_db(transaction=True)
def test_year_tables_header_and_chart_labels_at_both_sizes(
    browser, live_server, seed_plan, artifact_path
):
    ensure_demo_people()
    round_ = ensure_demo_round()
    from django.contrib.auth import get_user_model

    gyosei = get_user_model().objects.get(username="gyosei")
    indicator = seed_plan.programs.get(number=12).indicators.get(name="電子決裁率")
    plan_services.indicator_actual_set(
        actor=gyosei,
        indicator=indicator,
        fiscal_year=2024,
        value=85.2,
        based_on_version=indicator.version,
    )
    entry = RoundEntry.objects.get(round=round_, program__number=12)
    client = Client()
    client.force_login(gyosei)
    session = client.cookies["sessionid"].value
    base = live_server.url
    program_url = f"{base}/staff/132110/plans/{seed_plan.slug}/programs/12/"
    entry_url = f"{base}/workflow/entries/{entry.pk}/"
    for name, (width, height) in VIEWPORTS.items():
        context = browser.new_context(
            locale="ja-JP", viewport={"width": width, "height": height}
        )
        context.add_cookies([{"name": "sessionid", "value": session, "url": base}])
        page = context.new_page()
        page.set_default_timeout(15_000)

        page.goto(program_url)
        header = page.locator("header.site-header").bounding_box()
        page.screenshot(path=artifact_path(f"layout-{name}-top.png"))
        assert header["height"] < 0.2 * height, (name, header)
        cells = page.evaluate(CELL_LABELS)
        assert cells
        if name == "phone":
            assert {display for display, _ in cells} == {"block"}
            labels = {content for _, content in cells}
            assert '"取組実績"' in labels
            assert '"当初予定・設定目標(前年度末の状況)"' in labels
        else:
            assert {display for display, _ in cells} == {"table-cell"}
            assert page.locator("table.years thead").is_visible()
        page.screenshot(
            path=artifact_path(f"layout-{name}-program.png"), full_page=True
        )
        chart = page.locator(f"#indicator-{indicator.pk} svg.kpi-chart")
        boxes = chart.evaluate(LABEL_BOXES)
        assert {"85.2%", "目標90%"} <= {b[0] for b in boxes}, boxes
        assert not _overlaps(boxes), (name, _overlaps(boxes))
        chart.screenshot(path=artifact_path(f"layout-{name}-chart.png"))

        page.goto(entry_url)
        earlier = page.locator("details.earlier-years table.years")
        assert "令和4年度" in earlier.inner_text()  # the seed starts in 2022
        if name == "phone":
            assert {d for d, _ in page.evaluate(CELL_LABELS)} == {"block"}
        page.screenshot(path=artifact_path(f"layout-{name}-entry.png"), full_page=True)
        context.close()
