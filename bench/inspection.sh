#!/usr/bin/env bash
# The inspection list and the reminder job on a large demo: server time of /kiem-tra for the district's
# organisation department (every open case of the district judged by the rule engine), its Excel export,
# and the wall time of one `chibo remind` run.
# Usage: bench/inspection.sh [STUDENTS] [RUNS]   (default 425000 students ≈ 20,000 cases, 10 timed requests)
set -euo pipefail
cd "$(dirname "$0")/.."
students=${1:-425000}
runs=${2:-10}
port=${CHIBO_BENCH_PORT:-5099}
base="http://127.0.0.1:$port"
source bench/http-lib.sh
chibo_build
data=$(mktemp -d)
dotnet "$chibo" seed --demo --students "$students" --data "$data" >/dev/null
sqlite3 "$data/chibo.db" "select count(*) || ' cases, ' || sum(ClosedOn is null) || ' open' from Cases; select count(*) || ' steps' from CaseSteps;"
/usr/bin/time -f "chibo remind (first run, 05/3/2024 already done by the seed): %e s wall, %M KB peak" \
  dotnet "$chibo" remind --today 2024-06-20 --data "$data"
/usr/bin/time -f "chibo remind (second run, nothing new): %e s wall, %M KB peak" \
  dotnet "$chibo" remind --today 2024-06-20 --data "$data"
chibo_serve --demo --data "$data"
table_head
measure bantochuc "inspection list, whole district" "/kiem-tra"
measure bantochuc "inspection list, one rule" "/kiem-tra?quy-tac=HELPER-MISSING"
measure bantochuc "inspection list as Excel" "/kiem-tra?handler=Excel"
measure bithu "inspection list, one cell (secretary)" "/kiem-tra"
measure bithu "notifications" "/thong-bao"
rm -rf "$data"
