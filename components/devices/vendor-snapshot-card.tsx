import { type ReactNode, use } from "react";
import { LocalTime } from "@/components/ui/local-time";
import type { DeviceSnapshotRow, HardwareColumn, VendorSnapshot } from "@/lib/devices/device-detail";
import type { Format } from "@/lib/format";
import { requestFormat } from "@/lib/request-format";
import { TruncatedBadge } from "./truncated-badge";

const yesNo = (value: boolean | null) => (value === null ? null : value ? "Yes" : "No");
const count = (format: Format) => (value: number | null) => (value === null ? "—" : format.count(value));
/** "present: Yes, enabled: No" for the flags the vendor filled in. */
const flags = (parts: [string, boolean | null][], extra: string | null = null) =>
  [...parts.filter(([, value]) => value !== null).map(([label, value]) => `${label}: ${yesNo(value)}`), extra]
    .filter(Boolean)
    .join(", ") || null;

/** What a field shows when the database has none of the hand-added columns it is read from. */
export const NOT_COLLECTED = "not collected";

/**
 * Ninja-only and ThreatLocker-only fields are left out where the vendor does not fill them, rather than shown as blanks.
 * `columns`: the optional hardware columns a field is read from; without any of them it is "not collected".
 */
const FIELDS: {
  label: string;
  value: (row: DeviceSnapshotRow, format: Format) => ReactNode;
  vendors?: string[];
  columns?: HardwareColumn[];
}[] = [
  { label: "Hostname", value: (row) => <span className="font-mono">{row.hostname}</span> },
  { label: "Display name", value: (row) => row.displayName },
  { label: "Organisation", value: (row) => row.organization },
  { label: "Site / location", value: (row) => row.location, vendors: ["Ninja"] },
  { label: "Billing status", value: (row) => row.billingStatus, vendors: ["Ninja"] },
  { label: "Operating system", value: (row) => row.os },
  { label: "Last online", value: (row) => (row.lastOnline ? <LocalTime value={row.lastOnline} /> : null) },
  { label: "Agent version", value: (row) => row.agentVersion, vendors: ["ThreatLocker"] },
  { label: "Security mode", value: (row) => row.securityMode, vendors: ["ThreatLocker"] },
  {
    label: "Denied (1 / 3 / 7 days)",
    value: (row, format) => [row.denyCount1d, row.denyCount3d, row.denyCount7d].map(count(format)).join(" / "),
    vendors: ["ThreatLocker"],
  },
  {
    label: "TPM",
    value: (row) =>
      flags(
        [
          ["present", row.hasTpm],
          ["enabled", row.tpmEnabled],
        ],
        row.tpmVersion && `version ${row.tpmVersion}`,
      ),
    vendors: ["Ninja"],
    columns: ["has_tpm", "tpm_enabled", "tpm_version"],
  },
  {
    label: "Secure Boot",
    value: (row) =>
      flags([
        ["available", row.secureBootAvailable],
        ["enabled", row.secureBootEnabled],
      ]),
    vendors: ["Ninja"],
    columns: ["secure_boot_available", "secure_boot_enabled"],
  },
  {
    label: "Windows 11 24H2 ready",
    value: (row) => yesNo(row.windows11Capable),
    vendors: ["Ninja"],
    columns: ["windows_11_24h2_capable"],
  },
];

export function VendorSnapshotCard({
  snapshot,
  notCollected,
}: {
  snapshot: VendorSnapshot;
  notCollected: readonly HardwareColumn[];
}) {
  const format = use(requestFormat());
  const { vendor, latestDate, rows } = snapshot;
  const fields = FIELDS.filter((field) => !field.vendors || field.vendors.includes(vendor));
  const collected = (field: (typeof FIELDS)[number]) =>
    !field.columns?.every((column) => notCollected.includes(column));
  return (
    <section
      aria-labelledby={`vendor-${vendor}`}
      className="min-w-0 rounded-lg border border-gray-200 p-3 dark:border-gray-800"
      data-testid={`vendor-${vendor}`}
    >
      <h3 id={`vendor-${vendor}`} className="font-medium">
        {vendor}
        <span className="ml-2 text-xs font-normal text-gray-600 dark:text-gray-400">
          {latestDate ? `snapshot of ${format.reportDate(latestDate)}` : "no snapshots"}
        </span>
      </h3>
      {rows.length === 0 ? (
        <p className="mt-2 text-sm text-gray-600 dark:text-gray-400">
          Not in {vendor}&apos;s newest snapshot{latestDate ? ` (${format.reportDate(latestDate)})` : ""}.
        </p>
      ) : (
        rows.map((row, index) => (
          <div
            // biome-ignore lint/suspicious/noArrayIndexKey: identical snapshots are possible; the list is never reordered.
            key={index}
            className="mt-2 border-t border-gray-100 pt-2 first:border-t-0 first:pt-0 dark:border-gray-800"
            data-testid="vendor-row"
          >
            {rows.length > 1 && (
              <p className="mb-1 text-xs font-medium text-rose-800 dark:text-rose-300">
                Entry {index + 1} of {rows.length}
              </p>
            )}
            {row.truncated && (
              <p className="mb-1">
                <TruncatedBadge />
              </p>
            )}
            <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
              {fields.map((field) => (
                <div key={field.label} className="contents">
                  <dt className="font-medium text-gray-600 dark:text-gray-400">{field.label}</dt>
                  <dd className="min-w-0 wrap-anywhere">
                    {collected(field) ? (
                      (field.value(row, format) ?? "—")
                    ) : (
                      <span className="text-gray-600 italic dark:text-gray-400">{NOT_COLLECTED}</span>
                    )}
                  </dd>
                </div>
              ))}
            </dl>
          </div>
        ))
      )}
    </section>
  );
}
