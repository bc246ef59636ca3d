"""backup and restore: a round trip gives back every row of every plan table,
byte for byte the same export; restore protects a database that holds data.
On SQLite (the online backup API) and on PostgreSQL (pg_dump/pg_restore), as
DATABASE_URL says."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from shinchoku.document import interchange
from shinchoku.imports.services import import_file
from shinchoku.ops import backup
from shinchoku.plans import selectors
from shinchoku.plans.models import Municipality, Plan
from shinchoku.plans.services import program_grade_set


def plan_tables() -> dict[str, list[dict]]:
    """Every row of every table of the plans app, history tables included."""
    return {
        model._meta.db_table: list(model._base_manager.order_by("pk").values())
        for model in apps.get_app_config("plans").get_models()
    }


def export_bytes() -> bytes:
    return interchange.dumps(selectors.plan_to_parsed(Plan.objects.get()))


def wipe() -> None:
    Municipality.objects.all().delete()  # cascades, leaving "deleted" history rows
    for model in apps.get_app_config("plans").get_models():
        model._base_manager.all().delete()


@pytest.mark.django_db(transaction=True)
def test_backup_wipe_restore_gives_back_every_row(seed_path, tmp_path, capsys):
    plan = import_file(seed_path).plan
    program_grade_set(
        program=plan.programs.get(number=12), actor=None, fiscal_year=2024, grade="A"
    )
    before, exported = plan_tables(), export_bytes()
    assert len(before) == 15 and all(before.values())  # 8 tables, 7 histories
    file = tmp_path / "shinchoku.backup"

    call_command("backup", output=str(file))
    assert f"to {file}" in capsys.readouterr().out
    assert file.stat().st_size > 0
    assert not list(tmp_path.glob(".*.partial"))

    wipe()
    assert plan_tables() != before
    call_command("restore", str(file))  # nothing left to protect: no --yes needed
    assert "Restored" in capsys.readouterr().out

    assert plan_tables() == before
    assert export_bytes() == exported


@pytest.mark.django_db(transaction=True)
def test_restore_refuses_to_overwrite_data_without_yes(seed_path, tmp_path):
    import_file(seed_path)
    file = tmp_path / "backup"
    call_command("backup", output=str(file))
    Municipality.objects.update(name="改竄市")
    changed = plan_tables()

    with pytest.raises(CommandError, match="already holds data.*--yes"):
        call_command("restore", str(file))
    assert plan_tables() == changed

    call_command("restore", str(file), dry_run=True)
    assert plan_tables() == changed

    call_command("restore", str(file), yes=True)
    assert Municipality.objects.get().name == "小平市"


@pytest.mark.django_db(transaction=True)
def test_restore_refuses_files_that_are_not_backups_of_this_kind(tmp_path):
    junk = tmp_path / "notes.txt"
    junk.write_bytes(b"hello")
    with pytest.raises(CommandError, match="notes.txt is not a Shinchoku backup"):
        call_command("restore", str(junk), yes=True)
    other = tmp_path / "other.backup"
    other.write_bytes(
        backup.SQLITE_MAGIC + b"\0" * 100
        if connection.vendor == "postgresql"
        else backup.PGDUMP_MAGIC + b"\0" * 100
    )
    with pytest.raises(CommandError, match="backup, but the database is"):
        call_command("restore", str(other), yes=True)


@pytest.mark.django_db(transaction=True)
def test_a_damaged_sqlite_backup_is_refused(tmp_path):
    if connection.vendor != "sqlite":
        pytest.skip("SQLite only")
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(backup.SQLITE_MAGIC + b"\xff" * 4000)
    with pytest.raises(CommandError, match="damaged.sqlite3 is not a usable backup"):
        call_command("restore", str(damaged), yes=True)


def test_backup_needs_an_existing_directory(tmp_path):
    with pytest.raises(CommandError, match="does not exist"):
        call_command("backup", output=str(tmp_path / "missing" / "b"))


def test_missing_postgresql_tools_are_named(monkeypatch, tmp_path):
    class FakeConnection:
        settings_dict = {"NAME": "x", "HOST": "127.0.0.1", "PASSWORD": "secret"}

    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(backup.BackupError, match="pg_dump is not installed"):
        backup._run_pg_tool("pg_dump", ["-Fc"], FakeConnection())


def test_a_sqlite_backup_is_one_file_even_from_a_wal_database(tmp_path):
    """The live database runs in WAL mode; its backup must not: whoever opens a
    WAL backup (restore's check, sqlite3) leaves -wal and -shm beside it."""
    import sqlite3

    live = sqlite3.connect(tmp_path / "live.sqlite3")
    live.execute("PRAGMA journal_mode=WAL")
    live.execute("CREATE TABLE t (x)")
    live.execute("INSERT INTO t VALUES (1)")
    live.commit()
    out = tmp_path / "backups" / "shinchoku.sqlite3"
    out.parent.mkdir()
    backup.sqlite_copy(live, out)
    live.close()
    reader = sqlite3.connect(f"file:{out}?mode=ro", uri=True)
    assert reader.execute("SELECT x FROM t").fetchall() == [(1,)]
    reader.close()
    assert sorted(p.name for p in out.parent.iterdir()) == ["shinchoku.sqlite3"]
