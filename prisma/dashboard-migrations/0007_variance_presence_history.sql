-- Up Migration
-- The queue, the variance and device pages read each variance's history (first and last
-- seen, its rows on a report, the hostname and details of its newest row) from the presence
-- rollup instead of aggregating every exceptions row up to the report: per variance and date
-- it now keeps how many rows the variance has and the smallest of their ids (the row the
-- variance shows, lib/variances/variance-rows.ts). Presence computed before lacks both, so the
-- variance rollups are emptied and the next refresh computes every date again.
TRUNCATE variance_dashboard.variance_presence_rollup, variance_dashboard.variance_count_rollup, variance_dashboard.variance_rollup_state;
ALTER TABLE variance_dashboard.variance_presence_rollup
    ADD COLUMN row_count INTEGER NOT NULL CHECK (row_count > 0),
    ADD COLUMN first_row_id BIGINT NOT NULL;
-- The device page asks for the variances of a hostname key whatever their type.
CREATE INDEX variance_presence_rollup_key_idx ON variance_dashboard.variance_presence_rollup (variance_key);
-- The queue lists the variances present in the last month: an index-only scan with the variance in the index.
DROP INDEX variance_dashboard.variance_presence_rollup_date_idx;
CREATE INDEX variance_presence_rollup_date_idx ON variance_dashboard.variance_presence_rollup (date_found, variance_type, variance_key);

-- Down Migration
DROP INDEX variance_dashboard.variance_presence_rollup_date_idx;
CREATE INDEX variance_presence_rollup_date_idx ON variance_dashboard.variance_presence_rollup (date_found);
DROP INDEX variance_dashboard.variance_presence_rollup_key_idx;
ALTER TABLE variance_dashboard.variance_presence_rollup DROP COLUMN first_row_id, DROP COLUMN row_count;
