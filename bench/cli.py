"""The command line, whole process, against LibreOffice, in one interleaved run.

Each figure is a whole process started from the shell, start-up included, as a
clerk or a cron job runs it:

* `shinchoku --help` (goal: under a third of a second);
* `shinchoku report --format pdf` of the seed's edition (goal: at least 4× as
  fast as LibreOffice converting the same report's XLSX to PDF);
* `shinchoku import` of the seed into an empty database (a copy of a migrated
  one, made before each run and not timed);
* LibreOffice (Debian libreoffice-calc) converting that report's XLSX to PDF,
  `soffice --headless --convert-to pdf`, twice: with a new profile each time,
  as scripts/check_xlsx_libreoffice.py and bench/report.py run it (the goal's
  anchor), and with the profile a first, unmeasured conversion made (as on a
  PC where LibreOffice has run before: the harder comparison);
* the floor under the report command (bench/cli_floor.py): a bare Django
  start with no project app, plus the render of the already-built report in a
  started process — what any Django command that renders this PDF must do;
  LibreOffice's time over the floor's is the most any start-up work could
  reach;
* a fixed pure-Python loop in this process: the machine's own speed, whose
  spread (median / best) tells how far to trust the others.

The project's modules are compiled to bytecode first, as `pip install` does:
with PYTHONDONTWRITEBYTECODE set (as on this project's machines) every process
would otherwise compile them again.

The processes run one after the other, round after round, so that a slower or
faster spell of the shared machine falls on all of them alike. Best, median and
worst of the rounds are printed, and the ratios of the best and of the medians.

    .venv/bin/python bench/cli.py [--repeat N]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = next((ROOT / "src/shinchoku/data/seed").glob("*.txt"))
HELP_GOAL = 1 / 3  # seconds
LIBREOFFICE_GOAL = 4.0  # × faster


def shinchoku(*args: str) -> list[str]:
    """This checkout's command line (PYTHONPATH below), not the installed one."""
    return [sys.executable, "-m", "shinchoku.cli", *args]


def run(command: list[str], env: dict[str, str]) -> tuple[float, str]:
    """Runs `command` to its end; returns the CPU seconds (user + system) the
    process and its children used, which a busy machine inflates far less than
    the wall-clock time, and what it printed."""
    with tempfile.TemporaryFile() as out:
        process = subprocess.Popen(command, env=env, stdout=out, stderr=out)
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            out.seek(0)
            output = out.read().decode(errors="replace")
            raise SystemExit(f"{' '.join(command)} failed:\n{output}")
        out.seek(0)
        return usage.ru_utime + usage.ru_stime, out.read().decode(errors="replace")


def machine_loop() -> None:
    total = 0
    for i in range(200_000):
        total += i * i % 7


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=10, help="Rounds.")
    args = parser.parse_args()
    office = shutil.which("soffice") or shutil.which("libreoffice")
    with tempfile.TemporaryDirectory(prefix="shinchoku-bench-cli-") as tmp:
        tmp_path = Path(tmp)
        env = {
            **os.environ,
            "PYTHONPATH": str(ROOT / "src"),
            "DJANGO_SETTINGS_MODULE": "shinchoku.config.settings.base",
        }
        env.pop("DATABASE_URL", None)
        empty_dir, seeded_dir = tmp_path / "empty", tmp_path / "seeded"
        for data_dir in (empty_dir, seeded_dir):
            data_dir.mkdir()
            run(shinchoku("migrate", "--verbosity", "0"), env | _data(data_dir))
        run(shinchoku("import", str(SEED)), env | _data(seeded_dir))
        xlsx = tmp_path / "report.xlsx"
        run(
            shinchoku("report", "--format", "xlsx", "-o", str(xlsx)),
            env | _data(seeded_dir),
        )
        subprocess.run(
            [sys.executable, "-m", "compileall", "-q", str(ROOT / "src")],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        pickled = tmp_path / "report.pickle"
        floor = [sys.executable, str(ROOT / "bench" / "cli_floor.py")]
        run([*floor, "dump", str(pickled)], env | _data(seeded_dir))
        pdf = tmp_path / "report.pdf"
        import_dir = tmp_path / "import"

        def fresh_import() -> list[str]:
            # An empty database for each run: untimed, as the copy happens here.
            shutil.rmtree(import_dir, ignore_errors=True)
            shutil.copytree(empty_dir, import_dir)
            return shinchoku("import", str(SEED))

        commands = {
            "help": (lambda: shinchoku("--help"), env),
            "report": (
                lambda: shinchoku("report", "--format", "pdf", "-o", str(pdf)),
                env | _data(seeded_dir),
            ),
            "import": (fresh_import, env | _data(import_dir)),
            "floor_django": (lambda: [*floor, "django"], env),
            "floor_render": (
                lambda: [*floor, "render", str(pickled)],
                env | _data(seeded_dir),
            ),
        }
        if office:
            warm = (tmp_path / "lo-profile").as_uri()
            lo_out = tmp_path / "lo"
            rounds = iter(range(1_000_000))

            def libreoffice(profile: str) -> list[str]:
                return [
                    office,
                    f"-env:UserInstallation={profile}",
                    "--headless",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    str(lo_out),
                    str(xlsx),
                ]

            def fresh_profile() -> list[str]:
                return libreoffice((tmp_path / f"lo-new-{next(rounds)}").as_uri())

            run(libreoffice(warm), env)  # makes the warm profile: not measured
            commands["libreoffice"] = (fresh_profile, env)
            commands["libreoffice_warm"] = (lambda: libreoffice(warm), env)
        runs: dict[str, list[float]] = {name: [] for name in [*commands, "machine"]}
        cpu: dict[str, list[float]] = {name: [] for name in commands}
        runs["floor_render_inside"], runs["floor_reportlab_import"] = [], []
        for _ in range(args.repeat):
            for name, (command, name_env) in commands.items():
                argv = command()
                start = time.perf_counter()
                seconds, output = run(argv, name_env)
                runs[name].append(time.perf_counter() - start)
                cpu[name].append(seconds)
                if name == "floor_render":
                    render_ms, import_ms = map(float, output.split())
                    runs["floor_render_inside"].append(render_ms / 1000)
                    runs["floor_reportlab_import"].append(import_ms / 1000)
            start = time.perf_counter()
            machine_loop()
            runs["machine"].append(time.perf_counter() - start)
        if office and not (lo_out / "report.pdf").stat().st_size:
            raise SystemExit("LibreOffice wrote an empty PDF")
    _print(runs, args.repeat, office)
    _print_cpu(cpu, office)


def _data(path: Path) -> dict[str, str]:
    return {"SHINCHOKU_DATA_DIR": str(path)}


def _print(runs: dict[str, list[float]], repeat: int, office: str | None) -> None:
    best = {k: min(v) for k, v in runs.items()}
    med = {k: statistics.median(v) for k, v in runs.items()}
    worst = {k: max(v) for k, v in runs.items()}
    labels = {
        "help": "shinchoku --help",
        "report": "shinchoku report --format pdf (seed)",
        "import": "shinchoku import (seed, empty db)",
        "libreoffice": "LibreOffice XLSX → PDF, new profile",
        "libreoffice_warm": "LibreOffice XLSX → PDF, warm profile",
        "floor_django": "floor: a bare Django start",
        "floor_render_inside": "floor: the render in a started process",
        "floor_reportlab_import": "  of which ReportLab's import",
        "machine": "machine: a fixed pure-Python loop",
    }
    print(f"whole processes, {repeat} interleaved rounds: best / median / worst")
    for name, label in labels.items():
        if name in runs:
            print(
                f"  {label:40} {best[name] * 1000:7.0f} / {med[name] * 1000:7.0f}"
                f" / {worst[name] * 1000:7.0f} ms"
            )
    spread = med["machine"] / best["machine"]
    print(
        f"  the machine's spread: median ×{spread:.2f} the best, worst "
        f"×{worst['machine'] / best['machine']:.2f} (1.0 on a calm machine)"
    )
    verdict = "meets" if best["help"] < HELP_GOAL else "MISSES"
    print(
        f"goal: shinchoku --help < {HELP_GOAL * 1000:.0f} ms → {verdict} the goal "
        f"(best {best['help'] * 1000:.0f} ms, median {med['help'] * 1000:.0f} ms)"
    )
    if not office:
        print("LibreOffice (Debian libreoffice-calc) is not installed: not measured")
        return
    ratio_best = best["libreoffice"] / best["report"]
    ratio_med = med["libreoffice"] / med["report"]
    verdict = "meets" if ratio_best >= LIBREOFFICE_GOAL else "MISSES"
    print(
        f"goal: report PDF ≥ {LIBREOFFICE_GOAL:.0f}× faster than LibreOffice (new "
        f"profile) → {verdict} the goal (×{ratio_best:.1f} best against best, "
        f"×{ratio_med:.1f} median against median; against a warm profile "
        f"×{best['libreoffice_warm'] / best['report']:.1f} and "
        f"×{med['libreoffice_warm'] / med['report']:.1f})"
    )
    floor = best["floor_django"] + best["floor_render_inside"]
    budget = best["libreoffice"] / LIBREOFFICE_GOAL - best["floor_django"]
    print(
        f"floor under the report command: {floor * 1000:.0f} ms (best bare Django "
        f"start + best render); LibreOffice (new profile) / floor = "
        f"×{best['libreoffice'] / floor:.1f}, the most start-up work can reach "
        f"with this renderer; the command spends "
        f"{(best['report'] - floor) * 1000:.0f} ms over the floor. The goal "
        f"leaves {budget * 1000:.0f} ms after a bare Django start for the "
        f"project's apps, the query and the render; ReportLab's import alone "
        f"takes {best['floor_reportlab_import'] * 1000:.0f} ms"
    )


def _print_cpu(cpu: dict[str, list[float]], office: str | None) -> None:
    """The same processes in CPU seconds: what they cost, whatever else the
    machine was doing (LibreOffice's helper processes included)."""
    print("CPU time of the same processes (user + system): best / median")
    for name, times in cpu.items():
        print(
            f"  {name:40} {min(times) * 1000:7.0f} / "
            f"{statistics.median(times) * 1000:7.0f} ms"
        )
    if office:
        ratio = min(cpu["libreoffice"]) / min(cpu["report"])
        print(
            f"  LibreOffice (new profile) / report PDF, best against best: ×{ratio:.1f}"
        )


if __name__ == "__main__":
    main()
