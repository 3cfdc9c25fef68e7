-- Least privilege for the dashboard's database role, part 1 of 2; applied by `npm run db:grant`
-- (as the owner of the tables), which puts the role's quoted name where :app_role stands.

-- Upstream tables: read everything, write only the triage columns of exceptions.
GRANT USAGE ON SCHEMA public TO :app_role;
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM :app_role;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO :app_role;
GRANT UPDATE (resolved, resolved_date, resolved_by, assigned_to, notes) ON public.exceptions TO :app_role;
