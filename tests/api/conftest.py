"""People per role (the workflow tests' own), an open achievements round and
API tokens, for the write operations."""

from __future__ import annotations

import datetime as dt

import pytest

from shinchoku.api.services import api_token_create
from shinchoku.plans.models import Indicator
from shinchoku.workflow.models import RoundKind
from shinchoku.workflow.rounds import services as round_services
from tests.workflow.conftest import build_people, entry_of, fresh

__all__ = ["entry_of", "fresh"]


@pytest.fixture
def people(seed_plan):
    """admin (system), gyosei (admin office), joho (leads ⑫), kyodo (supports
    ⑫), iinkai (committee), outsider (admin office of another municipality)."""
    return build_people(seed_plan)


@pytest.fixture
def round_(people, seed_plan):
    """An open achievements round for 令和5年度: drafts carry KPI actuals."""
    return round_services.round_open(
        actor=people["gyosei"],
        plan=seed_plan,
        kind=RoundKind.ACHIEVEMENTS,
        fiscal_year=2023,
        deadline=dt.date(2030, 1, 31),
    )


@pytest.fixture
def indicator(seed_plan):
    return Indicator.objects.get(program__number=12, name="電子決裁率")


@pytest.fixture
def bearer(people):
    """bearer("gyosei") → the Authorization header of a new token of theirs."""

    def make(role: str) -> dict[str, str]:
        _record, token = api_token_create(user=people[role], name="tests")
        return {"Authorization": f"Bearer {token}"}

    return make
