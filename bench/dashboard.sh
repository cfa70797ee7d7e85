#!/usr/bin/env bash
# Times the oversight dashboard, its figures API and its report on a seeded database, through HTTP on loopback.
#
# Usage: bench/dashboard.sh [DATA_DIR] [RUNS] [STUDENTS]
#   DATA_DIR  a folder made by `chibo seed --demo --students N --data DATA_DIR`; seeded here when missing or empty.
#   RUNS      timed requests per address (default 30), after 3 untimed ones.
#   STUDENTS  students to seed (default 100000).
# With CHIBO_BENCH_POSTGRES set to a connection string (a role that may create databases), the run is on
# PostgreSQL instead: a database chibo_bench_dashboard (or $CHIBO_BENCH_DB) is created and seeded on first use, then reused.
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-"${TMPDIR:-/tmp}/chibo-bench-dashboard"}
runs=${2:-30}
students=${3:-100000}
port=${CHIBO_BENCH_PORT:-5096}
base="http://127.0.0.1:$port"

source bench/http-lib.sh
chibo_build
mkdir -p "$data"
settings=(--data "$data")
if [ -n "${CHIBO_BENCH_POSTGRES:-}" ]; then
  db="${CHIBO_BENCH_DB:-chibo_bench_dashboard}"
  connection="${CHIBO_BENCH_POSTGRES%;};Database=$db"
  psql_admin=$(sed 's/;/ /g; s/Host=/host=/; s/Port=/port=/; s/Username=/user=/; s/Password=/password=/; s/Database=/dbname=/' <<<"$CHIBO_BENCH_POSTGRES")
  if ! psql "$psql_admin" -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1; then
    psql "$psql_admin" -qc "CREATE DATABASE $db"
  fi
  settings+=(--Database:Provider=Postgres "--ConnectionStrings:Chibo=$connection")
fi

if [ -n "${CHIBO_BENCH_POSTGRES:-}" ] || [ ! -f "$data/chibo.db" ]; then
  # "already has data" is the expected answer on a reused database.
  dotnet "$chibo" seed --demo --students "$students" "${settings[@]}" >/dev/null 2>&1 || true
fi

chibo_serve "${settings[@]}"

jar=$(sign_in admin)
city=$(curl -s -b "$jar" "$base/tong-quan" | grep -o '<option value="[0-9a-f-]\{36\}" selected' | head -n 1 | grep -o '[0-9a-f-]\{36\}')
cell=$(curl -s -b "$(sign_in bithu)" "$base/bang" | grep -o 'cam-tinh?org=[^"]*"' | head -n 1 | sed 's/cam-tinh?org=//; s/"//')

table_head
measure admin "dashboard of the city (whole tree), 2023" "/tong-quan?org=$city&nam=2023"
measure admin "figures API, city, 2023" "/api/v1/organisations/$city/figures?year=2023"
measure bantochuc "dashboard of the district, 2024" "/tong-quan"
measure bithu "dashboard of the cell, 2024" "/tong-quan"
measure bithu "report of the cell as PDF, 2023" "/tong-quan?handler=report&org=$cell&nam=2023&dinh-dang=pdf"
