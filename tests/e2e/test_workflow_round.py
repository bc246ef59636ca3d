"""A whole update round in a real Chromium: the admin office opens it, a
department writes, submits, gets it back with a comment, fixes it; the admin
office approves, closes the round into an edition, publishes it, and the diff
against the seed's edition shows exactly what was changed. Then two people
edit the same entry at once and the second is shown both texts to merge."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from shinchoku.plans.models import Edition, ProgramYear
from shinchoku.workflow.demo import PASSWORD, ensure_demo_people
from shinchoku.workflow.models import EntryState, RoundEntry

OLD_TARGET = "電子決裁率90%以上を目指す。"
NEW_TARGET = "電子決裁率95%以上を目指す。"
ADDED = "会議資料は原則として電子で事前配布する。"


def sign_in(page, base: str, username: str) -> None:
    page.goto(base + "/workflow/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("form.stacked button[type=submit]")
    expect(page).to_have_url(re.compile(r"/workflow/$"))


def new_page(browser):
    context = browser.new_context(
        locale="ja-JP", viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    return context, page


def entry_url(page, number_label: str) -> None:
    page.locator("a", has_text=number_label).first.click()


@pytest.mark.django_db(transaction=True)
def test_a_round_from_opening_to_the_diff_of_its_edition(
    browser, page, live_server, seed_plan, artifact_path
):
    ensure_demo_people()
    base = live_server.url
    office = page
    sign_in(office, base, "gyosei")

    # The admin office opens an initial-plan round for 令和6年度.
    office.goto(f"{base}/staff/132110/plans/{seed_plan.slug}/rounds/")
    office.select_option("#id_kind", "initial_plan")
    office.fill("#id_fiscal_year", "2024")
    office.fill("#id_deadline", "2030-01-31")
    office.click("form.stacked button[type=submit]")
    expect(office.locator("h1")).to_contain_text("令和6年度当初計画")
    office.screenshot(path=artifact_path("workflow-1-dashboard.png"), full_page=True)

    # The department editor sees the to-do list, writes and submits ⑫.
    dept_context, dept = new_page(browser)
    sign_in(dept, base, "joho")
    expect(dept.locator("table.tasks")).to_contain_text(
        "⑫ 文書の電子化・ペーパーレス化"
    )
    expect(dept.locator("table.tasks")).not_to_contain_text("① 幅広い市民意見の収集")
    dept.screenshot(path=artifact_path("workflow-2-todo.png"), full_page=True)
    dept.locator("table.tasks a", has_text="⑫").click()
    text = dept.input_value("#id_text")
    assert OLD_TARGET in text
    dept.fill("#id_text", text.replace(OLD_TARGET, NEW_TARGET) + "\n・" + ADDED)
    dept.click("#edit-form button[type=submit]")
    expect(dept.locator("#entry-state")).to_have_attribute(
        "class", re.compile("state-drafting")
    )
    dept.screenshot(path=artifact_path("workflow-3-draft.png"), full_page=True)
    dept.click("form[action$='/submit/'] button")
    expect(dept.locator("#entry-state")).to_have_attribute(
        "class", re.compile("state-submitted")
    )
    # The live plan does not show the draft.
    live = ProgramYear.objects.get(program__number=12, fiscal_year=2024)
    assert NEW_TARGET not in live.plan

    # The admin office returns it with a comment.
    office.reload()
    office.locator("table.dashboard a", has_text="⑫").click()
    office.fill("#id_comment", "目標の根拠を追記してください。")
    office.click("form[action$='/return/'] button")
    expect(office.locator("#entry-state")).to_have_attribute(
        "class", re.compile("state-returned")
    )

    # The department sees the comment, fixes the draft and submits again.
    dept.reload()
    expect(dept.locator("#return-comment")).to_have_text(
        "目標の根拠を追記してください。"
    )
    dept.screenshot(path=artifact_path("workflow-4-returned.png"), full_page=True)
    fixed = dept.input_value("#id_text").replace(
        NEW_TARGET, NEW_TARGET.replace("。", "(令和5年度末見込み88%)。")
    )
    dept.fill("#id_text", fixed)
    dept.click("#edit-form button[type=submit]")
    dept.click("form[action$='/submit/'] button")
    expect(dept.locator("#entry-state")).to_have_attribute(
        "class", re.compile("state-submitted")
    )

    # The admin office approves; the live plan now has the text.
    office.reload()
    office.click("form[action$='/approve/'] button")
    # A page of its own asks first (no script): what approving does, and back.
    expect(office.locator("#confirm-h")).to_contain_text("を承認")
    office.screenshot(path=artifact_path("workflow-4b-confirm.png"), full_page=True)
    office.click("form.confirm-form button[type=submit]")
    expect(office.locator("#entry-state")).to_have_attribute(
        "class", re.compile("state-approved")
    )
    final_target = "電子決裁率95%以上を目指す(令和5年度末見込み88%)。"
    live.refresh_from_db()
    assert live.plan[-2:] == [final_target, ADDED]
    assert RoundEntry.objects.get(program__number=12).state == EntryState.APPROVED

    # It closes the round into an edition, and publishes it.
    office.locator("nav.breadcrumbs a", has_text="令和6年度当初計画").click()
    office.click("a[href$='/close/']")
    office.fill("#id_title", "令和6年度当初計画(改訂)")
    office.fill("#id_meeting", "第1回 経営方針推進委員会")
    office.fill("#id_material", "資料1")
    office.fill("#id_date", "2024-05-20")
    office.click("form.stacked button[type=submit]")
    office.click("form.confirm-form button[type=submit]")
    expect(office.locator("table")).to_contain_text("令和6年度当初計画(改訂)")
    edition = Edition.objects.get(title="令和6年度当初計画(改訂)")
    assert not edition.published
    office.click(f"form[action$='/editions/{edition.pk}/publish/'] button")
    office.click("form.confirm-form button[type=submit]")
    expect(office.locator(".messages")).to_be_visible()
    edition.refresh_from_db()
    assert edition.published

    # The diff against the seed's edition shows exactly the changes made.
    seed = Edition.objects.get(title="令和6年度当初計画")
    office.select_option("#diff-old", str(seed.pk))
    office.select_option("#diff-new", str(edition.pk))
    office.click("form[action$='/editions/diff/'] button")
    sections = office.locator("section.program-diff")
    expect(sections).to_have_count(1)
    expect(sections).to_have_attribute("id", "program-12")
    changes = sections.locator("li.change")
    expect(changes).to_have_count(2)
    changed = sections.locator("li.change-changed")
    # The browser asks for Japanese: the screen-reader markers are translated.
    expect(changed.locator("del")).to_have_text(["[削除: 0]"])
    expect(changed.locator("ins")).to_have_text(
        ["[追加: 5]", "[追加: (令和5年度末見込み88%)]"]
    )
    expect(sections.locator("li.change-added ins")).to_have_text(f"[追加: {ADDED}]")
    office.screenshot(path=artifact_path("workflow-5-diff.png"), full_page=True)

    # The public sees the new text, and the program's history names the round.
    office.goto(base + seed_plan.programs.get(number=12).get_absolute_url())
    expect(office.get_by_text(final_target)).to_be_visible()
    office.locator("a[href$='/history/']").click()
    expect(office.locator("ol.history li").first).to_contain_text(
        "令和6年度当初計画 ⑫ 承認"
    )
    expect(office.locator("ol.history li").first).to_contain_text("行政経営 花子")
    office.screenshot(path=artifact_path("workflow-6-history.png"), full_page=True)
    dept_context.close()


@pytest.mark.django_db(transaction=True)
def test_two_people_editing_one_entry_do_not_lose_an_update(
    browser, page, live_server, seed_plan, artifact_path
):
    from shinchoku.workflow.demo import ensure_demo_round

    ensure_demo_people()
    round_ = ensure_demo_round()  # 令和5年度実績
    entry = RoundEntry.objects.get(round=round_, program__number=12)
    base = live_server.url
    url = f"{base}/workflow/entries/{entry.pk}/"
    first = page
    second_context, second = new_page(browser)
    sign_in(first, base, "joho")
    sign_in(second, base, "joho2")
    first.goto(url)
    second.goto(url)  # both forms carry the same version

    first.fill("#id_text", "・電子決裁率は86.1%となった。")
    first.click("#edit-form button[type=submit]")
    expect(first.locator("#entry-state")).to_have_attribute(
        "class", re.compile("state-drafting")
    )

    second.fill("#id_text", "・会議のペーパーレス化を全庁で実施した。")
    second.click("#edit-form button[type=submit]")
    expect(second.locator("#theirs")).to_contain_text("電子決裁率は86.1%となった。")
    expect(second.locator("#mine")).to_contain_text(
        "会議のペーパーレス化を全庁で実施した。"
    )
    second.screenshot(path=artifact_path("workflow-7-conflict.png"), full_page=True)
    entry.refresh_from_db()
    assert entry.achievements == ["電子決裁率は86.1%となった。"]  # not overwritten

    # The second person merges both texts and saves over the new version.
    second.fill(
        "#merge-form textarea",
        "・電子決裁率は86.1%となった。\n・会議のペーパーレス化を全庁で実施した。",
    )
    second.click("#merge-form button[type=submit]")
    expect(second.locator("#entry-state")).to_be_visible()
    entry.refresh_from_db()
    assert entry.achievements == [
        "電子決裁率は86.1%となった。",
        "会議のペーパーレス化を全庁で実施した。",
    ]
    assert entry.updated_by.username == "joho2"
    second_context.close()
