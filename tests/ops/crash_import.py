"""`shinchoku import`, paused once it has begun writing: for the crash tests only.

Run as a script in a subprocess. After the importer's bulk insert of the
programs (the municipality, plan, 方向性, edition and program rows are written,
uncommitted),
it creates the file named by SHINCHOKU_CRASH_MARKER and sleeps, so the test can
kill it with SIGKILL mid-transaction. Production code has no such hook."""

import os
import sys
import time
from pathlib import Path

import django

django.setup()

from shinchoku import cli  # noqa: E402
from shinchoku.plans.services import documents as services  # noqa: E402

_original = services.bulk_create_with_history


def _paused(objs, model, **kwargs):
    from shinchoku.plans.models import Program

    result = _original(objs, model, **kwargs)
    if model is not Program:
        return result
    # What this transaction has written so far (invisible to anyone else).
    Path(os.environ["SHINCHOKU_CRASH_MARKER"]).write_text(str(Program.objects.count()))
    time.sleep(600)
    return result


services.bulk_create_with_history = _paused
cli.main(["import", *sys.argv[1:]])
