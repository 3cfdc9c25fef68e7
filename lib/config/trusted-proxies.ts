import { BlockList, isIP } from "node:net";

export class TrustedProxiesError extends Error {}

/** An address as a bare IP: IPv4-mapped IPv6 unwrapped, brackets and an IPv4 port dropped; null when it is not one. */
export function normalizeAddress(raw: string): string | null {
  let address = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed?.[1]) address = bracketed[1];
  else if (/^[\d.]+:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(":"));
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) address = mapped[1];
  return isIP(address) ? address.toLowerCase() : null;
}

export interface TrustedProxies {
  /** Whether an address (already normalised) is one of the trusted proxies. */
  has(address: string): boolean;
  /** How many entries were configured; 0 means no proxy is trusted. */
  size: number;
}

/** Parses VD_TRUSTED_PROXIES; an entry that is not an address or a CIDR range is refused by name. */
export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const list = new BlockList();
  const entries = (value ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const [rawAddress, prefix, ...rest] = entry.split("/");
    const address = normalizeAddress(rawAddress ?? "");
    const family = address ? (isIP(address) === 6 ? "ipv6" : "ipv4") : null;
    const bits = prefix === undefined ? null : Number(prefix);
    const maxBits = family === "ipv6" ? 128 : 32;
    if (
      !address ||
      !family ||
      rest.length > 0 ||
      (bits !== null && !(Number.isInteger(bits) && bits >= 0 && bits <= maxBits && prefix !== ""))
    ) {
      throw new TrustedProxiesError(
        `VD_TRUSTED_PROXIES: "${entry}" is not an IP address or a CIDR range (e.g. 10.0.0.5 or 10.0.0.0/24).`,
      );
    }
    if (bits === null) list.addAddress(address, family);
    else list.addSubnet(address, bits, family);
  }
  return {
    size: entries.length,
    has: (address) => list.check(address, isIP(address) === 6 ? "ipv6" : "ipv4"),
  };
}
