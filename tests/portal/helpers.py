"""Editions for portal tests: copies of the seed's published snapshot, changed."""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable

from shinchoku.plans.models import Edition, Plan


def seed_snapshot(plan: Plan) -> dict:
    return copy.deepcopy(plan.editions.get(title="令和6年度当初計画").snapshot)


def add_edition(
    plan: Plan,
    title: str,
    *,
    change: Callable[[dict], None] | None = None,
    published: bool = True,
    fiscal_year: int = 2025,
    date: dt.date | None = dt.date(2025, 2, 1),
) -> Edition:
    """A new edition of the plan whose snapshot is the seed's, changed; saved the
    way any writer saves one (the post_save signal indexes it)."""
    snapshot = seed_snapshot(plan)
    snapshot["editions"][0].update(
        title=title, fiscal_year=fiscal_year, date=date.isoformat() if date else None
    )
    if change:
        change(snapshot)
    return Edition.objects.create(
        plan=plan,
        title=title,
        fiscal_year=fiscal_year,
        date=date,
        published=published,
        snapshot=snapshot,
    )


def program_of(snapshot: dict, number: int) -> dict:
    return next(p for p in snapshot["programs"] if p["number"] == number)
