#!/usr/bin/env bash
# Requests per second of a public article page against a bare Kestrel "hello" (bench/Hello), both measured
# in the same run on the same machine with wrk, so the ratio stays meaningful on a busy machine.
# Usage: bench/portal-wrk.sh [SECONDS] [CONNECTIONS]      (default 15 s, 32 connections, 2 threads)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-15}
connections=${2:-32}
port=${CHIBO_BENCH_PORT:-5196}
hello_port=$((port + 1))
base="http://127.0.0.1:$port"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
source bench/http-lib.sh
chibo_build
dotnet build bench/Hello -c Release --nologo -v quiet >/dev/null || { echo "bench/Hello did not build" >&2; exit 1; }
data=$(mktemp -d)
chibo_serve --demo --data "$data"
dotnet bench/Hello/bin/Release/net10.0/Hello.dll --urls "http://127.0.0.1:$hello_port" >/dev/null 2>&1 &
hello=$!
trap 'kill $server $hello 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$hello_port/" >/dev/null 2>&1 && break; sleep 0.5; done

article=$(curl -s "$base/cong-thong-tin" | grep -o 'href="/tin-tuc/[a-z0-9-]*"' | head -n 1 | sed 's/href="//; s/"//')
[ -n "$article" ] || { echo "no article on the portal's home" >&2; exit 1; }

rate() { # rate URL -> requests per second (after a 3-second warm-up)
  wrk -t2 -c"$connections" -d3s "$1" >/dev/null
  wrk -t2 -c"$connections" -d"${seconds}s" "$1" | awk '/Requests\/sec/ { print $2 }'
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
hello_1=$(rate "http://127.0.0.1:$hello_port/")
page=$(rate "$base$article")
hello_2=$(rate "http://127.0.0.1:$hello_port/")
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
hello_mean=$(bc -l <<<"($hello_1 + $hello_2) / 2")
echo "article: $article ($(curl -s -o /dev/null -w '%{size_download}' "$base$article") bytes)"
echo "| hello (before) | article page | hello (after) | article / hello | load average before → after |"
echo "|---:|---:|---:|---:|---|"
printf '| %.0f | %.0f | %.0f | %.2f | %s → %s |\n' "$hello_1" "$page" "$hello_2" "$(bc -l <<<"$page / $hello_mean")" "$load_before" "$load_after"
