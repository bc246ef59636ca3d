import os
import sys

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, connections


def gunicorn_argv(*, host: str, port: int, workers: int) -> list[str]:
    """The gunicorn command line `serve --gunicorn` runs (scripts/serve-production.sh
    runs the same). Request logs come from the app itself (JSON, one line per
    request), so gunicorn's access log stays off."""
    return [
        sys.executable,
        "-m",
        "gunicorn",
        "shinchoku.config.wsgi:application",
        "--bind",
        f"{host}:{port}",
        "--workers",
        str(workers),
        "--graceful-timeout",
        "30",
        "--forwarded-allow-ips",
        os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1"),
    ]


def check_database(using: str = "default") -> None:
    """CommandError naming the database when it cannot be reached: the
    development server would otherwise stop with a traceback (it checks the
    migrations before it serves)."""
    connection = connections[using]
    try:
        connection.ensure_connection()
    except DatabaseError as exc:
        where = connection.settings_dict
        if connection.vendor == "sqlite":
            target = f"the SQLite file {where['NAME']}"
        else:
            address = f"{where.get('HOST') or 'localhost'}:{where.get('PORT') or ''}"
            target = f"{connection.vendor} at {address.rstrip(':')}, database {where['NAME']}"
        reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        raise CommandError(
            f"The database is unreachable ({target}): {reason}. Start it, or set "
            "DATABASE_URL (see README, Configuration)."
        ) from None


class Command(BaseCommand):
    help = (
        "Serve the web app without touching the data: by default the threaded "
        "development server with static files (one city, one server); with "
        "--gunicorn, gunicorn worker processes (production, see docs/deployment.md)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1", help="Address to listen on.")
        parser.add_argument("--port", type=int, default=8000, help="Port to listen on.")
        parser.add_argument(
            "--gunicorn",
            action="store_true",
            help="Run gunicorn (multi-process, for production) instead of the "
            "development server. DJANGO_SETTINGS_MODULE chooses the settings.",
        )
        parser.add_argument(
            "--workers",
            type=int,
            default=2,
            help="gunicorn worker processes (with --gunicorn; about 2 × CPU cores).",
        )

    def handle(self, *args, **options):
        url = f"http://{options['host']}:{options['port']}/"
        if options["gunicorn"]:
            if options["workers"] < 1:
                raise CommandError("--workers must be 1 or more")
            argv = gunicorn_argv(
                host=options["host"], port=options["port"], workers=options["workers"]
            )
            self.stdout.write(
                f"Serving on {url} with gunicorn, {options['workers']} worker(s)"
            )
            self.stdout.flush()
            # Replace this process: signals (TERM for a graceful stop, HUP to reload)
            # reach the gunicorn master directly, as under systemd.
            os.execv(sys.executable, argv)
        check_database()
        self.stdout.write(f"Serving on {url} (Ctrl+C stops)")
        call_command(
            "runserver",
            f"{options['host']}:{options['port']}",
            use_reloader=False,
            use_threading=True,
        )
