#!/usr/bin/env bash
# Two chibo instances on one PostgreSQL database, as behind a load balancer (no sticky sessions needed).
#
#   bench/two-instances.sh start [PORT_A] [PORT_B]   build, create and seed the database once, start both, wait for /health/ready
#   bench/two-instances.sh stop                      stop both instances (by their own process ids)
#   bench/two-instances.sh kill-a                    kill -9 instance A (for the fault scripts)
#   bench/two-instances.sh start-a                   start instance A again on its port, wait for /health/ready
#   bench/two-instances.sh drop                      stop both and drop the database
#
# Settings (environment): CHIBO_PG_ADMIN (a role with CREATEDB; default the test role of test.sh),
# CHIBO_CLUSTER_DB (database name, default chibo_cluster), CHIBO_CLUSTER_STUDENTS (demo size, default 1500; 0: no demo),
# CHIBO_CLUSTER_STATE (folder for pids and logs, default /tmp/chibo-cluster).
# After start, the state folder holds env.sh: `source` it for $chibo, $conn, $base_a, $base_b, $pid_a, $pid_b.
# Each instance's sessions carry the application name chibo-a or chibo-b, so pg_stat_activity tells them apart.
set -euo pipefail
cd "$(dirname "$0")/.."
admin=${CHIBO_PG_ADMIN:-"Host=127.0.0.1;Port=5432;Username=chibo_test;Password=chibo_test;Database=postgres"}
name=${CHIBO_CLUSTER_DB:-chibo_cluster}
students=${CHIBO_CLUSTER_STUDENTS:-1500}
state=${CHIBO_CLUSTER_STATE:-/tmp/chibo-cluster}
conn="${admin/Database=postgres/Database=$name}"
chibo="$(pwd)/src/Chibo/bin/Release/net10.0/chibo.dll"
pg() { # pg SQL : runs SQL as the admin role on database $1
  local db=$1; shift
  PGPASSWORD=$(sed -n 's/.*Password=\([^;]*\).*/\1/p' <<<"$admin") psql -h 127.0.0.1 -p "$(sed -n 's/.*Port=\([^;]*\).*/\1/p' <<<"$admin")" \
    -U "$(sed -n 's/.*Username=\([^;]*\).*/\1/p' <<<"$admin")" -d "$db" -Atqc "$*"
}

stop_one() { # stop_one a|b
  local pidfile="$state/$1.pid"
  if [ -f "$pidfile" ]; then
    kill "$(cat "$pidfile")" 2>/dev/null || true
    rm -f "$pidfile"
  fi
}

start_one() { # start_one a|b PORT
  if curl -s -o /dev/null "http://127.0.0.1:$2/"; then
    echo "port $2 is taken by another process: stop it or choose other ports" >&2
    exit 1
  fi
  ( exec dotnet "$chibo" --Database:Provider=Postgres "--ConnectionStrings:Chibo=$conn;Application Name=chibo-$1" --Data:Directory="$state/data-$1" \
      --urls "http://127.0.0.1:$2" >"$state/$1.log" 2>&1 ) &
  echo $! >"$state/$1.pid"
}

wait_ready() { # wait_ready a|b PORT
  for _ in $(seq 1 120); do
    kill -0 "$(cat "$state/$1.pid")" 2>/dev/null || break
    curl -fs "http://127.0.0.1:$2/health/ready" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "instance $1 on port $2 did not become ready (see $state/$1.log)" >&2
  exit 1
}

case "${1:-}" in
  start)
    port_a=${2:-5193}
    port_b=${3:-5194}
    mkdir -p "$state"
    dotnet build src/Chibo -c Release --nologo -v quiet >/dev/null
    if [ "$(pg postgres "SELECT count(*) FROM pg_database WHERE datname = '$name'")" = 0 ]; then
      pg postgres "CREATE DATABASE \"$name\""
      dotnet "$chibo" migrate --Database:Provider=Postgres "--ConnectionStrings:Chibo=$conn" >/dev/null
      if [ "$students" != 0 ]; then
        dotnet "$chibo" seed --demo --students "$students" --Database:Provider=Postgres "--ConnectionStrings:Chibo=$conn" >/dev/null
      fi
    fi
    start_one a "$port_a"
    start_one b "$port_b"
    wait_ready a "$port_a"
    wait_ready b "$port_b"
    cat >"$state/env.sh" <<ENV
chibo='$chibo'
conn='$conn'
base_a='http://127.0.0.1:$port_a'
base_b='http://127.0.0.1:$port_b'
pid_a=$(cat "$state/a.pid")
pid_b=$(cat "$state/b.pid")
ENV
    echo "A http://127.0.0.1:$port_a (pid $(cat "$state/a.pid")), B http://127.0.0.1:$port_b (pid $(cat "$state/b.pid")), database $name"
    ;;
  stop) stop_one a; stop_one b ;;
  kill-a) kill -9 "$(cat "$state/a.pid")"; rm -f "$state/a.pid" ;;
  start-a)
    port_a=$(sed -n "s/^base_a='http:\/\/127.0.0.1:\([0-9]*\)'$/\1/p" "$state/env.sh")
    start_one a "$port_a"
    wait_ready a "$port_a"
    sed -i "s/^pid_a=.*/pid_a=$(cat "$state/a.pid")/" "$state/env.sh"
    ;;
  drop)
    stop_one a; stop_one b
    sleep 1
    pg postgres "DROP DATABASE IF EXISTS \"$name\" WITH (FORCE)"
    ;;
  *) sed -n '2,15p' "$0"; exit 2 ;;
esac
