from shinchoku.common.text import (
    collapse_ws,
    html_to_text,
    join_bullets,
    parse_program_number,
    program_number_label,
    split_bullets,
)


def test_bullets_split_only_at_a_leading_nakaguro():
    cell = "・提示型公募・いきいき協働事業 ・こだいら人財の森事業 ・大学等との連携事業"
    assert split_bullets(cell) == [
        "提示型公募・いきいき協働事業",
        "こだいら人財の森事業",
        "大学等との連携事業",
    ]


def test_text_before_the_first_bullet_is_kept():
    assert split_bullets("前文 ・一 ・二") == ["前文", "一", "二"]
    assert split_bullets("") == []
    assert split_bullets("   ") == []


def test_html_fragments_become_plain_text():
    cell = '<ul style="list-style-type: none"> ・庁内会議の運営方法の適正化 '
    assert html_to_text(cell) == "・庁内会議の運営方法の適正化"
    assert html_to_text("<b>A&amp;B</b> <script>alert(1)</script>x") == "A&B x"


def test_whitespace_collapses_but_ideographic_space_is_text():
    assert collapse_ws("  a \t b\r\n c ") == "a b c"
    assert collapse_ws("小平市\u3000役所") == "小平市\u3000役所"


def test_program_numbers_as_the_city_prints_them():
    assert parse_program_number("⑫") == 12
    assert parse_program_number("⑳") == 20
    assert parse_program_number("17") == 17
    assert parse_program_number("１７") == 17
    assert parse_program_number("No.") is None
    assert parse_program_number("----") is None
    assert program_number_label(1) == "①"
    assert program_number_label(20) == "⑳"
    assert program_number_label(21) == "21"


def test_join_bullets():
    assert join_bullets(["a", "b"]) == "・a\n・b"
