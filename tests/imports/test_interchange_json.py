"""Reading interchange JSON: every wrong field is named."""

import copy
import json

import pytest

from shinchoku.imports.formats import ImportFormatError, interchange_json, seed_table


@pytest.fixture(scope="module")
def doc(seed_bytes):
    return interchange_json.dump(seed_table.parse(seed_bytes, source="seed"))


def load(doc):
    return interchange_json.parse(json.dumps(doc).encode(), source="p.json")


def test_dump_then_load_gives_the_same_plan(doc):
    assert interchange_json.dump(load(doc)) == doc


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
