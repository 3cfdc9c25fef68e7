-- Up Migration
-- Rollups of the upstream tables that the report pages aggregate over whole windows
-- (lib/reports/rollups). They hold only what the collectors' rows decide, never triage
-- state, so a triage change can never make them stale. Upstream deletes and re-inserts whole
-- dates (reference §1): a date's rollup is recomputed when the fingerprint of the rows under
-- it (row count, max(id), max(created_at)) differs from the one it was computed from; the
-- newest dates are fingerprinted on every refresh, older ones when rows with newer ids land
-- on them (lib/reports/rollups/rollup-refresh.ts).

-- Devices per date × vendor × organisation name (as lib/reports/organization-devices.ts
-- files a blank name: under "Unknown").
CREATE TABLE variance_dashboard.device_count_rollup (
    snapshot_date      DATE NOT NULL,
    vendor_id          INTEGER NOT NULL,
    organization_name  VARCHAR(255) NOT NULL,
    devices            INTEGER NOT NULL CHECK (devices > 0),
    PRIMARY KEY (snapshot_date, vendor_id, organization_name)
);
-- An organisation's trend reads only its own names' rows.
CREATE INDEX device_count_rollup_organization_idx ON variance_dashboard.device_count_rollup (organization_name, snapshot_date);

-- What each (date, vendor)'s device rows looked like when their rollup was computed. The
-- row count doubles as the devices per vendor per date that the report calendar needs.
CREATE TABLE variance_dashboard.device_rollup_state (
    snapshot_date   DATE NOT NULL,
    vendor_id       INTEGER NOT NULL,
    row_count       INTEGER NOT NULL CHECK (row_count > 0),
    max_id          INTEGER NOT NULL,
    max_created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    computed_at     TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    PRIMARY KEY (snapshot_date, vendor_id)
);

-- The variances (distinct type × canonical key) present on each date. Looked up by variance
-- for the few triaged ones, so "open" can be derived without scanning exceptions.
CREATE TABLE variance_dashboard.variance_presence_rollup (
    variance_type  VARCHAR(64) NOT NULL,
    variance_key   VARCHAR(255) NOT NULL,
    date_found     DATE NOT NULL,
    PRIMARY KEY (variance_type, variance_key, date_found)
);
CREATE INDEX variance_presence_rollup_date_idx ON variance_dashboard.variance_presence_rollup (date_found);

-- Variances present per date × type: the presence rows counted.
CREATE TABLE variance_dashboard.variance_count_rollup (
    date_found     DATE NOT NULL,
    variance_type  VARCHAR(64) NOT NULL,
    variances      INTEGER NOT NULL CHECK (variances > 0),
    PRIMARY KEY (date_found, variance_type)
);

-- What each date's exceptions rows looked like when its variance rollups were computed
-- (exceptions has no created_at; a re-created row has a new id). A date without exceptions
-- has a row too (0 rows, max_id 0), so it is settled like any other.
CREATE TABLE variance_dashboard.variance_rollup_state (
    date_found   DATE PRIMARY KEY,
    row_count    INTEGER NOT NULL CHECK (row_count >= 0),
    max_id       BIGINT NOT NULL,
    computed_at  TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);

-- Down Migration
DROP TABLE variance_dashboard.variance_rollup_state;
DROP TABLE variance_dashboard.variance_count_rollup;
DROP TABLE variance_dashboard.variance_presence_rollup;
DROP TABLE variance_dashboard.device_rollup_state;
DROP TABLE variance_dashboard.device_count_rollup;
