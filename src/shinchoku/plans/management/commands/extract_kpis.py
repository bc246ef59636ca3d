"""`shinchoku extract-kpis FILE`: the indicators stated in a plan's text, one
statement per line, as JSON (the interchange format's `kpis` shape) or a table."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from shinchoku.plans.kpi_statements import extract_lines

MAX_LINE = 10_000  # characters; real statements are well under 1,000


class StatementsError(ValueError):
    """Input that is not lines of text."""


def read_statements(path: str, stdin: Any = None) -> list[str]:
    """The lines of a UTF-8 (with or without BOM) or Shift_JIS text file, or of
    standard input for '-'. Refuses an empty or binary file and a line longer
    than MAX_LINE, naming the file and the line."""
    name = "standard input" if path == "-" else path
    try:
        data = (
            (stdin or sys.stdin).buffer.read()
            if path == "-"
            else Path(path).read_bytes()
        )
    except OSError as exc:
        raise StatementsError(f"{name}: cannot read it ({exc.strerror})") from None
    if not data.strip():
        raise StatementsError(f"{name}: the file is empty; give one statement per line")
    if b"\x00" in data:
        raise StatementsError(
            f"{name}: this is a binary file, not text (it holds NUL bytes)"
        )
    for encoding in ("utf-8-sig", "cp932"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise StatementsError(f"{name}: not text in UTF-8 or Shift_JIS")
    lines = text.splitlines()
    for number, line in enumerate(lines, start=1):
        if len(line) > MAX_LINE:
            raise StatementsError(
                f"{name}, line {number}: {len(line):,} characters; a statement is at "
                f"most {MAX_LINE:,} (give one statement per line)"
            )
    return lines


def _num(value: Any) -> str:
    if value is None:
        return ""
    return f"{value:,}" if isinstance(value, int) else f"{value:,.6g}"


def render_table(results: list[dict[str, Any]]) -> str:
    """A plain-text table for people: one row per indicator found."""
    rows = [("line", "indicator", "unit", "baseline", "target", "deadline FY")]
    for result in results:
        for kpi in result["indicators"]:
            baseline = _num(kpi["baseline"])
            if baseline and kpi["baseline_date"]:
                baseline += f" ({kpi['baseline_date']})"
            target = kpi["relative"] or _num(kpi["target"])
            if kpi["comparator"]:
                target += f" {kpi['comparator']}"
            if kpi["targets"]:
                target += (
                    " ["
                    + ", ".join(f"{fy}: {_num(v)}" for fy, v in kpi["targets"].items())
                    + "]"
                )
            rows.append(
                (
                    str(result["line"]),
                    kpi["name"],
                    kpi["unit"],
                    baseline,
                    target,
                    str(kpi["deadline_fy"] or ""),
                )
            )
    if len(rows) == 1:
        return "no indicators found\n"
    widths = [max(_width(r[i]) for r in rows) for i in range(len(rows[0]))]
    return "".join(
        "  ".join(
            cell + " " * (widths[i] - _width(cell)) for i, cell in enumerate(row)
        ).rstrip()
        + "\n"
        for row in rows
    )


def _width(text: str) -> int:
    """Display width: East Asian wide characters take two columns."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


class Command(BaseCommand):
    help = (
        "Read a plan's text, one statement per line, and print the indicators it "
        "states (name, unit, baseline, target, deadline) as JSON or as a table."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "file", help="A UTF-8 or Shift_JIS text file, or '-' for standard input."
        )
        parser.add_argument(
            "--format",
            choices=["json", "table"],
            default="json",
            help="json: an array with one object per input line; table: for people.",
        )
        parser.add_argument(
            "--first-fy",
            type=int,
            help="The plan's first fiscal year, for 'N年間で' when the text does not say it.",
        )
        parser.add_argument(
            "--last-fy",
            type=int,
            help="The plan's last fiscal year: the deadline of a target that states none.",
        )

    def handle(self, *args, **options):
        first, last = options["first_fy"], options["last_fy"]
        for label, fy in (("--first-fy", first), ("--last-fy", last)):
            if fy is not None and not 1900 <= fy <= 2200:
                raise CommandError(
                    f"{label} {fy}: give a Western fiscal year such as 2024"
                )
        if first is not None and last is not None and first > last:
            raise CommandError(f"--first-fy {first} is after --last-fy {last}")
        try:
            lines = read_statements(
                options["file"], self.stdin if hasattr(self, "stdin") else None
            )
        except StatementsError as exc:
            raise CommandError(str(exc)) from None
        results = extract_lines(lines, first_fy=first, last_fy=last)
        if options["format"] == "table":
            self.stdout.write(render_table(results), ending="")
        else:
            self.stdout.write(json.dumps(results, ensure_ascii=False, indent=1))
