#!/bin/sh
# docker-compose's PostgreSQL runs this once, on a new data volume (/docker-entrypoint-initdb.d):
# the two database roles from tools/db/roles.sql (the same file the embedded default runs).
# For a volume made before this script existed, run it once by hand:
#   docker compose exec -e SG_DB_OWNER_PASSWORD=... -e SG_DB_APP_PASSWORD=... postgres sh /docker-entrypoint-initdb.d/10-roles.sh
# Your own server (as a superuser; psql reads PGHOST, PGPORT, PGPASSWORD as usual):
#   PGHOST=db POSTGRES_USER=postgres POSTGRES_DB=safeguard SG_DB_OWNER_PASSWORD=... SG_DB_APP_PASSWORD=... sh tools/db/docker-init-roles.sh
set -eu
ROLES_SQL=/sg/roles.sql
[ -f "$ROLES_SQL" ] || ROLES_SQL="$(dirname "$0")/roles.sql"
: "${SG_DB_OWNER_PASSWORD:?set SG_DB_OWNER_PASSWORD}"
: "${SG_DB_APP_PASSWORD:?set SG_DB_APP_PASSWORD}"
psql -v ON_ERROR_STOP=1 -q \
  -v owner_password="$SG_DB_OWNER_PASSWORD" -v app_password="$SG_DB_APP_PASSWORD" -v roles_sql="$ROLES_SQL" \
  --username "${POSTGRES_USER:-postgres}" --dbname "${POSTGRES_DB:-postgres}" <<'SQL'
SELECT set_config('sg.owner_role', 'safeguard_owner', false),
       set_config('sg.app_role', 'safeguard_app', false),
       set_config('sg.owner_password', :'owner_password', false),
       set_config('sg.app_password', :'app_password', false) \gset
\i :roles_sql
SQL
