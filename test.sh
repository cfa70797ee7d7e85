#!/usr/bin/env bash
# One command runs every test: installs what the tests need when missing, starts PostgreSQL,
# runs all test projects on SQLite and PostgreSQL, and ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"
root=$(pwd)
results="$root/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

# --- what the tests need -------------------------------------------------------------------
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
apt_updated=""
need_package() { # need_package COMMAND PACKAGE...
  command -v "$1" >/dev/null 2>&1 && return 0
  shift
  [ -n "$apt_updated" ] || { as_root apt-get update -qq; apt_updated=1; }
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}
need_package pg_ctlcluster postgresql
need_package sqlite3 sqlite3
need_package chromium chromium
# Vietnamese strings inside Chromium itself (date fields read dd/mm/yyyy).
dpkg -s chromium-l10n >/dev/null 2>&1 || need_package no-such-command-l10n chromium-l10n
need_package pdftotext poppler-utils
dpkg -s fonts-liberation2 >/dev/null 2>&1 || need_package no-such-command-fonts fonts-liberation2

# --- PostgreSQL on loopback, a role for the tests ----------------------------------------------
cluster=$(pg_lsclusters --no-header | awk 'NR==1 {print $1" "$2}')
if [ -z "$cluster" ]; then
  version=$(ls /usr/lib/postgresql | sort -n | tail -n 1)
  as_root pg_createcluster "$version" main >/dev/null
  cluster="$version main"
fi
as_root pg_ctlcluster $cluster start 2>/dev/null || true
port=$(pg_lsclusters --no-header | awk 'NR==1 {print $3}')
for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p "$port" && break; sleep 1; done
pg_isready -q -h 127.0.0.1 -p "$port" || { echo "PostgreSQL did not start"; echo "0 passed, 1 failed"; exit 1; }
as_root runuser -u postgres -- psql -q -p "$port" -v ON_ERROR_STOP=1 <<'SQL' >/dev/null
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'chibo_test') THEN
    CREATE ROLE chibo_test LOGIN PASSWORD 'chibo_test' CREATEDB;
  END IF;
END $$;
-- DROP DATABASE ... WITH (FORCE) ends the sessions still open on a test database, autovacuum's among them;
-- ending a session of another role needs this.
GRANT pg_signal_backend TO chibo_test;
SQL
export CHIBO_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=chibo_test;Password=chibo_test;Database=postgres"

# --- a streaming replica of it on loopback, for the read-replica tests -------------------------
# Cluster "replica" on port 5433, copied from the primary with pg_basebackup and kept in step by streaming
# replication. Made once and reused; remade when it no longer follows the primary (e.g. the primary's WAL
# moved on while it was stopped). When it cannot be made, the replica tests are skipped and say why.
replica_port=5433
replica_ready() {
  pg_isready -q -h 127.0.0.1 -p "$replica_port" &&
    [ "$(as_root runuser -u postgres -- psql -p "$replica_port" -tAc 'SELECT pg_is_in_recovery()' 2>/dev/null)" = t ] &&
    [ "$(as_root runuser -u postgres -- psql -p "$port" -tAc "SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'" 2>/dev/null)" -gt 0 ]
}
start_replica() {
  version=${cluster%% *}
  if pg_lsclusters --no-header | awk '{print $2}' | grep -qx replica; then
    as_root pg_ctlcluster "$version" replica start 2>/dev/null || true
    for _ in $(seq 1 20); do replica_ready && return 0; sleep 1; done
    echo "replica: not following the primary, making it again"
    as_root pg_dropcluster --stop "$version" replica >/dev/null 2>&1
  fi
  as_root pg_createcluster "$version" replica -p "$replica_port" >/dev/null || return 1
  dir=$(pg_lsclusters --no-header | awk '$2 == "replica" {print $6}')
  as_root find "$dir" -mindepth 1 -delete
  # As the postgres user over the socket: peer authentication, no replication password to keep.
  as_root runuser -u postgres -- pg_basebackup -p "$port" -D "$dir" -R -X stream -c fast >/dev/null || return 1
  as_root pg_ctlcluster "$version" replica start || return 1
  for _ in $(seq 1 30); do replica_ready && return 0; sleep 1; done
  return 1
}
unset CHIBO_TEST_POSTGRES_REPLICA
if start_replica; then
  # The replica tests pause and resume its replay to see which side a page read.
  as_root runuser -u postgres -- psql -q -p "$port" -v ON_ERROR_STOP=1 >/dev/null <<'SQL'
GRANT EXECUTE ON FUNCTION pg_wal_replay_pause() TO chibo_test;
GRANT EXECUTE ON FUNCTION pg_wal_replay_resume() TO chibo_test;
SQL
  for _ in $(seq 1 30); do
    [ "$(as_root runuser -u postgres -- psql -p "$replica_port" -tAc "SELECT has_function_privilege('chibo_test', 'pg_wal_replay_resume()', 'execute')")" = t ] && break
    sleep 1
  done
  export CHIBO_TEST_POSTGRES_REPLICA="Host=127.0.0.1;Port=$replica_port;Username=chibo_test;Password=chibo_test;Database=postgres"
else
  echo "replica: could not start a streaming replica on port $replica_port; the read-replica tests are skipped"
fi

# --- build and run every test project ----------------------------------------------------------
dotnet tool restore >/dev/null
dotnet build Chibo.slnx -c Release --nologo -v quiet || { echo "0 passed, 1 failed"; exit 1; }

status=0
for project in tests/*/*.csproj; do
  name=$(basename "$project" .csproj)
  dotnet test "$project" -c Release --no-build --nologo \
    --logger "trx;LogFileName=$name.trx" --results-directory "$results" || status=1
done

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  n=$(sed -n 's/.* notExecuted="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${n:-0}))
done
if [ "$passed" -eq 0 ]; then status=1; failed=$((failed + 1)); echo "no test ran"; fi
[ "$failed" -gt 0 ] && status=1
echo "$passed passed, $failed failed, $skipped skipped"
exit $status
