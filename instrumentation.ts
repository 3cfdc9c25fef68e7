/**
 * Next.js calls this once as the server boots: an environment the app cannot run with (no
 * AUTH_SECRET, no DATABASE_URL, a malformed variable) stops `next start` here with the variables
 * named, rather than at a first sign-in. `npm start` checks the same before it starts Next.js
 * (scripts/start.ts); this covers a server started any other way.
 */
export async function register() {
  // Only the Node.js server reads the environment; imported here, the check stays out of other runtimes' bundles.
  if (process.env.NEXT_RUNTIME === "nodejs") (await import("./instrumentation-node")).refuseUnusableEnvironment();
}
