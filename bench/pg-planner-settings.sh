#!/usr/bin/env bash
# Sets on one database the planner settings docs/deploy.md recommends for PostgreSQL on SSD, so the benchmarks
# measure the plans a deployment following the guide gets (postgresql.conf holds them there; here they are set
# per database, as root through the postgres superuser, and need no restart). shared_buffers is left as it is.
# Usage: bench/pg-planner-settings.sh DATABASE
set -euo pipefail
database=${1:?name a database}
runuser -u postgres -- psql -q -d "$database" -v ON_ERROR_STOP=1 \
  -c "ALTER DATABASE \"$database\" SET random_page_cost = 1.1" \
  -c "ALTER DATABASE \"$database\" SET effective_cache_size = '12GB'" \
  -c "ALTER DATABASE \"$database\" SET work_mem = '32MB'"
