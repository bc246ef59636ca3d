"""SQL queries per page — public, API and staff — for a plan of 1 program and a
plan of 30, in one run. Goal: the same count (no query per program, indicator,
entry or edition).

The plans are synthetic (`shinchoku gen-synthetic`'s generator) with what every
page type needs: departments, people of each role, an indicator per program, an
open round with a draft and a closed, published one with a committee opinion
(tests/perf/pages.py, which the tests use too). In process, on a fresh SQLite
database (or --database-url, an empty PostgreSQL database).

    .venv/bin/python bench/queries.py [--database-url postgres://…]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--database-url", default="", help="Default: a new SQLite file."
    )
    args = parser.parse_args(argv)
    os.environ["SHINCHOKU_DATA_DIR"] = tempfile.mkdtemp(prefix="shinchoku-bench-")
    os.environ["DJANGO_SETTINGS_MODULE"] = "shinchoku.config.settings.test"
    os.environ["DATABASE_URL"] = args.database_url
    sys.path[:0] = [str(ROOT / "src"), str(ROOT)]
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import setup_test_environment
    from django.utils import translation
    from tests.perf.pages import PAGES, build, count_queries

    from shinchoku.plans.models import Municipality

    setup_test_environment()  # ALLOWED_HOSTS for the test client's host
    translation.activate("ja")
    call_command("migrate", verbosity=0)
    if Municipality.objects.exists():
        sys.exit("the database must be empty")
    worlds = [build(1, index=0), build(30, index=1)]
    print(
        f"queries per request, {connection.vendor}; plans of 1 and of 30 programs "
        "(signed-in pages: 2 of them load the session and the user)"
    )
    print(f"{'page':<36}{'1 program':>10}{'30 programs':>13}{'budget':>8}")
    same = True
    for page in PAGES:
        small, large = (count_queries(w, page) for w in worlds)
        same &= small == large
        flag = "" if small == large else "   GROWS"
        flag += "   OVER BUDGET" if large > page.budget else ""
        print(f"{page.label:<36}{small:>10}{large:>13}{page.budget:>8}{flag}")
    print(
        "goal: the same count at 1 and 30 programs → "
        + ("met for every page" if same else "NOT met")
    )
    if args.database_url:
        call_command("flush", interactive=False, verbosity=0)
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
