#!/usr/bin/env bash
# Server time of the meeting pages on the demo data (1,500 students): the article's minutes, both downloads,
# the month calendar, the rhythm view with scores, the open tasks and the criteria sheet.
# Usage: bench/meetings.sh [RUNS]      (default 30 timed requests per page, after 3 untimed)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-30}
port=${CHIBO_BENCH_PORT:-5097}
base="http://127.0.0.1:$port"
source bench/http-lib.sh
chibo_build
data=$(mktemp -d)
chibo_serve --demo --data "$data"

jar=$(sign_in bithu)
meeting=$(curl -s -b "$jar" "$base/hop" | grep -o 'href="/hop/[0-9a-f-]\{36\}"' | head -n 1 | sed 's/href="\/hop\///; s/"//')

table_head
measure bithu "minutes book of the cell" "/hop"
measure bithu "the article's meeting (minutes page)" "/hop/$meeting"
measure bithu "minutes as DOCX" "/hop/$meeting?handler=Docx"
measure bithu "minutes as PDF" "/hop/$meeting?handler=Pdf"
measure bithu "calendar, March 2024" "/hop/lich?thang=2024-03"
measure bithu "open tasks with follow-ups" "/hop/nhiem-vu"
measure bithu "criteria sheet" "/hop/tieu-chi"
measure bantochuc "rhythm view of the district, 2024" "/hop/nhip-do?nam=2024"
measure bantochuc "calendar of the district, March 2024" "/hop/lich?thang=2024-03"
rm -rf "$data"
