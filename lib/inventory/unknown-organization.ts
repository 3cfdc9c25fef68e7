/** Where a device or variance names no organisation: filed under this rather than left blank. */
export const UNKNOWN_ORGANIZATION = "Unknown";
