"""Hostile uploads through the round's real workbook upload, measured in one run.

A department's workbook of an open round is exported from a fresh SQLite
database holding the seed plan, then each file is POSTed by the department's
editor to the upload page (middleware, upload handlers, form, service,
reader) in this process — the worker: a value at XFD1048576 (declared in the
sheet's <dimension>, and not declared), a zip whose shared strings unpack to
1 GiB, a 20 MB upload, and the workbook filled in as it should be (the anchor,
applied). For each: the status, the time, the growth of resident memory while
the request ran (peak, sampled every 2 ms) and after it, and the start of the
message the page shows (goal: refused in under a second each with a message
naming the sheet or cell, memory within 50 MB). The files are made here
(tests/common/hostile_xlsx.py), not stored.

    .venv/bin/python bench/upload_limits.py
"""

from __future__ import annotations

import gc
import html
import os
import re
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BOUNDARY = "ShinchokuBenchBoundary"


def rss_mb() -> float:
    """Resident memory of this process now, in MB."""
    with open(f"/proc/{os.getpid()}/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


class PeakRss:
    """The highest resident memory seen while the block ran."""

    def __enter__(self):
        self.peak = rss_mb()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def _sample(self) -> None:
        while not self._stop.wait(0.002):
            self.peak = max(self.peak, rss_mb())

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, rss_mb())


def multipart(filename: str, data: bytes) -> bytes:
    """The body a browser sends, made before the measurement starts."""
    head = (
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="workbook"; '
        f'filename="{filename}"\r\nContent-Type: application/octet-stream\r\n\r\n'
    ).encode()
    return head + data + f"\r\n--{BOUNDARY}--\r\n".encode()


def first_problem(response) -> str:
    found = re.search(r'<ul id="problems"><li>(.*?)</li>', response.content.decode())
    if found:
        return html.unescape(found[1])
    title = re.search(r"<h1>(.*?)</h1>", response.content.decode(), re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", title[1])).strip() if title else ""


def build():
    """The seed plan, its people, an open round, and the editor's exported
    workbook: (client signed in, upload URL, workbook bytes)."""
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client
    from django.urls import reverse
    from tests.workflow.conftest import build_people, open_plan_round

    from shinchoku.imports.services import import_file
    from shinchoku.workflow.models import Department
    from shinchoku.workflow.workbook import services

    call_command("migrate", verbosity=0)
    plan = import_file(settings.SHINCHOKU_SEED_FILE).plan
    people = build_people(plan)
    round_ = open_plan_round(people, plan)
    department = Department.objects.get(name="情報政策課")
    data = services.workbook_export(
        actor=people["joho"], round_=round_, department=department
    )
    client = Client(headers={"accept-language": "ja"})
    client.force_login(people["joho"])
    url = reverse(
        "workflow:workbook-upload",
        kwargs={"pk": round_.pk, "department": department.pk},
    )
    return client, url, data


def files(exported: bytes) -> dict[str, bytes]:
    from tests.common import hostile_xlsx
    from tests.workflow import workbooks as wbk
    from tests.workflow.test_excel_limits import far_value, undeclared

    far = wbk.transform(exported, far_value("方向性3"))
    return {
        "filled-in workbook (anchor, applied)": wbk.transform(
            exported, wbk.fill("方向性3", "⑫", "・ベンチマークの記入")
        ),
        "value at XFD1048576": far,
        "…with <dimension> removed": undeclared(far, "xl/worksheets/sheet2.xml"),
        "1 GiB shared string": hostile_xlsx.shared_string_bomb(2**30),
        "20 MB upload": hostile_xlsx.oversized(20 * 2**20),
    }


def main() -> None:
    os.environ["SHINCHOKU_DATA_DIR"] = tempfile.mkdtemp(prefix="shinchoku-bench-")
    os.environ["DJANGO_SETTINGS_MODULE"] = "shinchoku.config.settings.test"
    os.environ["DATABASE_URL"] = ""
    sys.path[:0] = [str(ROOT / "src"), str(ROOT)]
    import django

    django.setup()
    from django.test.utils import setup_test_environment

    setup_test_environment()  # ALLOWED_HOSTS for the test client's host
    print("building the seed plan, a round and its workbook …", flush=True)
    client, url, exported = build()
    bodies = {
        name: multipart("記入済み.xlsx", data) for name, data in files(exported).items()
    }
    client.get(url)  # warm: templates, translations, openpyxl imported
    print(
        f"{'upload':38} {'size':>8} {'status':>6} {'time':>9} {'peak +':>8} "
        f"{'after +':>8}  message"
    )
    worst_time = worst_rss = 0.0
    for name, body in bodies.items():
        gc.collect()
        before = rss_mb()
        with PeakRss() as peak:
            start = time.perf_counter()
            response = client.post(
                url, body, content_type=f"multipart/form-data; boundary={BOUNDARY}"
            )
            seconds = time.perf_counter() - start
        gc.collect()
        grown, after = peak.peak - before, rss_mb() - before
        print(
            f"{name:38} {len(body) / 2**20:6.2f}MB {response.status_code:>6} "
            f"{seconds * 1000:7.1f}ms {grown:6.1f}MB {after:6.1f}MB  "
            f"{first_problem(response)[:90]}"
        )
        if "anchor" in name:
            assert response.status_code == 302, name
        else:
            assert response.status_code in (400, 413), name
            worst_time, worst_rss = max(worst_time, seconds), max(worst_rss, grown)
    print(
        f"slowest refusal {worst_time * 1000:.1f} ms (goal < 1000 ms); largest "
        f"peak memory growth {worst_rss:.1f} MB (goal < 50 MB)"
    )


if __name__ == "__main__":
    main()
