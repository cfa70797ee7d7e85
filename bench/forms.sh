#!/usr/bin/env bash
# Server time of the generated forms on the demo data (1,500 students): a form of a case as DOCX and PDF,
# the case file with its Biểu mẫu section, the cell's sympathizer list and the register page.
# Usage: bench/forms.sh [RUNS]      (default 30 timed requests per address, after 3 untimed; needs sqlite3)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-30}
port=${CHIBO_BENCH_PORT:-5097}
base="http://127.0.0.1:$port"
source bench/http-lib.sh
chibo_build
data=$(mktemp -d)
chibo_serve --demo --data "$data"

db=$(ls "$data"/*.db | head -n 1)
query() { sqlite3 "$db" "$1"; }
cell_id=$(query "SELECT Id FROM Organisations WHERE Name = 'Chi bộ Trường Cao đẳng Y Hà Nội'")
proposed=$(query "SELECT Id FROM Cases WHERE CellId = '$cell_id' AND Stage = 'CellProposed' ORDER BY Id LIMIT 1")
recognition=$(query "SELECT Id FROM Cases WHERE CellId = '$cell_id' AND Stage = 'RecognitionProposed' ORDER BY Id LIMIT 1")

table_head
measure bithu "case file with its forms" "/ho-so/$proposed"
measure bithu "6-KNĐ as DOCX" "/ho-so/$proposed/bieu-mau?ma=6-KN%C4%90&dinh-dang=docx"
measure bithu "6-KNĐ as PDF" "/ho-so/$proposed/bieu-mau?ma=6-KN%C4%90&dinh-dang=pdf"
measure bithu "appraisal report (BC-TĐ) as PDF" "/ho-so/$proposed/bieu-mau?ma=BC-T%C4%90&dinh-dang=pdf"
measure bithu "13-KNĐ as PDF" "/ho-so/$recognition/bieu-mau?ma=13-KN%C4%90&dinh-dang=pdf"
measure bithu "sympathizer list as PDF" "/so-van-ban?handler=Sympathizers&don-vi=$cell_id&dinh-dang=pdf"
measure bithu "register of the cell" "/so-van-ban?don-vi=$cell_id"
rm -rf "$data"
