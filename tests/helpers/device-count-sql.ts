/** Independent SQL for the overview's device figures on one date ($1), as `name`/`code` and `n`. */
export const DEVICES_PER_VENDOR_SQL = `
  SELECT v.name, count(*)::int AS n FROM device_snapshot s JOIN vendor v ON v.id = s.vendor_id
  WHERE s.snapshot_date = $1 AND v.name IN ('Ninja', 'ThreatLocker') GROUP BY v.name`;

export const NINJA_BILLING_SQL = `
  SELECT b.code, count(*)::int AS n FROM device_snapshot s JOIN vendor v ON v.id = s.vendor_id JOIN billing_status b ON b.id = s.billing_status_id
  WHERE s.snapshot_date = $1 AND v.name = 'Ninja' GROUP BY b.code`;
