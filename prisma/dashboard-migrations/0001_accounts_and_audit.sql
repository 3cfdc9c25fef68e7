-- Up Migration
-- The dashboard's own schema. Upstream tables in public are never altered.
CREATE TABLE variance_dashboard.users (
    id              UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    email           VARCHAR(320) NOT NULL UNIQUE CHECK (email = lower(email)),
    name            VARCHAR(200) NOT NULL,
    role            VARCHAR(20) NOT NULL CHECK (role IN ('technician', 'manager', 'admin')),
    password_hash   TEXT,
    disabled_at     TIMESTAMP WITH TIME ZONE,
    last_sign_in_at TIMESTAMP WITH TIME ZONE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);

-- Append-only record of every change a person or tool made through the dashboard.
CREATE TABLE variance_dashboard.audit_events (
    id            BIGSERIAL PRIMARY KEY,
    occurred_at   TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    actor_user_id UUID REFERENCES variance_dashboard.users(id) ON DELETE SET NULL,
    actor_email   VARCHAR(320) NOT NULL,
    action        VARCHAR(64) NOT NULL,
    subject_type  VARCHAR(64) NOT NULL,
    subject_id    TEXT NOT NULL,
    details       JSONB NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_events_occurred_at_idx ON variance_dashboard.audit_events (occurred_at);
CREATE INDEX audit_events_subject_idx ON variance_dashboard.audit_events (subject_type, subject_id);

-- Down Migration
DROP TABLE variance_dashboard.audit_events;
DROP TABLE variance_dashboard.users;
