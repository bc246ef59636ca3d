#!/usr/bin/env bash
# The static checks .ci/run makes before the tests (docs/architecture.md):
# ruff's lint and format, the layers' contract (.importlinter) and the types
# of the public services and selectors (mypy with django-stubs, pyproject.toml).
set -euo pipefail
cd "$(dirname "$0")/.."
export PYTHONPATH="$PWD/src${PYTHONPATH:+:$PYTHONPATH}"
export SHINCHOKU_DATA_DIR="${SHINCHOKU_DATA_DIR:-$(mktemp -d)}"
BIN="${VENV:-.venv}/bin"
echo "=== ruff check ===" && "$BIN/ruff" check src tests bench scripts
echo "=== ruff format --check ===" && "$BIN/ruff" format --check src tests bench scripts
echo "=== lint-imports ===" && "$BIN/lint-imports"
echo "=== mypy ===" && "$BIN/mypy"
