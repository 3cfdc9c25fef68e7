-- Upstream-compatible DDL for the es_inventory_hub tables, as the live database has them
-- (shared/reference/inventory-hub-database.md §3 and the access guide's DDL).
-- For development, tests and the demo ONLY: never run this against a DATABASE_URL database.
-- Like the Python models the collectors use, most NOT NULL columns carry no server default.

CREATE TABLE vendor (
    id   SERIAL PRIMARY KEY,
    name VARCHAR(100) NOT NULL UNIQUE
);

CREATE TABLE billing_status (
    id   SERIAL PRIMARY KEY,
    code VARCHAR(50) NOT NULL UNIQUE
);

CREATE TABLE device_type (
    id   SERIAL PRIMARY KEY,
    code VARCHAR(50) NOT NULL UNIQUE
);

CREATE TABLE site (
    id              SERIAL PRIMARY KEY,
    vendor_id       INTEGER NOT NULL REFERENCES vendor(id),
    vendor_site_key VARCHAR(255) NOT NULL,
    name            VARCHAR(255) NOT NULL,
    CONSTRAINT uq_site_vendor_key UNIQUE (vendor_id, vendor_site_key)
);

-- Exists upstream and is unused.
CREATE TABLE site_alias (
    id                SERIAL PRIMARY KEY,
    canonical_site_id INTEGER NOT NULL REFERENCES site(id),
    vendor_id         INTEGER NOT NULL REFERENCES vendor(id),
    alias_name        VARCHAR(255) NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    CONSTRAINT uq_site_alias_vendor_name UNIQUE (vendor_id, alias_name)
);

CREATE TABLE device_identity (
    id                SERIAL PRIMARY KEY,
    vendor_id         INTEGER NOT NULL REFERENCES vendor(id),
    vendor_device_key VARCHAR(255) NOT NULL,
    first_seen_date   DATE NOT NULL,
    last_seen_date    DATE NOT NULL,
    CONSTRAINT uq_device_identity_vendor_key UNIQUE (vendor_id, vendor_device_key)
);

CREATE TABLE device_snapshot (
    id                  SERIAL PRIMARY KEY,
    snapshot_date       DATE NOT NULL,
    vendor_id           INTEGER NOT NULL REFERENCES vendor(id),
    device_identity_id  INTEGER NOT NULL REFERENCES device_identity(id),
    site_id             INTEGER REFERENCES site(id),
    device_type_id      INTEGER REFERENCES device_type(id),
    billing_status_id   INTEGER REFERENCES billing_status(id),
    hostname            VARCHAR(255),
    os_name             VARCHAR(255),
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    organization_name   VARCHAR(255),
    display_name        VARCHAR(255),
    device_status       VARCHAR(100),
    location_name       VARCHAR(255),
    device_type_name    VARCHAR(100),
    billable_status_name VARCHAR(100),
    last_online         TIMESTAMP WITH TIME ZONE,
    agent_install_timestamp TIMESTAMP WITH TIME ZONE,
    organization_id     VARCHAR(255),
    computer_group      VARCHAR(255),
    security_mode       VARCHAR(100),
    deny_count_1d       INTEGER,
    deny_count_3d       INTEGER,
    deny_count_7d       INTEGER,
    install_date        TIMESTAMP WITH TIME ZONE,
    is_locked_out       BOOLEAN,
    is_isolated         BOOLEAN,
    agent_version       VARCHAR(100),
    has_checked_in      BOOLEAN,
    has_tpm             BOOLEAN,
    tpm_enabled         BOOLEAN,
    tpm_version         VARCHAR(100),
    secure_boot_available BOOLEAN,
    secure_boot_enabled BOOLEAN,
    os_architecture     VARCHAR(100),
    node_class          VARCHAR(100),
    os_build            VARCHAR(100),
    os_release_id       VARCHAR(100),
    windows_11_24h2_capable BOOLEAN,
    windows_11_24h2_deficiencies TEXT,
    volumes             TEXT,
    cpu_model           VARCHAR(255),
    system_manufacturer VARCHAR(255),
    system_model        VARCHAR(255),
    memory_gib          NUMERIC(10, 2),
    CONSTRAINT uq_device_snapshot_date_vendor_device UNIQUE (snapshot_date, vendor_id, device_identity_id)
);
-- Single-column indexes only, as upstream: no (snapshot_date, vendor_id), no lower(hostname).
CREATE INDEX ix_device_snapshot_snapshot_date ON device_snapshot (snapshot_date);
CREATE INDEX ix_device_snapshot_vendor_id ON device_snapshot (vendor_id);
CREATE INDEX ix_device_snapshot_device_identity_id ON device_snapshot (device_identity_id);
CREATE INDEX ix_device_snapshot_site_id ON device_snapshot (site_id);
CREATE INDEX ix_device_snapshot_hostname ON device_snapshot (hostname);
CREATE INDEX ix_device_snapshot_organization_name ON device_snapshot (organization_name);
CREATE INDEX ix_device_snapshot_display_name ON device_snapshot (display_name);
CREATE INDEX ix_device_snapshot_device_status ON device_snapshot (device_status);
CREATE INDEX ix_device_snapshot_billing_status_id ON device_snapshot (billing_status_id);
CREATE INDEX ix_device_snapshot_device_type_id ON device_snapshot (device_type_id);

-- The access guide's DDL: the contract this project targets.
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

CREATE TABLE job_batches (
    batch_id             VARCHAR(50) PRIMARY KEY,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    status               VARCHAR(20) NOT NULL,
    priority             INTEGER,
    started_at           TIMESTAMP WITH TIME ZONE,
    ended_at             TIMESTAMP WITH TIME ZONE,
    progress_percent     INTEGER,
    estimated_completion TIMESTAMP WITH TIME ZONE,
    message              TEXT,
    error                TEXT,
    duration_seconds     INTEGER
);

CREATE TABLE job_runs (
    job_id           VARCHAR(50) PRIMARY KEY,
    batch_id         VARCHAR(50) REFERENCES job_batches(batch_id),
    job_name         VARCHAR(50) NOT NULL,
    status           VARCHAR(20) NOT NULL,
    started_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at         TIMESTAMP WITH TIME ZONE,
    progress_percent INTEGER,
    message          TEXT,
    error            TEXT,
    duration_seconds INTEGER
);
CREATE INDEX ix_job_runs_batch_id ON job_runs (batch_id);
CREATE INDEX ix_job_runs_job_name ON job_runs (job_name);

-- Exist upstream; nothing fills them.
CREATE TABLE daily_counts (
    id                SERIAL PRIMARY KEY,
    snapshot_date     DATE NOT NULL,
    vendor_id         INTEGER NOT NULL REFERENCES vendor(id),
    site_id           INTEGER REFERENCES site(id),
    device_type_id    INTEGER REFERENCES device_type(id),
    billing_status_id INTEGER REFERENCES billing_status(id),
    cnt               INTEGER NOT NULL,
    CONSTRAINT uq_daily_counts_dims UNIQUE (snapshot_date, vendor_id, site_id, device_type_id, billing_status_id)
);

CREATE TABLE month_end_counts (
    id                SERIAL PRIMARY KEY,
    month_end_date    DATE NOT NULL,
    vendor_id         INTEGER NOT NULL REFERENCES vendor(id),
    site_id           INTEGER REFERENCES site(id),
    device_type_id    INTEGER REFERENCES device_type(id),
    billing_status_id INTEGER REFERENCES billing_status(id),
    cnt               INTEGER NOT NULL,
    CONSTRAINT uq_month_end_counts_dims UNIQUE (month_end_date, vendor_id, site_id, device_type_id, billing_status_id)
);

CREATE TABLE change_log (
    id                 SERIAL PRIMARY KEY,
    change_date        DATE NOT NULL,
    vendor_id          INTEGER NOT NULL REFERENCES vendor(id),
    device_identity_id INTEGER NOT NULL REFERENCES device_identity(id),
    change_type        VARCHAR(50) NOT NULL,
    old_value          JSONB,
    new_value          JSONB,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);
CREATE INDEX ix_change_log_change_date ON change_log (change_date);
