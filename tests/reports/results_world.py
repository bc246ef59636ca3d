"""A 令和5年度実績 round played through the services, closed into an edition:
two programs' results approved (⑫ with its KPI actual), grades, an opinion with
the city's response. Shared by the 実績 report's tests."""

from __future__ import annotations

import datetime as dt

from shinchoku.plans import services as plan_services
from shinchoku.plans.models import Edition
from shinchoku.workflow.entries import services as entry_services
from shinchoku.workflow.models import RoundEntry, RoundKind
from shinchoku.workflow.opinions import services as opinion_services
from shinchoku.workflow.rounds import services as round_services

RESULTS = {
    12: ["電子決裁を全庁に広げた（決裁の80.1%）", "文書管理システムを更新した"],
    3: ["協働事業提案制度で9団体の応募を受けた"],
}
GRADES = {12: ("A", "目標に近い決裁率"), 3: ("S", "応募が目標を超えた")}
OPINION = "電子決裁の対象外となる文書の扱いを明確にされたい。"
RESPONSE = "対象外文書の一覧を令和6年度中に公表します。"


def entry(round_, number: int) -> RoundEntry:
    return RoundEntry.objects.select_related("round__plan", "program__plan").get(
        round=round_, program__number=number
    )


def play_results_round(
    people, plan, *, fiscal_year: int = 2023, before_close=None
) -> Edition:
    gyosei = people["gyosei"]
    round_ = round_services.round_open(
        actor=gyosei,
        plan=plan,
        kind=RoundKind.ACHIEVEMENTS,
        fiscal_year=fiscal_year,
        deadline=dt.date(2030, 1, 31),
    )
    for number, texts in RESULTS.items():
        e = entry(round_, number)
        writer = people["joho"] if number == 12 else people["kyodo"]
        actuals = {}
        if number == 12:
            indicator = e.program.indicators.get(name="電子決裁率")
            actuals = {str(indicator.pk): "80.1"}
        entry_services.entry_save_draft(
            actor=writer,
            entry=e,
            based_on_version=e.version,
            achievements=texts,
            kpi_actuals=actuals,
        )
        e = entry(round_, number)
        entry_services.entry_submit(actor=writer, entry=e, based_on_version=e.version)
        e = entry(round_, number)
        entry_services.entry_approve(actor=gyosei, entry=e, based_on_version=e.version)
        grade, comment = GRADES[number]
        plan_services.program_grade_set(
            program=e.program,
            actor=gyosei,
            fiscal_year=fiscal_year,
            grade=grade,
            comment=comment,
        )
    opinion = opinion_services.opinion_add(
        actor=people["iinkai"], entry=entry(round_, 12), text=OPINION
    )
    opinion_services.opinion_respond(actor=gyosei, opinion=opinion, response=RESPONSE)
    if before_close is not None:
        before_close(people, round_)
    return round_services.round_close(
        actor=gyosei,
        round_=round_,
        title="令和5年度実績",
        meeting="第1回 経営方針推進委員会",
        material="資料2",
        date=dt.date(2024, 7, 10),
    )
