import json
import subprocess
import sys

import pytest

from shinchoku import cli


def test_usage_lists_the_commands(capsys):
    cli.main([])
    out = capsys.readouterr().out
    for command in ("demo", "serve", "import", "export", "report"):
        assert command in out


@pytest.mark.django_db(transaction=True)
def test_import_and_export_aliases_reach_the_commands(seed_path, tmp_path, capsys):
    cli.main(["import", str(seed_path)])
    assert "23 created" in capsys.readouterr().out
    out = tmp_path / "plan.json"
    cli.main(["export", "--format", "json", "-o", str(out)])
    assert len(json.loads(out.read_text())["programs"]) == 23


def test_django_commands_pass_through(tmp_path):
    env = {"SHINCHOKU_DATA_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"}
    result = subprocess.run(
        [sys.executable, "-m", "shinchoku.cli", "check"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_demo_prepares_the_database_idempotently(tmp_path):
    env = {"SHINCHOKU_DATA_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"}
    run = lambda: subprocess.run(  # noqa: E731
        [sys.executable, "-m", "shinchoku.cli", "demo", "--no-serve"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    first = run()
    assert first.returncode == 0, first.stderr
    assert "23 created" in first.stdout and "admin / shinchoku-demo" in first.stdout
    second = run()
    assert second.returncode == 0, second.stderr
    assert "already loaded" in second.stdout
    assert (tmp_path / "shinchoku.sqlite3").exists()
