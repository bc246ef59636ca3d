from django.core.management.base import CommandError

from shinchoku.common.commands import OfflineCommand
from shinchoku.document.errors import ImportFormatError
from shinchoku.imports import formats
from shinchoku.imports.formats import ParseOptions
from shinchoku.imports.services import import_file


class Command(OfflineCommand):
    help = (
        "Import a plan from a committee table (tab-separated text, UTF-8 or Shift_JIS) "
        "or from Shinchoku interchange JSON. The whole file is one transaction; "
        "importing the same file again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The file to import.")
        parser.add_argument(
            "--format",
            choices=sorted(formats.FORMATS),
            help="The file's format (default: detected from its content).",
        )
        parser.add_argument(
            "--municipality-code",
            default="",
            help="全国地方公共団体コード (e.g. 132110) when the file does not state it.",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Check the file and report what would change, then roll back.",
        )

    def handle(self, *args, **options):
        try:
            result = import_file(
                options["path"],
                fmt=options["format"],
                options=ParseOptions(municipality_code=options["municipality_code"]),
                dry_run=options["dry_run"],
            )
        except ImportFormatError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(self.style.SUCCESS(result.summary()))
        for note in result.notes:
            self.stdout.write(f"  note: {note}")
