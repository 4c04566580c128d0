#!/bin/sh
# Runs once, when the PostgreSQL volume is first created: the application role, which may log in
# but owns nothing and cannot bypass row-level security (docs/operations.md, "PostgreSQL").
set -eu
psql -v ON_ERROR_STOP=1 -v app_password="$APP_DB_PASSWORD" --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<'SQL'
CREATE ROLE coop_app LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD :'app_password';
GRANT CONNECT ON DATABASE sahakorn TO coop_app;
SQL
