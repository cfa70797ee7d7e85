#!/usr/bin/env bash
# Server time of each main page on the demo data (1,500 students), as the people who use them.
# Usage: bench/pages.sh [RUNS]      (default 30 timed requests per page, after 3 untimed)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-30}
port=${CHIBO_BENCH_PORT:-5098}
base="http://127.0.0.1:$port"
source bench/http-lib.sh
chibo_build
data=$(mktemp -d)
chibo_serve --demo --data "$data"

jar=$(sign_in bithu)
board=$(curl -s -b "$jar" "$base/bang")
case_id=$(grep -o 'href="/ho-so/[^"]*"' <<<"$board" | sed -n 60p | sed 's/href="\/ho-so\///; s/"//')
cell_id=$(grep -o 'cam-tinh?org=[^"]*"' <<<"$board" | head -n 1 | sed 's/cam-tinh?org=//; s/"//')
people=$(curl -s -b "$jar" "$base/nhan-su")
person_id=$(grep -o 'href="/nhan-su/[0-9a-f-]\{36\}"' <<<"$people" | head -n 1 | sed 's/href="\/nhan-su\///; s/"//')

table_head
measure bithu "start page" "/"
measure bithu "board of the cell" "/bang"
measure bithu "case file" "/ho-so/$case_id"
measure bithu "case file with the step form" "/ho-so/$case_id?buoc=CellResolution"
measure bithu "people list" "/nhan-su"
measure bithu "person page" "/nhan-su/$person_id"
measure bithu "sympathizer listing (bulk)" "/bang/cam-tinh?org=$cell_id"
measure gvcn "propose source (a class)" "/nguon/de-xuat"
measure bantochuc "board rolled up for the district" "/bang"
measure sinhvien "student's own road" "/cua-toi"
rm -rf "$data"
