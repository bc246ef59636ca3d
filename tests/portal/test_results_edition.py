"""A published 実績 edition on the public side: the program page shows the
program's grade with its label and reason, and the open data carries the grade,
the KPI actuals and the committee's opinions with the city's responses, as the
edition's committee report prints them. Found missing when a whole 令和6年度 round
was played in the browser (NOTES-qa): only plan.json had them."""

import csv
import io

import pytest

from shinchoku.plans import services as plan_services
from tests.reports.results_world import GRADES, OPINION, RESPONSE, play_results_round
from tests.workflow.conftest import build_people

pytestmark = pytest.mark.django_db


@pytest.fixture
def edition(seed_plan):
    people = build_people(seed_plan)
    edition = play_results_round(people, seed_plan)
    plan_services.edition_publish(
        actor=people["gyosei"], edition=edition, published=True
    )
    return edition


def records(client, seed_plan, edition):
    url = (
        f"/132110/plans/{seed_plan.slug}/editions/2"  # after the seed's
        "/download/records-utf8.csv"
    )
    response = client.get(url)
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.content.decode(), newline="")))
    return [r for r in rows if r["program_number"] == "12"]


def test_the_program_page_shows_the_grade(client, seed_plan, edition):
    # The edition's own page (the plan page shows the 令和6年度当初計画, a later FY).
    url = f"/132110/plans/{seed_plan.slug}/editions/2/programs/12/"
    page = client.get(url).content.decode()
    grade, reason = GRADES[12]
    assert "令和5年度 (2023)の評価" in page
    assert f"<strong>{grade}</strong> 予定どおりに進捗: {reason}" in page


def test_open_data_carries_the_results(client, seed_plan, edition):
    rows = records(client, seed_plan, edition)
    got = {
        (r["field"], r["field_label"], r["fiscal_year"], r["position"]): r["text"]
        for r in rows
        if r["field"] in {"grade", "grade_comment", "kpi_actual", "opinion", "response"}
    }
    assert got == {
        ("grade", "評価", "2023", "1"): GRADES[12][0],
        ("grade_comment", "評価の理由", "2023", "1"): GRADES[12][1],
        ("kpi_actual", "成果指標の実績", "2023", "1"): "電子決裁率: 80.1%",
        ("opinion", "委員会意見", "2023", "1"): OPINION,
        ("response", "市の対応", "2023", "1"): RESPONSE,
    }


def test_an_initial_plan_edition_has_no_result_rows(client, seed_plan):
    rows = client.get(
        f"/132110/plans/{seed_plan.slug}/editions/1/download/records-utf8.csv"
    ).content.decode()
    assert ",grade," not in rows and ",opinion," not in rows
