-- The optional variance-tracking columns some live servers have from a hand-run migration.
-- The dashboard must work with and without them; tests run both ways.
ALTER TABLE exceptions
    ADD COLUMN manually_updated_at TIMESTAMP WITHOUT TIME ZONE,
    ADD COLUMN manually_updated_by VARCHAR(255),
    ADD COLUMN update_type VARCHAR(100),
    ADD COLUMN old_value JSONB,
    ADD COLUMN new_value JSONB,
    ADD COLUMN variance_status VARCHAR(50) DEFAULT 'active'
        CONSTRAINT ck_exceptions_variance_status
        CHECK (variance_status IN ('active', 'manually_fixed', 'collector_verified', 'stale'));
