"""Bad input, fuzzed: the seed table mutated at random (lines dropped, duplicated,
swapped or cut at a tab; stray Unicode and control characters; other encodings;
random bytes), and its interchange JSON with random values put anywhere, are
either imported or refused with an ImportFormatError that names the file (and a
line within the file, when it names one) — never any other exception — and a
refused file leaves every row of every plan table as it was.

FUZZ_EXAMPLES=2000 runs a longer search (the default keeps the suite fast)."""

from __future__ import annotations

import copy
import json
import os
import tempfile
from pathlib import Path

import pytest
from django.apps import apps
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shinchoku.document import interchange
from shinchoku.document.errors import ImportFormatError
from shinchoku.imports.formats import seed_table
from shinchoku.imports.services import import_file

FILENAME = "委員会資料.txt"
JSON_FILENAME = "計画.json"
FUZZ = settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "50")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Characters that turn up in pasted text, plus anything at all.
NASTY = st.sampled_from(
    [
        "\t",
        "\r",
        "\x0b",
        "\x0c",
        "\x1c",
        "\x85",
        "\u2028",
        "\u2029",
        "\ufeff",
        "\u200b",
        "\u3000",
        "・",
        "①",
        "⑳",
        "㉑",
        "No.",
        "方向性",
        "◆",
        "<b>",
        "&amp;",
        "令和",
        "R",
        "年度",
        "\x00",
        "\x7f",
        "\U0001f600",
        "\ud7ff",
    ]
)
ANY_TEXT = st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=8)


def plan_rows() -> dict[str, list[dict]]:
    """Every row of every plan table, history tables included."""
    return {
        model._meta.db_table: list(model._base_manager.order_by("pk").values())
        for model in apps.get_app_config("plans").get_models()
    }


@st.composite
def line_mutation(draw, lines: list[str]):
    kind = draw(st.sampled_from(["drop", "duplicate", "swap", "cut", "insert"]))
    i = draw(st.integers(0, len(lines) - 1))
    if kind == "drop":
        return lines[:i] + lines[i + 1 :]
    if kind == "duplicate":
        return lines[: i + 1] + lines[i:]
    if kind == "swap":
        j = draw(st.integers(0, len(lines) - 1))
        swapped = list(lines)
        swapped[i], swapped[j] = swapped[j], swapped[i]
        return swapped
    line = lines[i]
    if kind == "cut":
        tabs = [n for n, c in enumerate(line) if c == "\t"]
        if not tabs:
            return lines
        at = draw(st.sampled_from(tabs))
        return lines[:i] + [line[:at]] + lines[i + 1 :]
    at = draw(st.integers(0, len(line)))
    stray = draw(st.one_of(NASTY, ANY_TEXT))
    return lines[:i] + [line[:at] + stray + line[at:]] + lines[i + 1 :]


@st.composite
def encoded(draw, text: str) -> bytes:
    encoding = draw(
        st.sampled_from(["utf-8", "utf-8", "utf-8-sig", "cp932", "euc-jp", "utf-16"])
    )
    if draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    return text.encode(encoding, errors="replace")


@st.composite
def byte_mutation(draw, data: bytes) -> bytes:
    at = draw(st.integers(0, len(data)))
    junk = draw(st.binary(min_size=1, max_size=16))
    if draw(st.booleans()):  # overwrite
        return data[:at] + junk + data[at + len(junk) :]
    return data[:at] + junk + data[at:]


@st.composite
def mutated_seed(draw, seed_text: str) -> bytes:
    lines = seed_text.split("\n")
    for _ in range(draw(st.integers(0, 4))):
        lines = draw(line_mutation(lines)) or [""]
    data = draw(encoded("\n".join(lines)))
    for _ in range(draw(st.sampled_from([0, 0, 0, 1, 2]))):
        data = draw(byte_mutation(data))
    return data


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(max_size=10)
    | NASTY
    | st.text(st.sampled_from("xあ"), min_size=190, max_size=260),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=6,
)


def _paths(value, path=()):
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*path, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _paths(item, (*path, i))


@st.composite
def mutated_json(draw, doc: dict) -> bytes:
    doc = copy.deepcopy(doc)
    for _ in range(draw(st.integers(1, 3))):
        paths = [p for p in _paths(doc) if p]
        path = draw(st.sampled_from(paths))
        parent = doc
        for key in path[:-1]:
            parent = parent[key]
        key = path[-1]
        action = draw(st.sampled_from(["replace", "replace", "delete", "duplicate"]))
        if action == "replace":
            parent[key] = draw(JSON_VALUES)
        elif action == "delete":
            del parent[key]
        elif isinstance(parent, list):
            parent.insert(key, copy.deepcopy(parent[key]))
        else:
            parent[draw(st.text(max_size=6))] = copy.deepcopy(parent[key])
    data = json.dumps(doc, ensure_ascii=draw(st.booleans())).encode()
    if draw(st.integers(0, 4)) == 0:
        data = draw(byte_mutation(data))
    return data


def check_import(data: bytes, filename: str = FILENAME) -> None:
    """Import `data` as a file: either it imports, or it is refused cleanly."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / filename
        path.write_bytes(data)
        before = plan_rows()
        try:
            import_file(path)
        except ImportFormatError as exc:
            message = str(exc)
            assert exc.source == filename and message.startswith(filename), message
            if exc.line is not None:
                assert f"line {exc.line}" in message
                assert 1 <= exc.line <= data.count(b"\n") + 1, message
            assert plan_rows() == before, "a refused file changed the database"


@pytest.mark.django_db
@FUZZ
@given(data=st.data(), start_with_seed=st.booleans())
def test_a_mutated_seed_imports_or_is_refused_cleanly(
    seed_text, seed_path, data, start_with_seed
):
    mutated = data.draw(mutated_seed(seed_text), label="file")
    # Each example starts from the same state: rolled back at its end.
    with transaction.atomic():
        if start_with_seed:
            import_file(seed_path)  # the mutated file then updates a plan
        check_import(mutated)
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def seed_doc(seed_bytes) -> dict:
    return interchange.dump(seed_table.parse(seed_bytes, source="seed"))


@pytest.mark.django_db
@FUZZ
@given(data=st.data(), start_with_seed=st.booleans())
def test_a_mutated_interchange_file_imports_or_is_refused_cleanly(
    seed_doc, seed_path, data, start_with_seed
):
    mutated = data.draw(mutated_json(seed_doc), label="file")
    with transaction.atomic():
        if start_with_seed:
            import_file(seed_path)
        check_import(mutated, JSON_FILENAME)
        transaction.set_rollback(True)
