"""How search compares text and marks hits (no database)."""

from shinchoku.portal.folding import fold, highlight, matches, query_terms


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
