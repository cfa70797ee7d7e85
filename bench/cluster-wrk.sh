#!/usr/bin/env bash
# Mixed load (bench/mixed.lua: article pages, board views, case updates) on two chibo instances serving one
# PostgreSQL database, with no proxy: one wrk per instance, run at the same time. A bare Kestrel "hello"
# (bench/Hello) is measured on the same port just before and just after, so the figures can be compared on a
# busy machine. The cookie signed in on the first instance is used on both (the Data Protection keys are in
# the database) and the antiforgery token is taken from the second.
# Usage: CHIBO_BENCH_POSTGRES="Host=127.0.0.1;Username=chibo_test;Password=chibo_test;Database=postgres" \
#          bench/cluster-wrk.sh DATABASE [SECONDS] [CONNECTIONS]
#   DATABASE     a seeded database on that server (e.g. chibo_seed_2000000 from KEEP=1 bench/seed-curve.sh 2000000)
#   SECONDS      length of each measurement (default 20), after a 3-second warm-up
#   CONNECTIONS  connections per instance (default 8); one wrk thread each. wrk waits up to 10 s for an answer
#                (its default, 2 s, would count a slow answer as an error and leave it out of the percentiles).
# Ports: CHIBO_BENCH_PORT (default 5195) and the next one. CHIBO_BENCH_DLL runs an already built chibo.dll.
set -euo pipefail
cd "$(dirname "$0")/.."
database=${1:?name a seeded database}
seconds=${2:-20}
connections=${3:-8}
port_a=${CHIBO_BENCH_PORT:-5195}
port_b=$((port_a + 1))
admin=${CHIBO_BENCH_POSTGRES:?set CHIBO_BENCH_POSTGRES}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
chibo=${CHIBO_BENCH_DLL:-src/Chibo/bin/Release/net10.0/chibo.dll}
[ -n "${CHIBO_BENCH_DLL:-}" ] || dotnet build src/Chibo -c Release --nologo -v quiet >/dev/null
dotnet build bench/Hello -c Release --nologo -v quiet >/dev/null
work=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"' EXIT

wait_for() { for _ in $(seq 1 240); do curl -fs -o /dev/null "$1" && return 0; sleep 0.5; done; echo "no answer from $1" >&2; exit 1; }

hello() { # hello -> "requests/s p99_ms" of the bare endpoint, with as many connections as both instances get
  dotnet bench/Hello/bin/Release/net10.0/Hello.dll --urls "http://127.0.0.1:$port_a" >/dev/null 2>&1 &
  local pid=$!
  wait_for "http://127.0.0.1:$port_a/"
  wrk -t2 -c$((connections * 2)) -d3s "http://127.0.0.1:$port_a/" >/dev/null
  wrk -t2 -c$((connections * 2)) -d"${seconds}s" --latency "http://127.0.0.1:$port_a/" \
    | awk '/Requests\/sec/ {rps = $2} $1 == "99%" {p = $2; if (p ~ /us$/) v = p / 1000; else if (p ~ /ms$/) v = p + 0; else v = p * 1000} END {printf "%.0f %.2f", rps, v}'
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

bench/pg-planner-settings.sh "$database"   # deploy.md's planner settings for SSD, as national-queries.sh
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
hello_before=$(hello)

settings=(--Database:Provider=Postgres "--ConnectionStrings:Chibo=${admin%;};Database=$database" --Chibo:Reminders:Enabled=false)
for port in "$port_a" "$port_b"; do
  mkdir -p "$work/$port"
  dotnet "$chibo" "${settings[@]}" --data "$work/$port" --urls "http://127.0.0.1:$port" >"$work/$port.log" 2>&1 &
  pids+=($!)
done
wait_for "http://127.0.0.1:$port_a/health"; wait_for "http://127.0.0.1:$port_b/health"

a="http://127.0.0.1:$port_a"; b="http://127.0.0.1:$port_b"; jar="$work/jar"
token() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//'; }
curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode UserName=bithu --data-urlencode Password=ChiboDemo2024 \
  --data-urlencode "__RequestVerificationToken=$(curl -s -c "$jar" -b "$jar" "$a/dang-nhap" | token)" "$a/dang-nhap"
export MIX_ARTICLE MIX_BOARD=/bang MIX_CASE MIX_COOKIE MIX_TOKEN
MIX_ARTICLE=$(curl -s "$a/cong-thong-tin" | grep -o 'href="/tin-tuc/[a-z0-9-]*"' | head -n 1 | sed 's/href="//; s/"//')
MIX_CASE=$(curl -s -b "$jar" "$b/bang" | grep -o '/ho-so/[0-9a-f-]\{36\}' | head -n 1)
[ -n "$MIX_ARTICLE" ] && [ -n "$MIX_CASE" ] || { echo "no article or no case found (signed in on $a, read on $b)" >&2; exit 1; }
MIX_TOKEN=$(curl -s -c "$jar" -b "$jar" "$b$MIX_CASE" | token)
# The cookie jar's cookies as one header; HttpOnly ones are written with a "#HttpOnly_" prefix.
MIX_COOKIE=$(sed 's/^#HttpOnly_//' "$jar" | awk -F'\t' '!/^#/ && NF == 7 {printf "%s%s=%s", sep, $6, $7; sep = "; "}')
status=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" --data-urlencode "Comment=Kiểm tra trước khi đo" --data-urlencode "__RequestVerificationToken=$MIX_TOKEN" "$a$MIX_CASE?handler=Comment")
[ "$status" = 302 ] || { echo "a case update on $a answered $status, not 302" >&2; exit 1; }

for url in "$a" "$b"; do wrk -t1 -c"$connections" -d3s -s bench/mixed.lua "$url" >/dev/null; done
wrk -t1 -c"$connections" -d"${seconds}s" --timeout 10s --latency -s bench/mixed.lua "$a" >"$work/wrk-a" &
wrk_a=$!
wrk -t1 -c"$connections" -d"${seconds}s" --timeout 10s --latency -s bench/mixed.lua "$b" >"$work/wrk-b"
wait "$wrk_a"
for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
pids=()
hello_after=$(hello)
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

echo "database $database; $connections connections per instance; ${seconds} s; article $MIX_ARTICLE; case $MIX_CASE"
echo "| endpoint | requests/s | p50 ms | p99 ms | max ms | errors |"
echo "|---|---:|---:|---:|---:|---:|"
read -r rps p99 <<<"$hello_before"; printf '| bare Kestrel, before | %s | | %s | | |\n' "$rps" "$p99"
total=0; errors=0
for side in a b; do
  read -r _ requests duration p50 p99 max errs < <(grep '^RESULT' "$work/wrk-$side")
  rps=$(bc -l <<<"$requests / $duration"); total=$(bc -l <<<"$total + $rps"); errors=$((errors + errs))
  printf '| chibo %s, mixed | %.0f | %s | %s | %s | %s |\n' "$side" "$rps" "$p50" "$p99" "$max" "$errs"
done
printf '| chibo, both instances | %.0f | | | | %s |\n' "$total" "$errors"
read -r rps p99 <<<"$hello_after"; printf '| bare Kestrel, after | %s | | %s | | |\n' "$rps" "$p99"
echo "load average before → after: $load_before → $load_after"
[ "$errors" -eq 0 ]
