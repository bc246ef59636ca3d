from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from shinchoku.imports.services import import_file
from shinchoku.plans.models import Municipality
from shinchoku.workflow.demo import ensure_demo_people

DEMO_USER = "admin"
DEMO_PASSWORD = "shinchoku-demo"


class Command(BaseCommand):
    help = (
        "Create or migrate the database, import Kodaira City's plan (the bundled "
        "sample) if it is not there yet, create a demo admin account, and serve."
    )

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1", help="Address to listen on.")
        parser.add_argument("--port", type=int, default=8000, help="Port to listen on.")
        parser.add_argument(
            "--no-serve",
            action="store_true",
            help="Prepare the data only, do not serve.",
        )

    def handle(self, *args, **options):
        call_command("migrate", interactive=False, verbosity=0)
        self.stdout.write(f"Database ready: {settings.DATABASES['default']['NAME']}")
        if Municipality.objects.filter(code="132110", plans__isnull=False).exists():
            self.stdout.write("Kodaira City's plan is already loaded.")
        else:
            result = import_file(settings.SHINCHOKU_SEED_FILE)
            self.stdout.write(self.style.SUCCESS(result.summary()))
            for note in result.notes:
                self.stdout.write(f"  note: {note}")
        User = get_user_model()
        if not User.objects.filter(username=DEMO_USER).exists():
            User.objects.create_superuser(DEMO_USER, "", DEMO_PASSWORD)
        self.stdout.write(
            f"Demo admin account: {DEMO_USER} / {DEMO_PASSWORD} (sign in at /admin/)"
        )
        # One user per role of the yearly update round, and departments leading
        # the programs, so the whole cycle can be tried at /workflow/.
        with transaction.atomic():
            people = ensure_demo_people("132110")
        self.stdout.write(
            "Demo users of the update round (sign in at /workflow/login/):"
        )
        for person in people:
            self.stdout.write(f"  {person}")
        if not options["no_serve"]:
            call_command("serve", host=options["host"], port=options["port"])
