#!/usr/bin/env bash
# The backup restore drill of docs/deploy.md, performed: dumps a Chibo database with pg_dump (custom format),
# restores it into a new database, runs chibo against the copy (migrate: nothing to do; org list: reads it) and
# compares the row counts of the tables that matter. Drops the copy afterwards. Exits non-zero on a difference.
#   bench/restore-drill.sh [DATABASE]          default chibo_cluster (see bench/two-instances.sh)
# CHIBO_PG_ADMIN: a role that may read the database and create databases (default: the role of test.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
source_db=${1:-chibo_cluster}
admin=${CHIBO_PG_ADMIN:-"Host=127.0.0.1;Port=5432;Username=chibo_test;Password=chibo_test;Database=postgres"}
field() { sed -n "s/.*$1=\([^;]*\).*/\1/p" <<<"$admin"; }
export PGHOST=127.0.0.1 PGPORT=$(field Port) PGUSER=$(field Username) PGPASSWORD=$(field Password)
copy="${source_db}_restore_$(date +%Y%m%d%H%M%S)"
dump=$(mktemp --suffix=.dump)
trap 'rm -f "$dump"; psql -d postgres -qc "DROP DATABASE IF EXISTS \"$copy\" WITH (FORCE)" >/dev/null 2>&1 || true' EXIT
dotnet build src/Chibo -c Release --nologo -v quiet >/dev/null
chibo="$(pwd)/src/Chibo/bin/Release/net10.0/chibo.dll"

start=$SECONDS
pg_dump -Fc -d "$source_db" -f "$dump"
echo "pg_dump: $(du -h "$dump" | cut -f1) in $((SECONDS - start)) s"
start=$SECONDS
psql -d postgres -qc "CREATE DATABASE \"$copy\""
pg_restore --no-owner -d "$copy" "$dump"
echo "pg_restore into $copy: $((SECONDS - start)) s"

conn="Host=127.0.0.1;Port=$PGPORT;Username=$PGUSER;Password=$PGPASSWORD;Database=$copy"
dotnet "$chibo" migrate --Database:Provider=Postgres "--ConnectionStrings:Chibo=$conn"
organisations=$(dotnet "$chibo" org list --Database:Provider=Postgres "--ConnectionStrings:Chibo=$conn" | grep -c '\[')
echo "chibo org list on the copy: $organisations organisations"

failed=0
for table in Organisations People Cases CaseSteps CaseDocuments StoredFiles Meetings MeetingVotes NewsArticles Notifications AuditEntries AspNetUsers DataProtectionKeys __EFMigrationsHistory; do
  a=$(psql -d "$source_db" -Atqc "SELECT count(*) FROM \"$table\"")
  b=$(psql -d "$copy" -Atqc "SELECT count(*) FROM \"$table\"")
  if [ "$a" = "$b" ]; then printf 'ok   %-22s %s rows\n' "$table" "$a"; else printf 'FAIL %-22s %s rows, copy %s\n' "$table" "$a" "$b"; failed=1; fi
done
exit $failed
