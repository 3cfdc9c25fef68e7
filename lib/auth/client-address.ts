import { normalizeAddress, type TrustedProxies } from "@/lib/config/trusted-proxies";

/** Set by scripts/peer-address-preload.cjs in the server process: the header it stamps the TCP peer into. */
const PEER_ADDRESS_HEADER_MARKER = Symbol.for("variance-dashboard.peer-address-header");

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
