#!/usr/bin/env bash
# Times `chibo seed --demo --students N` on a fresh SQLite database (or PostgreSQL when
# CHIBO_BENCH_POSTGRES holds a connection string to a server where the role may create databases).
# Usage: bench/seed.sh [STUDENTS] [RUNS]      e.g. bench/seed.sh 100000 3
set -euo pipefail
cd "$(dirname "$0")/.."
students=${1:-100000}
runs=${2:-3}
dotnet build src/Chibo -c Release --nologo -v quiet >/dev/null
chibo=src/Chibo/bin/Release/net10.0/chibo.dll
for run in $(seq 1 "$runs"); do
  dir=$(mktemp -d)
  /usr/bin/time -f "run $run: %e s wall, %U s user, %M KB peak" \
    dotnet "$chibo" seed --demo --students "$students" --data "$dir" >/dev/null
  rm -rf "$dir"
done
