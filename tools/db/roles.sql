-- The two database roles, for the database the product uses (run by a superuser, connected to that
-- database). Used as is by the embedded default (tools/lib/embedded-postgres.mjs) and by
-- docker-compose's init script (tools/db/docker-init-roles.sh); the test harness makes the same roles.
--
--   owner: owns the schema; migrations run as it (DATABASE_OWNER_URL).
--   app:   what the API and worker connect as (DATABASE_URL). It owns nothing, so it cannot ALTER a
--          table or disable a trigger; it is no superuser, so it cannot set session_replication_role.
--          Its table privileges are granted by the owner after migrations (database/database-roles.ts):
--          the DML it needs, and only INSERT and SELECT on the audit log.
--
-- Parameters are session settings, set before this file runs (set_config or SET):
--   sg.owner_role, sg.app_role      role names
--   sg.owner_password, sg.app_password   (optional) their passwords
-- Safe to run again: existing roles keep their attributes (passwords are reset when given), and
-- objects an earlier version created as another role move to the owner.
DO $roles$
DECLARE
  owner_role text := current_setting('sg.owner_role');
  app_role text := current_setting('sg.app_role');
  owner_password text := nullif(current_setting('sg.owner_password', true), '');
  app_password text := nullif(current_setting('sg.app_password', true), '');
  previous_owner text;
  object record;
BEGIN
  IF owner_role = app_role THEN
    RAISE EXCEPTION 'the owner and the application role must differ (both are %)', owner_role;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = owner_role) THEN
    EXECUTE format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS', owner_role);
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = app_role) THEN
    EXECUTE format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS', app_role);
  END IF;
  IF owner_password IS NOT NULL THEN EXECUTE format('ALTER ROLE %I PASSWORD %L', owner_role, owner_password); END IF;
  IF app_password IS NOT NULL THEN EXECUTE format('ALTER ROLE %I PASSWORD %L', app_role, app_password); END IF;

  EXECUTE format('ALTER DATABASE %I OWNER TO %I', current_database(), owner_role);
  EXECUTE format('REVOKE ALL ON DATABASE %I FROM PUBLIC', current_database());
  EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO %I', current_database(), app_role);
  EXECUTE format('ALTER SCHEMA public OWNER TO %I', owner_role);
  REVOKE CREATE ON SCHEMA public FROM PUBLIC;

  -- A database migrated before the roles existed: its objects belong to whoever ran the migrations
  -- (a superuser). They move to the owner, so its migrations can change them and the app cannot.
  FOR object IN
    SELECT c.oid::regclass::text AS name, c.relkind
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname IN ('public', 'bullmq') AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
       AND pg_get_userbyid(c.relowner) <> owner_role
       AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i')))
  LOOP
    EXECUTE format('ALTER TABLE %s OWNER TO %I', object.name, owner_role);
  END LOOP;
  FOR object IN
    SELECT p.oid::regprocedure::text AS name, p.prokind
      FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
     WHERE n.nspname IN ('public', 'bullmq') AND pg_get_userbyid(p.proowner) <> owner_role
  LOOP
    EXECUTE format('ALTER %s %s OWNER TO %I', CASE object.prokind WHEN 'p' THEN 'PROCEDURE' WHEN 'a' THEN 'AGGREGATE' ELSE 'FUNCTION' END, object.name, owner_role);
  END LOOP;
  FOR object IN
    SELECT t.oid::regtype::text AS name
      FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
     WHERE n.nspname IN ('public', 'bullmq') AND t.typtype IN ('e', 'd', 'c') AND pg_get_userbyid(t.typowner) <> owner_role
       AND NOT EXISTS (SELECT 1 FROM pg_class c WHERE c.oid = t.typrelid AND c.relkind <> 'c')
  LOOP
    EXECUTE format('ALTER TYPE %s OWNER TO %I', object.name, owner_role);
  END LOOP;
  SELECT pg_get_userbyid(nspowner) INTO previous_owner FROM pg_namespace WHERE nspname = 'bullmq';
  IF previous_owner IS NOT NULL AND previous_owner <> owner_role THEN
    EXECUTE format('ALTER SCHEMA bullmq OWNER TO %I', owner_role);
  END IF;
END
$roles$;
