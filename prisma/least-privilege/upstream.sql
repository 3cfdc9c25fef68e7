-- Least privilege for the dashboard's database role, part 1 of 2; applied by `npm run db:grant`
-- (as the owner of the tables), which puts the role's quoted name where :app_role stands.

-- Upstream tables: nothing but what lib/db/upstream-reads.ts lists. After this, db:grant grants
-- SELECT on exactly the listed columns this database has, and UPDATE on the triage columns of
-- exceptions the dashboard writes (lib/db/least-privilege.ts, upstreamColumnGrants), so a query
-- reading an unlisted column fails under this role. REVOKE ALL also takes back column grants.
GRANT USAGE ON SCHEMA public TO :app_role;
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM :app_role;
