# Shared by the HTTP load scripts: build, start chibo on loopback, sign in, time requests with curl.
# Source it after setting: base (http://127.0.0.1:PORT) and runs (timed requests per address).

chibo_build() { # CHIBO_BENCH_DLL=path/chibo.dll runs a build made earlier (e.g. a copy) instead of building
  if [ -n "${CHIBO_BENCH_DLL:-}" ]; then chibo="$CHIBO_BENCH_DLL"; return; fi
  dotnet build src/Chibo -c Release --nologo -v quiet >/dev/null
  chibo="$(pwd)/src/Chibo/bin/Release/net10.0/chibo.dll"
}

chibo_serve() { # chibo_serve ARGS... : starts the server in the background and waits for /health
  dotnet "$chibo" "$@" --urls "$base" >/dev/null 2>&1 &
  server=$!
  trap 'kill $server 2>/dev/null || true' EXIT
  for _ in $(seq 1 360); do curl -fs "$base/health" >/dev/null 2>&1 && return 0; sleep 0.5; done
  echo "chibo did not answer on $base/health" >&2
  return 1
}

jars=$(mktemp -d)
sign_in() { # sign_in USER -> cookie jar path
  local jar="$jars/$1"
  local token
  token=$(curl -s -c "$jar" -b "$jar" "$base/dang-nhap" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//; s/"$//')
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "UserName=$1" --data-urlencode "Password=ChiboDemo2024" \
    --data-urlencode "__RequestVerificationToken=$token" "$base/dang-nhap"
  echo "$jar"
}

measure() { # measure USER LABEL PATH : prints a Markdown row with median, p95 and max in ms
  local jar
  jar=$(sign_in "$1")
  for _ in 1 2 3; do curl -s -o /dev/null -b "$jar" "$base$3"; done
  local times
  times=$(for _ in $(seq 1 "$runs"); do curl -s -o /dev/null -w '%{time_total}\n' -b "$jar" "$base$3"; done | sort -n)
  local median p95 max
  median=$(sed -n "$(( (runs + 1) / 2 ))p" <<<"$times")
  p95=$(sed -n "$(( (runs * 95 + 99) / 100 ))p" <<<"$times")
  max=$(tail -n 1 <<<"$times")
  printf '| %-10s | %-44s | %6.1f | %6.1f | %6.1f |\n' "$1" "$2" "$(bc -l <<<"$median*1000")" "$(bc -l <<<"$p95*1000")" "$(bc -l <<<"$max*1000")"
}

table_head() {
  echo "| user       | request                                      | median ms | p95 ms | max ms |"
  echo "|------------|----------------------------------------------|-------:|-------:|-------:|"
}
