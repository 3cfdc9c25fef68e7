import { NETBIOS_LENGTH } from "@/lib/inventory/hostname-key";

/** Marks a Ninja name cut to the 15-character NetBIOS limit, matched to the longer ThreatLocker name by its start. */
export function TruncatedBadge() {
  return (
    <span
      className="inline-block whitespace-nowrap rounded bg-orange-100 px-1.5 py-0.5 text-xs font-medium text-orange-900 dark:bg-orange-950 dark:text-orange-200"
      title={`Ninja reports only the first ${NETBIOS_LENGTH} characters of this name (its DNS name is missing); matched to the longer ThreatLocker name that starts with it`}
      data-testid="truncated-badge"
    >
      Truncated Ninja name
    </span>
  );
}
