from django.core.management.base import CommandError

from shinchoku.common.commands import OfflineCommand
from shinchoku.ops.backup import BackupError, database_backup, target


class Command(OfflineCommand):
    help = (
        "Back up the whole database to a file: SQLite through its online backup "
        "API, PostgreSQL with pg_dump -Fc. The app may keep serving meanwhile."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "-o",
            "--output",
            required=True,
            help="The backup file to write (replaced if it exists, only once the "
            "new backup is complete).",
        )

    def handle(self, *args, **options):
        try:
            size = database_backup(output=options["output"])
            database = target()
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(
            self.style.SUCCESS(
                f"Backed up the {database.vendor} database {database.name} to "
                f"{options['output']} ({size:,} bytes)"
            )
        )
