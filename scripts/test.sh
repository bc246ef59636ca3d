#!/usr/bin/env bash
# The README's second command: install, then run the whole test suite against
# SQLite and against PostgreSQL (127.0.0.1:5432, database `test`).
#   scripts/test.sh                 both databases (at once; TEST_SERIAL=1: one by one)
#   scripts/test.sh --db sqlite     one of them (sqlite | postgres)
#   scripts/test.sh -- -k wareki    extra arguments after -- go to pytest
set -euo pipefail
cd "$(dirname "$0")/.."

dbs=(sqlite postgres)
pytest_args=()
while (($#)); do
  case "$1" in
    --db) dbs=("$2"); shift 2 ;;
    --) shift; pytest_args=("$@"); break ;;
    *) pytest_args+=("$1"); shift ;;
  esac
done

[ "${SKIP_SETUP:-0}" = 1 ] || scripts/setup.sh
export DJANGO_ALLOW_ASYNC_UNSAFE=true  # Playwright's sync API beside live_server
PG_URL="${TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/test}"

ensure_postgres() {
  if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
    echo "test: starting PostgreSQL"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start
    for _ in $(seq 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
  fi
}

run_db() {
  local db=$1 url
  case "$db" in
    sqlite) url="" ;;
    postgres) ensure_postgres; url="$PG_URL" ;;
    *) echo "unknown database: $db (sqlite | postgres)" >&2; return 2 ;;
  esac
  echo "=== tests on $db ==="
  DATABASE_URL="$url" SHINCHOKU_DATA_DIR="$(mktemp -d)" \
    .venv/bin/python -m pytest "${pytest_args[@]}"
}

# Both databases at once on a machine with two cores or more (the suite is
# mostly single-threaded): each writes to its own log, printed when it ends.
# TEST_SERIAL=1 runs them one after the other, output as it comes.
status=0
if ((${#dbs[@]} > 1)) && [ "${TEST_SERIAL:-0}" != 1 ] && (($(nproc) > 1)); then
  logs=$(mktemp -d)
  pids=()
  for db in "${dbs[@]}"; do
    echo "test: $db running, log in $logs/$db.log"
    run_db "$db" >"$logs/$db.log" 2>&1 &
    pids+=($!)
  done
  for i in "${!dbs[@]}"; do
    wait "${pids[$i]}" || status=$?
    cat "$logs/${dbs[$i]}.log"
  done
else
  for db in "${dbs[@]}"; do
    run_db "$db" || status=$?
  done
fi
exit "$status"
