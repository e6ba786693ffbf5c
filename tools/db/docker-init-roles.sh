#!/bin/sh
# docker-compose's PostgreSQL runs this once, on a new data volume (/docker-entrypoint-initdb.d):
# the two database roles from tools/db/roles.sql (the same file the embedded default runs).
# For a volume made before this script existed, run it once by hand:
#   docker compose exec -e SG_DB_OWNER_PASSWORD=... -e SG_DB_APP_PASSWORD=... postgres sh /docker-entrypoint-initdb.d/10-roles.sh
set -eu
: "${SG_DB_OWNER_PASSWORD:?set SG_DB_OWNER_PASSWORD}"
: "${SG_DB_APP_PASSWORD:?set SG_DB_APP_PASSWORD}"
psql -v ON_ERROR_STOP=1 -q \
  -v owner_password="$SG_DB_OWNER_PASSWORD" -v app_password="$SG_DB_APP_PASSWORD" \
  --username "${POSTGRES_USER:-postgres}" --dbname "${POSTGRES_DB:-postgres}" <<'SQL'
SELECT set_config('sg.owner_role', 'safeguard_owner', false),
       set_config('sg.app_role', 'safeguard_app', false),
       set_config('sg.owner_password', :'owner_password', false),
       set_config('sg.app_password', :'app_password', false) \gset
\i /sg/roles.sql
SQL
