"""Tables fuzzed: a layout's CSV with cells replaced, rows dropped, duplicated
or cut short, and random bytes, read with its saved mapping. Each is read or
refused with a TableError naming the file — never any other exception.

FUZZ_EXAMPLES=2000 runs a longer search (the default keeps the suite fast)."""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shinchoku.imports.tabular import Mapping, TableError, read_table, to_document

DATA = Path(__file__).resolve().parents[2] / "data" / "tables"
FUZZ = settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
ROWS = list(
    csv.reader(
        io.StringIO(
            (DATA / "umibe_miyakojima_style.csv").read_bytes().decode("cp932"),
            newline="",
        )
    )
)
MAPPING = Mapping.from_json(
    (DATA / "umibe_miyakojima_style.mapping.json").read_text(encoding="utf-8")
)
CELL = st.one_of(
    st.sampled_from(
        [
            "",
            "１２",
            "①",
            "0",
            "-3",
            "令和元年度",
            "R5",
            "・",
            "\n",
            "No.",
            "方向性2 x",
            "◆◇実施◇◆",
            "※",
            "9" * 12,
        ]
    ),
    st.text(max_size=12),
)


def to_bytes(rows: list[list[str]]) -> bytes:
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    return out.getvalue().encode("utf-8")


def read(data: bytes) -> None:
    try:
        to_document(read_table(data, "fuzz.csv"), MAPPING)
    except TableError as exc:
        assert str(exc).startswith("fuzz.csv"), str(exc)


@FUZZ
@given(
    edits=st.lists(
        st.tuples(st.integers(0, len(ROWS) - 1), st.integers(0, 7), CELL), max_size=6
    ),
    drop=st.lists(st.integers(0, len(ROWS) - 1), max_size=3),
    cut=st.one_of(
        st.none(), st.tuples(st.integers(0, len(ROWS) - 1), st.integers(0, 7))
    ),
)
def test_a_mutated_table_is_read_or_refused_with_its_place(edits, drop, cut):
    rows = [list(r) for r in ROWS]
    for r, c, text in edits:
        if c < len(rows[r]):
            rows[r][c] = text
    if cut is not None:
        rows[cut[0]] = rows[cut[0]][: cut[1]]
    rows = [r for i, r in enumerate(rows) if i not in set(drop)]
    read(to_bytes(rows))


@FUZZ
@given(st.binary(max_size=400))
def test_random_bytes_are_refused_with_the_file(data):
    read(data)
