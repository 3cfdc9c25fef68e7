import type { VendorDevice } from "@/lib/variances/variance-detail";

const rows: [string, (device: VendorDevice) => string | null][] = [
  ["Hostname", (device) => device.hostname],
  ["Display name", (device) => device.displayName],
  ["Organisation", (device) => device.organization],
  ["Site / location", (device) => device.location],
  ["Billing status", (device) => device.billingStatus],
  ["Operating system", (device) => device.os],
  [
    "Last online",
    (device) => (device.lastOnline ? `${device.lastOnline.toISOString().replace("T", " ").slice(0, 16)} UTC` : null),
  ],
  ["Agent version", (device) => device.agentVersion],
  ["Security mode", (device) => device.securityMode],
];

export function VendorDevices({ devices, vendors }: { devices: VendorDevice[]; vendors: string[] }) {
  return (
    <div className="grid gap-4 md:grid-cols-2">
      {vendors.map((vendor) => {
        const matches = devices.filter((device) => device.vendor === vendor);
        return (
          <section
            key={vendor}
            aria-label={`${vendor} device`}
            className="rounded-lg border border-gray-200 p-3 dark:border-gray-800"
          >
            <h3 className="font-medium">{vendor}</h3>
            {matches.length === 0 ? (
              <p className="mt-2 text-sm text-gray-600 dark:text-gray-400">
                No {vendor} device with this hostname on that date.
              </p>
            ) : (
              matches.map((device, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: identical devices are possible; the list is never reordered.
                <dl key={index} className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
                  {rows.map(([label, value]) => (
                    <div key={label} className="contents">
                      <dt className="text-gray-600 dark:text-gray-400">{label}</dt>
                      <dd className="min-w-0 wrap-anywhere">{value(device) ?? "—"}</dd>
                    </div>
                  ))}
                </dl>
              ))
            )}
          </section>
        );
      })}
    </div>
  );
}
