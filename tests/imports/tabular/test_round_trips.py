"""Shinchoku's own outputs import back: the seed's edition exported as the
report XLSX, the report PDF, LibreOffice's PDF of the report XLSX and the open
data records.csv, imported into an empty database, export the same JSON."""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from django.db import transaction

from shinchoku.document import interchange
from shinchoku.imports.formats import ParseOptions
from shinchoku.imports.services import import_file
from shinchoku.imports.tabular import Mapping
from shinchoku.plans import selectors
from shinchoku.reports import selectors as report_selectors
from shinchoku.reports.renderers import render

pytestmark = pytest.mark.django_db

# The three words joined with ・ that LibreOffice wrapped just before the ・
# in the seed's report (docs/tables.md, "The residual ambiguity").
LIBREOFFICE_WORDS = ["導入・維持管理", "調査・検討", "実施・検証"]


def export_json(plan) -> dict:
    return json.loads(interchange.dumps(selectors.plan_to_parsed(plan)))


def libreoffice_pdf(xlsx: bytes) -> bytes:
    office = shutil.which("soffice") or shutil.which("libreoffice")
    assert office, (
        "LibreOffice is needed: scripts/setup.sh installs libreoffice-calc-nogui"
    )
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp, "report.xlsx")
        source.write_bytes(xlsx)
        subprocess.run(
            [
                office,
                f"-env:UserInstallation={Path(tmp, 'profile').as_uri()}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                tmp,
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
        return Path(tmp, "report.pdf").read_bytes()


@pytest.fixture
def seed_exports(seed_path, client, tmp_path):
    """The seed imported, its JSON export and its outputs; then rolled back,
    so that each test imports an output into an empty database."""
    with transaction.atomic():
        plan = import_file(seed_path).plan
        expected = export_json(plan)
        edition = report_selectors.edition_resolve(plan, None)
        report = report_selectors.edition_report(edition)
        files = {
            "report.xlsx": render(report, "xlsx"),
            "report.pdf": render(report, "pdf"),
        }
        url = f"/132110/plans/{plan.slug}/editions/1/download/"
        for name in ("records.csv", "records-utf8.csv", "records-sjis.csv"):
            response = client.get(url + name)
            assert response.status_code == 200
            files[name] = response.content
        transaction.set_rollback(True)
    assert not selectors.Plan.objects.exists()
    paths = {}
    for name, data in files.items():
        paths[name] = tmp_path / name
        paths[name].write_bytes(data)
    return expected, paths


def import_again(path: Path, **options) -> dict:
    result = import_file(path, options=ParseOptions(**options))
    return export_json(result.plan)


@pytest.mark.parametrize("name", ["report.xlsx", "report.pdf"])
def test_the_report_imports_back_to_the_same_json(seed_exports, name):
    expected, paths = seed_exports
    assert import_again(paths[name]) == expected


def test_libreoffices_pdf_of_the_report_imports_back(seed_exports, tmp_path):
    expected, paths = seed_exports
    pdf = tmp_path / "lo.pdf"
    pdf.write_bytes(libreoffice_pdf(paths["report.xlsx"].read_bytes()))
    mapping = Mapping(joined_words=LIBREOFFICE_WORDS)
    result = import_file(pdf, options=ParseOptions(mapping=mapping))
    assert export_json(result.plan) == expected
    # every place that could not be told from the page is said, with the
    # reading taken: the named words joined, the others new items
    notes = "\n".join(result.notes)
    assert (
        "lo.pdf, page 2, row 4, cell C4: a full line ending 'により、導入' and the next "
        "starting '・維持管理の': read as one text" in notes
    )
    assert (
        "a full line ending '時の負担軽減' and the next starting '・4年間で上': read as a new item"
        in notes
    )


@pytest.mark.parametrize(
    "name", ["records.csv", "records-utf8.csv", "records-sjis.csv"]
)
def test_records_csv_imports_back_to_the_same_programs_and_texts(seed_exports, name):
    expected, paths = seed_exports
    got = import_again(paths[name], first_fy=2021, last_fy=2024)
    for key in ("municipality", "plan", "directions", "programs"):
        assert got[key] == expected[key], key
    # the edition as presented: its title, meeting, material and dates
    for key in ("title", "meeting", "material", "date", "schedule_as_of"):
        assert got["editions"][0][key] == expected["editions"][0][key], key
    assert got["editions"][0]["meeting"] == "第3回 経営方針推進委員会"


def without_columns(data: bytes, names: tuple[str, ...]) -> bytes:
    """records.csv as written before ``names`` were columns."""
    import csv
    import io

    bom = data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    keep = [i for i, c in enumerate(rows[0]) if c not in names]
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\r\n").writerows(
        [row[i] for i in keep] for row in rows
    )
    return out.getvalue().encode("utf-8-sig" if bom else "utf-8")


def test_records_csv_written_before_the_meeting_columns_still_imports(
    seed_exports, tmp_path
):
    """A file downloaded before the edition's meeting, material and schedule
    date had columns imports the same programs; those three stay empty and
    the notes say the file did not carry them."""
    from shinchoku.imports.formats.records_csv import OPTIONAL

    expected, paths = seed_exports
    old = tmp_path / "old-records.csv"
    old.write_bytes(without_columns(paths["records.csv"].read_bytes(), OPTIONAL))
    assert b"edition_meeting" not in old.read_bytes()
    result = import_file(old, options=ParseOptions(first_fy=2021, last_fy=2024))
    got = export_json(result.plan)
    for key in ("municipality", "plan", "directions", "programs"):
        assert got[key] == expected[key], key
    edition = got["editions"][0]
    assert (edition["title"], edition["date"]) == (
        expected["editions"][0]["title"],
        expected["editions"][0]["date"],
    )
    assert edition.get("meeting", "") == edition.get("material", "") == ""
    assert any("before their columns" in note for note in result.notes)
