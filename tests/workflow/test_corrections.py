"""Corrections (issue #12 item 2) and the editions page (item 6): the office
reopens a closed 実績 round with a reason, a program goes back to its
department, and closing again makes a 修正版 that supersedes the edition; the
public pages and the API show the corrected edition as current, marked, with
the changes, and the superseded one stays reachable."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from shinchoku.common.services import InvalidState, ServiceError
from shinchoku.plans import services as plan_services
from shinchoku.portal import selectors as portal_selectors
from shinchoku.reports.selectors import edition_report
from shinchoku.workflow.entries import services as entry_services
from shinchoku.workflow.models import EntryState, Round
from shinchoku.workflow.opinions import services as opinion_services
from shinchoku.workflow.rounds import services as round_services
from tests.reports.results_world import OPINION, entry, play_results_round

REASON = "⑫の実績に誤記があったため"
CORRECTED = ["電子決裁を全庁に広げた（決裁の81.0%）", "文書管理システムを更新した"]
LATE_OPINION = "ペーパーレス化の効果を金額で示されたい。"


@pytest.fixture
def first(people, seed_plan):
    edition = play_results_round(people, seed_plan)
    plan_services.edition_publish(
        actor=people["gyosei"], edition=edition, published=True
    )
    return edition


def correct(people, first):
    gyosei, joho = people["gyosei"], people["joho"]
    round_ = Round.objects.get(edition=first)
    round_services.round_reopen(
        actor=gyosei, round_=round_, reason=REASON, programs=[12]
    )
    e = entry(round_, 12)
    assert (e.state, e.return_comment) == (EntryState.RETURNED, REASON)
    entry_services.entry_save_draft(
        actor=joho, entry=e, based_on_version=e.version, achievements=CORRECTED
    )
    e = entry(round_, 12)
    entry_services.entry_submit(actor=joho, entry=e, based_on_version=e.version)
    e = entry(round_, 12)
    entry_services.entry_approve(actor=gyosei, entry=e, based_on_version=e.version)
    opinion_services.opinion_add(actor=people["iinkai"], entry=e, text=LATE_OPINION)
    second = round_services.round_close(
        actor=gyosei,
        round_=Round.objects.get(pk=round_.pk),
        title="令和5年度実績(修正版)",
    )
    plan_services.edition_publish(actor=gyosei, edition=second, published=True)
    return second


def test_reopening_and_closing_makes_a_correction(people, first):
    round_ = Round.objects.get(edition=first)
    second = correct(people, first)
    first.refresh_from_db()
    assert second.supersedes == first and first.is_superseded
    assert second.kind == first.kind == "achievements"
    # The reason is in the round's history, with who reopened it.
    reopened = round_.history.filter(history_change_reason__contains="reopen")
    assert reopened.get().history_change_reason.endswith(REASON)
    assert reopened.get().history_user == people["gyosei"]
    # The correction carries the new text and the late opinion; the first
    # edition's report is what it was.
    rows = {r.number: r for r in edition_report(second).rows()}
    assert rows[12].achievements == tuple(CORRECTED)
    assert LATE_OPINION in [o.text for o in rows[12].opinions]
    old = {r.number: r for r in edition_report(first).rows()}
    assert old[12].achievements[0].endswith("80.1%）")
    assert edition_report(second).note == "※本資料は令和5年度実績の修正版です。"


def test_reopen_is_the_offices_with_a_reason(people, first, plan_round):
    round_ = Round.objects.get(edition=first)
    with pytest.raises(PermissionDenied):
        round_services.round_reopen(actor=people["joho"], round_=round_, reason="x")
    with pytest.raises(ServiceError, match="Say why"):
        round_services.round_reopen(actor=people["gyosei"], round_=round_, reason=" ")
    with pytest.raises(ServiceError, match="no entry in the round: 99"):
        round_services.round_reopen(
            actor=people["gyosei"], round_=round_, reason="r", programs=[99]
        )
    # An open round is not reopened: the office is told (the API's 409).
    with pytest.raises(InvalidState, match="open already"):
        round_services.round_reopen(
            actor=people["gyosei"], round_=plan_round, reason="r"
        )
    assert not Round.objects.get(pk=round_.pk).is_open


def test_public_pages_and_api_show_the_current_edition(client, people, first):
    second = correct(people, first)
    pp = portal_selectors.plan_get(code="132110", slug=first.plan.slug)
    refs = {r.edition.pk: r for r in pp.editions}
    new, old = refs[second.pk], refs[first.pk]
    assert new.supersedes is old and old.superseded_by is new
    assert pp.editions.index(new) < pp.editions.index(old)

    page = client.get(new.get_absolute_url()).content.decode()
    assert "edition-correction" in page and new.diff_url.replace("&", "&amp;") in page
    page = client.get(old.get_absolute_url()).content.decode()
    assert "edition-superseded" in page and new.get_absolute_url() in page
    # Each edition's program page shows the opinions it froze: the superseded
    # one keeps its own although the round now points at the correction.
    page = client.get(f"{new.get_absolute_url()}programs/12/").content.decode()
    assert LATE_OPINION in page
    page = client.get(f"{old.get_absolute_url()}programs/12/").content.decode()
    assert OPINION in page and LATE_OPINION not in page

    diff = client.get(new.diff_url)
    assert diff.status_code == 200  # anyone may compare two published editions
    text = diff.content.decode()
    assert 'id="program-12"' in text and "<ins>" in text
    assert LATE_OPINION in text  # the results block is compared too

    api = client.get(
        reverse("api:editions", kwargs={"code": "132110", "slug": first.plan.slug})
    ).json()
    by_number = {e["number"]: e for e in api}
    assert by_number[new.number]["supersedes"] == old.number
    assert by_number[old.number]["superseded_by"] == new.number
    assert by_number[new.number]["kind"] == "achievements"
    assert by_number[old.number]["is_latest"] is False


def test_the_editions_page(client, people, first):
    second = correct(people, first)
    client.force_login(people["gyosei"])
    url = reverse(
        "workflow:editions", kwargs={"code": "132110", "plan": first.plan.slug}
    )
    page = client.get(url).content.decode()
    seed = first.plan.editions.get(title="令和6年度当初計画")
    for edition, status in (
        (seed, "state-published"),
        (first, "state-superseded"),
        (second, "state-published"),
    ):
        row = page[page.index(f'id="edition-{edition.pk}"') :].split("</tr>")[0]
        assert status in row
        assert edition.get_kind_display() in row
        for fmt in ("pdf", "xlsx", "html"):
            link = reverse(
                "portal:report",
                kwargs={
                    "code": "132110",
                    "plan": first.plan.slug,
                    "edition": edition.pk,
                    "fmt": fmt,
                },
            )
            assert link in row
    row = page[page.index(f'id="edition-{second.pk}"') :].split("</tr>")[0]
    assert f"?old={first.pk}&amp;new={second.pk}" in row
    response = client.get(
        reverse(
            "portal:report",
            kwargs={
                "code": "132110",
                "plan": first.plan.slug,
                "edition": second.pk,
                "fmt": "xlsx",
            },
        )
    )
    assert response.status_code == 200


def test_closing_again_under_the_same_title_refreezes_an_unpublished_edition(
    people, seed_plan
):
    edition = play_results_round(people, seed_plan)  # not published
    round_ = Round.objects.get(edition=edition)
    round_services.round_reopen(actor=people["gyosei"], round_=round_, reason="r")
    again = round_services.round_close(
        actor=people["gyosei"],
        round_=Round.objects.get(pk=round_.pk),
        title=edition.title,
    )
    assert again.pk == edition.pk and again.supersedes is None
