"""The HTML report keeps its layout under the production Content-Security-Policy
(style-src 'self': no inline <style>)."""

import pytest

PRODUCTION_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; "
    "img-src 'self' data:; frame-ancestors 'none'; base-uri 'self'; "
    "form-action 'self'"
)


@pytest.mark.django_db(transaction=True)
def test_the_html_report_is_styled_under_the_production_policy(
    page, live_server, seed_plan, settings, artifact_path
):
    settings.SHINCHOKU_CSP = PRODUCTION_CSP
    violations = []
    page.on(
        "console",
        lambda m: violations.append(m.text) if "Content Security" in m.text else None,
    )
    edition = seed_plan.editions.get()
    response = page.goto(
        f"{live_server.url}/reports/132110/{seed_plan.slug}/{edition.pk}.html"
    )
    assert response.headers["content-security-policy"] == PRODUCTION_CSP
    table = page.locator("table.report")
    assert table.evaluate("t => getComputedStyle(t).borderCollapse") == "collapse"
    header = page.locator("table.report thead th").first
    # --header-fill, #d9e1f2
    assert header.evaluate("th => getComputedStyle(th).backgroundColor") == (
        "rgb(217, 225, 242)"
    )
    # The columns keep their relative widths: 方向性 wider than the program name.
    widths = page.evaluate(
        "[...document.querySelectorAll('thead tr:first-child th')]"
        ".map(th => th.getBoundingClientRect().width)"
    )
    assert widths[2] > widths[1] > widths[0]
    assert violations == []
    page.screenshot(path=artifact_path("report-under-csp.png"))
