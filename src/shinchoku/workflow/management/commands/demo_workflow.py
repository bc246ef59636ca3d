from django.core.management.base import CommandError
from django.db import transaction

from shinchoku.common.commands import OfflineCommand
from shinchoku.plans.models import Municipality
from shinchoku.workflow.demo import (
    ensure_demo_people,
    ensure_demo_round,
    ensure_head_approval,
)


class Command(OfflineCommand):
    help = (
        "Create the update round's demo people on an imported plan: the admin "
        "office (行政経営課), two departments leading the programs, and one user "
        "per role; print their usernames and passwords."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--municipality-code",
            default="132110",
            help="Municipality whose plan gets the demo people (default: 小平市).",
        )
        parser.add_argument(
            "--with-round",
            action="store_true",
            help="Also open a demo achievements round (実績照会) if there is none.",
        )
        parser.add_argument(
            "--head-approval",
            action="store_true",
            help=(
                "Also turn on the department head's step (課長承認): submissions "
                "wait for kacho, the head of 情報政策課, before the admin office."
            ),
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Show what would be created, then roll everything back.",
        )

    def handle(self, *args, **options):
        code = options["municipality_code"]
        if not Municipality.objects.filter(code=code, plans__isnull=False).exists():
            raise CommandError(
                f"no plan of municipality {code}: run `shinchoku demo --no-serve` "
                "or `shinchoku import` first"
            )
        with transaction.atomic():
            people = ensure_demo_people(code)
            if options["with_round"]:
                round_ = ensure_demo_round(code)
                self.stdout.write(f"Open round: {round_.title} (due {round_.deadline})")
            if options["head_approval"]:
                for plan in ensure_head_approval(code):
                    self.stdout.write(f"Department head approval on: {plan.title}")
            if options["dry_run"]:
                transaction.set_rollback(True)
                self.stdout.write("Dry run: nothing saved.")
        self.stdout.write("Demo users (sign in at /workflow/login/):")
        for person in people:
            self.stdout.write(f"  {person}")
