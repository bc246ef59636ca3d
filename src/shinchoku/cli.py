"""The `shinchoku` command: the project's own commands under short names, and any
other Django management command passed through (`shinchoku migrate`, …)."""

from __future__ import annotations

import gc
import os
import sys

# Short names for the project's commands; Django's own names pass through.
ALIASES = {
    "import": "importplan",
    "export": "exportplan",
    "demo-workflow": "demo_workflow",
    "gen-synthetic": "gen_synthetic",
    "api-token": "api_token",
    "extract-kpis": "extract_kpis",
    "send-reminders": "send_reminders",
    "worker": "db_worker",
}

USAGE = """\
usage: shinchoku COMMAND [options]

Shinchoku (進捗): progress of a municipality's administrative-reform plan.

Commands:
  demo [--port N]          set up the SQLite database, load Kodaira's plan, serve it
  demo-workflow            create the update round's demo departments and users
  serve [--host H] [--port N]
                           serve the web app without touching the data
  import PATH              import a committee table (.txt/.tsv), interchange JSON, the
                           report (xlsx, pdf), records.csv, the template, or a table
                           of any layout (xlsx, csv, pdf) with --mapping FILE
                           (--suggest-mapping prints one); --draft leaves its
                           editions unpublished
  export --format json     export a plan as interchange JSON (template: a blank xlsx)
  report --format F        render the committee report (xlsx, pdf, html)
  reindex                  rebuild the public search index from published editions
  gen-synthetic            generate synthetic plans at national scale (load tests)
  api-token USERNAME       make a token for the JSON API's write operations (shown once)
  extract-kpis FILE        the indicators a plan's text states, one statement a line
                           (--format json|table, --first-fy/--last-fy; '-' reads stdin)
  send-reminders           mail the deadline reminders due today (cron; a rerun sends
                           nothing twice)
  worker                   run queued background tasks (mails) with
                           SHINCHOKU_TASKS=database
  backup -o FILE           back up the whole database (SQLite or PostgreSQL)
  restore FILE             restore a backup (asks for --yes over existing data)
  COMMAND                  any Django management command (migrate, check, createsuperuser…)

`shinchoku COMMAND --help` shows a command's options.
"""


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv[1:] if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shinchoku.config.settings.base")
    if not argv or argv[0] in {"-h", "--help", "help"} and len(argv) == 1:
        sys.stdout.write(USAGE)
        return
    argv[0] = ALIASES.get(argv[0], argv[0])
    # No cyclic garbage collection while Django starts: what start-up
    # allocates lives as long as the process (settle() freezes it), and
    # collections in the middle of it only cost time.
    gc.disable()
    # Django is imported for a command only: the usage above answers at once.
    import django
    from django.core.management import execute_from_command_line

    from shinchoku.config.startup import settle

    try:
        django.setup()
    except Exception:  # noqa: BLE001 - Django's own command line reports it
        pass
    else:
        settle(collect=False)
    finally:
        gc.enable()

    execute_from_command_line(["shinchoku", *argv])


if __name__ == "__main__":
    main()
