"""An import killed with SIGKILL in the middle of its transaction leaves the
database as it was before: all or nothing, on a SQLite file and on PostgreSQL."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection

from shinchoku.plans.models import (
    Direction,
    Edition,
    Municipality,
    Plan,
    Program,
    ProgramYear,
)

ROOT = Path(__file__).resolve().parents[2]
TABLES = [
    m._meta.db_table
    for m in (Municipality, Plan, Direction, Program, ProgramYear, Edition)
]
# After the full seed import: 1 municipality, 1 plan, 3 方向性 (方向性2 has no
# program in the file), 23 programs, 63 year records, 1 edition.
FULL = {
    "plans_municipality": 1,
    "plans_plan": 1,
    "plans_direction": 3,
    "plans_program": 23,
    "plans_programyear": 63,
    "plans_edition": 1,
}
EMPTY = dict.fromkeys(FULL, 0)


def subprocess_env(tmp_path: Path, database_url: str) -> dict[str, str]:
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "PYTHONPATH": f"{ROOT / 'src'}:{ROOT}",
        "DJANGO_SETTINGS_MODULE": "shinchoku.config.settings.test",
        "SHINCHOKU_DATA_DIR": str(tmp_path),
        "DATABASE_URL": database_url,
        "SHINCHOKU_CRASH_MARKER": str(tmp_path / "inside"),
    }


def kill_import_midway(env: dict[str, str], seed_path: Path) -> None:
    """Start the paused import, wait until it is inside its transaction, and
    SIGKILL it."""
    marker = Path(env["SHINCHOKU_CRASH_MARKER"])
    process = subprocess.Popen(
        [
            sys.executable,
            str(ROOT / "tests" / "ops" / "crash_import.py"),
            str(seed_path),
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        while not marker.exists():  # bounded by the subprocess: it exits on error
            if process.poll() is not None:
                pytest.fail(f"the import ended early: {process.stderr.read().decode()}")
            time.sleep(0.02)
        # Wait for the marker's content too: it is written, then closed.
        while not marker.read_text():
            time.sleep(0.02)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == -signal.SIGKILL
    assert marker.read_text() == "23"  # its programs were written, uncommitted


def import_fully(env: dict[str, str], seed_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "shinchoku.cli", "import", str(seed_path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr


def test_sigkill_mid_import_leaves_a_sqlite_file_untouched(tmp_path, seed_path):
    db = tmp_path / "shinchoku.sqlite3"
    env = subprocess_env(tmp_path, f"sqlite:///{db}")
    migrate = subprocess.run(
        [sys.executable, "-m", "shinchoku.cli", "migrate", "-v0"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert migrate.returncode == 0, migrate.stderr

    def counts() -> dict[str, int]:
        with sqlite3.connect(db) as conn:  # rolls back the hot journal if any
            return {
                t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in TABLES
            }

    kill_import_midway(env, seed_path)
    assert counts() == EMPTY
    import_fully(env, seed_path)  # the database is usable, and the import whole
    assert counts() == FULL


@pytest.mark.django_db(transaction=True)
def test_sigkill_mid_import_leaves_postgresql_untouched(tmp_path, seed_path):
    if connection.vendor != "postgresql":
        pytest.skip("runs when DATABASE_URL points at PostgreSQL")
    s = connection.settings_dict
    auth = s["USER"] + (f":{s['PASSWORD']}" if s["PASSWORD"] else "")
    url = (
        f"postgres://{auth}@{s['HOST'] or 'localhost'}:{s['PORT'] or 5432}/{s['NAME']}"
    )
    env = subprocess_env(tmp_path, url)

    def counts() -> dict[str, int]:
        with connection.cursor() as cursor:
            result = {}
            for table in TABLES:
                cursor.execute(f"SELECT count(*) FROM {table}")
                result[table] = cursor.fetchone()[0]
            return result

    kill_import_midway(env, seed_path)
    assert counts() == EMPTY
    import_fully(env, seed_path)
    assert counts() == FULL
