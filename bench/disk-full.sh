#!/usr/bin/env bash
# Fills the disk under a running chibo (SQLite data folder on a 8 MB tmpfs; run as root) and checks that a
# request that must write answers 507 with the Vietnamese message instead of a stack trace, that the database
# passes SQLite's integrity check, and that the same request works again once space is freed.
#   bench/disk-full.sh [PORT]     default 5194
set -euo pipefail
cd "$(dirname "$0")/.."
port=${1:-5194}
base="http://127.0.0.1:$port"
dir=$(mktemp -d)
mount -t tmpfs -o size=8m tmpfs "$dir"
dotnet build src/Chibo -c Release --nologo -v quiet >/dev/null
( exec dotnet src/Chibo/bin/Release/net10.0/chibo.dll --data "$dir" --urls "$base" >"$dir.log" 2>&1 ) &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; umount "$dir"; rm -rf "$dir" "$dir.log" "$dir.jar"' EXIT
for _ in $(seq 1 240); do curl -fs "$base/health/ready" >/dev/null 2>&1 && break; sleep 0.5; done
failed=0
check() { local label=$1; shift; if "$@"; then echo "ok   $label"; else echo "FAIL $label"; failed=1; fi; }

# The sign-in form first: its antiforgery key is written to the database while there is room.
sign_in() { # a wrong password: Identity writes the failed attempt, so the request must write
  local token
  token=$(curl -s -c "$dir.jar" -b "$dir.jar" "$base/dang-nhap" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//; s/"$//')
  curl -s -o "$dir.out" -w '%{http_code}' -c "$dir.jar" -b "$dir.jar" --data-urlencode "UserName=admin" \
    --data-urlencode "Password=sai-mat-khau-1" --data-urlencode "__RequestVerificationToken=$token" "$base/dang-nhap"
}
check "sign-in attempt with room answers 200" test "$(sign_in)" = 200
dd if=/dev/zero of="$dir/filler" bs=64k 2>/dev/null || true
code=$(sign_in)
check "sign-in attempt on a full disk answers 507 (got $code)" test "$code" = 507
check "the page says the server is out of space, in Vietnamese" grep -q "Máy chủ hết chỗ lưu dữ liệu" "$dir.out"
check "no stack trace on the page" bash -c "! grep -q 'Exception' '$dir.out'"
rm -f "$dir/filler"
check "integrity check of the database passes" test "$(sqlite3 "$dir/chibo.db" 'PRAGMA integrity_check')" = ok
check "the same request works again once space is freed" test "$(sign_in)" = 200
rm -f "$dir.out"
exit $failed
