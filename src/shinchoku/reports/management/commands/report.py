import sys

from django.core.management.base import CommandError

from shinchoku.common.commands import OfflineCommand
from shinchoku.plans import selectors as plan_selectors
from shinchoku.reports import selectors
from shinchoku.reports.renderers import RENDERERS, render


class Command(OfflineCommand):
    help = (
        "Render the committee report (the city's progress table) of a plan's edition "
        "as XLSX, PDF or HTML."
    )
    # It changes no data: no system checks (they would cost a tenth
    # of its time), and its links need the program pages only.
    requires_system_checks: list[str] = []
    urlconf = "shinchoku.config.report_urls"

    def add_arguments(self, parser):
        parser.add_argument(
            "--plan",
            help="CODE/SLUG (e.g. 132110/2021-2024) or title; not needed with one plan.",
        )
        parser.add_argument(
            "--edition",
            help="Edition title (e.g. 令和6年度当初計画) or id; default: the latest.",
        )
        parser.add_argument(
            "--format", required=True, choices=sorted(RENDERERS), help="Output format."
        )
        parser.add_argument(
            "-o", "--output", default="-", help="Output file ('-' for standard output)."
        )

    def handle(self, *args, **options):
        try:
            plan = plan_selectors.plan_resolve(options["plan"])
            edition = selectors.edition_resolve(plan, options["edition"])
        except (plan_selectors.PlanNotFound, selectors.EditionNotFound) as exc:
            raise CommandError(str(exc)) from None
        data = render(selectors.edition_report(edition), options["format"])
        if options["output"] == "-":
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
        else:
            with open(options["output"], "wb") as fh:
                fh.write(data)
            self.stderr.write(
                f"Wrote {options['output']} ({len(data):,} bytes): {edition.title}"
            )
