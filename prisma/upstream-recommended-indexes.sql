-- Optional indexes on the upstream tables that make the dashboard faster at MSP scale.
--
-- The dashboard never requires them and never creates them itself: the upstream tables belong
-- to the ES Inventory Hub collectors. An operator who owns those tables may add them (CONCURRENTLY:
-- without blocking the collectors), e.g.
--   psql "$OWNER_DATABASE_URL" -f prisma/upstream-recommended-indexes.sql
-- and remove them with DROP INDEX CONCURRENTLY <name>. `npm run bench -- --upstream-indexes`
-- measures with them (the bench's own tier database only).

-- Per-vendor, per-date reads (the report date, trends, data health): upstream has only separate
-- single-column indexes on snapshot_date and vendor_id.
CREATE INDEX CONCURRENTLY IF NOT EXISTS vd_device_snapshot_date_vendor ON device_snapshot (snapshot_date, vendor_id);

-- A device's history by its canonical key (the device page, device presence): the same
-- expression as lib/inventory/hostname-key-sql.ts, so the planner can match it.
CREATE INDEX CONCURRENTLY IF NOT EXISTS vd_device_snapshot_key ON device_snapshot ((lower(split_part(split_part(hostname, '|', 1), '.', 1))), snapshot_date);

-- A variance's rows across dates (the variance page, first seen / days open), and every
-- variance of a device whatever its type (the device page).
CREATE INDEX CONCURRENTLY IF NOT EXISTS vd_exceptions_key ON exceptions ((lower(split_part(split_part(hostname, '|', 1), '.', 1))), type, date_found);

-- One report date's variances of every type (the queue, the export, the JSON API).
CREATE INDEX CONCURRENTLY IF NOT EXISTS vd_exceptions_date ON exceptions (date_found);
