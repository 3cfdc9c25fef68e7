import Link from "next/link";
import { LocalTime } from "@/components/ui/local-time";
import { ResponsiveTable } from "@/components/ui/responsive-table";
import type { OrganizationDevice, OrganizationDeviceRow } from "@/lib/organizations/organization-detail";

const linkClass = "font-medium text-blue-700 hover:underline dark:text-blue-300";

/** One vendor's rows for a device: usually one, several when a key is duplicated. */
function VendorRows({ rows, vendor }: { rows: OrganizationDeviceRow[]; vendor: string }) {
  if (rows.length === 0) return <span className="text-gray-500 dark:text-gray-400">Not in {vendor}</span>;
  return (
    <ul className="space-y-1">
      {rows.map((row, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: identical rows are possible; the list is never reordered.
        <li key={index}>
          <span className="break-all">{row.hostname}</span>
          <span className="block text-xs text-gray-600 [overflow-wrap:anywhere] dark:text-gray-400">
            {[row.displayName, row.location, row.billingStatus].filter(Boolean).join(" · ")}
            {row.lastOnline && (
              <>
                {" · last online "}
                <LocalTime value={row.lastOnline} />
              </>
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** The organisation's devices in both vendors, side by side per canonical key. */
export function OrganizationDevices({ devices }: { devices: OrganizationDevice[] }) {
  return (
    <ResponsiveTable
      rows={devices}
      rowKey={(device) => device.key}
      rowHeader={{
        header: "Device",
        cell: (device) => (
          <Link href={device.href} className={`${linkClass} break-all`}>
            {device.key}
          </Link>
        ),
      }}
      columns={[
        { header: "Ninja", wide: true, cell: (device) => <VendorRows rows={device.ninja} vendor="Ninja" /> },
        {
          header: "ThreatLocker",
          wide: true,
          cell: (device) => <VendorRows rows={device.threatlocker} vendor="ThreatLocker" />,
        },
      ]}
      caption="Devices on this report, per vendor"
      cardsBelow="md"
      empty="Neither vendor has a device filed under this organisation on this report."
      testIds={{ table: "organization-devices" }}
    />
  );
}
