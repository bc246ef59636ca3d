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
            choices=["json", "kpi-csv", "template"],
            default="json",
            help="json: interchange JSON; kpi-csv: indicators, one row per indicator and "
            "FY; template: a blank XLSX that imports with no mapping (docs/tables.md).",
        )
        parser.add_argument(
            "--first-fy",
            type=int,
            help="template: the plan period's first FY when no plan is given "
            "(default: this FY).",
        )
        parser.add_argument(
            "--last-fy",
            type=int,
            help="template: the plan period's last FY (default: three years later).",
        )
        parser.add_argument(
            "--plan",
            help="CODE/SLUG (e.g. 132110/2021-2024) or title; not needed with one plan.",
        )
        parser.add_argument(
            "-o", "--output", default="-", help="Output file ('-' for standard output)."
        )

    def handle(self, *args, **options):
        if options["format"] == "template":
            self._write(options, _template(options))
            return
        try:
            plan = selectors.plan_resolve(options["plan"])
        except selectors.PlanNotFound as exc:
            raise CommandError(str(exc)) from None
        if options["format"] == "kpi-csv":
            data = _kpi_csv(plan)
        else:
            data = interchange.dumps(selectors.plan_to_parsed(plan))
        self._write(options, data)

    def _write(self, options, data: bytes) -> None:
        if options["output"] == "-":
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
        else:
            with open(options["output"], "wb") as fh:
                fh.write(data)
            self.stderr.write(f"Wrote {options['output']} ({len(data):,} bytes)")


def _template(options) -> bytes:
    """The blank template, for the given plan (its facts filled in) or period."""
    from shinchoku.common import wareki
    from shinchoku.imports import template

    facts: dict[str, str] = {}
    if options["plan"]:
        try:
            plan = selectors.plan_resolve(options["plan"])
        except selectors.PlanNotFound as exc:
            raise CommandError(str(exc)) from None
        first, last = plan.first_fy, plan.last_fy
        facts = {
            "municipality_code": plan.municipality.code,
            "municipality_name": plan.municipality.name,
            "title": plan.title,
        }
    else:
        import datetime as dt

        first = options["first_fy"] or wareki.fiscal_year_of(dt.date.today())
        last = options["last_fy"] or first + 3
    if not first <= last <= first + 20:
        raise CommandError(f"not a plan period: {first}–{last}")
    return template.build(first_fy=first, last_fy=last, facts=facts)


def _kpi_csv(plan) -> bytes:
    return spreadsheet_csv(
        selectors.INDICATOR_CSV_FIELDS, selectors.plan_indicator_rows(plan)
    )
