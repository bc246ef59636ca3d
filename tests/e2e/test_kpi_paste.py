"""The paste page in a real Chromium, in Japanese: paste a plan's text, see the
words each indicator was read from marked, untick one, add the other."""

import pytest

TEXT = (
    "転入者数:1,210人(平成27年)→1,480人(令和2年)\n"
    "救急搬送率:3.1‰(平成28年度)→2.8‰(令和3年度)\n"
    "今年度は窓口の混雑が目立ちました。"
)


@pytest.mark.django_db(transaction=True)
def test_paste_mark_and_accept(staff_page, live_server, seed_plan, artifact_path):
    page = staff_page
    page.goto(live_server.url + seed_plan.get_absolute_url() + "programs/3/")
    page.click("text=計画の本文から指標の候補を探す")
    page.fill("textarea[name=text]", TEXT)
    page.click("button[value=preview]")
    marks = page.locator("table.proposals mark.ev")
    assert marks.count() == 6  # name, baseline and target of each of two lines
    assert page.locator("table.proposals mark.ev-name").first.inner_text() == "転入者数"
    assert (
        page.locator("table.proposals mark.ev-baseline").nth(1).inner_text() == "3.1‰"
    )
    assert "窓口の混雑" not in page.locator("table.proposals").inner_text()
    page.screenshot(path=artifact_path("kpi-paste.png"), full_page=True)
    page.uncheck("#accept-1-0")
    page.click("button[value=accept]")
    page.wait_for_url("**/programs/3/#indicators")
    assert page.locator("text=指標を1件追加しました").count() == 1
    heading = page.locator("section.indicator h3", has_text="救急搬送率")
    assert heading.count() == 1
    assert page.locator("section.indicator h3", has_text="転入者数").count() == 0
