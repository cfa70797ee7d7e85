#!/usr/bin/env bash
# Issue 10's query budgets on a national-size PostgreSQL database: the people search (< 100 ms), a cell's
# board (< 100 ms) and the national dashboard (< 2 s), timed through HTTP; then each request once more with
# auto_explain on (EXPLAIN ANALYZE, BUFFERS of every statement the app runs for it), the plans saved to
# artifacts/bench/explain/LABEL.txt. auto_explain is set on the database through the postgres superuser
# (run as root on the PostgreSQL machine) and reset afterwards. The database gets deploy.md's planner settings for SSD
# first (bench/pg-planner-settings.sh).
# Usage: CHIBO_BENCH_POSTGRES="Host=127.0.0.1;Username=chibo_test;Password=chibo_test;Database=postgres" \
#          bench/national-queries.sh DATABASE [RUNS]
#   DATABASE  a seeded database, e.g. chibo_seed_2000000 from `KEEP=1 bench/seed-curve.sh 2000000`
#   RUNS      timed requests per address (default 20), after 3 untimed ones
# CHIBO_BENCH_PORT (default 5195); CHIBO_BENCH_DLL runs an already built chibo.dll; PLANS_ONLY=1 skips the timings.
set -euo pipefail
cd "$(dirname "$0")/.."
database=${1:?name a seeded database}
runs=${2:-20}
port=${CHIBO_BENCH_PORT:-5195}
base="http://127.0.0.1:$port"
admin=${CHIBO_BENCH_POSTGRES:?set CHIBO_BENCH_POSTGRES}
source bench/http-lib.sh
if [ -n "${CHIBO_BENCH_DLL:-}" ]; then chibo=$CHIBO_BENCH_DLL; else chibo_build; fi
settings=(--Database:Provider=Postgres "--ConnectionStrings:Chibo=${admin%;};Database=$database" --Chibo:Reminders:Enabled=false --data "$(mktemp -d)")
superuser() { runuser -u postgres -- psql -q -d "$database" -v ON_ERROR_STOP=1 "$@"; }
log=$(ls -t /var/log/postgresql/postgresql-*-main.log | head -n 1)

bench/pg-planner-settings.sh "$database"
chibo_serve "${settings[@]}"
admin_jar=$(sign_in admin); bithu_jar=$(sign_in bithu)
root=$(curl -s -b "$admin_jar" "$base/tong-quan" | grep -o '<option value="[0-9a-f-]\{36\}"' | sed -n 1p | grep -o '[0-9a-f-]\{36\}')
cell=$(curl -s -b "$bithu_jar" "$base/bang" | grep -o 'cam-tinh?org=[^"]*"' | sed -n 1p | sed 's/cam-tinh?org=//; s/"//')
addresses=(
  "admin|search-rare|search 'nguyen trinh yen vi' (1 match)|/nhan-su?q=nguyen+trinh+yen+vi"
  "admin|search-common|search 'nguyen' (a third of all names)|/nhan-su?q=nguyen"
  "admin|search-pair|search 'nguyen thi' (common pair)|/nhan-su?q=nguyen+thi"
  "admin|search-prefix|search 'ng' (begins six common name words)|/nhan-su?q=ng"
  "admin|search-late-pair|search 'tran van' (common pair, late in name order)|/nhan-su?q=tran+van"
  "admin|search-late-triple|search 'le thi h' (common pair and an initial)|/nhan-su?q=le+thi+h"
  "admin|search-apart|search 'nguyen an' (surname and given name, apart)|/nhan-su?q=nguyen+an"
  "admin|search-code|search student code prefix 'CYH23N'|/nhan-su?q=CYH23N"
  "admin|people-list|people list, first page, no search|/nhan-su"
  "bantochuc|district-search|a district's search 'nguyen' (61,766 people in scope)|/nhan-su?q=nguyen"
  "bantochuc|district-list|a district's people list, first page|/nhan-su"
  "bithu|board-cell|board of the story cell|/bang"
  "bithu|board-cell-org|board of the story cell, chosen by id|/bang?org=$cell"
  "admin|dashboard-root|dashboard of the root (whole country), 2024|/tong-quan?org=$root&nam=2024"
  "admin|figures-root|figures API of the root, 2024|/api/v1/organisations/$root/figures?year=2024"
)
if [ "${PLANS_ONLY:-}" != 1 ]; then
  echo "database $database; load average $(cut -d' ' -f1-3 /proc/loadavg)"
  table_head
  for entry in "${addresses[@]}"; do
    IFS='|' read -r user _ label path <<<"$entry"
    measure "$user" "$label" "$path"
  done
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
fi
kill "$server"; wait "$server" 2>/dev/null || true

out=artifacts/bench/explain; mkdir -p "$out"
superuser -c "ALTER DATABASE $database SET session_preload_libraries = 'auto_explain'" \
  -c "ALTER DATABASE $database SET auto_explain.log_min_duration = 0" -c "ALTER DATABASE $database SET auto_explain.log_analyze = on" \
  -c "ALTER DATABASE $database SET auto_explain.log_buffers = on"
trap 'for s in session_preload_libraries auto_explain.log_min_duration auto_explain.log_analyze auto_explain.log_buffers; do
        superuser -c "ALTER DATABASE $database RESET $s" || true; done; kill $server 2>/dev/null || true' EXIT
chibo_serve "${settings[@]}"
for entry in "${addresses[@]}"; do
  IFS='|' read -r user name label path <<<"$entry"
  jar=$(sign_in "$user")
  curl -s -o /dev/null -b "$jar" "$base$path"    # the first request of a kind warms caches
  offset=$(stat -c %s "$log")
  curl -s -o /dev/null -b "$jar" "$base$path"
  sleep 1
  # The plans this database logged since the request began: each a "plan:" line and its continuation lines.
  { echo "# $label — GET $path"; tail -c +$((offset + 1)) "$log" | awk -v db="@$database " '
      /^20[0-9][0-9]-/ { keep = index($0, db) > 0 && index($0, "plan:") > 0 }
      keep' ; } >"$out/$name.txt"
  echo "$out/$name.txt: $(grep -c 'plan:' "$out/$name.txt") statements"
done
