-- Up Migration
-- Triage state of a variance: the stable (type, canonical hostname key) that survives the
-- checks deleting and recreating exception rows. One row per variance a person touched.
CREATE TABLE variance_dashboard.variance_triage (
    variance_type        VARCHAR(64) NOT NULL,
    variance_key         VARCHAR(255) NOT NULL,
    -- Optimistic concurrency: a command names the version it saw; every change adds one.
    version              INTEGER NOT NULL DEFAULT 0,
    assignee_user_id     UUID REFERENCES variance_dashboard.users(id),
    resolved_at          TIMESTAMP WITH TIME ZONE,
    -- The report date (date_found) the resolution was made on; later reports verify or regress it.
    resolved_report_date DATE,
    resolved_by_user_id  UUID REFERENCES variance_dashboard.users(id),
    resolution_note      TEXT,
    snoozed_until        DATE,
    snooze_reason        TEXT,
    snoozed_by_user_id   UUID REFERENCES variance_dashboard.users(id),
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    updated_by_user_id   UUID REFERENCES variance_dashboard.users(id),
    PRIMARY KEY (variance_type, variance_key),
    CONSTRAINT variance_triage_resolution_complete CHECK (
        (resolved_at IS NULL AND resolved_report_date IS NULL AND resolved_by_user_id IS NULL AND resolution_note IS NULL)
        OR (resolved_at IS NOT NULL AND resolved_report_date IS NOT NULL AND resolved_by_user_id IS NOT NULL AND resolution_note IS NOT NULL)
    ),
    CONSTRAINT variance_triage_snooze_complete CHECK ((snoozed_until IS NULL) = (snooze_reason IS NULL))
);
CREATE INDEX variance_triage_assignee_idx ON variance_dashboard.variance_triage (assignee_user_id);

-- Notes are never edited or deleted: a person's words are kept as written.
CREATE TABLE variance_dashboard.variance_notes (
    id             BIGSERIAL PRIMARY KEY,
    variance_type  VARCHAR(64) NOT NULL,
    variance_key   VARCHAR(255) NOT NULL,
    author_user_id UUID NOT NULL REFERENCES variance_dashboard.users(id),
    body           TEXT NOT NULL CHECK (char_length(body) BETWEEN 1 AND 5000),
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);
CREATE INDEX variance_notes_variance_idx ON variance_dashboard.variance_notes (variance_type, variance_key, created_at);

-- Down Migration
DROP TABLE variance_dashboard.variance_notes;
DROP TABLE variance_dashboard.variance_triage;
