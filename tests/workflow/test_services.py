"""The round's state machine and what approval, closing and publishing write."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from shinchoku.common.services import InvalidState, ServiceError
from shinchoku.plans import services as plan_services
from shinchoku.plans.models import Edition, ProgramYear
from shinchoku.plans.selectors import edition_numbers
from shinchoku.workflow.editions import selectors as edition_selectors
from shinchoku.workflow.entries import services as entry_services
from shinchoku.workflow.models import EntryState, Round, RoundKind
from shinchoku.workflow.opinions import selectors as opinion_selectors
from shinchoku.workflow.opinions import services as opinion_services
from shinchoku.workflow.rounds import selectors as round_selectors
from shinchoku.workflow.rounds import services as round_services
from tests.workflow.conftest import entry_of


def _year(program, fy):
    return ProgramYear.objects.filter(program=program, fiscal_year=fy).first()


def _draft(user, entry, **fields):
    return entry_services.entry_save_draft(
        actor=user, entry=entry, based_on_version=entry.version, **fields
    )


def _step(service, user, round_, number, **kwargs):
    entry = entry_of(round_, number)
    return service(actor=user, entry=entry, based_on_version=entry.version, **kwargs)


def test_opening_a_round_gives_every_active_program_an_entry_with_the_live_text(
    plan_round,
):
    numbers = set(plan_round.entries.values_list("program__number", flat=True))
    assert len(numbers) == 20 and not numbers & {21, 26, 28}  # ended in 令和4年度
    entry = entry_of(plan_round, 12)
    assert entry.state == EntryState.NOT_STARTED
    assert entry.plan == _year(entry.program, 2024).plan
    assert entry.year_version == 1


def test_a_round_outside_the_plan_or_twice_is_refused(people, seed_plan, plan_round):
    for fy in (2020, 2025):
        with pytest.raises(ServiceError, match="outside the plan"):
            round_services.round_open(
                actor=people["gyosei"],
                plan=seed_plan,
                kind=RoundKind.INITIAL_PLAN,
                fiscal_year=fy,
                deadline=dt.date(2030, 1, 1),
            )
    with pytest.raises(ServiceError, match="already has a round"):
        round_services.round_open(
            actor=people["gyosei"],
            plan=seed_plan,
            kind=RoundKind.INITIAL_PLAN,
            fiscal_year=2024,
            deadline=dt.date(2030, 1, 1),
        )


def test_a_draft_stays_off_the_live_plan_until_approved(people, plan_round, client):
    joho, gyosei = people["joho"], people["gyosei"]
    entry = entry_of(plan_round, 12)
    live_before = _year(entry.program, 2024).plan
    assert _draft(joho, entry, plan=["・電子決裁率95%以上を目指す。"])
    assert _year(entry.program, 2024).plan == live_before
    client.force_login(gyosei)  # the staff page shows the live plan
    page = client.get(entry.program.get_absolute_url()).content.decode()
    assert "電子決裁率95%" not in page
    _step(entry_services.entry_submit, joho, plan_round, 12)
    _step(entry_services.entry_approve, gyosei, plan_round, 12)
    record = _year(entry.program, 2024)
    assert record.plan == ["電子決裁率95%以上を目指す。"] and record.version == 2
    row = record.history.first()
    assert row.history_user == gyosei
    assert row.history_change_reason == (
        f"screen: approve round 令和6年度当初計画 (#{plan_round.pk}) ⑫"
    )
    assert (
        "電子決裁率95%" in client.get(entry.program.get_absolute_url()).content.decode()
    )


def test_the_full_cycle_with_a_return(people, plan_round):
    joho, gyosei = people["joho"], people["gyosei"]
    _draft(joho, entry_of(plan_round, 12), plan=["案"])
    assert entry_of(plan_round, 12).state == EntryState.DRAFTING
    _step(entry_services.entry_submit, joho, plan_round, 12)
    assert entry_of(plan_round, 12).state == EntryState.SUBMITTED
    _step(
        entry_services.entry_return,
        gyosei,
        plan_round,
        12,
        comment="目標値を入れてください",
    )
    entry = entry_of(plan_round, 12)
    assert entry.state == EntryState.RETURNED
    assert entry.return_comment == "目標値を入れてください"
    _draft(joho, entry, plan=["案", "目標90%"])
    _step(entry_services.entry_submit, joho, plan_round, 12)
    _step(entry_services.entry_approve, gyosei, plan_round, 12)
    assert entry_of(plan_round, 12).state == EntryState.APPROVED


@pytest.mark.parametrize(
    "setup, service, message",
    [
        (
            [],
            entry_services.entry_submit,
            "Not started: only an entry that is Drafting",
        ),
        (
            ["draft"],
            entry_services.entry_approve,
            "Drafting: only an entry that is Submitted",
        ),
        (
            ["draft"],
            entry_services.entry_return,
            "Drafting: only an entry that is Submitted",
        ),
        (
            ["draft", "submit", "approve"],
            entry_services.entry_submit,
            "Approved: only an entry that is Drafting, Returned can be submitted",
        ),
        (
            ["draft", "submit"],
            entry_services.entry_save_draft,
            "Submitted: only an entry that is not started, drafting or returned",
        ),
    ],
)
def test_illegal_transitions_are_refused_with_a_clear_message(
    people, plan_round, setup, service, message
):
    joho, gyosei = people["joho"], people["gyosei"]
    for step in setup:
        if step == "draft":
            _draft(joho, entry_of(plan_round, 12), plan=["案"])
        elif step == "submit":
            _step(entry_services.entry_submit, joho, plan_round, 12)
        else:
            _step(entry_services.entry_approve, gyosei, plan_round, 12)
    entry = entry_of(plan_round, 12)
    before = (entry.state, entry.version, entry.history.count())
    kwargs = {"comment": "x"} if service is entry_services.entry_return else {}
    if service is entry_services.entry_save_draft:
        kwargs = {"plan": ["別案"]}
    actor = (
        gyosei
        if service in (entry_services.entry_approve, entry_services.entry_return)
        else joho
    )
    with pytest.raises(ServiceError) as exc:
        service(actor=actor, entry=entry, based_on_version=entry.version, **kwargs)
    assert message in exc.value.message
    assert "⑫ 文書の電子化・ペーパーレス化" in exc.value.message
    entry = entry_of(plan_round, 12)
    assert (entry.state, entry.version, entry.history.count()) == before


def test_returning_needs_a_comment(people, plan_round):
    _draft(people["joho"], entry_of(plan_round, 12), plan=["案"])
    _step(entry_services.entry_submit, people["joho"], plan_round, 12)
    with pytest.raises(ServiceError, match="Say why"):
        _step(
            entry_services.entry_return, people["gyosei"], plan_round, 12, comment="  "
        )


def test_saving_the_same_text_writes_nothing(people, plan_round):
    entry = entry_of(plan_round, 12)
    rows = entry.history.count()
    assert not _draft(people["joho"], entry, plan=list(entry.plan))
    entry = entry_of(plan_round, 12)
    assert entry.state == EntryState.NOT_STARTED and entry.history.count() == rows


def test_approval_refuses_to_overwrite_a_live_record_changed_since(people, plan_round):
    joho, gyosei = people["joho"], people["gyosei"]
    _draft(joho, entry_of(plan_round, 12), plan=["案"])
    _step(entry_services.entry_submit, joho, plan_round, 12)
    program = entry_of(plan_round, 12).program
    plan_services.program_year_update(
        actor=gyosei,
        program=program,
        fiscal_year=2024,
        plan=["直接の修正"],
        based_on_version=1,
        reason="screen: program year edit",
    )
    with pytest.raises(ServiceError, match="changed after this draft"):
        _step(entry_services.entry_approve, gyosei, plan_round, 12)
    assert _year(program, 2024).plan == ["直接の修正"]
    # Returned, re-saved against the current text, it goes through.
    _step(
        entry_services.entry_return, gyosei, plan_round, 12, comment="最新の文と比べて"
    )
    _draft(joho, entry_of(plan_round, 12), plan=["直接の修正", "案"])
    _step(entry_services.entry_submit, joho, plan_round, 12)
    _step(entry_services.entry_approve, gyosei, plan_round, 12)
    assert _year(program, 2024).plan == ["直接の修正", "案"]


def test_achievements_rounds_carry_kpi_actuals_to_the_indicator(
    people, achievements_round
):
    joho, gyosei = people["joho"], people["gyosei"]
    entry = entry_of(achievements_round, 12)
    indicator = entry.program.indicators.get()
    assert entry.kpi_actuals == {str(indicator.pk): None}
    with pytest.raises(ServiceError, match="not a number"):
        _draft(joho, entry, achievements=["実績"], kpi_actuals={indicator.pk: "約86"})
    _draft(joho, entry, achievements=["実績"], kpi_actuals={indicator.pk: "８６.１"})
    _step(entry_services.entry_submit, joho, achievements_round, 12)
    _step(entry_services.entry_approve, gyosei, achievements_round, 12)
    indicator.refresh_from_db()
    assert indicator.actuals == {"2022": 73.7, "2023": 86.1}
    assert indicator.history.first().history_user == gyosei
    assert _year(entry.program, 2023).achievements == ["実績"]


def test_an_initial_plan_round_ignores_fields_it_does_not_ask_for(people, plan_round):
    entry = entry_of(plan_round, 12)
    assert not _draft(people["joho"], entry, achievements=["実績を書き換え"])


def test_closing_waits_for_pending_entries_then_freezes_an_unpublished_edition(
    people, plan_round, seed_plan
):
    joho, gyosei = people["joho"], people["gyosei"]
    _draft(joho, entry_of(plan_round, 12), plan=["電子決裁率95%以上を目指す。"])
    with pytest.raises(ServiceError, match="⑫ 文書の電子化"):
        round_services.round_close(
            actor=gyosei, round_=plan_round, title="令和6年度当初計画 改訂版"
        )
    _step(entry_services.entry_submit, joho, plan_round, 12)
    _step(entry_services.entry_approve, gyosei, plan_round, 12)
    edition = round_services.round_close(
        actor=gyosei,
        round_=plan_round,
        title="令和6年度当初計画 改訂版",
        meeting="第1回 経営方針推進委員会",
        material="資料2",
        date=dt.date(2024, 5, 20),
        fiscal_year=2024,
        schedule_as_of="2024-03",
    )
    assert not edition.published
    doc = edition.snapshot
    assert [e["title"] for e in doc["editions"]] == ["令和6年度当初計画 改訂版"]
    p12 = next(p for p in doc["programs"] if p["number"] == 12)
    assert p12["years"]["2024"]["plan"] == ["電子決裁率95%以上を目指す。"]
    assert p12["kpis"][0]["name"] == "電子決裁率"
    assert edition.history.first().history_change_reason.startswith(
        "screen: close round 令和6年度当初計画"
    )
    round_ = Round.objects.get(pk=plan_round.pk)
    assert round_.edition == edition and not round_.is_open
    # A closed round is frozen: the office is told its state (the API's 409),
    # anyone else is refused.
    with pytest.raises(InvalidState, match="closed already"):
        round_services.round_close(actor=gyosei, round_=round_, title="もう一度")
    with pytest.raises(PermissionDenied):
        round_services.round_close(actor=joho, round_=round_, title="もう一度")
    # The diff against the seed's edition is exactly the change made.
    seed_edition = Edition.objects.get(title="令和6年度当初計画")
    diffs = edition_selectors.edition_diff(seed_edition, edition)
    assert [d.number for d in diffs] == [12]
    assert [(f.label, [c.kind for c in f.changes]) for f in diffs[0].fields] == [
        ("令和6年度当初予定・設定目標", ["removed", "removed", "changed"])
    ]


def test_publishing_is_a_separate_audited_action(people, plan_round):
    gyosei = people["gyosei"]
    edition = round_services.round_close(actor=gyosei, round_=plan_round, title="版")
    rows = edition.history.count()
    assert plan_services.edition_publish(actor=gyosei, edition=edition, published=True)
    assert not plan_services.edition_publish(
        actor=gyosei, edition=edition, published=True
    )
    edition.refresh_from_db()
    assert edition.published and edition.history.count() == rows + 1
    assert edition.history.first().history_change_reason == "screen: publish edition 版"


def test_reminders_go_to_departments_with_missing_entries(
    people, plan_round, django_capture_on_commit_callbacks
):
    joho, gyosei = people["joho"], people["gyosei"]
    # 市民協働 finishes everything it leads; 情報政策課 does not.
    kyodo_numbers = [
        e.program.number
        for e in round_selectors.round_entries(plan_round)
        if e.program.assignment.lead.name == "市民協働・男女参画推進課"
    ]
    for number in kyodo_numbers:
        _draft(people["kyodo"], entry_of(plan_round, number), plan=["済"])
        _step(entry_services.entry_submit, people["kyodo"], plan_round, number)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        result = round_services.round_remind(actor=gyosei, round_=plan_round)
    assert [d.name for d in result.departments] == ["情報政策課"]
    # The department's editors (notifications.selectors.department_recipients).
    assert result.messages == 2 and result.without_address == []
    assert sorted(m.to[0] for m in mail.outbox) == [
        "joho2@example.jp",
        "joho@example.jp",
    ]
    message = mail.outbox[0]
    assert "令和6年度当初計画" in message.subject
    assert "令和12年1月31日" in message.subject  # 和暦, not 2030-01-31
    assert "⑫ 文書の電子化・ペーパーレス化" in message.body
    assert "/workflow/entries/" in message.body
    assert not joho.is_superuser


def test_opinions_for_an_edition_are_keyed_by_program_number(people, plan_round):
    iinkai, gyosei = people["iinkai"], people["gyosei"]
    edition = round_services.round_close(actor=gyosei, round_=plan_round, title="版")
    opinion = opinion_services.opinion_add(
        actor=iinkai, entry=entry_of(plan_round, 12), text="電子化を一層進めること。"
    )
    opinion_services.opinion_respond(
        actor=gyosei, opinion=opinion, response="対応します。"
    )
    opinion_services.opinion_add(
        actor=iinkai, entry=entry_of(plan_round, 3), text="若い世代の参加を。"
    )
    assert opinion_selectors.opinions_for_edition(edition) == {
        3: [("若い世代の参加を。", "")],
        12: [("電子化を一層進めること。", "対応します。")],
    }


def test_committee_opinions_reach_the_public_program_page_only_once_published(
    people, plan_round, client
):
    gyosei = people["gyosei"]
    edition = round_services.round_close(actor=gyosei, round_=plan_round, title="版")
    entry = entry_of(plan_round, 12)
    opinion_services.opinion_add(
        actor=people["iinkai"], entry=entry, text="委員会の意見です。"
    )
    number = edition_numbers(plan_round.plan_id)[edition.pk]
    public = reverse(
        "portal:edition_program",
        kwargs={
            "code": "132110",
            "plan": plan_round.plan.slug,
            "edition": number,
            "number": 12,
        },
    )
    assert "委員会の意見です。" not in client.get(public).content.decode()
    client.force_login(people["joho"])  # members read it on the staff page
    staff = client.get(entry.program.get_absolute_url()).content.decode()
    assert "委員会の意見です。" in staff
    client.logout()
    plan_services.edition_publish(actor=gyosei, edition=edition, published=True)
    assert "委員会の意見です。" in client.get(public).content.decode()
