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

dotnet build src/Chibo -c Release --nologo -v quiet >/dev/null
chibo="$(pwd)/src/Chibo/bin/Release/net10.0/chibo.dll"
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

dotnet "$chibo" "${settings[@]}" --urls "$base" >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -fs "$base/health" >/dev/null 2>&1 && break; sleep 0.5; done

jars=$(mktemp -d)
sign_in() { # sign_in USER -> cookie jar path
  local jar="$jars/$1"
  local token
  token=$(curl -s -c "$jar" -b "$jar" "$base/dang-nhap" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//; s/"$//')
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "UserName=$1" --data-urlencode "Password=ChiboDemo2024" \
    --data-urlencode "__RequestVerificationToken=$token" "$base/dang-nhap"
  echo "$jar"
}

measure() { # measure USER LABEL PATH
  local jar
  jar=$(sign_in "$1")
  for _ in 1 2 3; do curl -s -o /dev/null -b "$jar" "$base$3"; done
  local times
  times=$(for _ in $(seq 1 "$runs"); do curl -s -o /dev/null -w '%{time_total}\n' -b "$jar" "$base$3"; done | sort -n)
  local median p95 max
  median=$(sed -n "$(( (runs + 1) / 2 ))p" <<<"$times")
  p95=$(sed -n "$(( (runs * 95 + 99) / 100 ))p" <<<"$times")
  max=$(tail -n 1 <<<"$times")
  printf '| %-8s | %-44s | %6.1f | %6.1f | %6.1f |\n' "$1" "$2" "$(bc -l <<<"$median*1000")" "$(bc -l <<<"$p95*1000")" "$(bc -l <<<"$max*1000")"
}

echo "| user     | request                                      | median ms | p95 ms | max ms |"
echo "|----------|----------------------------------------------|-------:|-------:|-------:|"
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
