#!/usr/bin/env bash
# Restarts PostgreSQL under load on two chibo instances and reports what the clients saw: how many requests
# failed, with which status, how fast a failure came back, and how long until every request succeeded again.
# It uses a PostgreSQL cluster of its own (15/fault on port 5439, created on first use; run as root), so the
# shared server of the test suite is never restarted.
#   bench/pg-restart.sh [SECONDS_OF_LOAD]      default 30; the restart happens after a third of it
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
port=5439
if ! pg_lsclusters | grep -q "^15 *fault "; then
  pg_createcluster 15 fault -p "$port" --start >/dev/null
  runuser -u postgres -- psql -p "$port" -qc "CREATE ROLE chibo_test LOGIN PASSWORD 'chibo_test' CREATEDB"
fi
pg_ctlcluster 15 fault start 2>/dev/null || true
export CHIBO_PG_ADMIN="Host=127.0.0.1;Port=$port;Username=chibo_test;Password=chibo_test;Database=postgres"
export CHIBO_CLUSTER_DB=chibo_fault CHIBO_CLUSTER_STUDENTS=0 CHIBO_CLUSTER_STATE=/tmp/chibo-fault
bench/two-instances.sh start "${PORT_A:-5193}" "${PORT_B:-5194}" >/dev/null
trap 'bench/two-instances.sh stop' EXIT
# shellcheck disable=SC1091
source /tmp/chibo-fault/env.sh
log=$(mktemp)

# Two clients, one per instance, each asking for a search the cache has never seen (so it reads the database).
load() { # load BASE TAG
  local end=$((SECONDS + seconds)) n=0
  while [ $SECONDS -lt $end ]; do
    n=$((n + 1))
    printf '%s %s %s\n' "$(date +%s.%N)" "$2" "$(curl -s -o /dev/null -m 30 -w '%{http_code} %{time_total}' "$1/tim-kiem?q=tai-$2-$n")" >>"$log"
  done
}
load "$base_a" a & la=$!
load "$base_b" b & lb=$!
sleep $((seconds / 3))
restart_at=$(date +%s.%N)
pg_ctlcluster 15 fault restart
restarted_at=$(date +%s.%N)
wait $la $lb

awk -v r0="$restart_at" -v r1="$restarted_at" '
  { total++; code[$3]++; if ($3 != 200) { bad++; if ($4 > slow) slow = $4; last_bad = $1 } }
  END {
    printf "requests: %d, failed: %d", total, bad
    for (c in code) printf ", HTTP %s: %d", c, code[c]
    printf "\nPostgreSQL restart took %.1f s", r1 - r0
    if (bad > 0) printf "; slowest failed request %.2f s; last failure %.1f s after the restart began", slow, last_bad - r0
    printf "\n"
  }' "$log"
rm -f "$log"
