import time

from django.conf import settings
from django.core.management.base import CommandError

from shinchoku.common.commands import OfflineCommand
from shinchoku.ops import synthetic
from shinchoku.plans.models import Municipality


def positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise ValueError(value)
    return number


class Command(OfflineCommand):
    help = (
        "Generate synthetic plans at national scale (default: 1,741 municipalities "
        "× 30 programs × 8 fiscal years) for load tests, with text made from the "
        "seed's vocabulary. One transaction; no history rows (see ops/synthetic.py)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--municipalities",
            type=positive,
            default=synthetic.DEFAULT_MUNICIPALITIES,
            help="How many municipalities, each with one plan, 4 方向性 and an "
            f"edition (default {synthetic.DEFAULT_MUNICIPALITIES}).",
        )
        parser.add_argument(
            "--programs",
            type=positive,
            default=synthetic.DEFAULT_PROGRAMS,
            help=f"Programs per plan (default {synthetic.DEFAULT_PROGRAMS}).",
        )
        parser.add_argument(
            "--years",
            type=positive,
            default=synthetic.DEFAULT_YEARS,
            help="Fiscal years per plan, ending with FY "
            f"{synthetic.DEFAULT_LAST_FY} (default {synthetic.DEFAULT_YEARS}).",
        )
        parser.add_argument(
            "--seed",
            type=int,
            default=0,
            help="Random seed: the same seed gives the same data (default 0).",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Only check the codes are free and report the rows that would be "
            "written.",
        )

    def handle(self, *args, **options):
        if options["municipalities"] > synthetic.MAX_MUNICIPALITIES:
            raise CommandError(
                f"--municipalities is at most {synthetic.MAX_MUNICIPALITIES}"
            )
        generator = synthetic.Generator(
            municipalities=options["municipalities"],
            programs=options["programs"],
            years=options["years"],
            seed=options["seed"],
            vocabulary_file=settings.SHINCHOKU_SEED_FILE,
        )
        taken = list(
            Municipality.objects.filter(code__in=generator.codes())
            .order_by("code")
            .values_list("code", flat=True)[:5]
        )
        if taken:
            raise CommandError(
                "the database already holds municipalities with synthetic codes "
                f"({', '.join(taken)}…): use an empty database"
            )
        expected = synthetic.expected_counts(
            municipalities=options["municipalities"],
            programs=options["programs"],
            years=options["years"],
        )
        if options["dry_run"]:
            self.stdout.write(
                f"Dry run, nothing written. Would create {self._rows(expected)}"
            )
            return
        started = time.perf_counter()

        def progress(done: int, total: int) -> None:
            if options["verbosity"] > 1 or done == total or done % 500 == 0:
                self.stdout.write(
                    f"  {done:,}/{total:,} municipalities "
                    f"({time.perf_counter() - started:.0f} s)"
                )

        counts = generator.run(progress=progress if options["verbosity"] else None)
        self.stdout.write(
            self.style.SUCCESS(
                f"Created {self._rows(counts)} in {time.perf_counter() - started:.1f} s"
            )
        )

    @staticmethod
    def _rows(counts: synthetic.Counts) -> str:
        parts = ", ".join(f"{n:,} {name}" for name, n in counts.as_dict().items())
        return f"{counts.total:,} rows: {parts}"
