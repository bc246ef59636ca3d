"""Reading interchange JSON: every wrong field is named."""

import copy
import json

import pytest
from django.utils import translation

from shinchoku.document import interchange
from shinchoku.document.errors import ImportFormatError
from shinchoku.imports.formats import interchange_json, seed_table


@pytest.fixture(scope="module")
def doc(seed_bytes):
    return interchange.dump(seed_table.parse(seed_bytes, source="seed"))


def load(doc):
    return interchange_json.parse(json.dumps(doc).encode(), source="p.json")


def test_dump_then_load_gives_the_same_plan(doc):
    assert interchange.dump(load(doc)) == doc


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (("format",), "other/9", "format: expected 'shinchoku/1'"),
        (("plan", "first_fy"), "二千", "plan.first_fy: expected a whole number"),
        (
            ("programs", 3, "years", "2022", "achievements", 0),
            5,
            r"programs\[3\].years.2022.achievements\[0\]: expected a string",
        ),
        (
            ("programs", 0, "direction"),
            9,
            r"programs\[0\].direction: 方向性9 is not in 'directions'",
        ),
        (
            ("programs", 1, "number"),
            1,
            r"programs\[1\].number: program 1 appears twice",
        ),
        (("programs", 0, "kind"), "other", r"programs\[0\].kind: expected one of"),
        (("editions", 0, "date"), "2024/02/02", r"editions\[0\].date: expected a date"),
        (("programs", 0, "name"), "", r"programs\[0\].name: must not be empty"),
    ],
)
def test_wrong_fields_are_named(doc, path, value, message):
    broken = copy.deepcopy(doc)
    target = broken
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    with pytest.raises(ImportFormatError, match=message):
        load(broken)


def test_japanese_kind_labels_are_accepted(doc):
    changed = copy.deepcopy(doc)
    changed["programs"][0]["kind"] = "旧検討プログラム"
    assert load(changed).programs[0].kind == "former_study"


def test_invalid_json_names_the_line():
    with pytest.raises(ImportFormatError, match="line 2: not valid JSON"):
        interchange_json.parse(b'{"format":\n oops}', source="p.json")


def test_a_frozen_edition_snapshot_is_checked_as_a_whole_document(doc):
    broken = copy.deepcopy(doc)
    inner = copy.deepcopy(doc)
    inner["programs"][0]["name"] = 7
    broken["editions"][0]["snapshot"] = inner
    with pytest.raises(
        ImportFormatError, match=r"editions\[0\].snapshot: programs\[0\].name"
    ):
        load(broken)


# Found by tests/imports/test_fuzz_import.py:


@pytest.mark.parametrize("char", ["\u0000", "\u0001", "\u001b", "\ud800", "\uffff"])
def test_a_control_character_is_refused_with_its_field(doc, char):
    """Through common.text.clean_input, as every other input (a U+0001 stored
    from a JSON file broke every XLSX later; NUL cannot be stored)."""
    bad = copy.deepcopy(doc)
    bad["programs"][0]["policy_points"][0] = f"a{char}b"
    with (
        translation.override("en"),
        pytest.raises(
            ImportFormatError,
            match=rf"programs\[0\].policy_points\[0\]: character 2 is a control "
            rf"character \(U\+{ord(char):04X}\)",
        ),
    ):
        load(bad)
    inner = copy.deepcopy(doc)
    inner["plan"]["title"] += char
    bad = copy.deepcopy(doc)
    bad["editions"][0]["snapshot"] = inner
    with (
        translation.override("en"),
        pytest.raises(
            ImportFormatError, match=r"editions\[0\].snapshot: plan.title: character"
        ),
    ):
        load(bad)


def test_html_in_text_is_reduced_to_its_text_as_the_format_says(doc):
    """docs/interchange-format.md: "Text is plain: HTML removed, runs of white
    space collapsed" — the JSON import kept the tags (issue #16)."""
    html = copy.deepcopy(doc)
    html["programs"][0]["name"] = "<b>電子</b>決裁の<script>alert(1)</script>推進"
    html["programs"][0]["policy_points"][0] = "<p>一つ目\n\n  <br>二つ目&amp;</p>"
    inner = copy.deepcopy(doc)
    inner["programs"][0]["name"] = "<i>凍結</i>した名前"
    html["editions"][0]["snapshot"] = inner
    plan = load(html)
    assert plan.programs[0].name == "電子決裁の推進"
    assert plan.programs[0].policy_points[0] == "一つ目 二つ目&"
    plain = copy.deepcopy(doc)
    plain["programs"][0]["policy_points"][0] = "一行目\n  二行目"
    assert load(plain).programs[0].policy_points[0] == "一行目\n  二行目"
    snapshot = plan.editions[0].snapshot
    assert snapshot["programs"][0]["name"] == "凍結した名前"
    assert load(snapshot).programs[0].name == "凍結した名前"
    deep = copy.deepcopy(doc)
    deep["programs"][0]["name"] = "<div>" * 300 + "x"
    with (
        translation.override("en"),
        pytest.raises(
            ImportFormatError, match=r"programs\[0\].name: the HTML is nested more"
        ),
    ):
        load(deep)


def test_an_edition_listed_twice_is_refused(doc):
    bad = copy.deepcopy(doc)
    bad["editions"].append(dict(bad["editions"][0]))
    with pytest.raises(ImportFormatError, match=r"editions\[1\].title: the edition"):
        load(bad)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"format": ' + "1" * 5000 + "}", "p.json: not valid JSON: Exceeds the limit"),
        ("[" * 100_000 + "]" * 100_000, "p.json: not valid JSON: nested too deeply"),
    ],
    ids=["huge-number", "deep-nesting"],
)
def test_json_python_cannot_read_is_refused_as_invalid(text, message):
    with pytest.raises(ImportFormatError, match=message):
        interchange_json.parse(text.encode(), source="p.json")


def test_a_fiscal_year_key_of_unusual_digits_is_refused(doc):
    bad = copy.deepcopy(doc)
    years = bad["programs"][0]["years"]
    years["²"] = years.pop(next(iter(years)))
    with pytest.raises(ImportFormatError, match=r"programs\[0\].years.²: expected"):
        load(bad)


@pytest.mark.parametrize("value", [[], {}, 3])
def test_a_kind_that_is_not_a_string_is_refused(doc, value):
    bad = copy.deepcopy(doc)
    bad["programs"][3]["kind"] = value
    with pytest.raises(ImportFormatError, match=r"programs\[3\].kind: expected one of"):
        load(bad)


@pytest.mark.parametrize("field", ["status", "direction"])
def test_an_indicator_field_of_the_wrong_type_is_refused(doc, field):
    """Found by the fuzzer: a list as a KPI status crashed the reader."""
    bad = copy.deepcopy(doc)
    kpi = next(k for p in bad["programs"] for k in p.get("kpis", []))
    kpi[field] = ["confirmed"]
    with pytest.raises(ImportFormatError, match=rf"kpis\[0\].{field}: expected"):
        load(bad)


def test_an_outline_keeps_what_lists_programs_and_reads_as_a_plan(doc):
    outline = interchange.outline(doc)
    assert {
        k: v for k, v in outline.items() if k not in {"programs", "indicator_count"}
    } == {k: v for k, v in doc.items() if k != "programs"}
    assert outline["indicator_count"] == sum(
        len(p.get("kpis", [])) for p in doc["programs"]
    )
    assert [set(p) for p in outline["programs"]] == [
        set(interchange.OUTLINE_PROGRAM_KEYS)
    ] * len(doc["programs"])
    head = interchange.load(outline)
    full = interchange.load(doc)
    assert [(p.number, p.name, p.kind, p.direction) for p in head.programs] == [
        (p.number, p.name, p.kind, p.direction) for p in full.programs
    ]
    assert all(not p.years and not p.policy_points for p in head.programs)
    assert len(json.dumps(outline)) < len(json.dumps(doc)) / 10


def test_one_program_reads_as_in_its_document(doc):
    full = interchange.load(doc)
    program = interchange.load_program(doc["programs"][3], directions=full.directions)
    assert program == full.programs[3]
    broken = dict(doc["programs"][3], name=5)
    with pytest.raises(ImportFormatError, match="program.name: expected a string"):
        interchange.load_program(broken, directions=full.directions)


def test_an_indicator_named_twice_in_a_program_is_refused(doc):
    doc = copy.deepcopy(doc)
    program = next(p for p in doc["programs"] if p.get("kpis"))
    program["kpis"].append(dict(program["kpis"][0]))
    with pytest.raises(ImportFormatError, match=r"kpis\[\d+\].name: the indicator"):
        load(doc)
