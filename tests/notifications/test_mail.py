"""The round's mails, delivered over SMTP to a local server and read back:
Japanese, 和暦 dates, links that open the page for their recipient; reminders
that a second run does not send again."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from shinchoku.notifications.models import Kind, Notification
from shinchoku.notifications.services import preference_set
from shinchoku.workflow.entries import services as entry_services
from shinchoku.workflow.models import RoundEntry
from tests.notifications.conftest import SITE_URL, body_of, links_in, subject_of
from tests.workflow.conftest import entry_of, fresh, open_plan_round

pytestmark = pytest.mark.django_db

DEADLINE = "令和12年1月31日(木)"  # the fixture round's 2030-01-31


def follow(client, user, url: str):
    """Open a mail's link as its recipient would: signed in, in a browser."""
    client.force_login(user)
    return client.get(url.removeprefix(SITE_URL))


def open_round(people, seed_plan, capture):
    with capture(execute=True):
        return open_plan_round(people, seed_plan)


def test_opening_a_round_mails_each_department_its_programs(
    mailbox, people, seed_plan, client, django_capture_on_commit_callbacks
):
    round_ = open_round(people, seed_plan, django_capture_on_commit_callbacks)
    addresses = sorted(rcpt for rcpt, _m in mailbox.messages)
    assert addresses == ["joho2@example.jp", "joho@example.jp", "kyodo@example.jp"]
    [message] = mailbox.to("joho@example.jp")
    assert subject_of(message) == (
        f"【進捗】令和6年度当初計画: {DEADLINE}までに記入してください"
    )
    body = body_of(message)
    assert body.startswith("情報 次郎 様")
    assert f"{DEADLINE}まで" in body
    joho_entries = RoundEntry.objects.filter(
        round=round_, program__assignment__lead__name="情報政策課"
    )
    for entry in joho_entries:
        assert entry.label in body
    kyodo_only = RoundEntry.objects.filter(
        round=round_, program__assignment__lead__name="市民協働・男女参画推進課"
    ).first()
    assert kyodo_only.label not in body
    links = links_in(body)
    assert len(links) == joho_entries.count() + 2  # entries, tasks, settings
    for link in links:
        assert follow(client, fresh(people["joho"]), link).status_code == 200


def test_submit_return_approve_mail_the_office_then_the_department(
    mailbox, people, seed_plan, client, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    round_ = open_round(people, seed_plan, capture)
    mailbox.take()
    joho, gyosei = people["joho"], people["gyosei"]
    entry = entry_of(round_, 12)
    entry_services.entry_save_draft(
        actor=joho, entry=entry, based_on_version=1, plan=["電子決裁を全庁に広げる"]
    )
    with capture(execute=True):
        entry_services.entry_submit(actor=joho, entry=entry, based_on_version=2)
    [(rcpt, message)] = mailbox.take()
    assert rcpt == "gyosei@example.jp"
    assert (
        subject_of(message)
        == f"【進捗】{entry.label}が提出されました(令和6年度当初計画)"
    )
    body = body_of(message)
    assert "情報 次郎さんが" in body and "令和" in body
    [link] = [u for u in links_in(body) if "/workflow/entries/" in u]
    page = follow(client, fresh(gyosei), link)
    assert page.status_code == 200 and entry.program.name in page.content.decode()

    with capture(execute=True):
        entry_services.entry_return(
            actor=gyosei,
            entry=entry_of(round_, 12),
            comment="目標の数値を書いてください",
            based_on_version=3,
        )
    received = mailbox.take()
    assert sorted(r for r, _m in received) == ["joho2@example.jp", "joho@example.jp"]
    body = body_of(received[0][1])
    assert "差し戻しました" in subject_of(received[0][1]) + body
    assert "目標の数値を書いてください" in body
    assert f"{DEADLINE}まで" in body
    [link] = [u for u in links_in(body) if "/workflow/entries/" in u]
    assert follow(client, fresh(people["joho2"]), link).status_code == 200

    with capture(execute=True):
        entry_services.entry_submit(
            actor=joho, entry=entry_of(round_, 12), based_on_version=4
        )
        entry_services.entry_approve(
            actor=gyosei, entry=entry_of(round_, 12), based_on_version=5
        )
    received = sorted((r, subject_of(m)) for r, m in mailbox.take())
    assert received == [
        (
            "gyosei@example.jp",
            f"【進捗】{entry.label}が提出されました(令和6年度当初計画)",
        ),
        (
            "joho2@example.jp",
            f"【進捗】{entry.label}が承認されました(令和6年度当初計画)",
        ),
        (
            "joho@example.jp",
            f"【進捗】{entry.label}が承認されました(令和6年度当初計画)",
        ),
    ]


def test_send_reminders_twice_sends_once(
    mailbox, people, seed_plan, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    round_ = open_round(people, seed_plan, capture)
    # 情報政策課 submits everything; only 市民協働 is reminded.
    joho = people["joho"]
    for entry in RoundEntry.objects.filter(
        round=round_, program__assignment__lead__name="情報政策課"
    ):
        entry_services.entry_save_draft(
            actor=joho, entry=entry, based_on_version=1, plan=["書いた"]
        )
        entry_services.entry_submit(actor=joho, entry=entry, based_on_version=2)
    mailbox.take()

    with capture(execute=True):
        call_command("send_reminders", today="2030-01-20", stdout=_Null())
    assert mailbox.take() == []  # 11 days before: not yet

    for _run in range(2):
        with capture(execute=True):
            call_command("send_reminders", today="2030-01-29", stdout=_Null())
    [(rcpt, message)] = mailbox.take()
    assert rcpt == "kyodo@example.jp"
    assert subject_of(message) == f"【進捗】令和6年度当初計画: 締切は{DEADLINE}です"
    body = body_of(message)
    assert "あと2日" in body
    assert "情報政策" not in body

    for _run in range(2):
        with capture(execute=True):
            call_command("send_reminders", today="2030-02-01", stdout=_Null())
    [(rcpt, message)] = mailbox.take()
    assert rcpt == "kyodo@example.jp"
    assert "締切" in subject_of(message) and "過ぎ" in subject_of(message)
    assert Notification.objects.filter(kind=Kind.OVERDUE).count() == 1


def test_mail_turned_off_is_not_sent_but_listed_in_the_app(
    mailbox, people, seed_plan, client, django_capture_on_commit_callbacks
):
    joho = people["joho"]
    preference_set(actor=joho, email_enabled=False)
    open_round(people, seed_plan, django_capture_on_commit_callbacks)
    assert mailbox.to("joho@example.jp") == []
    assert len(mailbox.to("joho2@example.jp")) == 1
    [notification] = Notification.objects.filter(recipient=joho)
    assert notification.mailed_at is None

    client.force_login(joho)
    page = client.get("/workflow/").content.decode()
    assert "通知" in page and "未読1件" in page
    detail = client.get(f"/notifications/{notification.pk}/")
    assert detail.status_code == 200
    assert "令和6年度当初計画" in detail.content.decode()
    assert "未読1件" not in client.get("/workflow/").content.decode()
    # Someone else's notification is not found.
    other = Notification.objects.filter(recipient=people["joho2"]).get()
    assert client.get(f"/notifications/{other.pk}/").status_code == 404


def test_a_failed_delivery_is_kept_and_retried_by_send_reminders(
    mailbox,
    smtp_server,
    people,
    seed_plan,
    settings,
    django_capture_on_commit_callbacks,
):
    settings.EMAIL_PORT = 9  # nothing listens there
    open_round(people, seed_plan, django_capture_on_commit_callbacks)
    failed = Notification.objects.filter(mailed_at=None, wants_mail=True)
    assert failed.count() == 3 and all(n.mail_error for n in failed)
    settings.EMAIL_PORT = smtp_server.port
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_reminders", today="2029-12-01", stdout=_Null())
    assert len(mailbox.take()) == 3
    assert not Notification.objects.filter(mailed_at=None, wants_mail=True).exists()


def _Null() -> io.StringIO:
    return io.StringIO()


@pytest.mark.django_db(transaction=True)
def test_production_queues_mail_for_the_worker(
    mailbox, people, seed_plan, settings, django_capture_on_commit_callbacks
):
    """With the database backend a step only queues a task (the request does
    not wait for the mail server); `shinchoku worker` sends it. (Committed
    for real: the worker closes a connection it finds inside a transaction.)"""
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    }
    open_round(people, seed_plan, django_capture_on_commit_callbacks)
    assert mailbox.messages == []
    call_command("db_worker", "--batch", "--no-startup-delay", stdout=_Null())
    assert len(mailbox.take()) == 3
    call_command("db_worker", "--batch", "--no-startup-delay", stdout=_Null())
    assert mailbox.take() == []


def test_the_round_s_reminder_button_mails_with_wareki_and_links(
    mailbox, people, seed_plan, client, django_capture_on_commit_callbacks
):
    round_ = open_round(people, seed_plan, django_capture_on_commit_callbacks)
    mailbox.take()
    client.force_login(people["gyosei"])
    page = client.get(f"/workflow/rounds/{round_.pk}/").content.decode()
    assert "リマインダー" in page and "督促" not in page  # not overdue yet
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/workflow/rounds/{round_.pk}/remind/", {"confirmed": "1"}
        )
    assert response.status_code == 302
    received = mailbox.take()
    assert sorted(r for r, _m in received) == [
        "joho2@example.jp",
        "joho@example.jp",
        "kyodo@example.jp",
    ]
    message = dict(received)["kyodo@example.jp"]
    assert subject_of(message) == f"【進捗】令和6年度当初計画: 締切は{DEADLINE}です"
    [link, *_] = [u for u in links_in(body_of(message)) if "/workflow/entries/" in u]
    assert follow(client, fresh(people["kyodo"]), link).status_code == 200


def test_reopening_a_round_tells_the_departments_of_the_returned_entries(
    mailbox, people, seed_plan, django_capture_on_commit_callbacks
):
    from shinchoku.workflow.rounds import services as round_services

    round_ = open_plan_round(people, seed_plan)
    round_services.round_close(actor=people["gyosei"], round_=round_, title="版")
    round_.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        round_services.round_reopen(
            actor=people["gyosei"],
            round_=round_,
            reason="数値の誤りを直してください",
            programs=[12],
        )
    received = mailbox.take()
    assert sorted(r for r, _m in received) == ["joho2@example.jp", "joho@example.jp"]
    body = body_of(received[0][1])
    assert "差し戻しました" in body and "数値の誤りを直してください" in body


def _awaiting_head(people, seed_plan, capture):
    """⑫ submitted by an editor of 情報政策課 where the plan asks for 課長承認."""
    from shinchoku.plans import services as plan_services

    round_ = open_round(people, seed_plan, capture)
    plan_services.plan_head_approval_set(actor=None, plan=seed_plan, enabled=True)
    joho = people["joho"]
    entry = entry_of(round_, 12)
    entry_services.entry_save_draft(
        actor=joho, entry=entry, based_on_version=1, plan=["電子決裁を全庁に広げる"]
    )
    return round_, entry


def test_a_submission_waiting_for_the_head_mails_the_head(
    mailbox, people, seed_plan, client, django_capture_on_commit_callbacks
):
    """課内確認: the department head (課長) is mailed that an editor's submission
    waits for them, with the link to pass it on or return it; the admin office
    is not told yet (it is, once the head passes it on)."""
    capture = django_capture_on_commit_callbacks
    round_, entry = _awaiting_head(people, seed_plan, capture)
    mailbox.take()
    with capture(execute=True):
        entry_services.entry_submit(
            actor=people["joho"], entry=entry_of(round_, 12), based_on_version=2
        )
    [(rcpt, message)] = mailbox.take()
    assert rcpt == people["kacho"].email
    subject = subject_of(message)
    assert entry.label in subject and "課内確認" in subject
    body = body_of(message)
    assert "情報 次郎さんが" in body and "課内確認" in body
    [link] = [u for u in links_in(body) if "/workflow/entries/" in u]
    page = follow(client, fresh(people["kacho"]), link)
    assert page.status_code == 200 and entry.program.name in page.content.decode()
    assert (
        Notification.objects.get(kind=Kind.ENTRY_AWAITING_HEAD).recipient
        == (people["kacho"])
    )
    with capture(execute=True):
        entry_services.entry_forward(
            actor=people["kacho"], entry=entry_of(round_, 12), based_on_version=3
        )
    assert [r for r, _m in mailbox.take()] == ["gyosei@example.jp"]


def test_a_head_with_mail_turned_off_is_told_in_the_app_only(
    mailbox, people, seed_plan, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    preference_set(actor=people["kacho"], email_enabled=False)
    round_, _entry = _awaiting_head(people, seed_plan, capture)
    mailbox.take()
    with capture(execute=True):
        entry_services.entry_submit(
            actor=people["joho"], entry=entry_of(round_, 12), based_on_version=2
        )
    assert mailbox.take() == []
    [notification] = Notification.objects.filter(recipient=people["kacho"])
    assert notification.mailed_at is None and not notification.wants_mail


def test_a_return_by_the_head_says_the_head_returned_it(
    mailbox, people, seed_plan, django_capture_on_commit_callbacks
):
    """The department's editors read that their head (課長) returned the entry,
    not the admin office."""
    capture = django_capture_on_commit_callbacks
    round_, _entry = _awaiting_head(people, seed_plan, capture)
    entry_services.entry_submit(
        actor=people["joho"], entry=entry_of(round_, 12), based_on_version=2
    )
    mailbox.take()
    with capture(execute=True):
        entry_services.entry_return(
            actor=people["kacho"],
            entry=entry_of(round_, 12),
            based_on_version=3,
            comment="数値を確認してください",
        )
    received = dict(mailbox.take())
    assert sorted(received) == ["joho2@example.jp", "joho@example.jp"]
    body = body_of(received["joho@example.jp"])
    assert "課長(情報 課長)が差し戻しました" in body and "行政経営課(" not in body
    assert "数値を確認してください" in body
