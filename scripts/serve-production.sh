#!/usr/bin/env bash
# Run Shinchoku under gunicorn with the production settings (the systemd unit in
# docs/deployment.md runs this). Configuration comes from the environment:
#   SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL (required; see docs/deployment.md)
#   BIND (default 127.0.0.1:8000), WEB_CONCURRENCY (workers, default 2 × cores)
#   SHINCHOKU_PREPARE=1  first migrate, createcachetable and collectstatic
#                        (run it on one server per release, not on every server)
set -euo pipefail
cd "$(dirname "$0")/.."

export DJANGO_SETTINGS_MODULE="${DJANGO_SETTINGS_MODULE:-shinchoku.config.settings.production}"
PYTHON="${PYTHON:-.venv/bin/python}"
BIND="${BIND:-127.0.0.1:8000}"
WORKERS="${WEB_CONCURRENCY:-$((2 * $(nproc)))}"

if [ "${SHINCHOKU_PREPARE:-0}" = 1 ]; then
  "$PYTHON" -m shinchoku.cli migrate --noinput
  "$PYTHON" -m shinchoku.cli createcachetable
  "$PYTHON" -m shinchoku.cli collectstatic --noinput
fi

exec "$PYTHON" -m gunicorn shinchoku.config.wsgi:application \
  --bind "$BIND" --workers "$WORKERS" --graceful-timeout 30 \
  --forwarded-allow-ips "${FORWARDED_ALLOW_IPS:-127.0.0.1}"
