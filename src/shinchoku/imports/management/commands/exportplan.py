import sys

from django.core.management.base import CommandError

from shinchoku.common.commands import OfflineCommand
from shinchoku.common.spreadsheets import spreadsheet_csv
from shinchoku.document import interchange
from shinchoku.plans import selectors


class Command(OfflineCommand):
    help = "Export a plan as Shinchoku interchange JSON (docs/interchange-format.md)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--format",
            choices=["json", "kpi-csv"],
            default="json",
            help="json: interchange JSON; kpi-csv: indicators, one row per indicator and FY.",
        )
        parser.add_argument(
            "--plan",
            help="CODE/SLUG (e.g. 132110/2021-2024) or title; not needed with one plan.",
        )
        parser.add_argument(
            "-o", "--output", default="-", help="Output file ('-' for standard output)."
        )

    def handle(self, *args, **options):
        try:
            plan = selectors.plan_resolve(options["plan"])
        except selectors.PlanNotFound as exc:
            raise CommandError(str(exc)) from None
        if options["format"] == "kpi-csv":
            data = _kpi_csv(plan)
        else:
            data = interchange.dumps(selectors.plan_to_parsed(plan))
        if options["output"] == "-":
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
        else:
            with open(options["output"], "wb") as fh:
                fh.write(data)
            self.stderr.write(f"Wrote {options['output']} ({len(data):,} bytes)")


def _kpi_csv(plan) -> bytes:
    return spreadsheet_csv(
        selectors.INDICATOR_CSV_FIELDS, selectors.plan_indicator_rows(plan)
    )
