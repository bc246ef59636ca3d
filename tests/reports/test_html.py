"""The standalone HTML report: structure, accessibility, print styles and
escaping, read back with the standard library's HTML parser."""

from __future__ import annotations

import dataclasses
from html.parser import HTMLParser

import pytest

from shinchoku.reports.model import Report
from shinchoku.reports.renderers import html
from tests.reports.report_samples import build_sample_report

VOID = {"meta", "col", "br", "link", "img", "input", "hr"}


@dataclasses.dataclass
class Node:
    tag: str
    attrs: dict[str, str | None]
    children: list[Node | str] = dataclasses.field(default_factory=list)

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def find_all(self, tag: str, **attrs: str) -> list[Node]:
        found = []
        for child in self.children:
            if isinstance(child, Node):
                if child.tag == tag and all(
                    child.attrs.get(k) == v for k, v in attrs.items()
                ):
                    found.append(child)
                found += child.find_all(tag, **attrs)
        return found


class TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        node = Node(tag, dict(attrs))
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_endtag(self, tag):
        assert self.stack[-1].tag == tag, f"</{tag}> closes <{self.stack[-1].tag}>"
        self.stack.pop()

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def parse(data: bytes) -> Node:
    builder = TreeBuilder()
    builder.feed(data.decode("utf-8"))
    builder.close()
    assert builder.stack == [builder.root], "unclosed elements"
    return builder.root


@pytest.fixture
def page(sample_report: Report) -> Node:
    return parse(html.render(sample_report))


def test_document(page: Node, sample_report: Report) -> None:
    (root,) = page.find_all("html")
    assert root.attrs["lang"] == "ja"
    (title,) = page.find_all("title")
    assert title.text() == sample_report.title
    (charset,) = page.find_all("meta", charset="utf-8")
    assert charset is not None


def test_one_table_with_the_title_as_caption(page: Node, sample_report: Report) -> None:
    (table,) = page.find_all("table")
    (caption,) = table.find_all("caption")
    assert caption.text().strip() == sample_report.title
    meta = page.find_all("header")[0].text()
    assert "第3回 経営方針推進委員会" in meta and "資料1" in meta
    (date,) = page.find_all("time")
    assert date.attrs["datetime"] == "2024-02-02" and date.text() == "令和6年2月2日"


def test_header_cells(page: Node) -> None:
    (thead,) = page.find_all("thead")
    top, sub = thead.find_all("tr")
    cells = [(th.text(), th.attrs) for th in top.find_all("th")]
    assert [text for text, _ in cells] == [
        "No.",
        "実施プログラム",
        "主な取組の方向性",
        "年度スケジュール(R5.3時点想定)",
        "令和4年度までの取組実績",
        "令和5年度当初予定令和5年度設定目標(前年度末の状況)",
        "令和6年度当初予定令和6年度設定目標(前年度末の状況)",
    ]
    schedule = cells[3][1]
    assert schedule == {"scope": "colgroup", "colspan": "4"}
    for index in (0, 1, 2, 4, 5, 6):
        assert cells[index][1] == {"scope": "col", "rowspan": "2"}
    assert [(th.text(), th.attrs) for th in sub.find_all("th")] == [
        (label, {"scope": "col"}) for label in ("取組項目", "R3", "R4", "R5")
    ]


def test_sections_and_directions_are_row_group_headers(
    page: Node, sample_report: Report
) -> None:
    headers = page.find_all("th", scope="rowgroup")
    expected = []
    for section in sample_report.sections:
        expected.append(section.heading + section.lead)
        expected += [group.label for group in section.groups]
    assert [th.text() for th in headers] == expected
    assert {th.attrs["colspan"] for th in headers} == {"10"}
    # One row group per 方向性, opened by its header.
    groups = page.find_all("tbody", **{"class": "group"})
    assert [g.find_all("th", scope="rowgroup")[0].text() for g in groups] == expected[
        1:3
    ] + expected[4:]


def test_programs(page: Node, sample_report: Report) -> None:
    rows = [tr for tr in page.find_all("tr") if tr.find_all("th", scope="row")]
    assert len(rows) == len(sample_report.rows())
    for tr, program in zip(rows, sample_report.rows(), strict=True):
        (number,) = tr.find_all("td", **{"class": "number"})
        assert number.text() == program.number_label
        (header,) = tr.find_all("th", scope="row")
        (link,) = header.find_all("a")
        assert link.attrs["href"] == program.url
        assert link.text() == program.name
        notes = [span.text() for span in header.find_all("span")]
        assert notes == ([program.ended_note] if program.ended_note else [])
        lists = [ul for ul in tr.find_all("ul")]
        items = [[li.text() for li in ul.find_all("li")] for ul in lists]
        expected = [
            list(column)
            for column in (
                program.policy_points,
                program.action_items,
                program.achievements,
                program.previous_plan,
                program.current_plan,
            )
            if column
        ]
        assert items == expected
        # A full grid: the row header and its cells cover the 10 columns.
        assert (
            1 + sum(int(td.attrs.get("colspan") or 1) for td in tr.find_all("td")) == 10
        )


def test_schedule_spans(page: Node) -> None:
    def schedule(number: int) -> list[tuple[str, str | None]]:
        (tr,) = page.find_all("tr", id=f"program-{number}")
        return [
            (td.text(), td.attrs.get("colspan"))
            for td in tr.find_all("td", **{"class": "schedule"})
        ]

    assert schedule(1) == [("実施試行的実施・実施", "3")]
    assert schedule(23) == [("実施", None), ("検討・実施", None), ("検討・実施", None)]
    assert schedule(24) == [("実施", None), ("検討・実施・見直し", "2")]
    assert schedule(21) == [("", None)] * 3


def test_print_styles(sample_report: Report) -> None:
    text = html.render(sample_report).decode()
    assert "@media print" in text
    assert "size: A3 landscape" in text
    assert "display: table-header-group" in text
    assert "break-inside: avoid" in text


def test_standalone_without_scripts_or_fetches(sample_report: Report) -> None:
    text = html.render(sample_report).decode()
    for forbidden in ("<script", "<link", "src=", "@import", "url("):
        assert forbidden not in text


def test_everything_is_escaped() -> None:
    report = build_sample_report()
    first = report.sections[0].groups[0].rows[0]
    hostile = dataclasses.replace(
        first,
        name='<script>alert("x")</script>',
        policy_points=("<b>太字</b> & more",),
        url="javascript:alert(1)",
    )
    group = dataclasses.replace(report.sections[0].groups[0], rows=(hostile,))
    section = dataclasses.replace(report.sections[0], groups=(group,))
    report = dataclasses.replace(
        report, sections=(section,), title="進捗<状況>", meeting="A&B"
    )
    text = html.render(report).decode()
    assert "<script" not in text
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in text
    assert "&lt;b&gt;太字&lt;/b&gt; &amp; more" in text
    assert "<title>進捗&lt;状況&gt;</title>" in text
    assert "A&amp;B" in text
    assert "javascript:" not in text
    (header,) = parse(text.encode()).find_all("th", scope="row")
    assert header.find_all("a") == []  # no link rather than a dangerous one


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        ("/plans/programs/1/", "/plans/programs/1/"),
        ("https://www.city.kodaira.tokyo.jp/", "https://www.city.kodaira.tokyo.jp/"),
        (" JavaScript:alert(1)", ""),
        ("data:text/html,x", ""),
        ("", ""),
    ],
)
def test_safe_url(url: str, safe: str) -> None:
    assert html.safe_url(url) == safe


def test_the_stylesheet_keeps_the_renderers_column_weights() -> None:
    """report.css scales each column by the weights the XLSX and PDF use."""
    import re

    from shinchoku.reports.renderers import _common

    css = html.stylesheet()
    found = dict(re.findall(r"col\.col-(\w+) \{ width: calc\(100% \* ([\d.]+) / ", css))
    assert {k: float(v) for k, v in found.items()} == _common._WEIGHTS
    fixed = sum(w for k, w in _common._WEIGHTS.items() if k != "fy")
    fy = _common._WEIGHTS["fy"]
    assert f"--total: calc({fixed} + {fy} * var(--fys))" in css


def test_served_the_page_links_its_styles(sample_report: Report) -> None:
    text = html.render(sample_report, stylesheet_url="/static/r.css").decode()
    assert '<link rel="stylesheet" href="/static/r.css">' in text
    assert "<style" not in text and 'style="' not in text
