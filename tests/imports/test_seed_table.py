"""The committee-table parser on the real seed and on its mutations (no database)."""

import datetime as dt

import pytest

from shinchoku.document.errors import ImportFormatError
from shinchoku.imports.formats import ParseOptions, seed_table
from tests.imports.helpers import ENDED, SEED_NAMES, line_of, replace_line, shift_years


def parse_text(text: str, **options):
    return seed_table.parse(
        text.encode("utf-8"), source="t.txt", options=ParseOptions(**options)
    )


@pytest.fixture(scope="module")
def parsed(seed_bytes):
    return seed_table.parse(seed_bytes, source="seed.txt")


def test_plan_edition_and_municipality_come_from_the_title_block(parsed):
    assert (parsed.municipality_name, parsed.municipality_code) == ("小平市", "132110")
    assert parsed.title == "第1期経営方針推進プログラム"
    assert (parsed.first_fy, parsed.last_fy) == (2021, 2024)
    [edition] = parsed.editions
    assert edition.title == "令和6年度当初計画"
    assert edition.meeting == "第3回 経営方針推進委員会"
    assert edition.material == "資料1"
    assert edition.date == dt.date(2024, 2, 2)
    assert edition.fiscal_year == 2024
    assert edition.schedule_as_of == "2023-03"


def test_all_23_programs_with_their_names_kinds_and_end_markers(parsed):
    assert {p.number: p.name for p in parsed.programs} == SEED_NAMES
    assert [p.number for p in parsed.programs] == list(SEED_NAMES)
    assert {
        p.number: p.ended_after_fy for p in parsed.programs if p.ended_after_fy
    } == ENDED
    kinds = {p.number: p.kind for p in parsed.programs}
    assert {n for n, k in kinds.items() if k == "former_study"} == set(range(21, 29))


def test_sections_and_directions(parsed):
    assert [(s.kind, s.heading, s.lead) for s in parsed.sections] == [
        (
            "implementation",
            "◆◇実施プログラム◇◆",
            "速やかに取組に着手する20項目のプログラムです。",
        ),
        (
            "former_study",
            "◆◆2年間の検討を経た実施プログラム(旧検討プログラム)◆◆",
            "令和5年度から取組に着手する5のプログラムです。",
        ),
    ]
    assert parsed.directions == {
        1: "地域資源によるサービスの実現",
        3: "運営・業務執行体制の効率化",
        4: "職員と職場の活性化",
    }
    by_number = {p.number: p for p in parsed.programs}
    assert by_number[5].direction == 1
    assert by_number[11].direction == 3
    assert by_number[28].direction == 4


def test_bullets_html_and_fiscal_year_columns(parsed):
    p12 = next(p for p in parsed.programs if p.number == 12)
    assert p12.policy_points == [
        "内部事務における押印の見直しとともに、文書管理システムによる電子決裁の対象範囲拡大",
        "意識啓発を含め、会議でのペーパーレス化及び冊子等の電子化",
        "4年間で電子決裁対象文書の電子決裁率90%以上を目指す(令和3年4月1日現在:62.3%)",
    ]
    assert [a.text for a in p12.action_items] == [
        "電子決裁対象範囲の拡大及び電子決裁率の向上",
        "会議のペーパーレス化、印刷物の見直し",
    ]
    assert p12.years[2022].achievements[-1] == "令和4年度末での電子決裁率73.7%。"
    assert p12.years[2023].plan[-1] == "電子決裁率85%を目指す。"
    assert p12.years[2024].plan[-1] == "電子決裁率90%以上を目指す。"
    assert p12.schedule_raw == []  # the cell holds a single space


def test_a_nakaguro_inside_a_phrase_is_not_a_bullet(parsed):
    p3 = next(p for p in parsed.programs if p.number == 3)
    assert p3.action_items[0].text == "提示型公募・いきいき協働事業"
    assert len(p3.action_items) == 4


def test_schedule_cells_are_kept_raw_whatever_their_number(parsed):
    by_number = {p.number: p for p in parsed.programs}
    assert by_number[1].schedule_raw == ["実施 試行的実施・実施"]  # 8 cells
    assert by_number[24].schedule_raw == ["実施", "検討・実施・見直し"]  # 9 cells
    assert by_number[23].schedule_raw == [
        "実施",
        "検討・実施",
        "検討・実施",
    ]  # 10 cells
    assert (
        by_number[23]
        .years[2022]
        .achievements[0]
        .startswith("ふるさと納税の返礼品の拡充")
    )
    assert all(not a.schedule for p in parsed.programs for a in p.action_items)


def test_ended_programs_have_empty_plan_cells(parsed):
    p21 = next(p for p in parsed.programs if p.number == 21)
    assert p21.name == "広報活動ガイドラインの策定"
    assert p21.years[2022].achievements == [
        "令和5年3月に「小平市広報活動ガイドライン」を策定し、庁内に周知した。"
    ]
    assert p21.years[2023].plan == [] and p21.years[2024].plan == []


def test_notes_say_what_was_skipped(parsed):
    assert "programs 6–10 are not in this file" in parsed.notes
    assert any("repeated header" in n and "21, 33, 50" in n for n in parsed.notes)
    assert any("separator" in n and "64" in n for n in parsed.notes)


def test_the_same_table_a_year_later_imports_as_a_year_later(seed_text):
    later = parse_text(shift_years(seed_text))
    assert (later.first_fy, later.last_fy) == (2022, 2025)
    assert later.editions[0].fiscal_year == 2025
    assert later.editions[0].schedule_as_of == "2024-03"
    assert later.editions[0].date == dt.date(2025, 2, 2)
    p12 = next(p for p in later.programs if p.number == 12)
    assert sorted(p12.years) == [2023, 2024, 2025]
    assert p12.years[2023].achievements[-1] == "令和5年度末での電子決裁率73.7%。"
    assert next(p for p in later.programs if p.number == 21).ended_after_fy == 2023


def test_cp932_with_crlf_parses_like_utf8(seed_text, parsed):
    data = seed_text.replace("\n", "\r\n").encode("cp932")
    assert seed_table.parse(data, source="sjis.txt") == parsed


def test_utf8_with_bom_parses_like_utf8(seed_bytes, parsed):
    assert seed_table.parse(b"\xef\xbb\xbf" + seed_bytes, source="bom.txt") == parsed


def test_an_unknown_municipality_needs_its_code(seed_text):
    text = seed_text.replace("小平市第1期", "東村山市第1期", 1)
    with pytest.raises(
        ImportFormatError, match="東村山市 is unknown.*--municipality-code"
    ):
        parse_text(text)
    assert parse_text(text, municipality_code="132136").municipality_name == "東村山市"


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda t: "", "the file is empty"),
        (lambda t: "\n\n  \n", "the file is empty"),
        (
            lambda t: replace_line(
                t,
                line_of(t, "⑫"),
                t.split("\n")[line_of(t, "⑫") - 1].rsplit("\t", 4)[0],
            ),
            r"line 27: program ⑫ has 4 cells; a program row has 8–10",
        ),
        (
            lambda t: replace_line(
                t,
                line_of(t, "⑫"),
                t.split("\n")[line_of(t, "⑫") - 1].replace("⑫", "⑪", 1),
            ),
            r"line 27: program number 11 appears twice \(lines 26 and 27\)",
        ),
        (lambda t: t.replace("進捗状況【", "状況【", 1), "line 3: unknown row"),
        (
            lambda t: "\n".join(x for x in t.split("\n") if not x.startswith("No.")),
            "line 10: a 取組項目 header row before",
        ),
        (
            lambda t: t.replace("令和5年度当初予定", "令和7年度当初予定", 1),
            "line 10: the header's fiscal years are not consecutive",
        ),
        (
            lambda t: t.replace("年度スケジュール(R5.3", "年度スケジュール(R6.3", 1),
            "line 21: this header row differs from the one on line 10",
        ),
        (
            lambda t: t.replace("方向性1 地域", "方向性X 地域", 1),
            "line 13: unknown row",
        ),
        (
            lambda t: t.replace("令和6年2月2日", "令和6年2月30日"),
            "line 6: unreadable meeting date",
        ),
        (lambda t: "a\tb\nc\td\n", "line 1: unknown row of 2 cells"),
    ],
    ids=[
        "empty",
        "blank",
        "truncated-row",
        "duplicate-number",
        "no-title",
        "no-header",
        "non-consecutive-fys",
        "inconsistent-headers",
        "bad-direction",
        "bad-date",
        "unknown-layout",
    ],
)
def test_malformed_tables_are_refused_with_the_line_and_the_reason(
    seed_text, mutate, message
):
    with pytest.raises(ImportFormatError, match=message):
        parse_text(mutate(seed_text))


def test_binary_and_undecodable_files_are_refused():
    with pytest.raises(ImportFormatError, match="binary file"):
        seed_table.parse(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", source="x.png")
    with pytest.raises(ImportFormatError, match="neither UTF-8 nor Shift_JIS"):
        seed_table.parse(
            "小平市\tテスト\n".encode() + b"\xff\xfe\xfd\n", source="x.txt"
        )


# Found by tests/imports/test_fuzz_import.py:


@pytest.mark.parametrize("char", ["\x0c", "\x0b", "\x85", "\u2028", "\u2029"])
def test_only_cr_and_lf_end_a_row(seed_text, char):
    """Pasted cell text may hold form feeds or Unicode line separators: they stay
    in the cell, and line numbers stay those of an editor."""
    text = seed_text.replace("幅広い市民意見の収集", f"幅広い市民{char}意見の収集", 1)
    parsed = parse_text(text)
    assert parsed.programs[0].name.startswith("幅広い市民")
    n = line_of(text, "⑫")
    truncated = replace_line(text, n, text.split("\n")[n - 1].rsplit("\t", 4)[0])
    with pytest.raises(ImportFormatError, match=r"line 27: program ⑫ has 4 cells"):
        parse_text(truncated)


@pytest.mark.parametrize("number", ["12345", "9" * 12, "9" * 5000, "１２３４５６"])
def test_an_overlong_program_number_is_refused_on_its_line(seed_text, number):
    """It used to hang (the note on missing programs enumerated up to it) or, past
    4,300 digits, crash in int()."""
    text = seed_text.replace("\n②\t", f"\n{number}\t", 1)
    with pytest.raises(
        ImportFormatError, match=r"line 16: program number \S+ is too large"
    ):
        parse_text(text)


@pytest.mark.parametrize(
    "html, reason",
    [
        ("<div>" * 20_000 + "x", "nested more than 256"),
        ("<ul><li>" * 300 + "x", "nested more than 256"),
        ("<b>x</b>" * 30_000, "at most 200,000 are read"),
    ],
)
def test_html_too_deep_or_too_long_is_refused_on_its_line(seed_text, html, reason):
    """The HTML sanitizer's time grows with the square of the nesting: 200,000
    nested <div> ran for minutes. It is bounded before it runs."""
    from django.utils import translation

    text = seed_text.replace("\n②\t", f"\n②\t{html}", 1)
    with (
        translation.override("en"),
        pytest.raises(ImportFormatError, match=rf"line 16: cell 2: .*{reason}"),
    ):
        parse_text(text)


def test_html_of_ordinary_depth_and_unclosed_paragraphs_is_read():
    from shinchoku.common.text import html_to_text

    assert html_to_text("<div>" * 200 + "深い") == "深い"
    assert html_to_text("<p>段落" * 2000).startswith("段落段落")


@pytest.mark.parametrize("hostile", ["\x01", "\x1c", "\x1b", "\x7f", "\ufffe"])
def test_a_control_character_in_a_cell_is_refused_on_its_line(seed_text, hostile):
    """A U+0001 stored from an imported file answered 500 on every XLSX later;
    the cell is refused naming line and cell. (U+001C was kept as a cell's
    text before; NUL never reaches a cell, nor &#1;, which decodes to nothing.)"""
    from django.utils import translation

    text = seed_text.replace("\n②\t", f"\n②\t電子{hostile}決裁", 1)
    with (
        translation.override("en"),
        pytest.raises(
            ImportFormatError,
            match=r"line 16: cell 2: character 3 is a control character \(U\+",
        ),
    ):
        parse_text(text)
