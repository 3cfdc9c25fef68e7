/**
 * Independent SQL for a device whose Ninja name is cut at 15 characters (NetBIOS) while
 * ThreatLocker has the longer name, on each vendor's newest snapshot: the first such pair.
 */
export const TRUNCATED_PAIR_SQL = `
  WITH latest AS (
    SELECT v.name AS vendor, s.hostname, lower(split_part(split_part(s.hostname, '|', 1), '.', 1)) AS key
    FROM device_snapshot s JOIN vendor v ON v.id = s.vendor_id
    WHERE v.name IN ('Ninja', 'ThreatLocker')
      AND (s.vendor_id, s.snapshot_date) IN (SELECT vendor_id, max(snapshot_date) FROM device_snapshot GROUP BY vendor_id))
  SELECT n.hostname AS ninja, t.hostname AS threatlocker, t.key
  FROM latest n JOIN latest t ON t.vendor = 'ThreatLocker' AND length(t.key) > 15 AND substr(t.key, 1, 15) = n.key
  WHERE n.vendor = 'Ninja' AND length(n.key) = 15
  ORDER BY t.key LIMIT 1`;
