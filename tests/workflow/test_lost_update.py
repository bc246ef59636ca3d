"""No lost updates: a save based on an older version is refused with both
texts side by side, and nothing is written."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from shinchoku.common.services import StaleVersion
from shinchoku.plans.models import ProgramYear
from shinchoku.workflow.entries import services as entry_services
from tests.workflow.conftest import entry_of


def test_a_stale_draft_save_is_refused_and_names_who_saved_first(people, plan_round):
    entry = entry_of(plan_round, 12)
    opened_at = entry.version
    entry_services.entry_save_draft(
        actor=people["joho"], entry=entry, based_on_version=opened_at, plan=["先"]
    )
    with pytest.raises(StaleVersion) as exc:
        entry_services.entry_save_draft(
            actor=people["joho2"], entry=entry, based_on_version=opened_at, plan=["後"]
        )
    assert "was saved by 情報 次郎 after you opened it" in exc.value.message
    assert exc.value.current.plan == ["先"]
    assert entry_of(plan_round, 12).plan == ["先"]


def test_the_conflict_screen_shows_both_texts_and_merging_saves(
    people, plan_round, client
):
    entry = entry_of(plan_round, 12)
    url = reverse("workflow:entry-edit", kwargs={"pk": entry.pk})
    entry_services.entry_save_draft(
        actor=people["joho"],
        entry=entry,
        based_on_version=entry.version,
        plan=["電子決裁率92%以上を目指す。"],
    )
    client.force_login(people["joho2"])
    response = client.post(
        url, {"version": entry.version, "text": "・電子決裁率95%以上を目指す。"}
    )
    assert response.status_code == 409
    html = response.content.decode()
    theirs = html.index('id="theirs"')
    mine = html.index('id="mine"')
    assert (
        html.index("電子決裁率92%", theirs) < mine < html.index("電子決裁率95%", mine)
    )
    assert "<del>" in html and "<ins>" in html
    current = entry_of(plan_round, 12)
    assert current.plan == ["電子決裁率92%以上を目指す。"]
    # The merge form is based on the saved version: saving it goes through.
    assert f'name="version" value="{current.version}"' in html
    response = client.post(
        url, {"version": current.version, "text": "・電子決裁率95%以上を目指す。"}
    )
    assert response.status_code == 302
    assert entry_of(plan_round, 12).plan == ["電子決裁率95%以上を目指す。"]


def test_direct_edits_of_a_program_year_are_version_checked_too(
    people, seed_plan, client
):
    program = seed_plan.programs.get(number=12)
    url = reverse(
        "workflow:program-year-edit",
        kwargs={"code": "132110", "plan": seed_plan.slug, "number": 12, "fy": 2024},
    )
    client.force_login(people["gyosei"])
    data = {"version": 1, "achievements": "", "plan": "・一人目"}
    assert client.post(url, data).status_code == 302
    response = client.post(url, data | {"plan": "・二人目"})
    assert response.status_code == 409
    html = response.content.decode()
    assert "一人目" in html and "二人目" in html
    record = ProgramYear.objects.get(program=program, fiscal_year=2024)
    assert record.plan == ["一人目"] and record.version == 2


# KPI actuals in a round (issue #16, weakness 4): the office types an actual
# after the round opened; the department's draft, which never changed that
# actual, must not erase it on approval, and a value the department wrote
# against an older actual is a conflict, reported as the program year's is.


def _office_types(people, indicator, value):
    from shinchoku.plans import services as plan_services

    indicator.refresh_from_db()
    plan_services.indicator_actual_set(
        actor=people["gyosei"],
        indicator=indicator,
        fiscal_year=2023,
        value=value,
        based_on_version=indicator.version,
    )


def _hand_in(people, round_, client=None, **kpis):
    """The department saves its text (and the KPI boxes as given) through the
    entry page's form, then submits."""
    entry = entry_of(round_, 12)
    indicator = entry.program.indicators.get()
    client.force_login(people["joho"])
    page = client.get(reverse("workflow:entry", kwargs={"pk": entry.pk}))
    seen = page.context["form"].initial.get(f"kpi_seen_{indicator.pk}", "")
    response = client.post(
        reverse("workflow:entry-edit", kwargs={"pk": entry.pk}),
        {
            "version": entry.version,
            "text": "・電子決裁を進めた。",
            f"kpi_{indicator.pk}": kpis.get("value", ""),
            f"kpi_seen_{indicator.pk}": kpis.get("seen", seen),
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    entry = entry_of(round_, 12)
    entry_services.entry_submit(
        actor=people["joho"], entry=entry, based_on_version=entry.version
    )
    return entry_of(round_, 12), indicator


def _approve(people, round_):
    entry = entry_of(round_, 12)
    with translation.override("en"):  # the client's requests leave ja active
        return entry_services.entry_approve(
            actor=people["gyosei"], entry=entry, based_on_version=entry.version
        )


def test_approval_never_erases_an_actual_the_office_typed_meanwhile(
    people, achievements_round, client
):
    indicator = entry_of(achievements_round, 12).program.indicators.get()
    _office_types(people, indicator, 88)
    _hand_in(people, achievements_round, client)  # the KPI box left blank
    _approve(people, achievements_round)
    indicator.refresh_from_db()
    assert indicator.actuals["2023"] == 88


def test_a_blank_box_leaves_the_draft_s_actual_as_it_was(
    people, achievements_round, client
):
    entry, indicator = _hand_in(people, achievements_round, client, value="86.1")
    entry_services.entry_return(
        actor=people["gyosei"],
        entry=entry,
        comment="文を直して",
        based_on_version=entry.version,
    )
    entry, _ = _hand_in(people, achievements_round, client)
    assert entry.kpi_actuals == {str(indicator.pk): 86.1}


def test_a_value_written_against_an_older_actual_is_a_conflict_on_approval(
    people, achievements_round, client
):
    from shinchoku.common.services import InvalidState

    entry, indicator = _hand_in(people, achievements_round, client, value="86.1")
    _office_types(people, indicator, 88)
    with pytest.raises(InvalidState) as exc:
        _approve(people, achievements_round)
    assert (
        "An indicator's actual of ⑫ 文書の電子化・ペーパーレス化 changed after this "
        "draft was written (電子決裁率 (%): now 88, the draft says 86.1 (written "
        "when it was —))" in exc.value.message
    )
    indicator.refresh_from_db()
    assert indicator.actuals["2023"] == 88
    assert entry_of(achievements_round, 12).state == entry.state  # still submitted
    # On the page: the refusal is the message, nothing approved.
    client.force_login(people["gyosei"])
    response = client.post(
        reverse("workflow:entry-approve", kwargs={"pk": entry.pk}),
        {"version": entry.version, "confirmed": "1"},
        follow=True,
    )
    assert "指標の実績値が変更されています" in response.content.decode()
    assert entry_of(achievements_round, 12).state == entry.state


def test_a_value_typed_with_the_office_s_actual_in_view_is_approved(
    people, achievements_round, client
):
    indicator = entry_of(achievements_round, 12).program.indicators.get()
    _office_types(people, indicator, 88)
    _hand_in(people, achievements_round, client, value="90")
    _approve(people, achievements_round)
    indicator.refresh_from_db()
    assert indicator.actuals["2023"] == 90


def test_the_form_says_which_actual_it_showed(people, achievements_round, client):
    """A value typed on a page that showed no actual, saved after the office
    typed one, is written against the one shown: a conflict."""
    indicator = entry_of(achievements_round, 12).program.indicators.get()
    _office_types(people, indicator, 88)
    entry, _ = _hand_in(people, achievements_round, client, value="86.1", seen="")
    assert entry.kpi_bases == {str(indicator.pk): None}
    with pytest.raises(Exception, match="now 88, the draft says 86.1"):
        _approve(people, achievements_round)


def test_a_workbook_value_is_written_against_the_actual_at_export(
    people, achievements_round
):
    from shinchoku.common.services import InvalidState
    from shinchoku.workflow.models import Department
    from shinchoku.workflow.workbook import services as workbook_services
    from tests.workflow import workbooks as wbk

    joho, department = people["joho"], Department.objects.get(name="情報政策課")
    data = workbook_services.workbook_export(
        actor=joho, round_=achievements_round, department=department
    )
    indicator = entry_of(achievements_round, 12).program.indicators.get()
    _office_types(people, indicator, 88)

    def fill_kpi(wb):
        ws = wb["方向性3"]
        ws[f"F{wbk.kpi_row(ws, '⑫')}"] = 86.1

    filled = wbk.transform(
        data, wbk.chain(wbk.fill("方向性3", "⑫", "・実績"), fill_kpi)
    )
    workbook_services.workbook_import(
        actor=joho, round_=achievements_round, department=department, data=filled
    )
    entry = entry_of(achievements_round, 12)
    assert entry.kpi_bases == {str(indicator.pk): None}
    entry_services.entry_submit(actor=joho, entry=entry, based_on_version=entry.version)
    with pytest.raises(InvalidState, match="now 88, the draft says 86.1"):
        _approve(people, achievements_round)
