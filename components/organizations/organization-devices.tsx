import Link from "next/link";
import { LocalTime } from "@/components/ui/local-time";
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
  if (devices.length === 0)
    return (
      <p className="text-sm text-gray-600 dark:text-gray-400">
        Neither vendor has a device filed under this organisation on this report.
      </p>
    );
  return (
    <>
      <table className="hidden w-full text-left text-sm md:table print:table" data-testid="organization-devices">
        <thead className="border-b border-gray-200 text-xs uppercase text-gray-600 dark:border-gray-800 dark:text-gray-400">
          <tr>
            <th scope="col" className="px-2 py-2 font-medium">
              Device
            </th>
            <th scope="col" className="px-2 py-2 font-medium">
              Ninja
            </th>
            <th scope="col" className="px-2 py-2 font-medium">
              ThreatLocker
            </th>
          </tr>
        </thead>
        <tbody>
          {devices.map((device) => (
            <tr key={device.key} className="border-b border-gray-100 align-top break-inside-avoid dark:border-gray-800">
              <td className="px-2 py-2">
                <Link href={device.href} className={linkClass}>
                  {device.key}
                </Link>
              </td>
              <td className="px-2 py-2">
                <VendorRows rows={device.ninja} vendor="Ninja" />
              </td>
              <td className="px-2 py-2">
                <VendorRows rows={device.threatlocker} vendor="ThreatLocker" />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="space-y-3 md:hidden print:hidden">
        {devices.map((device) => (
          <li key={device.key} className="rounded-lg border border-gray-200 p-3 text-sm dark:border-gray-800">
            <Link href={device.href} className={`${linkClass} break-all`}>
              {device.key}
            </Link>
            <dl className="mt-2 space-y-2">
              <div>
                <dt className="text-xs font-medium text-gray-600 dark:text-gray-400">Ninja</dt>
                <dd>
                  <VendorRows rows={device.ninja} vendor="Ninja" />
                </dd>
              </div>
              <div>
                <dt className="text-xs font-medium text-gray-600 dark:text-gray-400">ThreatLocker</dt>
                <dd>
                  <VendorRows rows={device.threatlocker} vendor="ThreatLocker" />
                </dd>
              </div>
            </dl>
          </li>
        ))}
      </ul>
    </>
  );
}
