"""A staff member browses Kodaira's plan (live data, /staff/) in a real
Chromium."""

import pytest


@pytest.mark.django_db(transaction=True)
def test_browse_from_home_to_a_program(
    staff_page, live_server, seed_plan, artifact_path
):
    page = staff_page
    page.goto(live_server.url + "/staff/")
    assert page.locator("html").get_attribute("lang") == "ja"
    page.get_by_role("link", name="第1期経営方針推進プログラム").click()
    page.get_by_role("link", name="文書の電子化・ペーパーレス化").click()
    assert page.url.startswith(live_server.url + "/staff/132110/")
    assert page.locator("h1").inner_text().endswith("文書の電子化・ペーパーレス化")
    assert page.get_by_text("令和4年度末での電子決裁率73.7%。", exact=True).is_visible()
    page.screenshot(path=artifact_path("staff-program-12.png"), full_page=True)


@pytest.mark.django_db(transaction=True)
def test_the_skip_link_is_the_first_stop_of_the_keyboard(
    staff_page, live_server, seed_plan
):
    page = staff_page
    page.goto(live_server.url + seed_plan.get_absolute_url())
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused.strip() == "本文へ移動"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"
