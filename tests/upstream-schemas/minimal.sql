-- A minimal es_inventory_hub, written by hand from the access guide
-- (shared/reference/seed-database-access-guide.md), NOT from prisma/upstream/: the guide's
-- tables and columns only, with its types (BIGSERIAL ids, install_date DATE, billing_status.name).
-- What the guide leaves out is taken from the reference only where the dashboard reads it
-- (job_runs, the collectors' run log); the tables it never reads are absent or shaped otherwise.
-- No hand-added device_snapshot columns (hardware, location_name, *_name) and no tracking
-- columns on exceptions. tests/integration/upstream-schemas.test.ts and
-- tests/e2e/upstream-schemas.spec.ts run the dashboard on it.

CREATE TABLE vendor (
    id SERIAL PRIMARY KEY,
    name VARCHAR(100) NOT NULL UNIQUE
);

CREATE TABLE billing_status (
    id SERIAL PRIMARY KEY,
    code VARCHAR(50) NOT NULL UNIQUE,
    name VARCHAR(100) NOT NULL
);

CREATE TABLE site (
    id BIGSERIAL PRIMARY KEY,
    vendor_id INTEGER NOT NULL REFERENCES vendor(id),
    vendor_site_key VARCHAR(255) NOT NULL,
    name VARCHAR(255) NOT NULL,
    UNIQUE(vendor_id, vendor_site_key)
);

-- The guide's device_snapshot references these without defining them; the dashboard reads neither.
CREATE TABLE device_type (
    id SERIAL PRIMARY KEY,
    label TEXT
);

CREATE TABLE device_identity (
    id BIGSERIAL PRIMARY KEY,
    vendor_id INTEGER NOT NULL REFERENCES vendor(id),
    vendor_device_key TEXT NOT NULL
);

CREATE TABLE device_snapshot (
    id BIGSERIAL PRIMARY KEY,
    snapshot_date DATE NOT NULL,
    vendor_id INTEGER NOT NULL REFERENCES vendor(id),
    device_identity_id BIGINT NOT NULL REFERENCES device_identity(id),
    site_id BIGINT REFERENCES site(id),
    device_type_id INTEGER REFERENCES device_type(id),
    billing_status_id INTEGER REFERENCES billing_status(id),
    hostname VARCHAR(255),
    os_name VARCHAR(255),
    created_at TIMESTAMP WITH TIME ZONE DEFAULT NOW(),

    organization_name VARCHAR(255),
    display_name VARCHAR(255),
    device_status VARCHAR(100),

    last_online TIMESTAMP WITH TIME ZONE,
    agent_install_timestamp TIMESTAMP WITH TIME ZONE,

    organization_id VARCHAR(255),
    computer_group VARCHAR(255),
    security_mode VARCHAR(100),
    deny_count_1d INTEGER,
    deny_count_3d INTEGER,
    deny_count_7d INTEGER,
    install_date DATE,
    is_locked_out BOOLEAN,
    is_isolated BOOLEAN,
    agent_version VARCHAR(100),
    has_checked_in BOOLEAN,

    CONSTRAINT uq_device_snapshot_date_vendor_device
        UNIQUE (snapshot_date, vendor_id, device_identity_id)
);

CREATE TABLE exceptions (
    id BIGSERIAL PRIMARY KEY,
    date_found DATE NOT NULL DEFAULT CURRENT_DATE,
    type VARCHAR(64) NOT NULL,
    hostname VARCHAR(255) NOT NULL,
    details JSONB NOT NULL DEFAULT '{}',
    resolved BOOLEAN NOT NULL DEFAULT FALSE,
    resolved_date DATE,
    resolved_by VARCHAR(255),
    assigned_to VARCHAR(255),
    notes TEXT[]
);
CREATE INDEX ix_exceptions_type_date ON exceptions (type, date_found);
CREATE INDEX ix_exceptions_hostname ON exceptions (hostname);
CREATE INDEX ix_exceptions_resolved ON exceptions (resolved);

-- The reference's run log (§3), without job_batches (absent here) or its foreign key.
CREATE TABLE job_runs (
    job_id VARCHAR(50) PRIMARY KEY,
    batch_id VARCHAR(50),
    job_name VARCHAR(50) NOT NULL,
    status VARCHAR(20) NOT NULL,
    started_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    ended_at TIMESTAMPTZ,
    progress_percent INTEGER,
    message TEXT,
    error TEXT,
    duration_seconds INTEGER
);

-- "Exists, nothing fills it": here with columns of its own.
CREATE TABLE daily_counts (
    day DATE NOT NULL,
    vendor TEXT NOT NULL,
    total BIGINT NOT NULL
);
