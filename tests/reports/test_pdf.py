"""The PDF report: its text, fonts, pages and metadata, read back with pypdf
and rendered with poppler."""

from __future__ import annotations

import dataclasses
import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from shinchoku.reports.model import Report
from shinchoku.reports.renderers import pdf
from tests.reports.report_samples import (
    build_long_report,
    build_sample_report,
    expected_texts,
)

_WS = re.compile(r"\s+")


def squash(text: str) -> str:
    """Text without white space: line wrapping breaks lines anywhere in CJK."""
    return _WS.sub("", text)


def page_texts(data: bytes) -> list[str]:
    return [squash(page.extract_text()) for page in PdfReader(io.BytesIO(data)).pages]


def assert_in_order(haystack: str, needles: list[str]) -> None:
    position = 0
    for needle in needles:
        found = haystack.find(squash(needle), position)
        assert found >= 0, f"missing or out of order: {needle!r}"
        position = found + len(squash(needle))


@pytest.fixture(scope="module")
def sample_pdf() -> bytes:
    return pdf.render(build_sample_report())


@pytest.fixture(scope="module")
def long_pages() -> list[str]:
    return page_texts(pdf.render(build_long_report()))


def test_every_label_name_and_bullet_in_order(sample_pdf: bytes) -> None:
    report = build_sample_report()
    text = "".join(page_texts(sample_pdf))
    assert_in_order(text, expected_texts(report))


def test_title_block_and_headings_on_page_one(sample_pdf: bytes) -> None:
    first = page_texts(sample_pdf)[0]
    assert_in_order(
        first,
        [
            "小平市第1期経営方針推進プログラム(令和3年度～令和6年度)進捗状況"
            "【令和6年度当初計画】",
            "第3回 経営方針推進委員会",
            "資料1",
            "令和6年2月2日",
            "No.",
            "実施プログラム",
            "年度スケジュール(R5.3時点想定)",
            "令和4年度までの取組実績",
            "令和5年度当初予定令和5年度設定目標(前年度末の状況)",
            "取組項目",
            "R3",
            "R5",
            "◆◇実施プログラム◇◆",
            "速やかに取組に着手する20項目のプログラムです。",
            "方向性1 地域資源によるサービスの実現",
            "①",
        ],
    )


def test_long_report_every_text_in_order(long_pages: list[str]) -> None:
    assert_in_order("".join(long_pages), expected_texts(build_long_report()))


def test_header_and_page_number_on_every_page(long_pages: list[str]) -> None:
    pages = long_pages
    assert len(pages) >= 3
    for number, text in enumerate(pages, start=1):
        assert "取組項目" in text and "令和4年度までの取組実績" in text
        assert text.endswith(f"{number}/{len(pages)}"), text[-20:]


def test_rows_are_not_split_and_headings_keep_their_first_row(
    long_pages: list[str],
) -> None:
    pages = long_pages
    report = build_long_report()
    for row in report.rows():
        on = [i for i, text in enumerate(pages) if squash(row.name) in text]
        assert len(on) == 1, row.name
        page = pages[on[0]]
        for bullet in row.achievements + row.current_plan:
            assert squash(bullet) in page, (row.name, bullet)
    for group in report.sections[0].groups:
        on = [i for i, text in enumerate(pages) if squash(group.label) in text]
        assert on and squash(group.rows[0].name) in pages[on[0]], group.label


def test_row_taller_than_a_page_is_split_between_paragraphs() -> None:
    report = build_sample_report()
    first = report.sections[0].groups[0].rows[0]
    achievements = tuple(
        f"{i}番目の実績。" + "市民参加手法を実施した。" * 12 for i in range(70)
    )
    giant = dataclasses.replace(first, achievements=achievements)
    group = dataclasses.replace(report.sections[0].groups[0], rows=(giant,))
    section = dataclasses.replace(
        report.sections[0], groups=(group, *report.sections[0].groups[1:])
    )
    report = dataclasses.replace(report, sections=(section, *report.sections[1:]))

    pages = page_texts(pdf.render(report))
    text = "".join(pages)
    assert len(pages) >= 4
    # Continuation rows hold what did not fit, column by column: each column
    # reads in order, and nothing is lost.
    assert_in_order(text, ["・" + item for item in achievements])
    for needle in expected_texts(report):
        assert squash(needle) in text, needle
    assert "幅広い市民意見の収集（続き）" in text
    # Each bullet is whole on one page: the cut falls between paragraphs.
    for bullet in achievements:
        assert any(squash("・" + bullet) in page for page in pages), bullet


def test_japanese_font_is_embedded(sample_pdf: bytes) -> None:
    fonts = []
    for page in PdfReader(io.BytesIO(sample_pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            fonts.append(font.get_object())
    assert fonts
    for font in fonts:
        assert font["/BaseFont"].endswith("+IPAexGothic"), font["/BaseFont"]
        assert "/FontFile2" in font["/FontDescriptor"].get_object()


def test_metadata(sample_pdf: bytes) -> None:
    meta = PdfReader(io.BytesIO(sample_pdf)).metadata
    assert meta.title == build_sample_report().title
    assert meta.author == "小平市"
    assert meta.creator == "Shinchoku"
    assert meta.subject == "第3回 経営方針推進委員会 資料1 令和6年2月2日"


def test_a3_landscape(sample_pdf: bytes) -> None:
    box = PdfReader(io.BytesIO(sample_pdf)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (1191, 842)


def test_same_report_gives_same_bytes(sample_pdf: bytes) -> None:
    assert pdf.render(build_sample_report()) == sample_pdf


@pytest.mark.skipif(not shutil.which("pdftoppm"), reason="needs poppler-utils")
def test_first_page_is_not_blank(sample_pdf: bytes, tmp_path: Path) -> None:
    source = tmp_path / "report.pdf"
    source.write_bytes(sample_pdf)
    subprocess.run(
        ["pdftoppm", "-r", "50", "-gray", "-f", "1", "-l", "1", source, tmp_path / "p"],
        check=True,
        timeout=30,
    )
    (image,) = tmp_path.glob("p*.pgm")
    width, height, pixels = read_pgm(image.read_bytes())
    assert (width, height) == (827, 585)  # A3 landscape at 50 dpi
    dark = sum(1 for value in pixels if value < 128)
    # Text and the table grid: a blank page or one of empty boxes has far less.
    assert dark / len(pixels) > 0.02, dark / len(pixels)


def read_pgm(data: bytes) -> tuple[int, int, bytes]:
    """Decode a binary PGM (P5) image: header fields, then one byte a pixel."""
    fields: list[bytes] = []
    pos = 0
    while len(fields) < 4:
        while data[pos : pos + 1].isspace():
            pos += 1
        end = pos
        while not data[end : end + 1].isspace():
            end += 1
        fields.append(data[pos:end])
        pos = end
    magic, width, height, maxval = fields
    assert magic == b"P5" and maxval == b"255"
    pixels = data[pos + 1 :]
    assert len(pixels) == int(width) * int(height)
    return int(width), int(height), pixels


def test_missing_font_raises_a_clear_error(settings, sample_report: Report) -> None:
    pdf.render(sample_report)  # the font is now registered and cached
    settings.SHINCHOKU_PDF_FONTS = ["", "/nonexistent/ipaexg.ttf"]
    with pytest.raises(pdf.ReportFontError) as raised:
        pdf.render(sample_report)
    message = str(raised.value)
    assert "SHINCHOKU_PDF_FONTS" in message
    assert "fonts-ipaexfont-gothic" in message
    assert "/nonexistent/ipaexg.ttf" in message


def test_unusable_font_file_raises_a_clear_error(
    settings, sample_report: Report, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.ttf"
    broken.write_bytes(b"not a font")
    settings.SHINCHOKU_PDF_FONTS = [str(broken)]
    with pytest.raises(pdf.ReportFontError, match="broken.ttf"):
        pdf.render(sample_report)
