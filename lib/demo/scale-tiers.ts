import type { DemoOptions } from "./generate";

/**
 * Fleet sizes the app is measured at: the default demo (today's client, ~1,200 devices),
 * M (a mid-sized MSP) and L (a large one, about 18 million device_snapshot rows).
 */
export const SCALE_TIERS = {
  demo: {},
  M: { ninjaDevices: 5_000, threatlockerDevices: 5_000, organizations: 200, days: 180 },
  L: { ninjaDevices: 25_000, threatlockerDevices: 25_000, organizations: 1_000, days: 365 },
} as const satisfies Record<string, DemoOptions>;

export type ScaleTier = keyof typeof SCALE_TIERS;

export function parseScaleTier(value: string | undefined): ScaleTier {
  if (value === undefined || value === "") return "demo";
  const tier = Object.keys(SCALE_TIERS).find((name) => name.toLowerCase() === value.toLowerCase());
  if (!tier) throw new Error(`Unknown tier "${value}": use one of ${Object.keys(SCALE_TIERS).join(", ")}.`);
  return tier as ScaleTier;
}

/** Each tier keeps its own embedded database, so switching tiers never regenerates one. */
export const tierDataDir = (baseDir: string, tier: ScaleTier) =>
  tier === "demo" ? baseDir : `${baseDir}/tier-${tier}`;
