"""JIS X 8341-3:2016 AA in practice: axe-core (vendored) over every public page
type in Chromium, at desktop and phone widths, and keyboard-only use."""

from pathlib import Path

import pytest

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
FAILING_IMPACTS = {"serious", "critical"}
# Checked whatever axe calls their impact.
ALWAYS_FAILING = {"heading-order", "page-has-heading-one", "landmark-one-main"}


def public_pages(slug: str) -> dict[str, str]:
    plan = f"/132110/plans/{slug}/"
    return {
        "home": "/",
        "municipality": "/132110/",
        "plan": plan,
        "edition": f"{plan}editions/1/",
        "program": f"{plan}programs/12/",
        "indicators": f"{plan}indicators/",
        "edition-indicators": f"{plan}editions/1/indicators/",
        "search-results": "/search/?q=電子決裁",
        "search-empty": "/search/?q=存在しない語句",
        "data-dictionary": "/open-data/",
        "api-docs": "/api/docs/",
    }


def axe_problems(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags},"
        " resultTypes: ['violations']})",
        AXE_TAGS,
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — "
        + "; ".join(n["target"][0] for n in v["nodes"][:3])
        for v in result["violations"]
        if v["impact"] in FAILING_IMPACTS or v["id"] in ALWAYS_FAILING
    ]


@pytest.mark.django_db(transaction=True)
def test_axe_finds_no_serious_problem_on_any_public_page(
    browser, live_server, seed_plan, artifact_path
):
    problems = {}
    for width, height, suffix in ((1280, 900, "desktop"), (375, 812, "phone")):
        context = browser.new_context(
            locale="ja-JP", viewport={"width": width, "height": height}
        )
        page = context.new_page()
        for name, url in public_pages(seed_plan.slug).items():
            response = page.goto(live_server.url + url)
            assert response.status == 200, url
            assert page.locator("html").get_attribute("lang") == "ja"
            page.screenshot(
                path=artifact_path(f"portal-{name}-{suffix}.png"), full_page=True
            )
            found = axe_problems(page)
            if found:
                problems[f"{name} @ {width}px"] = found
            if suffix == "phone":
                # Nothing but wide tables (which scroll in their box) may make
                # the page scroll sideways.
                overflow = page.evaluate(
                    "document.documentElement.scrollWidth > window.innerWidth"
                )
                assert not overflow, f"{url} scrolls sideways at 375 px"
        context.close()
    assert problems == {}


@pytest.mark.django_db(transaction=True)
def test_axe_check_can_fail(page, live_server, seed_plan):
    """The check above is real: a page with a low-contrast, unlabelled field
    fails it."""
    page.goto(live_server.url + "/")
    page.evaluate(
        """() => {
        const p = document.createElement('p');
        p.textContent = '読みにくい文字';
        p.style.color = '#ccc';
        document.querySelector('main').append(p, document.createElement('input'));
    }"""
    )
    problems = axe_problems(page)
    assert any(p.startswith("color-contrast") for p in problems)
    assert any(p.startswith("label") for p in problems)


@pytest.mark.django_db(transaction=True)
def test_a_keyboard_user_searches_and_opens_a_program(page, live_server, seed_plan):
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent").strip() == "本文へ移動"
    # The focused element is visibly marked.
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    page.keyboard.press("Tab")  # the site name
    page.keyboard.press("Tab")  # the search box
    assert page.evaluate("document.activeElement.id") == "site-search-q"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    page.keyboard.type("テレワーク")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=*")
    assert page.locator("mark").first.inner_text() == "テレワーク"
    link = page.locator(".search-results h3 a").first
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/programs/20/")
    assert "テレワーク体制の整備" in page.locator("h1").inner_text()


@pytest.mark.django_db(transaction=True)
def test_print_style_hides_navigation(page, live_server, seed_plan, artifact_path):
    page.goto(live_server.url + f"/132110/plans/{seed_plan.slug}/programs/12/")
    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible()
    assert not page.locator(".breadcrumbs").is_visible()
    assert page.locator("table.years").is_visible()
    page.pdf(path=artifact_path("portal-program-print.pdf"))
