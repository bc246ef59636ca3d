from pathlib import Path

from django.core.management.base import CommandError

from shinchoku.common.commands import OfflineCommand
from shinchoku.document.errors import ImportFormatError
from shinchoku.imports import formats
from shinchoku.imports.formats import ParseOptions
from shinchoku.imports.services import import_file, suggest_file_mapping


class Command(OfflineCommand):
    help = (
        "Import a plan from a committee table (tab-separated text, UTF-8 or Shift_JIS), "
        "Shinchoku's own report (XLSX, PDF), open data (records.csv), the blank "
        "template, a table of another layout (XLSX, CSV, PDF) with a column mapping, "
        "or Shinchoku interchange JSON. The whole file is one transaction; importing "
        "the same file again changes nothing. The editions it makes are published "
        "at once unless --draft."
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
            "--mapping",
            help="A JSON file saying what a table's columns mean (docs/tables.md); "
            "--suggest-mapping prints one to start from.",
        )
        parser.add_argument(
            "--suggest-mapping",
            action="store_true",
            help="Print the mapping suggested from the table's header words as JSON "
            "and stop (nothing is imported).",
        )
        parser.add_argument(
            "--first-fy",
            type=int,
            default=0,
            help="The plan's first fiscal year (e.g. 2021) when the file does not "
            "state it (records.csv) and no plan of its title exists yet.",
        )
        parser.add_argument(
            "--last-fy", type=int, default=0, help="The plan's last fiscal year."
        )
        parser.add_argument(
            "--draft",
            action="store_true",
            help="Leave the editions the file makes unpublished (the public pages, "
            "open data, search and the API do not show them until the admin office "
            "publishes them); by default they are published at once.",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Check the file and report what would change, then roll back.",
        )

    def handle(self, *args, **options):
        try:
            if options["suggest_mapping"]:
                mapping = suggest_file_mapping(options["path"])
                self.stdout.write(mapping.to_json(), ending="")
                return
            result = import_file(
                options["path"],
                fmt=options["format"],
                options=ParseOptions(
                    municipality_code=options["municipality_code"],
                    first_fy=options["first_fy"],
                    last_fy=options["last_fy"],
                    mapping=_mapping(options["mapping"]),
                ),
                dry_run=options["dry_run"],
                publish=not options["draft"],
            )
        except ImportFormatError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(self.style.SUCCESS(result.summary()))
        for note in result.notes:
            self.stdout.write(f"  note: {note}")
        for edition in result.editions:
            if not edition.published:
                self.stdout.write(
                    f"  edition {edition.title}: not published (publish it on the "
                    "staff editions page)"
                )


def _mapping(path: str | None):
    if not path:
        return None
    from shinchoku.imports.tabular import Mapping

    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ImportFormatError(
            f"cannot read the mapping: {exc}", source=path
        ) from None
    return Mapping.from_json(text, source=path)
