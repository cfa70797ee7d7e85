#!/usr/bin/env bash
# The time and memory curve of `chibo seed --demo` on PostgreSQL: one fresh database per size, the wall time,
# the peak resident memory of the chibo process, its memory every 5 seconds (the curve, to see it stay flat),
# the database's size, and the load average before and after (the machine is shared).
# Usage: CHIBO_BENCH_POSTGRES="Host=127.0.0.1;Username=chibo_test;Password=chibo_test;Database=postgres" \
#          bench/seed-curve.sh [STUDENTS...]          default: 10000 100000 500000 1000000 2000000
# Keep the last database with KEEP=1 (named chibo_seed_N) to benchmark queries on it afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
admin=${CHIBO_BENCH_POSTGRES:?set CHIBO_BENCH_POSTGRES to a PostgreSQL connection string whose role may create databases}
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000 500000 1000000 2000000)
out=artifacts/bench; mkdir -p "$out"
# CHIBO_BENCH_DLL runs an already built chibo.dll (e.g. a copy, so that a build meanwhile does not replace it).
chibo=${CHIBO_BENCH_DLL:-src/Chibo/bin/Release/net10.0/chibo.dll}
[ -n "${CHIBO_BENCH_DLL:-}" ] || dotnet build src/Chibo -c Release --nologo -v quiet >/dev/null
# psql takes libpq settings, not a .NET connection string.
field() { tr ';' '\n' <<<"$admin" | awk -F= -v k="$1" 'tolower($1) == tolower(k) {print $2}'; }
export PGHOST=$(field Host) PGPORT=$(field Port) PGUSER=$(field Username) PGPASSWORD=$(field Password)
PGPORT=${PGPORT:-5432}
printf '%-9s %9s %12s %10s %s\n' students "wall s" "peak MB" "db size" "load before -> after"
for n in "${sizes[@]}"; do
  db=chibo_seed_$n
  psql -q -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
  before=$(cut -d' ' -f1-3 /proc/loadavg)
  log=$out/seed-$n.log; curve=$out/seed-$n-memory.tsv
  /usr/bin/time -f "%e %M" -o "$out/seed-$n.time" dotnet "$chibo" seed --demo --students "$n" \
    --Database:Provider=Postgres "--ConnectionStrings:Chibo=${admin%;};Database=$db" >"$log" 2>&1 &
  pid=$!
  start=$(date +%s); echo -e "seconds\trss_mb" >"$curve"
  while kill -0 "$pid" 2>/dev/null; do
    child=$(pgrep -P "$pid" -f chibo.dll || true)
    [ -n "$child" ] && echo -e "$(( $(date +%s) - start ))\t$(( $(awk '/VmRSS/ {print $2}' /proc/"$child"/status 2>/dev/null || echo 0) / 1024 ))" >>"$curve"
    sleep 5
  done
  wait "$pid" || { echo "seed of $n failed, see $log"; exit 1; }
  read -r wall peak <"$out/seed-$n.time"
  size=$(psql -tA -d postgres -c "SELECT pg_size_pretty(pg_database_size('$db'))")
  printf '%-9s %9s %12s %10s %s -> %s\n' "$n" "$wall" "$((peak / 1024))" "$size" "$before" "$(cut -d' ' -f1-3 /proc/loadavg)"
  if [ "${KEEP:-}" != 1 ] || [ "$n" != "${sizes[-1]}" ]; then psql -q -d postgres -c "DROP DATABASE $db WITH (FORCE)"; fi
done
