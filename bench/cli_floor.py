"""The floor under `shinchoku report --format pdf`: what any Django process that
renders the report must do, however its start-up is arranged. bench/cli.py runs
this file as two processes of their own, each round:

* `django`: a bare Django start — settings with two contrib apps, no project
  app — and a connection to an SQLite database: the least a management command
  pays before it can read an edition;
* `render REPORT.pickle`: the seed's report, already built (by `dump OUT`,
  once, before the rounds), rendered to PDF by the project's renderer in a process that
  has started Django; it prints the milliseconds from the unpickling to the
  PDF's bytes (ReportLab's import, the font's parse and the drawing), then
  those of the import of the renderer (ReportLab's) alone.

The floor is the first process's whole time plus the second's printed time.
"""

from __future__ import annotations

import pickle
import sys
import time


def bare_django() -> None:
    import django
    from django.conf import settings

    settings.configure(
        INSTALLED_APPS=["django.contrib.contenttypes", "django.contrib.auth"],
        DATABASES={
            "default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}
        },
    )
    django.setup()
    from django.db import connection

    connection.ensure_connection()


def dump(path: str) -> None:
    """Builds the report of the latest edition (the seed's) and pickles it."""
    import django

    django.setup()
    from django.urls import set_urlconf

    from shinchoku.plans import selectors as plan_selectors
    from shinchoku.reports import selectors

    set_urlconf("shinchoku.config.report_urls")
    plan = plan_selectors.plan_resolve(None)
    report = selectors.edition_report(selectors.edition_resolve(plan, None))
    with open(path, "wb") as fh:
        pickle.dump(report, fh)


def render(path: str) -> None:
    import django

    django.setup()
    start = time.perf_counter()
    with open(path, "rb") as fh:
        report = pickle.load(fh)
    from shinchoku.reports.renderers import pdf

    imported = time.perf_counter()
    data = pdf.render(report)
    elapsed = time.perf_counter() - start
    if not data.startswith(b"%PDF"):
        raise SystemExit("the renderer wrote no PDF")
    print(f"{elapsed * 1000:.3f} {(imported - start) * 1000:.3f}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["django"]:
        bare_django()
    elif sys.argv[1:2] == ["dump"] and len(sys.argv) == 3:
        dump(sys.argv[2])
    elif sys.argv[1:2] == ["render"] and len(sys.argv) == 3:
        render(sys.argv[2])
    else:
        raise SystemExit("usage: cli_floor.py django | dump OUT | render REPORT.pickle")
