/** A device's page: devices are identified across vendors by their canonical hostname key. */
export const devicePath = (canonicalKey: string) => `/devices/${encodeURIComponent(canonicalKey)}`;
