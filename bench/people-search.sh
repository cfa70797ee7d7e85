#!/usr/bin/env bash
# Times the people list and its search (GET /nhan-su) on a seeded database, through HTTP on loopback,
# so the figure is the whole server time of a request (page render and all) plus a fraction of a ms.
#
# Usage: bench/people-search.sh [DATA_DIR] [RUNS]
#   DATA_DIR  a folder made by `chibo seed --demo --students 100000 --data DATA_DIR`; seeded here when
#             missing or empty (about 20 s for 100,000 students).
#   RUNS      timed requests per address (default 30), after 3 untimed ones.
# With CHIBO_BENCH_POSTGRES set to a connection string (a role that may create databases), the run is on
# PostgreSQL instead: a database chibo_bench_people is created and seeded on first use, then reused.
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-"${TMPDIR:-/tmp}/chibo-bench-people"}
runs=${2:-30}
port=${CHIBO_BENCH_PORT:-5097}
base="http://127.0.0.1:$port"

source bench/http-lib.sh
chibo_build
mkdir -p "$data"
settings=(--data "$data")
if [ -n "${CHIBO_BENCH_POSTGRES:-}" ]; then
  db="chibo_bench_people"
  connection="${CHIBO_BENCH_POSTGRES%;};Database=$db"
  psql_admin=$(sed 's/;/ /g; s/Host=/host=/; s/Port=/port=/; s/Username=/user=/; s/Password=/password=/; s/Database=/dbname=/' <<<"$CHIBO_BENCH_POSTGRES")
  if ! psql "$psql_admin" -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1; then
    psql "$psql_admin" -qc "CREATE DATABASE $db"
  fi
  settings+=(--Database:Provider=Postgres "--ConnectionStrings:Chibo=$connection")
fi

if [ -n "${CHIBO_BENCH_POSTGRES:-}" ] || [ ! -f "$data/chibo.db" ]; then
  # "already has data" is the expected answer on a reused database.
  dotnet "$chibo" seed --demo --students 100000 "${settings[@]}" >/dev/null 2>&1 || true
fi

chibo_serve "${settings[@]}"

table_head
measure admin "list, first page (100k people)" "/nhan-su"
measure admin "search 'nguyen trinh yen vi' (1 match)" "/nhan-su?q=nguyen+trinh+yen+vi"
measure admin "search 'NGUYỄN TRỊNH YẾN VI' (1 match)" "/nhan-su?q=NGUY%E1%BB%84N+TR%E1%BB%8ANH+Y%E1%BA%BEN+VI"
measure admin "search 'yen vi' (partial words)" "/nhan-su?q=yen+vi"
measure admin "search 'nguyen' (a third of all names)" "/nhan-su?q=nguyen"
measure admin "search 'nguyen thi' (common pair)" "/nhan-su?q=nguyen+thi"
measure admin "search 'h' (one letter)" "/nhan-su?q=h"
measure admin "search 'nguyen', page 300" "/nhan-su?q=nguyen&trang=300"
measure admin "search student code prefix 'CYH23N'" "/nhan-su?q=CYH23N"
measure admin "filter class K23N3 + party members" "/nhan-su?lop=K23N3&dang=dang-vien"
measure admin "sort by date of birth, descending" "/nhan-su?sap-xep=ngay-sinh&thu-tu=giam"
measure admin "sort by class" "/nhan-su?sap-xep=lop"
measure bithu "list, one school (cell secretary)" "/nhan-su"
measure bithu "search 'nguyen' in one school" "/nhan-su?q=nguyen"
measure bithu "search 'yen vi' in one school" "/nhan-su?q=yen+vi"
rm -rf "$jars"
