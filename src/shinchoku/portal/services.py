"""Writes of the portal: its rows (search index and published programs),
rebuilt from published snapshots.

search_index_edition is what a publishing step (import, workflow) calls; a
post_save signal on Edition calls it too, as a safety net; `shinchoku reindex`
rebuilds everything.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

from django.db import transaction

from shinchoku.document import interchange
from shinchoku.document.model import ParsedPlan
from shinchoku.plans.models import Edition, Plan
from shinchoku.plans.selectors import edition_numbers
from shinchoku.portal import folding
from shinchoku.portal.cache import invalidate
from shinchoku.portal.content import doc_kpis, program_parts
from shinchoku.portal.models import SearchEntry
from shinchoku.portal.selectors import PUBLIC, latest_first


@dataclass
class IndexResult:
    edition: Edition
    entries: int


@transaction.atomic
def search_index_edition(*, edition: Edition) -> IndexResult:
    """Make the search rows of an edition match what is published: its programs
    when it is published with a snapshot, nothing otherwise; then mark the plan's
    latest published edition."""
    SearchEntry.objects.filter(edition_id=edition.pk).delete()
    latest = latest_published(plan_id=edition.plan_id)
    entries = []
    if edition.published and edition.snapshot is not None:
        parsed = interchange.load(edition.snapshot, source=f"edition {edition}")
        entries = search_entries(
            edition=edition,
            parsed=parsed,
            snapshot=edition.snapshot,
            number=edition_numbers(edition.plan_id)[edition.pk],
            # Born with the right flag: no UPDATE of the rows just written.
            is_latest=edition.pk == latest,
        )
        SearchEntry.objects.bulk_create(entries)
    search_mark_latest(
        plan_id=edition.plan_id,
        latest=latest,
        born_latest=bool(entries) and edition.pk == latest,
    )
    invalidate()
    return IndexResult(edition=edition, entries=len(entries))


def search_entries(
    *,
    edition: Edition,
    parsed: ParsedPlan,
    snapshot: dict[str, Any],
    number: int,
    is_latest: bool = False,
) -> list[SearchEntry]:
    """The rows of a published edition, unsaved (no query): one per program of
    its snapshot (parsed: the same document, read). gen-synthetic writes them
    in bulk."""
    entries = []
    docs = snapshot["programs"]
    for order, (program, doc) in enumerate(
        zip(parsed.programs, docs, strict=True), start=1
    ):
        parts = program_parts(program, doc_kpis(doc))
        entries.append(
            SearchEntry(
                edition_id=edition.pk,
                plan_id=edition.plan_id,
                edition_number=number,
                is_latest=is_latest,
                program_number=program.number,
                program_name=program.name,
                ordering=order,
                name_folded=folding.fold(program.name),
                haystack="\n".join(folding.fold(p["text"]) for p in parts),
                doc=doc,
            )
        )
    return entries


def latest_published(*, plan_id: int) -> int | None:
    """The pk of the plan's latest published edition, which search covers by
    default."""
    editions = Edition.objects.filter(PUBLIC, plan_id=plan_id)
    return latest_first(editions).values_list("pk", flat=True).first()


_UNKNOWN = object()


def search_mark_latest(
    *,
    plan_id: int,
    latest: int | None | object = _UNKNOWN,
    born_latest: bool = False,
) -> None:
    """Flag the rows of the plan's latest published edition (``latest``, looked
    up when not given), and only those. ``born_latest``: its rows were just
    written with the flag."""
    edition_id = (
        latest_published(plan_id=plan_id)
        if latest is _UNKNOWN
        else cast("int | None", latest)
    )
    rows = SearchEntry.objects.filter(plan_id=plan_id)
    stale = rows.filter(is_latest=True)
    if edition_id is not None:
        stale = stale.exclude(edition_id=edition_id)
    stale.update(is_latest=False)
    if edition_id is not None and not born_latest:
        rows.filter(edition_id=edition_id, is_latest=False).update(is_latest=True)


@transaction.atomic
def search_index_rebuild(*, plan: Plan | None = None) -> list[IndexResult]:
    """Rebuild the whole index (or one plan's) from the published snapshots."""
    editions = Edition.objects.select_related("plan").order_by("plan", "pk")
    rows = SearchEntry.objects.all()
    if plan is not None:
        editions = editions.filter(plan=plan)
        rows = rows.filter(plan=plan)
    rows.delete()
    invalidate()
    return [search_index_edition(edition=e) for e in editions]
