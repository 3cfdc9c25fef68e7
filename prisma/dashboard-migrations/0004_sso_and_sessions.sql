-- Up Migration
-- Entra ID sign-in links an account to its directory object once, so a later change of
-- address in Entra cannot hand the account to someone else.
ALTER TABLE variance_dashboard.users ADD COLUMN sso_subject VARCHAR(200) UNIQUE;
-- "Sign out everywhere": sessions that started before this moment are no longer accepted.
ALTER TABLE variance_dashboard.users ADD COLUMN sessions_revoked_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX audit_events_action_idx ON variance_dashboard.audit_events (action, occurred_at);
CREATE INDEX audit_events_actor_idx ON variance_dashboard.audit_events (actor_email, occurred_at);

-- Down Migration
DROP INDEX variance_dashboard.audit_events_actor_idx;
DROP INDEX variance_dashboard.audit_events_action_idx;
ALTER TABLE variance_dashboard.users DROP COLUMN sessions_revoked_at;
ALTER TABLE variance_dashboard.users DROP COLUMN sso_subject;
