-- Least privilege for the dashboard's database role, part 2 of 2 (see upstream.sql).
-- Safe to run again, e.g. after `npm run migrate` added dashboard tables.

-- The dashboard's schema: read and write its tables, but create or alter nothing
-- (migrations run as the owner).
GRANT USAGE ON SCHEMA variance_dashboard TO :app_role;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA variance_dashboard TO :app_role;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA variance_dashboard TO :app_role;
ALTER DEFAULT PRIVILEGES IN SCHEMA variance_dashboard GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO :app_role;
ALTER DEFAULT PRIVILEGES IN SCHEMA variance_dashboard GRANT USAGE, SELECT ON SEQUENCES TO :app_role;
-- The migration record is the owner's.
REVOKE INSERT, UPDATE, DELETE ON variance_dashboard.schema_migrations FROM :app_role;

-- The audit log is append-only, even for the app.
REVOKE UPDATE, DELETE, TRUNCATE ON variance_dashboard.audit_events FROM :app_role;
