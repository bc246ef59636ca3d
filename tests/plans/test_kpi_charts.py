"""The indicator SVG chart: valid XML, accessible, Japanese labels, escaping."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import pytest

from shinchoku.document.kpi import Indicator, Observation
from shinchoku.plans.charts import describe, format_value, indicator_svg
from shinchoku.plans.kpi_extract import extract_indicators
from tests.plans.kpi_seed import load_seed

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def approval() -> Indicator:
    seed = load_seed()
    (program,) = [p for p in seed.programs if p.number == 12]
    return extract_indicators(program, seed.plan_first_fy, seed.plan_last_fy)[0]


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def by_class(root: ET.Element, cls: str) -> list[ET.Element]:
    return [e for e in root.iter() if e.get("class") == cls]


def all_text(root: ET.Element) -> str:
    return " ".join(t for e in root.iter() for t in (e.text, e.tail) if t)


def test_chart_is_valid_accessible_svg(approval: Indicator) -> None:
    root = parse(indicator_svg(approval, chart_id="p12"))
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "p12-title p12-desc"
    title, desc = root[0], root[1]
    assert (title.tag, title.get("id"), title.text) == (
        f"{SVG}title",
        "p12-title",
        "電子決裁率の推移",
    )
    assert desc.tag == f"{SVG}desc" and desc.get("id") == "p12-desc"
    assert "基準値 62.3%(令和3年4月1日現在)" in desc.text
    assert "実績 令和4年度 73.7%" in desc.text
    assert "年度目標 令和5年度 85%、令和6年度 90%" in desc.text
    assert "最終目標 90%以上(令和6年度まで)" in desc.text


def test_chart_has_japanese_axis_legend_and_values(approval: Indicator) -> None:
    text = all_text(parse(indicator_svg(approval)))
    for fy_label in ("令和2年度", "令和3年度", "令和4年度", "令和5年度", "令和6年度"):
        assert fy_label in text
    for word in ("年度", "値(%)", "実績", "年度目標", "基準値", "最終目標", "期限"):
        assert word in text
    for value in ("62.3%", "73.7%", "目標85%", "目標90%"):
        assert value in text


def test_series_use_distinct_shapes_and_dashes(approval: Indicator) -> None:
    root = parse(indicator_svg(approval))
    actuals = by_class(root, "actual")
    targets = by_class(root, "fy-target")
    baseline = by_class(root, "baseline")
    assert [e.tag for e in actuals] == [f"{SVG}circle"]
    assert [e.tag for e in targets] == [f"{SVG}polygon"] * 2
    assert [e.tag for e in baseline] == [f"{SVG}rect"]
    (final,) = by_class(root, "final-target")
    (deadline,) = by_class(root, "deadline")
    assert final.get("stroke-dasharray") and deadline.get("stroke-dasharray")
    assert final.get("stroke-dasharray") != deadline.get("stroke-dasharray")
    (line,) = by_class(root, "actual-line")
    assert len(line.get("points", "").split()) == 2  # baseline → FY2022
    assert "令和4年度 実績 73.7%" in all_text(actuals[0])


def test_final_target_line_sits_at_the_target(approval: Indicator) -> None:
    root = parse(indicator_svg(approval))
    (final,) = by_class(root, "final-target")
    (target_2024,) = [
        e for e in by_class(root, "fy-target") if "令和6年度" in all_text(e)
    ]
    # The FY2024 target (90) and the final target (90) are drawn at one height.
    apex_y = float(target_2024.get("points", "").split()[0].split(",")[1]) + 6
    assert float(final.get("y1", "")) == pytest.approx(apex_y, abs=0.11)


def test_the_deadline_is_the_last_year_on_the_axis(approval: Indicator) -> None:
    root = parse(indicator_svg(approval))
    (deadline,) = by_class(root, "deadline")
    ticks = [e for e in root.iter(f"{SVG}text") if e.text == "令和6年度"]
    assert ticks and float(deadline.get("x1", "")) == pytest.approx(
        float(ticks[0].get("x", ""))
    )


def test_names_are_escaped() -> None:
    ind = Indicator(name='<script>alert("x")</script>&', unit="件", targets={2023: 3})
    svg = indicator_svg(ind, chart_id='"><script>')
    assert "<script" not in svg
    assert "&lt;script&gt;" in svg
    root = parse(svg)
    assert root[0].text == '<script>alert("x")</script>&の推移'
    assert root.get("aria-labelledby") == "---script--title ---script--desc"


def test_nothing_is_fetched_and_nothing_runs(approval: Indicator) -> None:
    svg = indicator_svg(approval)
    for forbidden in ("<script", "href", "@import", "url(", "@font-face"):
        assert forbidden not in svg
    assert svg.count("http://") == 1  # the SVG namespace only
    handlers = [k for e in parse(svg).iter() for k in e.attrib if k.startswith("on")]
    assert handlers == []


def test_empty_indicator_says_so() -> None:
    root = parse(indicator_svg(Indicator(name="職員定数", unit="人")))
    assert "データがありません" in all_text(root)
    assert by_class(root, "actual") == []


def test_lower_is_better_target_without_baseline() -> None:
    ind = Indicator(
        name="時間外勤務の年間平均実施時間",
        unit="時間",
        direction="lower",
        comparator="以下",
        target=139,
        deadline_fy=2025,
    )
    root = parse(indicator_svg(ind, first_fy=2021))
    text = all_text(root)
    assert "令和3年度" in text and "令和7年度" in text
    assert "最終目標 139時間以下(令和7年度まで)" in text
    assert "実績" not in [e.text for e in root.iter(f"{SVG}text")]  # no empty legend


def test_fy_baseline_and_money() -> None:
    ind = Indicator(
        name="寄附額", unit="千円", baseline=1000, baseline_fy=2020, target=5000
    )
    ind.observations.append(Observation(2022, 2500.5, "statement", ""))
    assert "基準値 1,000千円(令和2年度実績)" in describe(ind)
    assert "2,500.5千円" in all_text(parse(indicator_svg(ind)))


def test_format_value() -> None:
    assert format_value(1000, "千円") == "1,000千円"
    assert format_value(73.7, "%") == "73.7%"
    assert format_value(62.30, "") == "62.3"
    assert format_value(1.236) == "1.24"


def test_baseline_date_label() -> None:
    ind = Indicator(
        name="移管率", unit="%", baseline=0, baseline_date=dt.date(2021, 4, 1)
    )
    assert "基準値 0%(令和3年4月1日現在)" in describe(ind)


def _label_boxes(root: ET.Element) -> list[tuple[str, tuple[float, ...]]]:
    """The labels inside the plot (the markers' values, the baseline's, the
    final target's and the deadline's) as boxes, measured as
    charts.text_width measures a label."""
    from shinchoku.plans.charts import text_width

    boxes = []
    for e in root.iter(f"{SVG}text"):
        content = e.text or ""
        inside = e.get("class") == "point-label" or content.startswith(
            ("最終目標 ", "期限 ", "62.3%")
        )
        if not inside:
            continue
        x, y = float(e.get("x")), float(e.get("y"))
        width = text_width(content)
        left = x - width if e.get("text-anchor") == "end" else x
        boxes.append((content, (left, y - 11, left + width, y + 2)))
    return boxes


@pytest.mark.parametrize(
    "actuals",
    [
        {2023: 85.2, 2024: 85.2},  # the 目標90% of 2024 sat on 85.2%
        {2023: 84.9, 2024: 89.5},  # just under each target
        {2023: 85.5, 2024: 91.0},  # just over
        {2021: 85.2},  # under the final target's label
    ],
)
def test_point_labels_never_overlap(approval: Indicator, actuals) -> None:
    approval.observations += [
        Observation(fy, value, "statement", "") for fy, value in actuals.items()
    ]
    boxes = _label_boxes(parse(indicator_svg(approval)))
    # two targets, the actuals and 73.7%; the baseline, final target, deadline
    assert len(boxes) == 2 + len(actuals) + 1 + 3
    for i, (a, box_a) in enumerate(boxes):
        for b, box_b in boxes[i + 1 :]:
            overlap = (
                box_a[0] < box_b[2]
                and box_b[0] < box_a[2]
                and box_a[1] < box_b[3]
                and box_b[1] < box_a[3]
            )
            assert not overlap, f"{a} overlaps {b}"
