"""Reads that feed the report builder."""

from __future__ import annotations

from django.urls import reverse

from shinchoku.document.model import ACHIEVEMENTS, ParsedEdition
from shinchoku.plans import selectors as plan_selectors
from shinchoku.plans.models import Edition, Plan
from shinchoku.reports.builder import build_report
from shinchoku.reports.model import Report, ResultsReport
from shinchoku.reports.results_builder import build_results_report


class EditionNotFound(LookupError):
    pass


def edition_resolve(plan: Plan, identifier: str | None = None) -> Edition:
    """An edition of a plan by title or id; by default the latest one."""
    editions = plan_selectors.editions_latest_first(plan.editions.all())
    if not identifier:
        edition = editions.first()
        if edition is None:
            raise EditionNotFound(f"{plan} has no edition yet")
        return edition
    match = editions.filter(title=identifier)
    if identifier.isdigit():
        match = match | editions.filter(pk=int(identifier))
    found = list(match[:2])
    if len(found) != 1:
        titles = ", ".join(e.title for e in editions)
        raise EditionNotFound(f"no edition {identifier!r}; known editions: {titles}")
    return found[0]


def edition_report(edition: Edition) -> Report | ResultsReport:
    """The committee report of an edition, drawn from its frozen snapshot when it
    has one (so it never changes), else from the live data: the 当初計画 layout,
    or the 実績 layout for a results edition."""
    plan = edition.plan
    parsed = plan_selectors.edition_parsed(edition)
    entry = next((e for e in parsed.editions if e.title == edition.title), None)
    if entry is None:
        entry = ParsedEdition(
            title=edition.title,
            meeting=edition.meeting,
            material=edition.material,
            date=edition.date,
            fiscal_year=edition.fiscal_year,
            schedule_as_of=edition.schedule_as_of,
        )
    entry.kind = edition.kind  # the edition's own word, whatever its snapshot says
    code, slug = plan.municipality.code, plan.slug
    # Published: the public page of the program in this very edition; else the
    # staff page (the report of a draft edition is for the city's members).
    public_number = (
        plan_selectors.edition_numbers(plan.pk).get(edition.pk)
        if edition.published
        else None
    )

    def program_url(number: int) -> str:
        kwargs = {"code": code, "plan": slug, "number": number}
        if public_number is None:
            return reverse("plans:program", kwargs=kwargs)
        return reverse(
            "portal:edition_program", kwargs={**kwargs, "edition": public_number}
        )

    if entry.resolved_kind == ACHIEVEMENTS:
        return build_results_report(
            parsed,
            entry,
            program_url=program_url,
            supersedes_title=edition.supersedes.title if edition.supersedes else "",
        )
    return build_report(parsed, entry, program_url=program_url)
