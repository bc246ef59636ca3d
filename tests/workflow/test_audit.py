"""The audit trail: every change of plan data says who, when, before, after and
through which channel, in the same transaction; nothing when nothing changed;
and nobody can edit it through the UI."""

from __future__ import annotations

from django.urls import reverse

from shinchoku.common.services import ServiceError
from shinchoku.imports.services import import_file
from shinchoku.plans import services as plan_services
from shinchoku.plans.models import ProgramYear
from shinchoku.workflow.entries import services as entry_services
from shinchoku.workflow.programs import selectors as program_selectors
from tests.workflow.conftest import entry_of


def _approve(people, round_, number, plan):
    joho, gyosei = people["joho"], people["gyosei"]
    entry = entry_of(round_, number)
    entry_services.entry_save_draft(
        actor=joho, entry=entry, based_on_version=entry.version, plan=plan
    )
    entry = entry_of(round_, number)
    entry_services.entry_submit(actor=joho, entry=entry, based_on_version=entry.version)
    entry = entry_of(round_, number)
    entry_services.entry_approve(
        actor=gyosei, entry=entry, based_on_version=entry.version
    )


def test_an_approval_is_recorded_with_who_how_before_and_after(people, plan_round):
    _approve(
        people,
        plan_round,
        12,
        [
            "電子決裁の対象拡大を実施し、文書管理システムによる公文書管理を進める。",
            "電子決裁率95%以上を目指す。",
        ],
    )
    program = entry_of(plan_round, 12).program
    rows = program_selectors.program_history(program)
    # The approval is its change row (approver and writer), not a step row.
    assert [r.step for r in rows if r.kind == "step"] == ["submitted"]
    row = next(r for r in rows if r.kind != "step")
    assert row.who == "行政経営 花子" and row.via == "screen"
    assert row.writer == "情報 次郎"
    assert row.reason == "⑫ approved, 令和6年度当初計画"
    assert row.record == "令和6年度" and row.kind == "changed"
    (field,) = row.fields
    assert [(c.kind, c.old, c.new) for c in field.changes] == [
        (
            "removed",
            "庁内会議の設置状況調査や刊行物ライブラリー更新に関する調査などの機会を"
            "捉え、ペーパーレス化や印刷物見直しの積極的な検討を継続して促す。",
            "",
        ),
        ("changed", "電子決裁率90%以上を目指す。", "電子決裁率95%以上を目指す。"),
    ]


def test_the_history_page_shows_each_channel(people, plan_round, seed_plan, client):
    _approve(people, plan_round, 12, ["画面で承認した文"])
    plan_services.program_year_update(
        actor=people["gyosei"],
        program=seed_plan.programs.get(number=12),
        fiscal_year=2023,
        plan=["直接編集した文"],
        based_on_version=1,
        reason="screen: program year edit ⑫ 2023",
    )
    client.force_login(people["iinkai"])
    url = reverse(
        "workflow:program-history",
        kwargs={"code": "132110", "plan": seed_plan.slug, "number": 12},
    )
    html = client.get(url).content.decode()
    for text in (
        "画面で承認した文",
        "直接編集した文",
        "行政経営 花子",
        '<span class="via">画面</span>',
        "令和6年度当初計画 ⑫ 承認",
        '<span class="via">取込</span>',
        "000_2d84f118a6c300da.txt から",
        "⑫ 令和5年度を直接編集",
        "<del>",
        "<ins>",
    ):
        assert text in html, text
    assert html.index("直接編集した文") < html.index("画面で承認した文")  # newest first


def test_nothing_changed_leaves_no_row(people, seed_plan, seed_path):
    program = seed_plan.programs.get(number=12)
    rows = ProgramYear.history.filter(program_id=program.pk).count()
    record = ProgramYear.objects.get(program=program, fiscal_year=2024)
    _rec, changed = plan_services.program_year_update(
        actor=people["gyosei"],
        program=program,
        fiscal_year=2024,
        plan=list(record.plan),
        based_on_version=record.version,
        reason="screen: program year edit",
    )
    assert not changed
    import_file(seed_path)  # a re-import changes nothing either
    assert ProgramYear.history.filter(program_id=program.pk).count() == rows


def test_a_failed_approval_leaves_neither_data_nor_history(people, plan_round):
    """Approval and its history rows share one transaction."""
    entry = entry_of(plan_round, 12)
    entry_services.entry_save_draft(
        actor=people["joho"], entry=entry, based_on_version=entry.version, plan=["案"]
    )
    entry = entry_of(plan_round, 12)
    entry_services.entry_submit(actor=people["joho"], entry=entry, based_on_version=2)
    program = entry.program
    record = ProgramYear.objects.get(program=program, fiscal_year=2024)
    record.version = 7  # as if changed behind the workflow's back, without history
    record.save()
    rows = ProgramYear.history.count(), entry.history.count()
    try:
        entry_services.entry_approve(
            actor=people["gyosei"], entry=entry_of(plan_round, 12), based_on_version=3
        )
    except ServiceError:
        pass
    assert (ProgramYear.history.count(), entry.history.count()) == rows
    assert entry_of(plan_round, 12).state == "submitted"


def test_history_cannot_be_edited_through_the_admin_site(people, seed_plan, client):
    program = seed_plan.programs.get(number=12)
    history = program.history.first()
    client.force_login(people["admin"])
    url = reverse(
        "admin:plans_program_simple_history", args=[program.pk, history.history_id]
    )
    rows = program.history.count()
    response = client.post(url, {"name": "書き換え"})
    assert response.status_code == 403  # reverting is disabled
    program.refresh_from_db()
    assert program.history.count() == rows and program.name != "書き換え"
    url = reverse("admin:workflow_roundentry_changelist")
    assert client.get(url).status_code == 200  # readable …
    round_entry_add = reverse("admin:workflow_roundentry_add")
    assert client.get(round_entry_add).status_code == 403  # … not writable


def test_per_fy_values_in_the_history_are_in_wareki(people, seed_plan):
    """履歴 showed an indicator's actuals as "2022: 73.7 → …"."""
    indicator = seed_plan.programs.get(number=12).indicators.get(name="電子決裁率")
    plan_services.indicator_actual_set(
        actor=people["gyosei"],
        indicator=indicator,
        fiscal_year=2023,
        value=80,
        based_on_version=indicator.version,
    )
    rows = program_selectors.program_history(indicator.program)
    (change,) = [f for f in rows[0].fields if "令和" in str(f.new)]
    assert change.new == "令和4年度: 73.7、令和5年度: 80"
    assert "2022" not in str(change.old)
