"""The API tests' people, round, indicator and tokens, for the tests of every
input channel."""

from tests.api.conftest import bearer, indicator, people, round_  # noqa: F401
