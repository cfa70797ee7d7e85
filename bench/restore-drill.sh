#!/usr/bin/env bash
# The backup restore drill of docs/deploy.md, performed: dumps a Chibo database with pg_dump (custom format),
# restores it into a new database, runs chibo against the copy (migrate: nothing to do; org list: reads it) and
# compares every table of the two databases, its row count and a checksum of all its rows (so it reads every row
# of both: minutes on a large database). Drops the copy afterwards. Exits non-zero on a difference, so run it on a
# database nobody writes to meanwhile (a staging copy, or the cluster of bench/two-instances.sh when stopped).
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
failed=0
check() { local label=$1; shift; if "$@"; then echo "ok   $label"; else echo "FAIL $label"; failed=1; fi; }
migrated=$(dotnet "$chibo" migrate --Database:Provider=Postgres "--ConnectionStrings:Chibo=$conn")
check "chibo migrate on the copy: $migrated" test "$migrated" = "Cơ sở dữ liệu đã ở phiên bản mới nhất."
listed=$(dotnet "$chibo" org list --Database:Provider=Postgres "--ConnectionStrings:Chibo=$conn" | grep -c '\[' || true)
expected=$(psql -d "$source_db" -Atqc "SELECT count(*) FROM \"Organisations\" WHERE \"Kind\" NOT IN ('SchoolClass', 'UnionBranch')")
check "chibo org list on the copy: $listed organisations (classes and union branches aside), as in the source" test "$listed" = "$expected"

# Every table of the source, by name; the checksum is over the rows' text in a fixed order.
fingerprint() { # fingerprint DATABASE TABLE
  psql -d "$1" -Atqc "SELECT count(*) || ' rows, md5 ' || left(coalesce(md5(string_agg(t::text, E'\n' ORDER BY t::text)), '-'), 12) FROM \"$2\" t"
}
tables=$(psql -d "$source_db" -Atqc "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1")
check "the copy has the same $(wc -l <<<"$tables") tables" test "$tables" = "$(psql -d "$copy" -Atqc "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1")"
for table in $tables; do
  a=$(fingerprint "$source_db" "$table")
  b=$(fingerprint "$copy" "$table")
  if [ "$a" = "$b" ]; then printf 'ok   %-24s %s\n' "$table" "$a"; else printf 'FAIL %-24s %s, copy %s\n' "$table" "$a" "$b"; failed=1; fi
done
exit $failed
