export const CROSS_ORIGIN_ACTION_MESSAGE =
  "Refused: this request must come from the dashboard's own pages (its Origin header is missing or names another site).";

/**
 * Whether a request may run a server action as far as its origin goes. Next.js checks Origin
 * itself, but lets a request without one through and answers a mismatch with a 500 after
 * parsing the body; this runs first (proxy.ts) and refuses both. Pages take POSTs only for
 * server actions (with JavaScript, which sends Next-Action, or a form posted before it loaded),
 * so every POST outside /api/ is held to it; Auth.js's endpoints and the read-only API are not
 * actions. Browsers send Origin on every POST, so the app's own calls always carry it.
 */
export function actionOriginAllowed(request: Request, pathname: string, allowedHosts: readonly string[]): boolean {
  const isAction = request.method === "POST" && (request.headers.has("next-action") || !pathname.startsWith("/api/"));
  if (!isAction) return true;
  const origin = request.headers.get("origin");
  if (!origin || origin === "null") return false;
  let originHost: string;
  try {
    originHost = new URL(origin).host.toLowerCase();
  } catch {
    return false;
  }
  // As Next.js compares: the host the request was sent to, or the proxy's X-Forwarded-Host.
  const requestHost = (request.headers.get("x-forwarded-host")?.split(",")[0] ?? request.headers.get("host") ?? "")
    .trim()
    .toLowerCase();
  return originHost === requestHost || allowedHosts.includes(originHost);
}
