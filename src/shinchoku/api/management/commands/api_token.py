from django.contrib.auth import get_user_model
from django.core.management.base import CommandError
from django.db import transaction

from shinchoku.api.models import ApiToken
from shinchoku.api.services import TokenError, api_token_create, api_token_revoke
from shinchoku.common.commands import OfflineCommand


class Command(OfflineCommand):
    help = (
        "Make a token for the JSON API's write operations, acting as USERNAME "
        "with that user's role; the token is printed once and only its digest "
        "is stored. --list shows tokens, --revoke deletes one."
    )

    def add_arguments(self, parser):
        parser.add_argument("username", nargs="?", help="The user the token acts as.")
        parser.add_argument(
            "--name", default="", help="What the token is for (shown in --list)."
        )
        parser.add_argument(
            "--list",
            action="store_true",
            help="List the tokens (of USERNAME, or everyone's): beginning, user, "
            "name, created, last used.",
        )
        parser.add_argument(
            "--revoke",
            metavar="BEGINNING",
            help="Delete the token that begins so (as --list shows it).",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Check the user (or the token to revoke), save nothing.",
        )

    def handle(self, *args, **options):
        if options["list"]:
            return self._list(options["username"])
        if options["revoke"]:
            return self._revoke(options["revoke"], dry_run=options["dry_run"])
        username = options["username"]
        if not username:
            raise CommandError("give the USERNAME the token acts as (or --list)")
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"no user {username!r}")
        with transaction.atomic():
            try:
                record, token = api_token_create(user=user, name=options["name"])
            except TokenError as exc:
                raise CommandError(str(exc)) from None
            if options["dry_run"]:
                transaction.set_rollback(True)
                self.stdout.write(f"Dry run: a token for {username} can be made.")
                return
        self.stdout.write(
            f"Token for {username} (shown once, keep it secret; "
            f"revoke with --revoke {record.shown}):"
        )
        self.stdout.write(token)

    def _list(self, username: str | None) -> None:
        tokens = ApiToken.objects.select_related("user").order_by("created")
        if username:
            tokens = tokens.filter(user__username=username)
        for t in tokens:
            used = t.last_used.isoformat(timespec="seconds") if t.last_used else "-"
            self.stdout.write(
                f"{t.shown}…\t{t.user.get_username()}\t{t.name or '-'}\t"
                f"{t.created.isoformat(timespec='seconds')}\t{used}"
            )

    def _revoke(self, shown: str, *, dry_run: bool) -> None:
        with transaction.atomic():
            try:
                count = api_token_revoke(shown=shown)
            except TokenError as exc:
                raise CommandError(str(exc)) from None
            if count == 0:
                raise CommandError(f"no token begins with {shown!r}")
            if dry_run:
                transaction.set_rollback(True)
                self.stdout.write(f"Dry run: {count} token(s) would be revoked.")
                return
        self.stdout.write(f"{count} token(s) revoked.")
