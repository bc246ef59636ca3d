#!/usr/bin/env bash
# The README's first command: install, load Kodaira City's plan into SQLite and
# serve it on http://127.0.0.1:8000 (extra arguments go to `shinchoku demo`).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
exec .venv/bin/shinchoku demo "$@"
