import type { Instrumentation } from "next";

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

/**
 * Logs an error Next.js met rendering a page or running a route or action, with its digest as
 * the request id: the digest is what an error page shows as "Reference: …", so the reference a
 * person reads out finds this line and its stack.
 */
export async function onRequestError(...[error, request, context]: Parameters<Instrumentation.onRequestError>) {
  // pino is a Node.js module: this form lets the edge build drop the import (the Node.js runtime serves every page here).
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const [{ logger }, { isCommandRefusal }] = await Promise.all([
      import("@/lib/logging/logger"),
      import("@/lib/commands/command-error"),
    ]);
    const fields = {
      requestId: (error as { digest?: string }).digest ?? null,
      route: context.routePath,
      routeType: context.routeType,
      method: request.method,
      // Without the query string: an OAuth callback's carries its one-time code.
      path: request.path.split("?")[0],
    };
    // An expected refusal, e.g. a page's read refused while its layout answers 403, is no server fault.
    if (isCommandRefusal(error)) logger.info({ ...fields, code: (error as { code: string }).code }, "request refused");
    else logger.error({ ...fields, err: error }, "request failed");
  }
}
