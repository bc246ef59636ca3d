"""The seed's table regenerated from the database: every number, name, bullet and
FY record of the seed file appears in the PDF's text and in the XLSX cells, in
the seed's order. The expectation is read from the seed file itself."""

import io
import shutil
import subprocess

import pytest
from django.core.management import call_command
from openpyxl import load_workbook

from shinchoku.common.text import (
    html_to_text,
    parse_program_number,
    program_number_label,
    split_bullets,
)
from shinchoku.imports.services import import_file
from shinchoku.reports.renderers import RENDERERS
from tests.reports.test_pdf import assert_in_order, page_texts, squash

LAST_THREE = 3


def seed_programs(seed_text: str) -> list[dict]:
    """The seed's program rows, straight from the file: label, name (with its end
    marker), policy bullets, items, and the last three cells' bullets."""
    programs = []
    for line in seed_text.split("\n"):
        cells = [html_to_text(c) for c in line.split("\t")]
        if len(cells) < 8 or cells[0] in {"No.", ""} or cells[0].startswith("-"):
            continue
        programs.append(
            {
                # The city's rule is ①–⑳ for 1–20; the seed's text extraction
                # shows 17–20 plain. The report follows the rule.
                "label": program_number_label(parse_program_number(cells[0])),
                "name": cells[1],
                "policy": split_bullets(cells[2]),
                "items": split_bullets(cells[3]),
                "records": [split_bullets(c) for c in cells[-LAST_THREE:]],
            }
        )
    return programs


def expected_sequence(seed_text: str) -> list[str]:
    out = []
    for p in seed_programs(seed_text):
        out += [p["label"], *p["name"].split(" ※"), *p["policy"], *p["items"]]
        for bullets in p["records"]:
            out += bullets
    return out


@pytest.fixture
def render_seed(db, seed_path, tmp_path):
    import_file(seed_path)

    def render(fmt: str) -> bytes:
        out = tmp_path / f"report.{fmt}"
        call_command("report", "--format", fmt, "-o", str(out))
        return out.read_bytes()

    return render


def test_the_seed_has_23_programs(seed_text):
    assert len(seed_programs(seed_text)) == 23
    assert sum(len(b) for p in seed_programs(seed_text) for b in p["records"]) > 100


def test_pdf_holds_every_text_of_the_seed_in_order(render_seed, seed_text):
    pages = page_texts(render_seed("pdf"))
    assert_in_order("".join(pages), expected_sequence(seed_text))
    first = pages[0]
    assert (
        squash(
            "小平市第1期経営方針推進プログラム(令和3年度～令和6年度)進捗状況【令和6年度当初計画】"
        )
        in first
    )
    assert squash("令和4年度までの取組実績") in first


def test_xlsx_holds_every_text_of_the_seed_cell_by_cell(render_seed, seed_text):
    sheet = load_workbook(io.BytesIO(render_seed("xlsx"))).active
    rows = {
        row[0].value: [c.value for c in row]
        for row in sheet.iter_rows()
        if row[0].value
        and any(row[0].value == p["label"] for p in seed_programs(seed_text))
    }
    order = []
    for row in sheet.iter_rows(values_only=True):
        if row[0] in rows:
            order.append(row[0])
    assert order == [p["label"] for p in seed_programs(seed_text)]
    for p in seed_programs(seed_text):
        values = rows[p["label"]]
        assert values[1].replace("\n", " ") == p["name"]
        assert values[2] == ("\n".join("・" + b for b in p["policy"]) or None)
        assert values[3] == ("\n".join("・" + b for b in p["items"]) or None)
        for cell, bullets in zip(values[-LAST_THREE:], p["records"], strict=True):
            assert cell == ("\n".join("・" + b for b in bullets) or None), p["label"]


def test_html_report_links_each_program(render_seed, seed_text):
    html = render_seed("html").decode()
    assert '<html lang="ja">' in html
    # a published edition links to the public page of each program in it
    assert 'href="/132110/plans/2021-2024/editions/1/programs/12/"' in html
    for p in seed_programs(seed_text):
        assert p["policy"] == [] or p["policy"][0] in html


def test_first_page_is_not_blank(render_seed, tmp_path):
    pdf = tmp_path / "r.pdf"
    pdf.write_bytes(render_seed("pdf"))
    png = subprocess.run(
        ["pdftoppm", "-r", "30", "-gray", "-f", "1", "-l", "1", str(pdf)],
        capture_output=True,
        check=True,
    ).stdout
    # PGM: header then one byte per pixel; a blank page is all white (255)
    body = png.split(b"\n", 3)[3]
    dark = sum(1 for b in body if b < 128)
    assert dark > 1000


def test_report_of_an_edition_does_not_change_after_edits(render_seed):
    from shinchoku.plans.models import ProgramYear

    before = render_seed("xlsx")
    record = ProgramYear.objects.get(program__number=12, fiscal_year=2024)
    record.plan = ["後から書き換えた"]
    record.save()
    assert render_seed("xlsx") == before


def test_every_format_renders_through_the_command(render_seed):
    for fmt in RENDERERS:
        assert render_seed(fmt)


@pytest.mark.skipif(not shutil.which("pdffonts"), reason="poppler-utils missing")
def test_pdf_embeds_a_japanese_font(render_seed, tmp_path):
    pdf = tmp_path / "r.pdf"
    pdf.write_bytes(render_seed("pdf"))
    fonts = subprocess.run(
        ["pdffonts", str(pdf)], capture_output=True, text=True
    ).stdout
    assert "IPAexGothic" in fonts and " yes " in fonts


def test_download_buttons_on_the_staff_and_public_plan_pages(
    client, admin_client, seed_plan
):
    staff = admin_client.get(seed_plan.get_absolute_url()).content.decode()
    public = client.get("/132110/plans/2021-2024/").content.decode()
    edition = seed_plan.editions.get()
    for fmt in ("pdf", "xlsx", "html"):
        url = f"/reports/132110/{seed_plan.slug}/{edition.pk}.{fmt}"
        assert url in staff and url in public
        response = client.get(url)
        assert response.status_code == 200
        assert response["Content-Type"] == RENDERERS[fmt].content_type
    assert (
        client.get(f"/reports/132110/{seed_plan.slug}/{edition.pk}.doc").status_code
        == 404
    )


def test_unpublished_editions_are_not_downloadable_by_the_public(client, seed_plan):
    edition = seed_plan.editions.get()
    edition.published = False
    edition.save()
    assert (
        client.get(f"/reports/132110/{seed_plan.slug}/{edition.pk}.pdf").status_code
        == 404
    )
