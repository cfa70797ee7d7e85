#!/usr/bin/env bash
# Fills the disk under a running chibo and checks what a user meets: a clear Vietnamese 507, never a stack trace,
# nothing half-written, and the same requests working again once space is freed. Run as root (it mounts a tmpfs).
#
# On disk, chibo keeps only its data folder: the SQLite database (chibo.db with its -wal and -shm files; keys,
# uploads waiting for their commit and everything else are rows in it) and a write test at start. An uploaded
# sheet over 64 KB is buffered first in ASP.NET Core's temporary folder; here it is on the same full disk
# (ASPNETCORE_TEMP), as on a one-disk server. Logs go to standard output.
#
# The data folder is a 16 MB tmpfs holding a 300-student demo. With room: a wrong password (Identity counts it),
# an Excel upload (kept in the database until its commit). Disk full: the wrong password, a small upload (its
# database row cannot be written), a large upload (its buffer cannot be written) and the commit of the first
# upload all answer 507; no row of the sheet is written, no buffer is left behind, SQLite's integrity check
# passes. Space freed: the sign-in, the commit and the large upload go through.
#   bench/disk-full.sh [PORT]     default 5194
set -euo pipefail
cd "$(dirname "$0")/.."
port=${1:-5194}
base="http://127.0.0.1:$port"
dir=$(mktemp -d)
work=$(mktemp -d)
mount -t tmpfs -o size=16m tmpfs "$dir"
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; umount "$dir"; rm -rf "$dir" "$work"' EXIT
server=""
dotnet build src/Chibo -c Release --nologo -v quiet >/dev/null
chibo="$(pwd)/src/Chibo/bin/Release/net10.0/chibo.dll"
dotnet "$chibo" seed --demo --students 300 --data "$dir" >/dev/null
mkdir "$dir/tmp"
( ASPNETCORE_TEMP="$dir/tmp" exec dotnet "$chibo" --data "$dir" --urls "$base" >"$work/log" 2>&1 ) &
server=$!
for _ in $(seq 1 240); do curl -fs "$base/health/ready" >/dev/null 2>&1 && break; sleep 0.5; done
failed=0
check() { local label=$1; shift; if "$@"; then echo "ok   $label"; else echo "FAIL $label"; failed=1; fi; }
db() { sqlite3 "$dir/chibo.db" "$1"; }
token() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//'; }
says_full() { grep -q "Máy chủ hết chỗ lưu dữ liệu" "$work/page.html" && ! grep -q "Exception" "$work/page.html"; }

sign_in() { # sign_in PASSWORD : a wrong one makes Identity write the failed attempt, so the request must write
  curl -s -c "$work/jar" -b "$work/jar" "$base/dang-nhap" | token >"$work/token"
  curl -s -o "$work/page.html" -w '%{http_code}' -c "$work/jar" -b "$work/jar" --data-urlencode "UserName=admin" \
    --data-urlencode "Password=$1" --data-urlencode "__RequestVerificationToken=$(cat "$work/token")" "$base/dang-nhap"
}
upload() { # upload SHEET : the import page's upload (preview) of a student roll into the demo school
  curl -s -b "$work/jar" "$base/nhap-du-lieu" | token >"$work/token"
  curl -s -o "$work/page.html" -w '%{http_code}' -b "$work/jar" -F "loai=sinh-vien" -F "Org=$school" -F "tao-lop=true" \
    -F "file=@$1;type=application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" \
    -F "__RequestVerificationToken=$(cat "$work/token")" "$base/nhap-du-lieu?handler=Upload"
}
commit() { # commit PREVIEW_PAGE : posts the preview's "Nhập" form as the browser would
  local fields=()
  while IFS= read -r field; do fields+=(--data-urlencode "$field"); done < <(python3 bench/form-fields.py "$1" Commit)
  curl -s -o "$work/page.html" -w '%{http_code}' -b "$work/jar" "${fields[@]}" "$base/nhap-du-lieu?handler=Commit"
}

school=$(db "SELECT Id FROM Organisations WHERE Name = 'Trường Cao đẳng Y Hà Nội'")
python3 bench/make-sheet.py students 40 "$work/small.xlsx"
python3 bench/make-sheet.py students 3000 "$work/large.xlsx"
people=$(db "SELECT count(*) FROM People")

check "with room: a wrong password answers 200" test "$(sign_in sai-mat-khau-1)" = 200
check "with room: admin signs in" test "$(sign_in ChiboDemo2024)" = 302
check "with room: the upload of $(stat -c %s "$work/small.xlsx") bytes is previewed" test "$(upload "$work/small.xlsx")" = 200
cp "$work/page.html" "$work/preview.html"
check "with room: its sheet waits in the database for the commit" test "$(db 'SELECT count(*) FROM PendingUploads')" = 1

dd if=/dev/zero of="$dir/filler" bs=64k 2>/dev/null || true
check "disk full ($(df -h --output=avail "$dir" | tail -n 1 | tr -d ' ') free): a wrong password answers 507" test "$(sign_in sai-mat-khau-2)" = 507
check "disk full: the page says the server is out of space, in Vietnamese, without a stack trace" says_full
check "disk full: a small upload answers 507" test "$(upload "$work/small.xlsx")" = 507
check "disk full: its page says why" says_full
check "disk full: nothing of it is stored" test "$(db 'SELECT count(*) FROM PendingUploads')" = 1
check "disk full: an upload of $(stat -c %s "$work/large.xlsx") bytes (buffered on disk) answers 507" test "$(upload "$work/large.xlsx")" = 507
check "disk full: its page says why" says_full
check "disk full: no part of its buffer is left in the temporary folder" test -z "$(ls -A "$dir/tmp")"
check "disk full: the commit of the waiting upload answers 507" test "$(commit "$work/preview.html")" = 507
check "disk full: its page says why" says_full
check "disk full: no row of the sheet was written" test "$(db "SELECT count(*) FROM People WHERE StudentCode LIKE 'BENCH%'")/$(db 'SELECT count(*) FROM People')" = "0/$people"
check "disk full: SQLite's integrity check passes" test "$(db 'PRAGMA integrity_check')" = ok

rm -f "$dir/filler"
check "space freed: the wrong password answers 200 again" test "$(sign_in sai-mat-khau-3)" = 200
sign_in ChiboDemo2024 >/dev/null
check "space freed: the same commit goes through" test "$(commit "$work/preview.html")" = 200 -a "$(grep -c 'Đã nhập xong' "$work/page.html")" -ge 1
check "space freed: all 40 rows written, the waiting upload gone" test "$(db "SELECT count(*) FROM People WHERE StudentCode LIKE 'BENCH%'")/$(db 'SELECT count(*) FROM PendingUploads')" = 40/0
check "space freed: the large upload is previewed" test "$(upload "$work/large.xlsx")" = 200
check "space freed: SQLite's integrity check passes" test "$(db 'PRAGMA integrity_check')" = ok
exit $failed
