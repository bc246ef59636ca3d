"""The thread of an entry (every submit, return with its comment, resubmit,
withdraw and approve, kept and shown to both sides in order) and the optional
department head's step (課長承認: 作成中 → 課内確認待ち → 提出済)."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from shinchoku.common.services import InvalidState
from shinchoku.plans import services as plan_services
from shinchoku.workflow import events as workflow_events
from shinchoku.workflow.entries import services as entry_services
from shinchoku.workflow.models import EntryAction, EntryState, Round
from shinchoku.workflow.programs import selectors as program_selectors
from shinchoku.workflow.rounds import services as round_services
from tests.workflow.conftest import entry_of

EN = {"accept-language": "en"}


def _draft(user, round_, number, text):
    entry = entry_of(round_, number)
    entry_services.entry_save_draft(
        actor=user, entry=entry, based_on_version=entry.version, plan=text
    )


def _take(service, user, round_, number, **kwargs):
    entry = entry_of(round_, number)
    return service(actor=user, entry=entry, based_on_version=entry.version, **kwargs)


def _steps(round_, number):
    return [
        (e.label, e.actor.username, e.comment, e.state_after)
        for e in entry_of(round_, number).events.select_related("actor")
    ]


@pytest.fixture
def head_approval(seed_plan):
    plan_services.plan_head_approval_set(actor=None, plan=seed_plan, enabled=True)


def test_submit_return_resubmit_and_approve_are_kept_in_order(people, plan_round):
    joho, joho2, gyosei = people["joho"], people["joho2"], people["gyosei"]
    _draft(joho, plan_round, 12, ["初稿"])
    _take(entry_services.entry_submit, joho, plan_round, 12)
    _take(entry_services.entry_return, gyosei, plan_round, 12, comment="数値を入れて")
    _draft(joho2, plan_round, 12, ["初稿", "電子決裁率95%"])
    _take(entry_services.entry_submit, joho2, plan_round, 12)
    _take(entry_services.entry_approve, gyosei, plan_round, 12)
    assert _steps(plan_round, 12) == [
        ("submitted", "joho", "", EntryState.SUBMITTED),
        ("returned", "gyosei", "数値を入れて", EntryState.RETURNED),
        ("resubmitted", "joho2", "", EntryState.SUBMITTED),
        ("approved", "gyosei", "", EntryState.APPROVED),
    ]
    returned, approved = (
        entry_of(plan_round, 12).events.filter(action=a).get()
        for a in (EntryAction.RETURN, EntryAction.APPROVE)
    )
    assert returned.text == ["初稿"] and returned.writer == joho
    assert approved.text == ["初稿", "電子決裁率95%"] and approved.writer == joho2


def test_a_department_withdraws_until_the_submission_is_reviewed(people, plan_round):
    joho, gyosei = people["joho"], people["gyosei"]
    _draft(joho, plan_round, 12, ["案"])
    _take(entry_services.entry_submit, joho, plan_round, 12)
    entry = _take(entry_services.entry_withdraw, joho, plan_round, 12)
    assert entry.state == EntryState.DRAFTING and entry.is_editable
    _take(entry_services.entry_submit, joho, plan_round, 12)
    _take(entry_services.entry_return, gyosei, plan_round, 12, comment="直して")
    with pytest.raises(InvalidState, match="can be withdrawn"):
        _take(entry_services.entry_withdraw, joho, plan_round, 12)
    _take(entry_services.entry_submit, joho, plan_round, 12)
    _take(entry_services.entry_approve, gyosei, plan_round, 12)
    with pytest.raises(InvalidState):
        _take(entry_services.entry_withdraw, joho, plan_round, 12)
    assert [s[0] for s in _steps(plan_round, 12)] == [
        "submitted",
        "withdrawn",
        "submitted",
        "returned",
        "resubmitted",
        "approved",
    ]


def test_each_step_is_announced_and_the_office_hears_when_it_reaches_it(
    people, plan_round, head_approval
):
    heard = []

    def listen(signal_name):
        def receiver(sender, entry, **kwargs):
            heard.append((signal_name, entry.program.number, entry.state))

        return receiver

    receivers = {
        name: listen(name)
        for name in ("entry_stepped", "entry_submitted", "entry_returned")
    }
    for name, receiver in receivers.items():
        getattr(workflow_events, name).connect(receiver)
    try:
        _draft(people["joho"], plan_round, 12, ["案"])
        _take(entry_services.entry_submit, people["joho"], plan_round, 12)
        _take(entry_services.entry_forward, people["kacho"], plan_round, 12)
        _take(
            entry_services.entry_return, people["gyosei"], plan_round, 12, comment="x"
        )
    finally:
        for name, receiver in receivers.items():
            getattr(workflow_events, name).disconnect(receiver)
    assert heard == [
        ("entry_stepped", 12, EntryState.AWAITING_HEAD),  # not the office yet
        ("entry_stepped", 12, EntryState.SUBMITTED),
        ("entry_submitted", 12, EntryState.SUBMITTED),
        ("entry_stepped", 12, EntryState.RETURNED),
        ("entry_returned", 12, EntryState.RETURNED),
    ]


def test_the_department_head_returns_or_passes_on(people, plan_round, head_approval):
    joho, kacho, gyosei = people["joho"], people["kacho"], people["gyosei"]
    _draft(joho, plan_round, 12, ["案"])
    entry = _take(entry_services.entry_submit, joho, plan_round, 12)
    assert entry.state == EntryState.AWAITING_HEAD and entry.is_missing
    assert entry.submitted_at is None
    # The admin office has nothing to review yet.
    with pytest.raises(InvalidState):
        _take(entry_services.entry_approve, gyosei, plan_round, 12)
    _take(entry_services.entry_return, kacho, plan_round, 12, comment="課長: 数値は?")
    _draft(joho, plan_round, 12, ["案", "目標90%"])
    _take(entry_services.entry_submit, joho, plan_round, 12)
    entry = _take(entry_services.entry_forward, kacho, plan_round, 12)
    assert entry.state == EntryState.SUBMITTED and entry.submitted_at is not None
    _take(entry_services.entry_approve, gyosei, plan_round, 12)
    assert _steps(plan_round, 12) == [
        ("submitted", "joho", "", EntryState.AWAITING_HEAD),
        ("returned by the department head", "kacho", "課長: 数値は?", "returned"),
        ("resubmitted", "joho", "", EntryState.AWAITING_HEAD),
        ("passed on by the department head", "kacho", "", EntryState.SUBMITTED),
        ("approved", "gyosei", "", EntryState.APPROVED),
    ]


def test_the_head_s_own_submission_goes_straight_to_the_office(
    people, plan_round, head_approval
):
    _draft(people["kacho"], plan_round, 13, ["課長が書いた"])
    entry = _take(entry_services.entry_submit, people["kacho"], plan_round, 13)
    assert entry.state == EntryState.SUBMITTED


def test_each_step_has_its_own_reviewer(people, plan_round, head_approval):
    """The office cannot return what waits for the head, nor the head what
    was passed on to the office."""
    _draft(people["joho"], plan_round, 12, ["案"])
    _take(entry_services.entry_submit, people["joho"], plan_round, 12)
    with pytest.raises(PermissionDenied):
        _take(
            entry_services.entry_return, people["gyosei"], plan_round, 12, comment="x"
        )
    _take(entry_services.entry_forward, people["kacho"], plan_round, 12)
    with pytest.raises(PermissionDenied):
        _take(entry_services.entry_return, people["kacho"], plan_round, 12, comment="x")
    assert entry_of(plan_round, 12).state == EntryState.SUBMITTED


def test_both_sides_read_the_thread_and_the_reviewer_the_diff_since_the_return(
    people, plan_round, client
):
    joho, gyosei = people["joho"], people["gyosei"]
    _draft(joho, plan_round, 12, ["初稿の文"])
    _take(entry_services.entry_submit, joho, plan_round, 12)
    _take(entry_services.entry_return, gyosei, plan_round, 12, comment="数値を入れて")
    _draft(joho, plan_round, 12, ["初稿の文", "電子決裁率95%"])
    _take(entry_services.entry_submit, joho, plan_round, 12)
    url = reverse("workflow:entry", kwargs={"pk": entry_of(plan_round, 12).pk})
    pages = {}
    for who in ("joho", "gyosei"):
        client.force_login(people[who])
        pages[who] = client.get(url, headers=EN).content.decode()
    for html in pages.values():
        thread = html[html.index('id="thread"') :]
        thread = thread[: thread.index("</ol>")]
        assert thread.index("submitted") < thread.index("数値を入れて")
        assert thread.index("数値を入れて") < thread.index("resubmitted")
        assert "行政経営 花子" in thread and "情報 次郎" in thread
    review = pages["gyosei"]
    since = review[review.index('id="since-return"') :]
    assert "電子決裁率95%" in since[: since.index("Changes against the live plan")]
    assert "Withdraw the submission" in pages["joho"]
    assert "Withdraw the submission" in review  # the office may take it back too
    assert "Approve" in review and "Approve" not in pages["joho"]


def test_history_names_the_writer_the_approver_and_the_steps(
    people, plan_round, seed_plan, client
):
    joho2, gyosei = people["joho2"], people["gyosei"]
    _draft(joho2, plan_round, 12, ["三郎が書いた文"])
    _take(entry_services.entry_submit, joho2, plan_round, 12)
    _take(entry_services.entry_return, gyosei, plan_round, 12, comment="もう少し")
    _take(entry_services.entry_submit, joho2, plan_round, 12)
    _take(entry_services.entry_approve, gyosei, plan_round, 12)
    program = seed_plan.programs.get(number=12)
    rows = program_selectors.program_history(program)
    change = next(r for r in rows if r.kind == "changed" and r.record == "令和6年度")
    assert (change.who, change.writer) == ("行政経営 花子", "情報 三郎")
    assert rows[0] is change  # the approval: its change row, newest
    assert [r.step for r in rows if r.kind == "step"] == [
        "resubmitted",
        "returned",
        "submitted",
    ]
    client.force_login(people["iinkai"])
    html = client.get(
        reverse(
            "workflow:program-history",
            kwargs={"code": "132110", "plan": seed_plan.slug, "number": 12},
        ),
        headers=EN,
    ).content.decode()
    assert "approved; written by 情報 三郎" in html and "もう少し" in html


def test_the_head_reviews_on_the_entry_page(people, plan_round, head_approval, client):
    _draft(people["joho"], plan_round, 12, ["案"])
    _take(entry_services.entry_submit, people["joho"], plan_round, 12)
    entry = entry_of(plan_round, 12)
    client.force_login(people["kacho"])
    url = reverse("workflow:entry", kwargs={"pk": entry.pk})
    html = client.get(url, headers=EN).content.decode()
    assert "Awaiting the department head" in html and "Pass on" in html
    response = client.post(
        reverse("workflow:entry-forward", kwargs={"pk": entry.pk}),
        {"version": entry.version},
        headers=EN,
    )
    assert response.status_code == 302
    assert entry_of(plan_round, 12).state == EntryState.SUBMITTED


def test_a_reopened_round_returns_its_entry_into_the_thread(people, seed_plan):
    """The office's reopening (corrections) is a return in the entry's thread,
    its reason the comment; the department's next submission is a resubmit."""
    from tests.reports.results_world import entry, play_results_round

    edition = play_results_round(people, seed_plan)
    round_ = Round.objects.get(edition=edition)
    round_services.round_reopen(
        actor=people["gyosei"], round_=round_, reason="誤記の訂正", programs=[12]
    )
    e = entry(round_, 12)
    entry_services.entry_submit(
        actor=people["joho"], entry=e, based_on_version=e.version
    )
    steps = [
        (s.label, s.comment, s.state_before) for s in entry(round_, 12).events.all()
    ]
    assert steps[-3:] == [
        ("approved", "", EntryState.SUBMITTED),
        ("returned", "誤記の訂正", EntryState.APPROVED),
        ("resubmitted", "", EntryState.RETURNED),
    ]
