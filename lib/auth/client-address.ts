import { BlockList, isIP } from "node:net";

/** Comma-separated addresses or CIDR ranges of the reverse proxies whose X-Forwarded-For is believed. */
export const TRUSTED_PROXIES_ENV = "VD_TRUSTED_PROXIES";

/** Set by scripts/peer-address-preload.cjs in the server process: the header it stamps the TCP peer into. */
const PEER_ADDRESS_HEADER_MARKER = Symbol.for("variance-dashboard.peer-address-header");

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
        `${TRUSTED_PROXIES_ENV}: "${entry}" is not an IP address or a CIDR range (e.g. 10.0.0.5 or 10.0.0.0/24).`,
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

/**
 * The client address the sign-in throttle may count per address, or null when there is none
 * to believe. Only a request whose TCP peer is a trusted proxy has one: then X-Forwarded-For
 * is read from the right, skipping the trusted proxies' own hops, and the first other hop is
 * the client (what a client wrote further left is its own claim and ignored). Without a
 * trusted proxy the peer may be a NAT shared by a whole office, so nothing is counted per
 * address (the per-account limit still holds), and X-Forwarded-For is ignored altogether.
 */
export function clientAddressOf(headers: Headers, trusted: TrustedProxies): string | null {
  const peerHeader = (globalThis as Record<symbol, unknown>)[PEER_ADDRESS_HEADER_MARKER];
  if (trusted.size === 0 || typeof peerHeader !== "string") return null;
  const peer = normalizeAddress(headers.get(peerHeader) ?? "");
  if (!peer || !trusted.has(peer)) return null;
  const hops = (headers.get("x-forwarded-for") ?? "").split(",").reverse();
  for (const hop of hops) {
    const address = normalizeAddress(hop);
    // Garbage where an address should be: nothing further left can be believed either.
    if (!address) return null;
    if (!trusted.has(address)) return address;
  }
  return null;
}
