/** What each upstream exception type means to a technician (reference §5). */
export interface ExceptionTypeInfo {
  label: string;
  description: string;
}

const known: Record<string, ExceptionTypeInfo> = {
  SPARE_MISMATCH: {
    label: "Spare still licensed",
    description: "Ninja bills the device as spare, yet it still holds a ThreatLocker license.",
  },
  MISSING_NINJA: {
    label: "Missing in Ninja",
    description: "ThreatLocker protects a device that Ninja does not manage.",
  },
  DUPLICATE_TL: {
    label: "Duplicate in ThreatLocker",
    description: "Several ThreatLocker computers hold the same hostname.",
  },
  SITE_MISMATCH: {
    label: "Site mismatch",
    description: "Ninja and ThreatLocker disagree on the device's site.",
  },
  DISPLAY_NAME_MISMATCH: {
    label: "Display name mismatch",
    description: "Both vendors have the device under different display names.",
  },
};

/** Unknown types are shown by their raw name rather than failing. */
export function exceptionTypeInfo(type: string): ExceptionTypeInfo {
  return known[type] ?? { label: type, description: "An exception type this dashboard does not know yet." };
}
