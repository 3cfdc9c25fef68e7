/**
 * How the cross-vendor checks match a device across NinjaOne and ThreatLocker
 * (reference §4). Display names are never used to match.
 */

/** Windows' NetBIOS name limit, which the older checks still compare on. */
export const NETBIOS_LENGTH = 15;

/**
 * The canonical key: cut at the first `|` (early ThreatLocker rows stored `HOST | user`),
 * then at the first `.` (domain), lower-cased. Deliberately not trimmed, as upstream:
 * `"ABC-1X2Y3Z4 | jdoe"` keys as `"abc-1x2y3z4 "` and so matches no Ninja device.
 * Used by MISSING_NINJA, DUPLICATE_TL and DISPLAY_NAME_MISMATCH, and as the stable
 * identity of a variance.
 */
export function canonicalHostnameKey(hostname: string): string {
  return firstLabel(hostname.split("|", 1)[0] ?? "");
}

/**
 * The key SITE_MISMATCH and SPARE_MISMATCH compare: the first label, lower-cased, cut to
 * 15 characters, and with any `|` left in place. A Ninja device whose DNS name was missing
 * reports this 15-character name, which is why it still matches here but not in
 * MISSING_NINJA.
 */
export function netbiosKey(hostname: string): string {
  return firstLabel(hostname).slice(0, NETBIOS_LENGTH);
}

function firstLabel(hostname: string): string {
  return (hostname.split(".", 1)[0] ?? "").toLowerCase();
}
