#!/usr/bin/env bash
# Adds a migration with the same name to both providers' sets, so they never drift apart.
# Usage: scripts/add-migration.sh NAME
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: scripts/add-migration.sh NAME}
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  dotnet ef migrations add "$name" --project src/Chibo --context "${provider}AppDbContext" \
    --output-dir "Data/Migrations/$provider" --namespace "Chibo.Data.Migrations.$provider"
  # dotnet-ef places the snapshot by namespace; keep it beside its migrations.
  if [ -d "src/Chibo/Chibo/Data/Migrations/$provider" ]; then
    mv src/Chibo/Chibo/Data/Migrations/"$provider"/*.cs "src/Chibo/Data/Migrations/$provider/"
    rm -rf src/Chibo/Chibo
  fi
done
