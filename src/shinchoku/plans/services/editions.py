"""Writes of editions: freezing the plan as it stands into one (a round's
close), and publishing or withdrawing it. Importing a committee table freezes
its edition too (plans.services.documents)."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _

from shinchoku.common.services import ServiceError, User, model_save, model_update
from shinchoku.document import interchange
from shinchoku.document.model import ACHIEVEMENTS, ParsedEdition
from shinchoku.plans.models import Edition, Plan
from shinchoku.plans.results import Opinions, edition_results
from shinchoku.plans.selectors import plan_to_parsed
from shinchoku.workflow.permissions import Action, require


@transaction.atomic
def edition_freeze(
    *,
    actor: User | None,
    plan: Plan,
    title: str,
    meeting: str = "",
    material: str = "",
    date: dt.date | None = None,
    fiscal_year: int,
    schedule_as_of: str = "",
    kind: str = "",
    supersedes: Edition | None = None,
    opinions: Opinions | None = None,
    reason: str,
) -> Edition:
    """The plan as it stands now, indicators included, frozen into the edition
    ``title`` (made, or replaced while it is unpublished), unpublished; of
    ``kind`` (as the title says when not given), correcting ``supersedes``. A
    実績 edition freezes its results too: grades, KPI actuals with their
    status, and the committee's ``opinions`` (plans.results)."""
    if actor is not None:
        require(actor, Action.PUBLISH_EDITION, plan)
    edition = Edition.objects.filter(plan=plan, title=title).first()
    if edition is not None and edition.published:
        raise ServiceError(
            _("The edition %(title)s is published: choose another title.")
            % {"title": title}
        )
    if edition is None:
        edition = Edition(plan=plan, title=title)
    parsed = plan_to_parsed(plan)
    parsed_edition = ParsedEdition(
        title=title,
        meeting=meeting,
        material=material,
        date=date,
        fiscal_year=fiscal_year,
        schedule_as_of=schedule_as_of,
        kind=kind,
    )
    if parsed_edition.resolved_kind == ACHIEVEMENTS:
        parsed_edition.results = edition_results(plan, fiscal_year, opinions or {})
    parsed.editions = [e for e in parsed.editions if e.title != title]
    parsed.editions.append(parsed_edition)
    edition.meeting = meeting
    edition.material = material
    edition.date = date
    edition.fiscal_year = fiscal_year
    edition.schedule_as_of = schedule_as_of
    edition.kind = parsed_edition.resolved_kind
    edition.supersedes = supersedes
    edition.published = False
    # plan_to_parsed carries the indicators, so the snapshot freezes them too
    edition.snapshot = interchange.edition_snapshot(parsed, parsed_edition)
    model_save(edition, actor=actor, reason=reason, exclude=["plan"])
    return edition


@transaction.atomic
def edition_publish(
    *, actor: User, edition: Edition, published: bool, via: str = "screen"
) -> bool:
    """Publish (or withdraw) an edition: a separate, audited action."""
    require(actor, Action.PUBLISH_EDITION, edition)
    edition = (
        Edition.objects.select_for_update().select_related("plan").get(pk=edition.pk)
    )
    verb = "publish" if published else "withdraw"
    return model_update(
        edition,
        data={"published": published},
        actor=actor,
        reason=f"{via}: {verb} edition {edition.title}",
        exclude=["plan"],
    )
