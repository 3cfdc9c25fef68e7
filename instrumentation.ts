import type { Instrumentation } from "next";

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
      path: request.path,
    };
    // An expected refusal, e.g. a page's read refused while its layout answers 403, is no server fault.
    if (isCommandRefusal(error)) logger.info({ ...fields, code: (error as { code: string }).code }, "request refused");
    else logger.error({ ...fields, err: error }, "request failed");
  }
}
