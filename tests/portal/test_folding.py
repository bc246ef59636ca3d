"""How search compares text and marks hits (no database)."""

from hypothesis import given, settings
from hypothesis import strategies as st

from shinchoku.portal.folding import fold, fold_char, highlight, matches, query_terms


def test_fold_width_case_and_kana():
    assert fold("ＤＸの推進") == "dxの推進"
    assert fold("テレワーク") == fold("てれわーく")
    assert fold("⑫") == "12"


def test_query_terms():
    assert query_terms("  電子決裁　DX ") == ["電子決裁", "dx"]  # U+3000 splits too
    assert query_terms("a a a") == ["a"]
    assert query_terms("\x00") == []
    assert len(query_terms("あ " * 20)) == 1


def test_highlight_marks_every_occurrence_in_the_original_text():
    html = highlight("ＤＸとDXとdx", ["dx"])
    assert html == "<mark>ＤＸ</mark>と<mark>DX</mark>と<mark>dx</mark>"


def test_highlight_escapes():
    assert highlight("<b>電子決裁</b>", ["電子決裁"]) == (
        "&lt;b&gt;<mark>電子決裁</mark>&lt;/b&gt;"
    )


def test_overlapping_terms_merge():
    assert highlight("電子決裁率", ["電子決裁", "決裁率"]) == "<mark>電子決裁率</mark>"


def test_matches():
    assert matches("テレワーク体制", ["てれわーく"])
    assert not matches("公園", ["dx"])


@given(st.text(max_size=200))
@settings(max_examples=200, deadline=None)
def test_fold_is_each_character_folded_on_its_own(text):
    # fold() goes through a translate table: it must stay the per-character
    # folding that highlight() maps positions with.
    assert fold(text) == "".join(fold_char(c) for c in text)
