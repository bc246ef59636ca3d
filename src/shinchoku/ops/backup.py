"""Whole-database backup and restore, for SQLite and PostgreSQL.

SQLite: the online backup API of sqlite3 copies a consistent snapshot while the
app keeps serving, and copies a backup back into the live database the same way.
PostgreSQL: pg_dump's custom format (-Fc) and pg_restore, using the connection
settings of DATABASES (the password through PGPASSWORD, never on the command
line). A restore runs in a single transaction: it lands completely or not at all.

A backup is first written next to its target and renamed into place once it is
complete and on disk, so a crash never leaves a partial file under the name a
cron job or a restore will look for.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.db import connections

from shinchoku.portal.cache import invalidate

SQLITE_MAGIC = b"SQLite format 3\x00"
PGDUMP_MAGIC = b"PGDMP"
# Tables `migrate` fills by itself: rows there do not mean the database holds data.
# Rows `migrate` writes itself (or that say nothing about the plans).
_SCAFFOLDING = {
    "contenttypes.contenttype",
    "auth.permission",
    "sessions.session",
    "portal.publicstate",
}


class BackupError(Exception):
    """A backup or restore that cannot be done; the message says why."""


@dataclass
class Target:
    vendor: str
    name: str


def target(using: str = "default") -> Target:
    connection = connections[using]
    if connection.vendor not in {"sqlite", "postgresql"}:
        raise BackupError(f"backups of {connection.vendor} databases are not supported")
    return Target(connection.vendor, str(connection.settings_dict["NAME"]))


def database_backup(*, output: str | Path, using: str = "default") -> int:
    """Write a backup of the whole database to `output`; returns its size."""
    output = Path(output)
    if output.is_dir():
        raise BackupError(f"{output} is a directory: give a file name")
    if not output.parent.is_dir():
        raise BackupError(f"the directory {output.parent} does not exist")
    connection = connections[using]
    partial = output.with_name(f".{output.name}.partial")
    try:
        if target(using).vendor == "sqlite":
            _sqlite_backup(connection, partial)
        else:
            _run_pg_tool("pg_dump", ["-Fc", "-f", str(partial)], connection)
        _fsync(partial)
        os.replace(partial, output)
    finally:
        partial.unlink(missing_ok=True)
    return output.stat().st_size


def database_restore(*, source: str | Path, using: str = "default") -> None:
    """Replace the database's contents with the backup in `source`. The caller
    asks for confirmation first (see database_has_data)."""
    source = Path(source)
    kind = backup_kind(source)
    vendor = target(using).vendor
    if kind != vendor:
        raise BackupError(
            f"{source.name} is a {_LABELS[kind]} backup, but the database is {_LABELS[vendor]}"
        )
    connection = connections[using]
    if connection.in_atomic_block:
        raise BackupError("a restore cannot run inside a transaction")
    if vendor == "sqlite":
        _sqlite_restore(connection, source)
    else:
        # Our own idle connection must not hold locks pg_restore waits for.
        connection.close()
        _run_pg_tool(
            "pg_restore",
            [
                "--clean",
                "--if-exists",
                "--no-owner",
                "--single-transaction",
                "--exit-on-error",
                str(source),
            ],
            connection,
        )
        connection.close()
    # Pages cached before the restore showed other data: retire them all.
    invalidate()


_LABELS = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}


def backup_kind(path: str | Path) -> str:
    """'sqlite' or 'postgresql', from the file's first bytes."""
    path = Path(path)
    try:
        with open(path, "rb") as fh:
            head = fh.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise BackupError(f"cannot read {path}: {exc.strerror}") from None
    if head.startswith(SQLITE_MAGIC):
        return "sqlite"
    if head.startswith(PGDUMP_MAGIC):
        return "postgresql"
    raise BackupError(
        f"{path.name} is not a Shinchoku backup (neither a SQLite database nor a "
        "pg_dump custom-format file)"
    )


def database_has_data(using: str = "default") -> bool:
    """Whether any table holds rows beyond what `migrate` creates by itself."""
    connection = connections[using]
    tables = set(connection.introspection.table_names())
    for model in apps.get_models():
        if (
            model._meta.label_lower in _SCAFFOLDING
            or model._meta.db_table not in tables
        ):
            continue
        if model._base_manager.using(using).exists():
            return True
    return False


def _sqlite_backup(connection, path: Path) -> None:
    connection.ensure_connection()
    sqlite_copy(connection.connection, path)


def sqlite_copy(source: sqlite3.Connection, path: Path) -> None:
    """A consistent copy of the database open on `source` into the file `path`,
    in rollback-journal mode: the live database's WAL mode travels with its
    pages, and a WAL file opened by anyone (restore's check, sqlite3) grows
    -wal and -shm files beside it that a read-only reader cannot remove. A
    backup is one file."""
    destination = sqlite3.connect(path)
    try:
        source.backup(destination)
        destination.execute("PRAGMA journal_mode=DELETE")
    finally:
        destination.close()


def _sqlite_restore(connection, source: Path) -> None:
    backup = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        try:
            check = backup.execute("PRAGMA integrity_check").fetchone()[0]
            backup.execute("SELECT 1 FROM django_migrations LIMIT 1")
        except sqlite3.DatabaseError as exc:
            raise BackupError(f"{source.name} is not a usable backup: {exc}") from None
        if check != "ok":
            raise BackupError(f"{source.name} is damaged: {check}")
        connection.ensure_connection()
        # Page by page into the live database, which sqlite locks meanwhile:
        # other connections see the old or the new contents, never a mixture.
        backup.backup(connection.connection)
    finally:
        backup.close()


def _run_pg_tool(tool: str, args: list[str], connection) -> None:
    executable = shutil.which(tool)
    if executable is None:
        raise BackupError(
            f"{tool} is not installed or not on PATH (Debian: apt-get install "
            "postgresql-client, of the server's major version or newer)"
        )
    settings = connection.settings_dict
    env = dict(os.environ)
    if settings.get("PASSWORD"):
        env["PGPASSWORD"] = str(settings["PASSWORD"])
    options = settings.get("OPTIONS") or {}
    if options.get("sslmode"):
        env["PGSSLMODE"] = str(options["sslmode"])
    command = [executable, *args, "--dbname", str(settings["NAME"])]
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if settings.get(key):
            command += [flag, str(settings[key])]
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{tool} failed: {result.stderr.strip()}")


def _fsync(path: Path) -> None:
    with open(path, "rb") as fh:
        os.fsync(fh.fileno())
