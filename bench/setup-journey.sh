#!/usr/bin/env bash
# Issue #9's proof as a measurement: runs the browser journey of a new cell secretary on a fresh installation
# (sign in, change password, organisation, a messy student sheet fixed after the preview, results, proposed
# sympathizers confirmed, a union secretary invited and signed up, the board) and prints the server time the
# journey took: Chromium's time from each request to its first response byte, summed over every request to the app.
# Budget: the whole setup in 15 minutes of the secretary's time; the server's share should be a few seconds.
# Usage: bench/setup-journey.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-1}
dotnet build tests/Chibo.Browser.Tests -c Release --nologo -v quiet >/dev/null
for run in $(seq 1 "$runs"); do
  dotnet test tests/Chibo.Browser.Tests -c Release --no-build --filter "FullyQualifiedName~SetupJourneyTests" \
    --logger "console;verbosity=detailed" 2>&1 | grep -E "Setup journey:|Passed|Failed" | sed "s/^/run $run: /"
done
