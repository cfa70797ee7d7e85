#!/usr/bin/env bash
# Kill -9 in the middle of writes, on two instances sharing one PostgreSQL database (bench/two-instances.sh):
#  1. a 20,000-row Excel import (`chibo import`, the same one-transaction commit as the import page) is killed
#     mid-commit: SQL then finds either none or all of its rows, never a part;
#  2. instance A is killed -9 under a burst of requests: B answers every request meanwhile.
# Prints one line per check and exits non-zero when one fails.
#   bench/kill-during-writes.sh [ROWS]     default 20000
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-20000}
bench/two-instances.sh start "${PORT_A:-5193}" "${PORT_B:-5194}" >/dev/null
trap 'bench/two-instances.sh stop' EXIT
state=${CHIBO_CLUSTER_STATE:-/tmp/chibo-cluster}
# shellcheck disable=SC1091
source "$state/env.sh"
admin=${CHIBO_PG_ADMIN:-"Host=127.0.0.1;Port=5432;Username=chibo_test;Password=chibo_test;Database=postgres"}
sql() {
  PGPASSWORD=$(sed -n 's/.*Password=\([^;]*\).*/\1/p' <<<"$admin") psql -h 127.0.0.1 -p "$(sed -n 's/.*Port=\([^;]*\).*/\1/p' <<<"$admin")" \
    -U "$(sed -n 's/.*Username=\([^;]*\).*/\1/p' <<<"$admin")" -d "${CHIBO_CLUSTER_DB:-chibo_cluster}" -Atqc "$1"
}
failed=0
check() { # check LABEL CONDITION...
  local label=$1; shift
  if "$@"; then echo "ok   $label"; else echo "FAIL $label"; failed=1; fi
}

work=$(mktemp -d)
python3 bench/make-sheet.py students "$rows" "$work/students.xlsx"
school=$(dotnet "$chibo" org list --Database:Provider=Postgres "--ConnectionStrings:Chibo=$conn" | grep -m1 'Trường Cao đẳng Y Hà Nội' | sed 's/.*\[\(.*\)\]/\1/')
sql "DELETE FROM \"People\" WHERE \"StudentCode\" LIKE 'BENCH%'" >/dev/null 2>&1 || true
before=$(sql "SELECT count(*) FROM \"People\"")

# 1. Kill the import once it is writing: its transaction holds a lock on the people table's new rows.
( exec dotnet "$chibo" import students "$work/students.xlsx" --org "$school" --Database:Provider=Postgres "--ConnectionStrings:Chibo=$conn" >/dev/null 2>&1 ) &
import=$!
for _ in $(seq 1 600); do
  [ "$(sql "SELECT count(*) FROM pg_stat_activity WHERE datname = '${CHIBO_CLUSTER_DB:-chibo_cluster}' AND state = 'idle in transaction' OR (state = 'active' AND query ILIKE 'INSERT INTO \"People\"%')")" != 0 ] && break
  sleep 0.1
done
sleep 0.5
kill -9 "$import"
wait "$import" 2>/dev/null || true
sleep 1
written=$(sql "SELECT count(*) FROM \"People\" WHERE \"StudentCode\" LIKE 'BENCH%'")
check "import killed mid-commit left $written of $rows rows (none or all)" test "$written" = 0 -o "$written" = "$rows"
check "no session of the killed import left open" test "$(sql "SELECT count(*) FROM pg_stat_activity WHERE datname = '${CHIBO_CLUSTER_DB:-chibo_cluster}' AND state LIKE 'idle in transaction%'")" = 0
check "people count unchanged but for a whole import" test "$(sql "SELECT count(*) FROM \"People\"")" = "$((before + written))"

# 2. Kill instance A while both serve a burst of page requests.
codes=$(mktemp)
( for n in $(seq 1 200); do curl -s -o /dev/null -m 10 -w '%{http_code}\n' "$base_b/tim-kiem?q=b-$n"; done >"$codes" ) &
burst=$!
sleep 0.3
bench/two-instances.sh kill-a
wait "$burst"
check "B answered all $(wc -l <"$codes") requests while A was killed" test "$(grep -vc '^200$' "$codes")" = 0
check "B ready after A died" curl -fs "$base_b/health/ready" -o /dev/null
rm -rf "$work" "$codes"
exit $failed
