#!/usr/bin/env bash
# The inspection list and the reminder job on a large demo: server time of /kiem-tra for the district's
# organisation department (every open case of the district judged by the rule engine), its Excel export,
# and the wall time of one `chibo remind` run.
# Usage: bench/inspection.sh [STUDENTS] [RUNS]   (default 425000 students ≈ 20,000 cases, 10 timed requests)
# On a loaded machine seeding 425,000 students takes too long: `bench/inspection.sh 1500 7` with
# CHIBO_BENCH_MULTIPLY=290 copies each demo case (with its steps) 290 times instead: ≈ 20,600 cases.
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
if [ -n "${CHIBO_BENCH_MULTIPLY:-}" ]; then
  python3 - "$data/chibo.db" "$CHIBO_BENCH_MULTIPLY" <<'PY'
import sqlite3, sys, uuid
db = sqlite3.connect(sys.argv[1])
ccols = [r[1] for r in db.execute("pragma table_info(Cases)")]
scols = [r[1] for r in db.execute("pragma table_info(CaseSteps)")]
cases = db.execute(f"select {','.join(ccols)} from Cases").fetchall()
steps = {}
for s in db.execute(f"select {','.join(scols)} from CaseSteps"):
    steps.setdefault(s[scols.index('CaseId')], []).append(s)
new_cases, new_steps = [], []
for _ in range(int(sys.argv[2])):
    for c in cases:
        new_id = str(uuid.uuid4()).upper()
        new_cases.append([new_id if i == ccols.index('Id') else v for i, v in enumerate(c)])
        for s in steps.get(c[ccols.index('Id')], []):
            row = list(s)
            row[scols.index('Id')], row[scols.index('CaseId')] = str(uuid.uuid4()).upper(), new_id
            new_steps.append(row)
db.executemany(f"insert into Cases ({','.join(ccols)}) values ({','.join('?' * len(ccols))})", new_cases)
db.executemany(f"insert into CaseSteps ({','.join(scols)}) values ({','.join('?' * len(scols))})", new_steps)
db.commit()
PY
fi
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
