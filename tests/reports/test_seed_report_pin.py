"""The 当初計画 report of the seed's edition, pinned byte for byte.

Issue #12 adds a second layout (実績) and editions of two kinds; the seed's
edition is a 当初計画 edition and its report must not move by a byte. The
constants are the SHA-256 of the PDF, XLSX and HTML that main rendered before
the 実績 layout existed (ReportLab 5.1, rl-accel 0.9.1, openpyxl 3.1.5,
IPAexGothic from Debian's fonts-ipaexfont-gothic 00401). Every renderer is
deterministic: the PDF is written with ``invariant=1`` (no creation date, a
fixed document id), the XLSX stamps the report date into its properties and
every ZIP entry, the HTML carries nothing but the report.

When a library upgrade alone changes these bytes, look at the new files (the
test writes them to its tmp_path) and then update the constants in the same
commit as the upgrade, saying so.
"""

import hashlib

import pytest
from django.core.management import call_command

from shinchoku.imports.services import import_file

PINNED = {
    "pdf": "56acc113e706437a169480763008248453fc12d1b5342c8a992bac2e24955674",
    "xlsx": "d53368fe970dfdb644b291c31ee64718a34174b48b49b46a5981947037ac76fc",
    "html": "8679e6d4d42c16485d82782f2f2ad80ace160856edbafecd40178404adce2127",
}


@pytest.mark.parametrize("fmt", sorted(PINNED))
def test_seed_initial_plan_report_is_unchanged_byte_for_byte(
    db, seed_path, tmp_path, fmt
):
    import_file(seed_path)
    out = tmp_path / f"seed-report.{fmt}"
    call_command("report", "--format", fmt, "-o", str(out))
    digest = hashlib.sha256(out.read_bytes()).hexdigest()
    assert digest == PINNED[fmt], f"{out} differs from the pinned {fmt}"
