#!/usr/bin/env bash
# Times `chibo import` of a generated 10,000-row student roll and term-results sheet on the demo database
# (SQLite in a temporary folder): the first import (all rows new), the same file again (all unchanged),
# then 10,000 term results. Budget: 10,000 rows in under 10 s, reading and checking included.
# Usage: bench/import-10k.sh [ROWS] [RUNS]      e.g. bench/import-10k.sh 10000 3
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-10000}
runs=${2:-3}
dotnet build src/Chibo -c Release --nologo -v quiet >/dev/null
chibo=src/Chibo/bin/Release/net10.0/chibo.dll
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 bench/make-sheet.py students "$rows" "$work/students.xlsx"
python3 bench/make-sheet.py grades "$rows" "$work/grades.xlsx"
for run in $(seq 1 "$runs"); do
  data="$work/data-$run"
  dotnet "$chibo" seed --demo --data "$data" >/dev/null
  school=$(dotnet "$chibo" org list --data "$data" | grep -m1 'Trường Cao đẳng Y Hà Nội' | sed 's/.*\[\(.*\)\]/\1/')
  for step in "students students.xlsx" "students students.xlsx" "grades grades.xlsx"; do
    set -- $step
    /usr/bin/time -f "run $run, $1 ($2): %e s wall, %U s user, %M KB peak" \
      dotnet "$chibo" import "$1" "$work/$2" --org "$school" --data "$data"
  done
done
