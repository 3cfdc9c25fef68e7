/** The device page of a canonical hostname key. Free of server code so links can be built anywhere. */
export const devicePath = (key: string) => `/devices/${encodeURIComponent(key)}`;
