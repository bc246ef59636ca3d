"""The admin office's review queue: what waits, filtered and counted; several
entries approved after a confirmation page; the status table as CSV and XLSX,
read back as a spreadsheet program would."""

from __future__ import annotations

import csv
import io
import re

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from shinchoku.plans.models import Program
from shinchoku.workflow.entries import services as entry_services
from shinchoku.workflow.models import Department, EntryState, RoundEntry
from tests.workflow.conftest import entry_of

EN = {"accept-language": "en"}


def _submit(people, round_, number, text="書いた"):
    joho = people["joho"]
    entry = entry_of(round_, number)
    entry_services.entry_save_draft(
        actor=joho, entry=entry, based_on_version=entry.version, plan=[text]
    )
    entry = entry_of(round_, number)
    entry_services.entry_submit(actor=joho, entry=entry, based_on_version=entry.version)
    return entry_of(round_, number)


@pytest.fixture
def submitted(people, plan_round):
    """⑫ and ⑬ (情報政策課) submitted, ⑭ drafting."""
    out = [_submit(people, plan_round, n) for n in (12, 13)]
    entry_services.entry_save_draft(
        actor=people["joho"],
        entry=entry_of(plan_round, 14),
        based_on_version=1,
        plan=["途中"],
    )
    return out


def _queue(client, round_, **params):
    url = reverse("workflow:review", kwargs={"pk": round_.pk})
    return client.get(url, params, headers=EN)


def test_the_queue_lists_what_waits_for_review_with_counts(
    people, plan_round, submitted, client
):
    client.force_login(people["gyosei"])
    home = client.get(reverse("workflow:home"), headers=EN).content.decode()
    queue_url = reverse("workflow:review", kwargs={"pk": plan_round.pk})
    assert f'href="{queue_url}"' in home and "(2 waiting)" in home
    html = _queue(client, plan_round).content.decode()
    for entry in submitted:
        assert entry.label in html
        assert f'value="{entry.pk}:{entry.version}"' in html
    assert entry_of(plan_round, 14).label not in html  # drafting: not waiting
    joho = Department.objects.get(name="情報政策課")
    led = RoundEntry.objects.filter(round=plan_round, program__assignment__lead=joho)
    # 情報政策課's line: not started, drafting, awaiting the department head,
    # submitted, returned, approved, total
    cells = [led.count() - 3, 1, 0, 2, 0, 0, led.count()]
    row = html.split("情報政策課</th>")[1].split("</tr>")[0]
    assert [int(n) for n in re.findall(r'<td class="num">(\d+)</td>', row)] == cells

    drafting = _queue(client, plan_round, state=EntryState.DRAFTING).content.decode()
    assert entry_of(plan_round, 14).label in drafting
    assert submitted[0].label not in drafting
    kyodo = Department.objects.get(name="市民協働・男女参画推進課")
    other = _queue(client, plan_round, department=kyodo.pk, state="").content.decode()
    assert submitted[0].label not in other
    assert entry_of(plan_round, 1).label in other


def test_bulk_approval_lists_the_entries_first_then_approves_them(
    people, plan_round, submitted, client, django_capture_on_commit_callbacks
):
    client.force_login(people["gyosei"])
    url = reverse("workflow:review-approve", kwargs={"pk": plan_round.pk})
    ticked = [f"{e.pk}:{e.version}" for e in submitted]
    page = client.post(url, {"entry": ticked}, headers=EN)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Approve these entries?" in html
    for entry in submitted:
        assert entry.label in html
    assert 'name="confirmed" value="1"' in html
    assert html.count('name="entry" value="') == 2  # they travel, hidden
    assert all(
        entry_of(plan_round, e.program.number).state == "submitted" for e in submitted
    )

    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(url, {"entry": ticked, "confirmed": "1"}, headers=EN)
    assert done.status_code == 302
    assert all(entry_of(plan_round, e.program.number).is_done for e in submitted)
    assert "Approved 2 entries" in client.get(done.url, headers=EN).content.decode()


def test_bulk_approval_approves_nothing_when_one_entry_changed(
    people, plan_round, submitted, client
):
    client.force_login(people["gyosei"])
    url = reverse("workflow:review-approve", kwargs={"pk": plan_round.pk})
    first, second = submitted
    ticked = [f"{first.pk}:{first.version}", f"{second.pk}:{second.version - 1}"]
    response = client.post(url, {"entry": ticked, "confirmed": "1"}, headers=EN)
    assert response.status_code == 302
    assert (
        "Nothing was approved" in client.get(response.url, headers=EN).content.decode()
    )
    assert (
        entry_of(plan_round, 12).state == entry_of(plan_round, 13).state == "submitted"
    )


def test_a_department_cannot_use_the_queue(people, plan_round, submitted, client):
    client.force_login(people["joho"])
    assert _queue(client, plan_round).status_code == 403
    url = reverse("workflow:review-approve", kwargs={"pk": plan_round.pk})
    ticked = [f"{e.pk}:{e.version}" for e in submitted]
    assert client.post(url, {"entry": ticked, "confirmed": "1"}).status_code == 403
    assert entry_of(plan_round, 12).state == "submitted"
    csv_url = reverse("workflow:status-csv", kwargs={"pk": plan_round.pk})
    assert client.get(csv_url).status_code == 403


def test_the_status_table_as_csv_and_xlsx(people, plan_round, submitted, client):
    Program.objects.filter(pk=submitted[0].program_id).update(
        name='=HYPERLINK("https://example.com","x")'
    )
    client.force_login(people["gyosei"])
    entries = RoundEntry.objects.filter(round=plan_round).count()

    response = client.get(reverse("workflow:status-csv", kwargs={"pk": plan_round.pk}))
    assert response["Content-Disposition"].endswith('.csv"')
    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:4] == ["番号", "プログラム", "所管課", "状況"]
    assert len(rows) == 1 + entries
    hyperlink = next(r for r in rows if "HYPERLINK" in r[1])
    assert hyperlink[1].startswith("'=")  # the formula guard
    assert hyperlink[3] == "提出済"
    assert hyperlink[4].startswith("令和")  # submitted at, in 和暦

    response = client.get(reverse("workflow:status-xlsx", kwargs={"pk": plan_round.pk}))
    wb = load_workbook(io.BytesIO(response.content))
    status, counts = wb.worksheets
    assert status["A1"].value == "令和6年度当初計画"
    assert [c.value for c in status[2]][:4] == ["番号", "プログラム", "所管課", "状況"]
    assert status.max_row == 2 + entries
    row = next(r for r in status.iter_rows(min_row=3) if "HYPERLINK" in str(r[1].value))
    assert row[1].data_type == "s"  # text, not a formula
    assert row[4].is_date and row[4].number_format.startswith("[$-411]ggge")
    total = [c.value for c in counts[counts.max_row]]
    assert total[0] == "合計" and total[-1] == entries
