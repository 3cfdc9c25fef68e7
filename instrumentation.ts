import type { Instrumentation } from "next";

/**
 * Logs an error Next.js met rendering a page or running a route or action, with its digest as
 * the request id: the digest is what an error page shows as "Reference: …", so the reference a
 * person reads out finds this line and its stack.
 */
export async function onRequestError(...[error, request, context]: Parameters<Instrumentation.onRequestError>) {
  // pino is a Node.js module: this form lets the edge build drop the import (the Node.js runtime serves every page here).
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { logger } = await import("@/lib/logging/logger");
    logger.error(
      {
        requestId: (error as { digest?: string }).digest ?? null,
        route: context.routePath,
        routeType: context.routeType,
        method: request.method,
        path: request.path,
        err: error,
      },
      "request failed",
    );
  }
}
