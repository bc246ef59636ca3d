"""The words each indicator came from, on every dev statement: what the paste
page highlights. The normalised text keeps, character by character, where it
came from; the name's span holds its words, the target's span its number."""

from __future__ import annotations

import itertools
import re
import unicodedata

import pytest

from shinchoku.plans import kpi_text
from shinchoku.plans.kpi_statements import extract_statement
from shinchoku.plans.kpi_statements.canonical import canonical
from tests.plans.kpi_corpus import DEV, load

_NUMBER_RE = re.compile(r"[\d０-９〇一二三四五六七八九十百千万ゼロ半]")


@pytest.fixture(scope="module")
def statements() -> list[str]:
    return [row["text"] for row in load(DEV)]


def test_the_normalised_text_maps_forward_to_the_text_as_written(
    statements: list[str],
) -> None:
    for text in statements:
        mapped = canonical(kpi_text.normalize(text))
        assert len(mapped.origin) == len(mapped.text) + 1, text
        assert mapped.origin[-1] == len(text), text
        assert all(a <= b for a, b in itertools.pairwise(mapped.origin)), text


def test_every_indicator_highlights_its_name_and_its_target(
    statements: list[str],
) -> None:
    read = 0
    for text in statements:
        for found in extract_statement(text):
            read += 1
            start, end = found.spans["name"]
            words = unicodedata.normalize("NFKC", text[start:end])
            assert end > start and set(found.name) & set(words), (found.name, text)
            if "target" in found.spans:
                assert _NUMBER_RE.search(text[slice(*found.spans["target"])]), text
    assert read > 500
