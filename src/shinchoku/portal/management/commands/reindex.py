"""`shinchoku reindex`: rebuild the public search index from published
snapshots."""

from __future__ import annotations

from django.core.management.base import CommandError
from django.db import transaction

from shinchoku.common.commands import OfflineCommand
from shinchoku.plans import selectors as plan_selectors
from shinchoku.portal.services import search_index_rebuild


def reindex(*, plan_identifier: str | None = None, dry_run: bool = False) -> list:
    plan = None
    if plan_identifier:
        try:
            plan = plan_selectors.plan_resolve(plan_identifier)
        except plan_selectors.PlanNotFound as exc:
            raise CommandError(str(exc)) from None
    with transaction.atomic():
        results = search_index_rebuild(plan=plan)
        if dry_run:
            transaction.set_rollback(True)
    return results


class Command(OfflineCommand):
    help = (
        "Rebuild the search index of the public portal from the snapshots of "
        "published editions."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--plan",
            help="Only this plan: CODE/SLUG (e.g. 132110/2021-2024) or its title.",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Count what would be indexed, then roll back.",
        )

    def handle(self, *args, plan=None, dry_run=False, **options):
        results = reindex(plan_identifier=plan, dry_run=dry_run)
        for r in results:
            self.stdout.write(f"{r.edition.plan} / {r.edition}: {r.entries} programs")
        total = sum(r.entries for r in results)
        prefix = "Dry run, nothing saved: " if dry_run else ""
        self.stdout.write(f"{prefix}{len(results)} editions, {total} search entries.")
