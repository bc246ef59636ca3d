"""Fixtures for the renderer tests: Reports built by hand, no database."""

from __future__ import annotations

import pytest

from shinchoku.reports.model import Report
from tests.reports.report_samples import build_long_report, build_sample_report


@pytest.fixture
def sample_report() -> Report:
    return build_sample_report()


@pytest.fixture
def long_report() -> Report:
    return build_long_report()
