"""The round's pages: what each role sees."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from shinchoku.plans import services as plan_services
from shinchoku.workflow.entries import services as entry_services
from shinchoku.workflow.models import Round
from shinchoku.workflow.rounds import services as round_services
from tests.workflow.conftest import entry_of

EN = {"accept-language": "en"}


def test_a_department_editor_sees_only_their_to_do_list(people, plan_round, client):
    client.force_login(people["kyodo"])
    html = client.get(reverse("workflow:home"), headers=EN).content.decode()
    assert "① 幅広い市民意見の収集" in html
    assert "文書の電子化・ペーパーレス化" not in html  # led by 情報政策課
    assert "Download the workbook" in html
    assert (
        client.get(reverse("workflow:round", kwargs={"pk": plan_round.pk})).status_code
        == 403
    )


def test_the_dashboard_shows_what_is_missing_and_overdue_per_department(
    people, plan_round, client
):
    Round.objects.filter(pk=plan_round.pk).update(deadline=dt.date(2024, 1, 31))
    entry = entry_of(plan_round, 12)
    entry_services.entry_save_draft(
        actor=people["joho"], entry=entry, based_on_version=1, plan=["案"]
    )
    client.force_login(people["gyosei"])
    html = client.get(
        reverse("workflow:round", kwargs={"pk": plan_round.pk}), headers=EN
    ).content.decode()
    assert "情報政策課" in html and "市民協働・男女参画推進課" in html
    assert "Overdue" in html
    assert 'class="state state-drafting">Drafting' in html
    assert "E-mail an overdue notice" in html  # 督促 only once overdue
    response = client.post(
        reverse("workflow:round-remind", kwargs={"pk": plan_round.pk}),
        {"confirmed": "1"},
        headers=EN,
    )
    assert response.status_code == 302


def test_a_returned_entry_shows_the_comment_to_the_department(
    people, plan_round, client
):
    joho, gyosei = people["joho"], people["gyosei"]
    entry = entry_of(plan_round, 12)
    entry_services.entry_save_draft(
        actor=joho, entry=entry, based_on_version=1, plan=["案"]
    )
    entry_services.entry_submit(actor=joho, entry=entry, based_on_version=2)
    client.force_login(gyosei)
    url = reverse("workflow:entry", kwargs={"pk": entry.pk})
    response = client.post(
        reverse("workflow:entry-return", kwargs={"pk": entry.pk}),
        {"version": 3, "comment": "目標値を追記してください"},
    )
    assert response.status_code == 302
    client.force_login(joho)
    html = client.get(url).content.decode()
    assert "目標値を追記してください" in html and 'id="edit-form"' in html


def test_opening_and_closing_a_round_through_the_pages(people, seed_plan, client):
    client.force_login(people["gyosei"])
    url = reverse("workflow:rounds", kwargs={"code": "132110", "plan": seed_plan.slug})
    response = client.post(
        url, {"kind": "achievements", "fiscal_year": 2023, "deadline": "2030-06-30"}
    )
    round_ = Round.objects.get()
    assert response.status_code == 302 and round_.title == "令和5年度実績"
    response = client.post(
        url, {"kind": "achievements", "fiscal_year": 2023, "deadline": "2030-06-30"}
    )
    assert response.status_code == 400
    response = client.post(
        reverse("workflow:round-close", kwargs={"pk": round_.pk}),
        {
            "title": "令和5年度実績報告",
            "fiscal_year": 2025,
            "date": "2030-07-01",
            "confirmed": "1",
        },
    )
    assert response.status_code == 302
    edition = seed_plan.editions.get(title="令和5年度実績報告")
    assert not edition.published and edition.fiscal_year == 2025


def test_the_diff_page_marks_insertions_and_deletions(people, plan_round, client):
    joho, gyosei = people["joho"], people["gyosei"]
    entry = entry_of(plan_round, 12)
    plan = [*entry.plan[:-1], "電子決裁率95%以上を目指す。"]
    entry_services.entry_save_draft(
        actor=joho, entry=entry, based_on_version=1, plan=plan
    )
    entry_services.entry_submit(actor=joho, entry=entry, based_on_version=2)
    entry_services.entry_approve(actor=gyosei, entry=entry, based_on_version=3)
    new = round_services.round_close(actor=gyosei, round_=plan_round, title="改訂版")
    plan_services.edition_publish(actor=gyosei, edition=new, published=True)
    old = plan_round.plan.editions.get(title="令和6年度当初計画")
    url = reverse(
        "workflow:edition-diff", kwargs={"code": "132110", "plan": plan_round.plan.slug}
    )
    html = client.get(f"{url}?old={old.pk}&new={new.pk}", headers=EN).content.decode()
    assert 'id="program-12"' in html and 'id="program-3"' not in html
    assert "電子決裁率9<del>" in html and ">0<span" in html
    assert "[inserted: </span>5<span" in html
    assert "1 program changed." in html


def test_the_program_page_stays_at_a_fixed_number_of_queries(
    seed_plan, admin_client, django_assert_max_num_queries
):
    url = seed_plan.programs.get(number=3).get_absolute_url()
    with django_assert_max_num_queries(11):  # + session, user, unread count
        assert admin_client.get(url).status_code == 200


def test_editions_list_shows_the_public_only_published_ones(people, plan_round, client):
    round_services.round_close(
        actor=people["gyosei"], round_=plan_round, title="非公開版"
    )
    url = reverse(
        "workflow:editions", kwargs={"code": "132110", "plan": plan_round.plan.slug}
    )
    assert "非公開版" not in client.get(url).content.decode()
    client.force_login(people["iinkai"])
    assert "非公開版" in client.get(url).content.decode()


def test_sign_in_page_leads_to_the_tasks(people, client):
    response = client.post(
        reverse("accounts:login"), {"username": "joho", "password": "shinchoku-demo"}
    )
    assert response.status_code == 302 and response["Location"] == "/workflow/"


def test_the_entry_page_says_who_saved_when_and_who_approved_when(
    people, plan_round, client
):
    """最終保存 is the writer with the time they saved, not the time of a later
    step someone else took; the approval has its own line, approver and time."""
    from unittest import mock

    from django.utils import timezone

    from shinchoku.common import wareki
    from shinchoku.workflow.models import person_name

    jst = dt.timezone(dt.timedelta(hours=9))
    saved = dt.datetime(2024, 5, 20, 10, 0, tzinfo=jst)
    approved = dt.datetime(2024, 5, 22, 15, 30, tzinfo=jst)
    joho, gyosei = people["joho"], people["gyosei"]
    with mock.patch.object(timezone, "now", return_value=saved):
        entry_services.entry_save_draft(
            actor=joho, entry=entry_of(plan_round, 12), based_on_version=1, plan=["案"]
        )
    with mock.patch.object(timezone, "now", return_value=approved):
        entry_services.entry_submit(
            actor=joho, entry=entry_of(plan_round, 12), based_on_version=2
        )
        entry_services.entry_approve(
            actor=gyosei, entry=entry_of(plan_round, 12), based_on_version=3
        )
    client.force_login(gyosei)
    entry = entry_of(plan_round, 12)
    html = client.get(reverse("workflow:entry", kwargs={"pk": entry.pk})).content
    html = html.decode()
    at = wareki.datetime_label
    assert (
        f"<dt>最終保存</dt><dd>{person_name(joho)}, {at(saved.replace(tzinfo=None))}</dd>"
        in html
    )
    assert (
        f"<dt>承認</dt><dd>{person_name(gyosei)}, "
        f"{at(approved.replace(tzinfo=None))}</dd>" in html
    )
    # The round's status table says the same: saved by whom when, approved when.
    import csv
    import io

    status = client.get(reverse("workflow:status-csv", kwargs={"pk": plan_round.pk}))
    rows = list(csv.reader(io.StringIO(status.content.decode("utf-8-sig"))))
    header, row = rows[0], next(r for r in rows if r[0] == "⑫")
    got = dict(zip(header, row, strict=True))
    assert got["最終保存者"] == person_name(joho)
    assert got["最終保存日時"] == at(saved.replace(tzinfo=None))
    assert got["承認日時"] == at(approved.replace(tzinfo=None))
