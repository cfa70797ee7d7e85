#!/usr/bin/env bash
# Kill -9 in the middle of writes, on two instances sharing one PostgreSQL database (bench/two-instances.sh):
#  1. a 20,000-row Excel import by `chibo import`, killed once its transaction has written people rows;
#  1b. the same import through the page on instance A (upload, preview, commit), A killed at the same point;
#  2. a cell's admission vote (POST /hop/ID?handler=Vote) on instance A, killed once its transaction has written
#     the case's step and waits at the meeting's row;
#  3. the half-year oversight report as PDF (GET /tong-quan?handler=report) on A, killed while it reads its figures;
#  4. numbering the cell's sympathizer list (POST /so-van-ban?handler=Sympathizers) on A, killed once its
#     transaction has raised the register's counter and waits to enter the document.
# A kill lands mid-transaction because another session holds a lock the request needs next (a row, a table);
# the script checks in pg_stat_activity and pg_locks that A's request really waits there, having written what it
# should have, before it kills A. Then SQL must find none of the request's writes, B must have answered every
# request meanwhile, and the same request without the lock must write all of it.
# Prints one line per check and exits non-zero when one fails.
#   bench/kill-during-writes.sh [ROWS]     default 20000
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-20000}
state=${CHIBO_CLUSTER_STATE:-/tmp/chibo-cluster}
db=${CHIBO_CLUSTER_DB:-chibo_cluster}
bench/two-instances.sh start "${PORT_A:-5193}" "${PORT_B:-5194}" >/dev/null
work=$(mktemp -d)
# shellcheck disable=SC1091
source "$state/env.sh"
admin=${CHIBO_PG_ADMIN:-"Host=127.0.0.1;Port=5432;Username=chibo_test;Password=chibo_test;Database=postgres"}
field() { sed -n "s/.*$1=\([^;]*\).*/\1/p" <<<"$admin"; }
export PGHOST=127.0.0.1 PGPORT=$(field Port) PGUSER=$(field Username) PGPASSWORD=$(field Password)
sql() { psql -d "$db" -Atqc "$1"; }
failed=0
check() { # check LABEL COMMAND... : one line, ok or FAIL
  local label=$1; shift
  if "$@"; then echo "ok   $label"; else echo "FAIL $label"; failed=1; fi
}
same() { [ "$1" = "$2" ]; }

# Requests to B for as long as a scenario runs: it must answer every one.
probe_start() {
  : >"$work/probe"
  rm -f "$work/probe.stop"
  ( n=0; while [ ! -e "$work/probe.stop" ]; do
      n=$((n + 1)); curl -s -o /dev/null -m 10 -w '%{http_code}\n' "$base_b/tim-kiem?q=b-$RANDOM-$n" >>"$work/probe"; sleep 0.1
    done ) &
  probe=$!
}
probe_check() { # probe_check SCENARIO
  touch "$work/probe.stop"
  wait "$probe"
  local total bad
  total=$(wc -l <"$work/probe")
  bad=$(grep -vc '^200$' "$work/probe" || true)
  check "$1: B answered $((total - bad)) of $total requests meanwhile" test "$total" -gt 0 -a "$bad" = 0
}

# A lock held by a session of its own (application name faults-locker) for at most a minute.
lock() { # lock SQL_THAT_TAKES_IT
  ( PGAPPNAME=faults-locker psql -d "$db" -Atqc "BEGIN; $1; SELECT pg_sleep(60); COMMIT;" >/dev/null 2>&1 ) &
  locker=$!
  for _ in $(seq 1 100); do
    [ "$(sql "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'faults-locker' AND query LIKE '%pg_sleep%' AND wait_event = 'PgSleep'")" = 1 ] && return 0
    sleep 0.1
  done
  echo "the locking session did not start" >&2
  return 1
}
unlock() {
  sql "SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE application_name = 'faults-locker'" >/dev/null
  wait "${locker:-}" 2>/dev/null || true
}
trap 'unlock 2>/dev/null; bench/two-instances.sh stop; rm -rf "$work"' EXIT

# The session of A (or of the import) that waits for the locking session; empty until there is one.
blocked() { # blocked APPLICATION_NAME
  sql "SELECT a.pid FROM pg_stat_activity a WHERE a.datname = current_database() AND a.application_name = '$1' AND a.wait_event_type = 'Lock'
         AND EXISTS (SELECT 1 FROM pg_stat_activity l WHERE l.application_name = 'faults-locker' AND l.pid = ANY (pg_blocking_pids(a.pid))) LIMIT 1"
}
wait_blocked() { # wait_blocked APPLICATION_NAME REQUEST_PID : the waiting session's pid, or empty when the request ended first
  local pid
  for _ in $(seq 1 300); do
    pid=$(blocked "$1")
    if [ -n "$pid" ]; then echo "$pid"; return 0; fi
    kill -0 "$2" 2>/dev/null || return 0
    sleep 0.1
  done
}
holds() { # holds PID TABLE : the session has written to TABLE in its open transaction
  [ -n "$1" ] && [ "$(sql "SELECT count(*) FROM pg_locks WHERE pid = $1 AND relation = '\"$2\"'::regclass AND mode = 'RowExclusiveLock' AND granted")" = 1 ]
}
sessions_gone() { # sessions_gone APPLICATION_NAME : waits up to 10 s for the killed process's sessions to end
  for _ in $(seq 1 100); do
    [ "$(sql "SELECT count(*) FROM pg_stat_activity WHERE application_name = '$1'")" = 0 ] && return 0
    sleep 0.1
  done
  return 1
}

token() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//'; }
version() { grep -o 'name="version" value="[0-9]*"' | head -n 1 | sed 's/.*value="//; s/"$//'; }
sign_in() { # sign_in USER -> cookie jar (valid on both instances: the keys are in the database)
  local jar="$work/$1.jar"
  curl -s -c "$jar" -b "$jar" "$base_a/dang-nhap" | token >"$work/token"
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "UserName=$1" --data-urlencode "Password=ChiboDemo2024" \
    --data-urlencode "__RequestVerificationToken=$(cat "$work/token")" "$base_a/dang-nhap"
  echo "$jar"
}
restart_a() { bench/two-instances.sh start-a; source "$state/env.sh"; }
kill_a() { # kill_a REQUEST_PID : kills A, then ends the lock so that PostgreSQL sees A gone and rolls back
  bench/two-instances.sh kill-a
  wait "$1" 2>/dev/null || true
  unlock
}

cell=$(sql "SELECT \"Id\" FROM \"Organisations\" WHERE \"Name\" = 'Chi bộ Trường Cao đẳng Y Hà Nội'")
school=$(sql "SELECT \"Id\" FROM \"Organisations\" WHERE \"Name\" = 'Trường Cao đẳng Y Hà Nội'")

# 1. The import, killed once its transaction holds the people table for writing (the COPY has run).
python3 bench/make-sheet.py students "$rows" "$work/students.xlsx"
sql "DELETE FROM \"People\" WHERE \"StudentCode\" LIKE 'BENCH%'" >/dev/null
before=$(sql "SELECT count(*) FROM \"People\"")
probe_start
( exec dotnet "$chibo" import students "$work/students.xlsx" --org "$school" --Database:Provider=Postgres \
    "--ConnectionStrings:Chibo=$conn;Application Name=faults-import" >"$work/import.out" 2>&1 ) &
import=$!
writer=""
for _ in $(seq 1 600); do
  writer=$(sql "SELECT pid FROM pg_stat_activity WHERE application_name = 'faults-import' AND backend_xid IS NOT NULL")
  holds "$writer" People && break
  kill -0 "$import" 2>/dev/null || break
  writer=""
  sleep 0.1
done
sleep 0.5
caught=$(sql "SELECT left(query, 40) FROM pg_stat_activity WHERE pid = ${writer:-0}")
kill -9 "$import" 2>/dev/null || true
status=0
wait "$import" 2>/dev/null || status=$?
check "import: killed (status $status) while its transaction had written people rows (now running: ${caught:-nothing})" test -n "$writer" -a "$status" = 137
check "import: its session ended with the process" sessions_gone faults-import
written=$(sql "SELECT count(*) FROM \"People\" WHERE \"StudentCode\" LIKE 'BENCH%'")
check "import: $written of its $rows rows remain" same "$written" 0
check "import: no import entry in the audit log" same "$(sql "SELECT count(*) FROM \"AuditEntries\" WHERE \"Action\" = 'import' AND \"At\" > now() - interval '10 minutes'")" 0
check "import: people count unchanged" same "$(sql "SELECT count(*) FROM \"People\"")" "$before"
probe_check import

# 1b. The same sheet through the import page on A: uploaded and previewed, then its commit killed at the same point.
admin_jar=$(sign_in admin)
curl -s -b "$admin_jar" "$base_a/nhap-du-lieu" | token >"$work/token"
curl -s -o "$work/preview.html" -b "$admin_jar" -F "loai=sinh-vien" -F "Org=$school" -F "tao-lop=true" \
  -F "file=@$work/students.xlsx;type=application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" \
  -F "__RequestVerificationToken=$(cat "$work/token")" "$base_a/nhap-du-lieu?handler=Upload"
uploads=$(sql "SELECT count(*) FROM \"PendingUploads\"")
commit() { # posts the preview's commit form to A in the background ($request)
  local fields=()
  while IFS= read -r field; do fields+=(--data-urlencode "$field"); done < <(python3 bench/form-fields.py "$work/preview.html" Commit)
  ( exec curl -s -o "$work/commit.html" -w '%{http_code}' -m 300 -b "$admin_jar" "${fields[@]}" "$base_a/nhap-du-lieu?handler=Commit" >"$work/commit.code" ) &
  request=$!
}
probe_start
commit
writer=""
for _ in $(seq 1 600); do
  writer=$(sql "SELECT pid FROM pg_stat_activity WHERE application_name = 'chibo-a' AND backend_xid IS NOT NULL")
  holds "$writer" People && break
  kill -0 "$request" 2>/dev/null || break
  writer=""
  sleep 0.1
done
sleep 0.5
bench/two-instances.sh kill-a
wait "$request" 2>/dev/null || true
check "page import: A killed while the commit's transaction had written people rows" test -n "$writer"
check "page import: A never answered the commit (HTTP $(cat "$work/commit.code"))" same "$(cat "$work/commit.code")" 000
check "page import: A's sessions ended with it" sessions_gone chibo-a
check "page import: none of the rows remain, the upload still waits for its commit" same \
  "$(sql "SELECT count(*) FROM \"People\" WHERE \"StudentCode\" LIKE 'BENCH%'")/$(sql "SELECT count(*) FROM \"PendingUploads\"")" "0/$uploads"
probe_check "page import"
restart_a
commit
wait "$request" || true
check "page import: the same commit on the restarted A writes all $rows rows" same \
  "$(cat "$work/commit.code") $(grep -c 'Đã nhập xong' "$work/commit.html") $(sql "SELECT count(*) FROM \"People\" WHERE \"StudentCode\" LIKE 'BENCH%'")/$(sql "SELECT count(*) FROM \"PendingUploads\"")" \
  "200 1 $rows/$((uploads - 1))"
# Back to the demo as it was: the imported people go (nothing else refers to them yet).
sql "DELETE FROM \"People\" WHERE \"StudentCode\" LIKE 'BENCH%'" >/dev/null

# 2. An admission vote that passes: the case's step and the vote are written in one transaction; the step first.
#    (Opening the meeting's page is audited as a view; only entries of changes count here.)
bithu=$(sign_in bithu)
secretary=$(sql "SELECT \"PersonId\" FROM \"AspNetUsers\" WHERE \"UserName\" = 'bithu'")
deputy=$(sql "SELECT \"PersonId\" FROM \"AspNetUsers\" WHERE \"UserName\" = 'chiuy'")
page=$(curl -s -b "$bithu" "$base_a/hop?don-vi=$cell")
meeting=$(curl -s -o /dev/null -b "$bithu" -w '%{redirect_url}' --data-urlencode "Input.Kind=Regular" --data-urlencode "Input.Date=2024-04-23" \
  --data-urlencode "Input.StartTime=08:00" --data-urlencode "Input.Place=Hội trường tầng 3" --data-urlencode "Input.Chair=$secretary" \
  --data-urlencode "Input.Secretary=$deputy" --data-urlencode "__RequestVerificationToken=$(token <<<"$page")" "$base_a/hop?don-vi=$cell" | sed 's#.*/##')
page=$(curl -s -b "$bithu" "$base_a/hop/$meeting")
curl -s -o /dev/null -b "$bithu" --data-urlencode "title=Xét đề nghị kết nạp đảng viên" --data-urlencode "version=$(version <<<"$page")" \
  --data-urlencode "__RequestVerificationToken=$(token <<<"$page")" "$base_a/hop/$meeting?handler=Agenda"
item=$(sql "SELECT \"Id\" FROM \"MeetingAgendaItems\" WHERE \"MeetingId\" = '$meeting'")
case=$(sql "SELECT c.\"Id\" FROM \"Cases\" c WHERE c.\"CellId\" = '$cell' AND c.\"Stage\" = 'Applying'
              AND NOT EXISTS (SELECT 1 FROM \"AspNetUsers\" u WHERE u.\"PersonId\" = c.\"PersonId\")
              AND NOT EXISTS (SELECT 1 FROM \"MeetingVotes\" v WHERE v.\"CaseId\" = c.\"Id\") ORDER BY c.\"Id\" LIMIT 1")
eligible=$(sql "SELECT count(*) FROM \"MeetingAttendance\" WHERE \"MeetingId\" = '$meeting' AND \"Category\" = 'Official'")
vote() { # vote [ACKNOWLEDGED...] : posts the vote to A in the background ($request), its page to $work/vote.html
  local page acknowledged=()
  page=$(curl -s -b "$bithu" "$base_a/hop/$meeting")
  for code in "$@"; do acknowledged+=(--data-urlencode "acknowledged=$code"); done
  ( exec curl -s -o "$work/vote.html" -w '%{http_code}' -m 120 -b "$bithu" --data-urlencode "item=$item" --data-urlencode "question=Đề nghị kết nạp vào Đảng." \
      --data-urlencode "purpose=Admission" --data-urlencode "method=SecretBallot" --data-urlencode "votesFor=$eligible" --data-urlencode "against=0" \
      --data-urlencode "abstain=0" --data-urlencode "caseId=$case" "${acknowledged[@]}" --data-urlencode "version=$(version <<<"$page")" \
      --data-urlencode "__RequestVerificationToken=$(token <<<"$page")" "$base_a/hop/$meeting?handler=Vote" >"$work/vote.code" ) &
  request=$!
}
case_state() { sql "SELECT c.\"Stage\" || ' v' || c.\"Version\" || ', ' || (SELECT count(*) FROM \"CaseSteps\" s WHERE s.\"CaseId\" = c.\"Id\") || ' steps, meeting v'
                      || (SELECT \"Version\" FROM \"Meetings\" WHERE \"Id\" = '$meeting') || ', ' || (SELECT count(*) FROM \"MeetingVotes\" WHERE \"AgendaItemId\" = '$item') || ' votes, '
                      || (SELECT count(*) FROM \"AuditEntries\" WHERE \"Action\" <> 'view') || ' audit entries of changes' FROM \"Cases\" c WHERE c.\"Id\" = '$case'"; }
before=$(case_state)
acknowledged=()
probe_start
lock "SELECT 1 FROM \"Meetings\" WHERE \"Id\" = '$meeting' FOR UPDATE"
for _ in 1 2 3; do
  vote "${acknowledged[@]}"
  waiting=$(wait_blocked chibo-a "$request")
  [ -n "$waiting" ] && break
  # Refused before writing: the rules ask to acknowledge warnings (nothing was written); post again with them.
  mapfile -t acknowledged < <(grep -o 'name="acknowledged" value="[^"]*"' "$work/vote.html" | sed 's/.*value="//; s/"$//')
done
wrote_step=no
holds "$waiting" CaseSteps && wrote_step=yes
kill_a "$request"
check "vote: A killed while its transaction, having written the case's step ($wrote_step), waited at the meeting's row" test -n "$waiting" -a "$wrote_step" = yes
check "vote: A never answered the request (HTTP $(cat "$work/vote.code"))" same "$(cat "$work/vote.code")" 000
check "vote: A's sessions ended with it" sessions_gone chibo-a
after=$(case_state)
check "vote: nothing of it remains ($after; before: $before)" same "$after" "$before"
probe_check vote
restart_a
vote "${acknowledged[@]}"
wait "$request" || true
check "vote: posted again without the lock, recorded whole (vote, its step, the case's new stage)" same \
  "$(sql "SELECT v.\"Passed\" || ' ' || s.\"Kind\" || ' ' || c.\"Stage\" FROM \"MeetingVotes\" v JOIN \"CaseSteps\" s ON s.\"Id\" = v.\"CaseStepId\" JOIN \"Cases\" c ON c.\"Id\" = v.\"CaseId\" WHERE v.\"AgendaItemId\" = '$item'")" \
  "true CellResolution CellProposed"

# 3. The half-year report of the whole tree as PDF: killed while it reads the targets. It writes one audit entry
#    (a read of personal data), after reading and before rendering; nothing else.
root=$(sql "SELECT \"Id\" FROM \"Organisations\" WHERE \"ParentId\" IS NULL ORDER BY \"Path\" LIMIT 1")
audit=$(sql "SELECT count(*) FROM \"AuditEntries\"")
last=$(sql "SELECT coalesce(max(\"Id\"), 0) FROM \"AuditEntries\"")
report() { ( exec curl -s -o "$work/report.pdf" -w '%{http_code}' -m 120 -b "$admin_jar" "$base_a/tong-quan?handler=report&org=$root&nam=2024&ky=1&dinh-dang=pdf" >"$work/report.code" ) & request=$!; }
probe_start
lock "LOCK TABLE \"AdmissionTargets\" IN ACCESS EXCLUSIVE MODE"
report
waiting=$(wait_blocked chibo-a "$request")
kill_a "$request"
check "report: A killed while the report waited for its figures (session ${waiting:-none})" test -n "$waiting"
check "report: A never answered the request (HTTP $(cat "$work/report.code"))" same "$(cat "$work/report.code")" 000
check "report: A's sessions ended with it" sessions_gone chibo-a
check "report: nothing written, not even the audit entry ($(sql "SELECT count(*) FROM \"AuditEntries\"") entries, before $audit)" same "$(sql "SELECT count(*) FROM \"AuditEntries\"")" "$audit"
probe_check report
restart_a
report
wait "$request" || true
check "report: asked again without the lock, a PDF (HTTP $(cat "$work/report.code")) and one audit entry, a view of OversightReport" same \
  "$(cat "$work/report.code") $(head -c 4 "$work/report.pdf") $(sql "SELECT string_agg(\"Action\" || ' ' || \"EntityType\", ',') FROM \"AuditEntries\" WHERE \"Id\" > $last")" \
  "200 %PDF view OversightReport"

# 4. A register number for the sympathizer list: the counter and the document entered with its number, one transaction.
#    (Opening the register page is audited as a view; only entries of changes count here.)
bithu=$(sign_in bithu)
register() { # the counters' total and the documents of the cell
  sql "SELECT coalesce(sum(\"Last\"), 0) || ' numbers taken, ' || (SELECT count(*) FROM \"IssuedDocuments\" WHERE \"OrganisationId\" = '$cell') || ' documents'
         FROM \"NumberCounters\" WHERE \"OrganisationId\" = '$cell'"
}
number() {
  local page
  page=$(curl -s -b "$bithu" "$base_a/so-van-ban?don-vi=$cell")
  ( exec curl -s -o /dev/null -w '%{http_code}' -m 120 -b "$bithu" --data-urlencode "__RequestVerificationToken=$(token <<<"$page")" \
      "$base_a/so-van-ban?don-vi=$cell&handler=Sympathizers" >"$work/number.code" ) &
  request=$!
}
before=$(register)
audit=$(sql "SELECT count(*) FROM \"AuditEntries\" WHERE \"Action\" <> 'view'")
probe_start
lock "LOCK TABLE \"IssuedDocuments\" IN SHARE MODE"
number
waiting=$(wait_blocked chibo-a "$request")
raised=no
holds "$waiting" NumberCounters && raised=yes
kill_a "$request"
check "number: A killed while its transaction, having raised the counter ($raised), waited to enter the document" test -n "$waiting" -a "$raised" = yes
check "number: A never answered the request (HTTP $(cat "$work/number.code"))" same "$(cat "$work/number.code")" 000
check "number: A's sessions ended with it" sessions_gone chibo-a
check "number: register unchanged ($(register)), no audit entry of a change" same "$(register) $(sql "SELECT count(*) FROM \"AuditEntries\" WHERE \"Action\" <> 'view'")" "$before $audit"
probe_check number
restart_a
number
wait "$request" || true
check "number: asked again without the lock, the next number is issued with its document ($(register))" same \
  "$(sql "SELECT count(*) FROM \"IssuedDocuments\" d JOIN \"NumberCounters\" n ON n.\"OrganisationId\" = d.\"OrganisationId\" AND n.\"Symbol\" = d.\"Symbol\" AND n.\"Year\" = d.\"Year\" AND n.\"Last\" = d.\"Sequence\" WHERE d.\"OrganisationId\" = '$cell' AND d.\"IssuedAt\" > now() - interval '5 minutes'")" 1
exit $failed
