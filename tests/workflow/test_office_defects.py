"""The smaller defects the admin office met in a whole round (issue #13): each
test failed before its fix."""

from __future__ import annotations

from django.urls import reverse
from django.utils import translation

from shinchoku.common.services import ServiceError
from shinchoku.workflow.entries import services as entry_services
from shinchoku.workflow.models import Round
from shinchoku.workflow.rounds import services as round_services
from tests.workflow.conftest import entry_of

JA = {"accept-language": "ja"}


def _count(html: str, text: str) -> int:
    return html.count(text)


def test_an_error_of_opening_a_round_is_said_once(people, plan_round, client):
    client.force_login(people["gyosei"])
    url = reverse("workflow:rounds", kwargs={"code": "132110", "plan": "2021-2024"})
    # The same kind and year again: the service refuses (a non-field error).
    response = client.post(
        url,
        {"kind": "initial_plan", "fiscal_year": "令和6年度", "deadline": "2030-06-30"},
        headers=JA,
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert _count(html, 'class="errorlist nonfield"') == 1


def test_an_error_of_closing_a_round_is_said_once(people, plan_round, client):
    entry = entry_of(plan_round, 12)
    entry_services.entry_save_draft(
        actor=people["joho"], entry=entry, based_on_version=1, plan=["案"]
    )
    client.force_login(people["gyosei"])
    url = reverse("workflow:round-close", kwargs={"pk": plan_round.pk})
    response = client.post(
        url, {"title": "改訂版", "fiscal_year": "R6", "confirmed": "1"}, headers=JA
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert _count(html, 'class="errorlist nonfield"') == 1
    # 「承認も未着手でもない」 was no Japanese anyone writes.
    assert "承認も未着手でもない" not in html
    assert "作成中・提出済み・差戻し中の回答があります" in html


def test_an_error_of_the_kpi_entry_is_said_once(people, achievements_round, client):
    entry = entry_of(achievements_round, 12)
    indicator = entry.program.indicators.first()
    client.force_login(people["joho"])
    response = client.post(
        reverse("workflow:entry-edit", kwargs={"pk": entry.pk}),
        {"version": entry.version, "text": "・実施", f"kpi_{indicator.pk}": "八十五"},
        headers=JA,
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert _count(html, 'class="errorlist nonfield"') == 1


def test_the_close_form_proposes_a_title_it_accepts(people, plan_round, client):
    """The initial-plan round of 令和6年度 is titled like the seed's published
    edition 令和6年度当初計画: the form proposed that title, then refused it."""
    client.force_login(people["gyosei"])
    url = reverse("workflow:round-close", kwargs={"pk": plan_round.pk})
    html = client.get(url, headers=JA).content.decode()
    assert 'value="令和6年度当初計画（第2版）"' in html
    response = client.post(
        url,
        {
            "title": "令和6年度当初計画（第2版）",
            "fiscal_year": "令和6年度",
            "confirmed": "1",
        },
    )
    assert response.status_code == 302
    assert not Round.objects.get(pk=plan_round.pk).is_open


def test_an_approved_entry_is_no_longer_called_a_draft(people, plan_round, client):
    entry = entry_of(plan_round, 12)
    joho, gyosei = people["joho"], people["gyosei"]
    entry_services.entry_save_draft(
        actor=joho, entry=entry, based_on_version=1, plan=["案"]
    )
    entry_services.entry_submit(actor=joho, entry=entry, based_on_version=2)
    entry_services.entry_approve(actor=gyosei, entry=entry, based_on_version=3)
    client.force_login(gyosei)
    html = client.get(
        reverse("workflow:entry", kwargs={"pk": entry.pk}), headers=JA
    ).content.decode()
    assert "(下書き)" not in html and "(承認済み)" in html


def test_saving_a_grade_says_so_where_the_page_lands(people, seed_plan, client):
    client.force_login(people["gyosei"])
    url = reverse(
        "plans:program-grade",
        kwargs={"code": "132110", "plan": seed_plan.slug, "number": 12},
    )
    response = client.post(
        url,
        {"fiscal_year": "令和5年度", "grade": "A", "comment": ""},
        follow=True,
        headers=JA,
    )
    assert response.redirect_chain[-1][0].endswith("#grades")
    html = response.content.decode()
    grades = html[html.index('id="grades"') :]
    assert "評価を保存しました。" in grades.split("</form>")[0]
    # An error names the field by its label, in Japanese.
    response = client.post(
        url, {"fiscal_year": "来年", "grade": "A"}, follow=True, headers=JA
    )
    html = response.content.decode()
    grades = html[html.index('id="grades"') :]
    message = grades.split("</ul>")[0]
    assert "年度: 年度は「令和6年度」" in message and "fiscal_year" not in message


def test_the_office_is_not_offered_to_submit_a_returned_entry(
    people, plan_round, client
):
    entry = entry_of(plan_round, 12)
    joho, gyosei = people["joho"], people["gyosei"]
    entry_services.entry_save_draft(
        actor=joho, entry=entry, based_on_version=1, plan=["案"]
    )
    entry_services.entry_submit(actor=joho, entry=entry, based_on_version=2)
    entry_services.entry_return(
        actor=gyosei, entry=entry, based_on_version=3, comment="直して"
    )
    url = reverse("workflow:entry", kwargs={"pk": entry.pk})
    submit = reverse("workflow:entry-submit", kwargs={"pk": entry.pk})
    client.force_login(gyosei)
    assert submit not in client.get(url).content.decode()
    client.force_login(joho)
    assert submit in client.get(url).content.decode()


def test_the_close_refusal_names_the_pending_programs_in_japanese(people, plan_round):
    entry = entry_of(plan_round, 12)
    entry_services.entry_save_draft(
        actor=people["joho"], entry=entry, based_on_version=1, plan=["案"]
    )
    with translation.override("ja"):
        try:
            round_services.round_close(
                actor=people["gyosei"], round_=plan_round, title="版"
            )
        except ServiceError as exc:
            message = exc.message
    assert message.startswith("作成中・提出済み・差戻し中の回答があります: ⑫")
