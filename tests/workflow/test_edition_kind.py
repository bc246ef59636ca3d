"""Editions have a kind (当初計画 or 実績): the seed's is an initial plan, a
round's edition takes the round's kind, a document may say it."""

import pytest

from shinchoku.document import interchange
from shinchoku.document.errors import ImportFormatError
from shinchoku.plans.models import EditionKind
from shinchoku.workflow.rounds import services as round_services


def test_the_seed_edition_is_an_initial_plan(seed_plan):
    edition = seed_plan.editions.get()
    assert edition.kind == EditionKind.INITIAL_PLAN
    assert not edition.is_correction and not edition.is_superseded


def test_closing_a_round_makes_an_edition_of_its_kind(people, achievements_round):
    edition = round_services.round_close(
        actor=people["gyosei"], round_=achievements_round, title="令和5年度実績報告"
    )
    assert edition.kind == EditionKind.ACHIEVEMENTS
    assert edition.snapshot["editions"][0]["kind"] == "achievements"


def test_a_document_says_the_kind_or_the_title_does(seed_plan):
    from shinchoku.plans.selectors import plan_to_parsed

    doc = interchange.dump(plan_to_parsed(seed_plan))
    assert doc["editions"][0]["kind"] == "initial_plan"
    doc["editions"][0]["kind"] = "achievements"
    assert interchange.load(doc).editions[0].resolved_kind == "achievements"
    del doc["editions"][0]["kind"]
    doc["editions"][0]["title"] = "令和5年度実績"
    assert interchange.load(doc).editions[0].resolved_kind == "achievements"
    doc["editions"][0]["kind"] = "results"
    with pytest.raises(ImportFormatError, match=r"editions\[0\]\.kind"):
        interchange.load(doc)


def test_a_results_edition_freezes_its_results_block(people, achievements_round):
    edition = round_services.round_close(
        actor=people["gyosei"], round_=achievements_round, title="令和5年度実績"
    )
    block = edition.snapshot["editions"][0]["results"]
    assert block["fiscal_year"] == 2023
    assert [g["code"] for g in block["grade_scale"]] == ["S", "A", "B"]
    assert [p["number"] for p in block["programs"]][:3] == [1, 2, 3]
    # The document reads back, and a malformed block is refused by its path.
    assert interchange.load(edition.snapshot).editions[0].results == block
    block["programs"][0]["opinions"] = [{"text": 3}]
    with pytest.raises(ImportFormatError, match=r"results\.programs\[0\]\.opinions"):
        interchange.load(edition.snapshot)


def test_a_plans_own_evaluation_method_is_frozen_in_japanese(people, seed_plan):
    from shinchoku.plans.models import Indicator
    from shinchoku.plans.results import kpi_result

    seed_plan.evaluation_method = "tagawa"
    indicator = Indicator.objects.get(program__number=12, name="電子決裁率")
    result = kpi_result(indicator, seed_plan, 2022)  # actual 73.7 of target 85
    assert result["actual"] == "73.7%" and result["target"] == "90%"
    assert result["status_label"].startswith(result["status"])
    assert not any(c.isascii() and c.isalpha() for c in result["status_label"][2:])
