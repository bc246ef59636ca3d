from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Serve the web app (threaded development server with static files) without "
        "touching the data. For production, run gunicorn (see the README)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1", help="Address to listen on.")
        parser.add_argument("--port", type=int, default=8000, help="Port to listen on.")

    def handle(self, *args, **options):
        self.stdout.write(
            f"Serving on http://{options['host']}:{options['port']}/ (Ctrl+C stops)"
        )
        call_command(
            "runserver",
            f"{options['host']}:{options['port']}",
            use_reloader=False,
            use_threading=True,
        )
