-- Up Migration
-- Organisation names an admin merged by hand. Names are matched on their normalised form
-- (lib/reports/organization-name.ts: case, punctuation and legal suffixes removed); a row
-- here files every name of normalised form `alias_key` under the organisation whose
-- normalised form is `organization_key`. Deleting the row splits them apart again.
-- Kept flat (an organisation_key is never itself an alias_key) by the merge command, so a
-- name resolves in one look-up.
CREATE TABLE variance_dashboard.organization_aliases (
    alias_key          VARCHAR(255) PRIMARY KEY CHECK (btrim(alias_key) <> ''),
    organization_key   VARCHAR(255) NOT NULL CHECK (btrim(organization_key) <> '' AND organization_key <> alias_key),
    -- Who merged them; the audit log keeps the full history, so a removed account only clears this.
    merged_by_user_id  UUID REFERENCES variance_dashboard.users(id) ON DELETE SET NULL,
    merged_at          TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);
CREATE INDEX organization_aliases_organization_idx ON variance_dashboard.organization_aliases (organization_key);

-- Down Migration
DROP TABLE variance_dashboard.organization_aliases;
