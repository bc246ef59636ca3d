"""The diff of bullets and editions, character by character (no database)."""

from django.utils import translation

from shinchoku.workflow.diff import (
    Segment,
    char_segments,
    diff_bullets,
    diff_documents,
    diff_program,
)


def test_a_changed_japanese_bullet_is_highlighted_by_character():
    segments = char_segments(
        "電子決裁率90%以上を目指す。", "電子決裁率95%以上を目指す。"
    )
    assert segments == (
        Segment("equal", "電子決裁率9"),
        Segment("delete", "0"),
        Segment("insert", "5"),
        Segment("equal", "%以上を目指す。"),
    )


def test_unchanged_bullets_are_left_out_and_added_and_removed_ones_named():
    changes = diff_bullets(["a", "b", "c"], ["a", "c", "d"])
    assert [(c.kind, c.old, c.new) for c in changes] == [
        ("removed", "b", ""),
        ("added", "", "d"),
    ]


def test_edited_bullets_are_paired_by_similarity_not_by_position():
    old = ["職員向けの研修を開催する。(4回)", "説明会や周知イベントを開催する。"]
    new = [
        "まちで楽しむ等の取組を実施する。",
        "説明会や周知イベントを2回開催する。",
        "職員向けの研修を開催する。(3回)",
    ]
    changes = diff_bullets(old, new)
    kinds = [(c.kind, c.old) for c in changes]
    assert ("added", "") in kinds
    paired = {c.old: c.new for c in changes if c.kind == "changed"}
    assert paired == {
        "職員向けの研修を開催する。(4回)": "職員向けの研修を開催する。(3回)",
        "説明会や周知イベントを開催する。": "説明会や周知イベントを2回開催する。",
    }
    assert not [c for c in changes if c.kind == "removed"]


def test_dissimilar_replacements_are_a_removal_and_an_addition():
    changes = diff_bullets(["公園の管理運営"], ["テレワーク体制の整備"])
    assert [c.kind for c in changes] == ["removed", "added"]


def _program(**fields):
    return {
        "number": 12,
        "name": "文書の電子化・ペーパーレス化",
        "policy_points": [],
        "action_items": [],
        "schedule_raw": [],
        "years": {},
    } | fields


def test_identical_programs_have_no_diff():
    assert diff_program(_program(), _program()) is None


def test_year_fields_are_labelled_in_wareki():
    old = _program(years={"2024": {"plan": ["電子決裁率90%以上を目指す。"]}})
    new = _program(years={"2024": {"plan": ["電子決裁率95%以上を目指す。"]}})
    diff = diff_program(old, new)
    assert [f.label for f in diff.fields] == ["令和6年度当初予定・設定目標"]
    assert diff.counts == {"added": 0, "removed": 0, "changed": 1}


def test_indicator_values_are_compared_only_when_both_documents_carry_kpis():
    kpi = {"name": "電子決裁率", "unit": "%", "targets": {"2024": 90}, "actuals": {}}
    changed = dict(kpi, actuals={"2023": 86.1})
    diff = diff_program(_program(kpis=[kpi]), _program(kpis=[changed]))
    assert [(v.indicator, v.what, v.old, v.new) for v in diff.values] == [
        ("電子決裁率 (%)", "Actual, 令和5年度", None, 86.1)
    ]
    with translation.override("ja"):
        diff = diff_program(_program(kpis=[kpi]), _program(kpis=[changed]))
    assert [v.what for v in diff.values] == ["令和5年度 実績値"]
    assert diff_program(_program(), _program(kpis=[changed])) is None


def test_documents_list_added_and_removed_programs():
    old = {"programs": [_program(), _program(number=13, name="DX")]}
    new = {"programs": [_program(), _program(number=30, name="新規")]}
    diffs = diff_documents(old, new)
    assert [(d.number, d.status) for d in diffs] == [(30, "added"), (13, "removed")]
