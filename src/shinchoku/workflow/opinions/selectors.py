"""Reads of committee opinions: for an edition's report and public pages, for
a program, for an entry."""

from __future__ import annotations

from collections import defaultdict

from django.db.models import QuerySet

from shinchoku.common.services import User
from shinchoku.plans.models import Edition, Program
from shinchoku.workflow.models import Opinion, Round, RoundEntry
from shinchoku.workflow.permissions import actor_for


def _by_program(opinions: QuerySet[Opinion]) -> dict[int, list[tuple[str, str]]]:
    out: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for opinion in opinions.select_related("entry__program").order_by(
        "entry__program__ordering", "entry__program__number", "created_at", "pk"
    ):
        out[opinion.entry.program.number].append((opinion.text, opinion.response))
    return dict(out)


def opinions_for_edition(edition: Edition) -> dict[int, list[tuple[str, str]]]:
    """{program number: [(委員会意見, 市の対応)]} for the rounds closed into an
    edition, for the report builders."""
    return _by_program(Opinion.objects.filter(entry__round__edition=edition))


def round_opinions(round_: Round) -> dict[int, list[tuple[str, str]]]:
    """{program number: [(委員会意見, 市の対応)]} of a round: what closing it
    freezes into a 実績 edition."""
    return _by_program(Opinion.objects.filter(entry__round=round_))


def program_opinions(program: Program, user: User) -> list[Opinion]:
    """The opinions on a program the user may read (1 query): members of the
    municipality read all, the public those of published editions."""
    opinions = Opinion.objects.filter(entry__program=program).select_related(
        "entry__round__edition", "entry__round__plan__municipality"
    )
    actor = actor_for(user)
    if not actor.is_member_of(program.plan.municipality_id):
        opinions = opinions.filter(entry__round__edition__published=True)
    return list(opinions.order_by("-entry__round__fiscal_year", "created_at"))


def entry_opinions(entry: RoundEntry) -> list[Opinion]:
    return list(
        entry.opinions.select_related("author", "responded_by").order_by("created_at")
    )
