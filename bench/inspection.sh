#!/usr/bin/env bash
# The inspection list and the reminder job on a large demo: server time of /kiem-tra for the district's
# organisation department (stored appraisals of every open case of the district, one page of 100), its Excel
# export, and the wall time of `chibo remind` (which appraises every open case again and stores the result).
# Usage: bench/inspection.sh [STUDENTS] [RUNS]   (default 100000 students ≈ 20,000 cases, 10 timed requests)
# CHIBO_BENCH_SEEDED=FOLDER starts from a copy of a seeded SQLite folder instead of seeding.
set -euo pipefail
cd "$(dirname "$0")/.."
students=${1:-100000}
runs=${2:-10}
port=${CHIBO_BENCH_PORT:-5099}
base="http://127.0.0.1:$port"
source bench/http-lib.sh
chibo_build
data=$(mktemp -d)
if [ -n "${CHIBO_BENCH_SEEDED:-}" ]; then
  # A copy of a folder already seeded (e.g. bench/dashboard.sh's), to save seeding again.
  cp -r "$CHIBO_BENCH_SEEDED/." "$data/"
else
  dotnet "$chibo" seed --demo --students "$students" --data "$data" >/dev/null
fi
sqlite3 "$data/chibo.db" "select count(*) || ' cases, ' || sum(ClosedOn is null) || ' open' from Cases; select count(*) || ' steps' from CaseSteps;"
/usr/bin/time -f "chibo remind (first run, 05/3/2024 already done by the seed): %e s wall, %M KB peak" \
  dotnet "$chibo" remind --today 2024-06-20 --data "$data"
/usr/bin/time -f "chibo remind (second run, nothing new): %e s wall, %M KB peak" \
  dotnet "$chibo" remind --today 2024-06-20 --data "$data"
# Served on the real date (not --demo, which lives on 05/3/2024 when the seeded cases have almost no findings):
# deadlines have long passed, so most open cases have findings, as in an installation that needs inspecting.
chibo_serve --data "$data"
# The appraisals were stored for 20/6/2024: the first read appraises every open case again, for today.
printf 'first read after the date changed (every appraisal stale): %.0f ms\n' \
  "$(bc -l <<<"$(curl -s -o /dev/null -w '%{time_total}' -b "$(sign_in bantochuc)" "$base/kiem-tra")*1000")"
table_head
measure bantochuc "inspection list, whole district" "/kiem-tra"
measure bantochuc "inspection list, page 50" "/kiem-tra?trang=50"
measure bantochuc "inspection list, one rule" "/kiem-tra?quy-tac=HELPER-MISSING"
measure bantochuc "inspection list as Excel" "/kiem-tra?handler=Excel"
measure bithu "inspection list, one cell (secretary)" "/kiem-tra"
measure bithu "notifications" "/thong-bao"
rm -rf "$data"
