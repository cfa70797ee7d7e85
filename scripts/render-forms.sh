#!/usr/bin/env bash
# Renders the first page of every generated form from the demo (05/3/2024) into docs/forms/*.png, to look at.
# Usage: scripts/render-forms.sh   (after `dotnet build -c Release`; needs curl, sqlite3 and pdftoppm)
# 8-KNĐ and 15-KNĐ belong to a cell under a grassroots committee: the demo's cell is grassroots, so they are
# rendered last, after the demo copy's cell is switched to a non-grassroots one (its bloc committee above).
set -euo pipefail
cd "$(dirname "$0")/.."
out=docs/forms
data=$(mktemp -d)
port=${PORT:-5189}
base=http://127.0.0.1:$port
dotnet src/Chibo/bin/Release/net10.0/chibo.dll --demo --data "$data" --urls "$base" >"$data/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; rm -rf "$data"' EXIT
until curl -sf "$base/health" >/dev/null; do sleep 2; done

jar="$data/cookies"
token=$(curl -s -c "$jar" -b "$jar" "$base/dang-nhap" | grep -o 'name="__RequestVerificationToken"[^>]*' | head -1 | sed 's/.*value="\([^"]*\)".*/\1/')
curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "UserName=bithu" --data-urlencode "Password=ChiboDemo2024" \
  --data-urlencode "__RequestVerificationToken=$token" "$base/dang-nhap"

db=$(ls "$data"/*.db | head -1)
cell="Chi bộ Trường Cao đẳng Y Hà Nội"
case_at() { # stage [step the case must have]
  sqlite3 "$db" "SELECT c.Id FROM Cases c JOIN Organisations o ON o.Id = c.CellId WHERE o.Name = '$cell' AND c.Stage = '$1'
    ${2:+AND EXISTS (SELECT 1 FROM CaseSteps s WHERE s.CaseId = c.Id AND s.Kind = '$2')} ORDER BY c.Id LIMIT 1"
}
png() { # name: the first page of the PDF just downloaded
  pdftoppm -png -r 60 -f 1 -l 1 -singlefile "$data/form.pdf" "$out/$1"
  echo "$out/$1.png"
}
form() { # case code png-name
  curl -sf -b "$jar" -o "$data/form.pdf" -G --data-urlencode "ma=$2" --data "dinh-dang=pdf" "$base/ho-so/$1/bieu-mau"
  png "$3"
}

form "$(case_at Applying UnionResolution)" 4-KNĐ 4-KND
form "$(case_at Applying)" 5-KNĐ 5-KND
form "$(case_at CellProposed)" 6-KNĐ 6-KND
form "$(case_at Admitted)" 9-KNĐ 9-KND
form "$(case_at RecognitionProposed ProbationOpinions)" 12-KNĐ 12-KND
form "$(case_at RecognitionProposed)" 13-KNĐ 13-KND
form "$(case_at Official)" QĐ-CNĐVCT QD-CNDVCT
form "$(case_at CellProposed)" BC-TĐ BC-TD
cell_id=$(sqlite3 "$db" "SELECT Id FROM Organisations WHERE Name = '$cell'")
curl -sf -b "$jar" -o "$data/form.pdf" "$base/so-van-ban?handler=Sympathizers&don-vi=$cell_id&dinh-dang=pdf"
png DS-CTD

sqlite3 "$db" "UPDATE Organisations SET IsGrassroots = 0 WHERE Id = '$cell_id'"
form "$(case_at CellProposed)" 8-KNĐ 8-KND
form "$(case_at RecognitionProposed)" 15-KNĐ 15-KND
