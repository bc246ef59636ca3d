"""Shared fixtures: the seed file (the package's byte-identical copy of Kodaira
City's committee report) and an imported plan."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return Path(settings.SHINCHOKU_SEED_FILE)


@pytest.fixture(scope="session")
def seed_bytes(seed_path) -> bytes:
    return seed_path.read_bytes()


@pytest.fixture(scope="session")
def seed_text(seed_bytes) -> str:
    return seed_bytes.decode("utf-8")


@pytest.fixture
def seed_plan(db, seed_path):
    """Kodaira's plan imported through the real importer."""
    from shinchoku.imports.services import import_file

    return import_file(seed_path).plan


@pytest.fixture(autouse=True)
def _empty_cache():
    """Every test starts with an empty cache: a rolled-back test leaves the
    public pages' generation token as it found it, so a page cached by one test
    would otherwise be served to the next (portal.cache)."""
    from django.core.cache import cache

    cache.clear()
    yield
