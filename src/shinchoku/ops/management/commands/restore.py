from django.core.management.base import CommandError

from shinchoku.common.commands import OfflineCommand
from shinchoku.ops.backup import (
    BackupError,
    backup_kind,
    database_has_data,
    database_restore,
    target,
)


class Command(OfflineCommand):
    help = (
        "Replace the database's contents with a backup made by `shinchoku backup` "
        "(SQLite: online backup API; PostgreSQL: pg_restore --clean, in one "
        "transaction). Stop the app servers first. Refuses to overwrite a database "
        "that holds data unless --yes is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The backup file to restore.")
        parser.add_argument(
            "--yes",
            action="store_true",
            help="Overwrite the database even though it already holds data.",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Check the backup file and the database, change nothing.",
        )

    def handle(self, *args, **options):
        try:
            database = target()
            kind = backup_kind(options["file"])
            has_data = database_has_data()
            if options["dry_run"]:
                self.stdout.write(
                    f"Dry run, nothing changed: {options['file']} is a {kind} backup; "
                    f"the {database.vendor} database {database.name} "
                    f"{'holds data' if has_data else 'is empty'}."
                )
                return
            if has_data and not options["yes"]:
                raise CommandError(
                    f"the database {database.name} already holds data, which the "
                    "restore would replace: run again with --yes to overwrite it "
                    "(back it up first with `shinchoku backup -o FILE`)"
                )
            database_restore(source=options["file"])
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {options['file']} into the {database.vendor} database "
                f"{database.name}. Run `shinchoku migrate` if the backup is older "
                "than this version of Shinchoku."
            )
        )
