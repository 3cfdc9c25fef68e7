import { beforeAll, describe, expect, it, vi } from "vitest";
import { CommandError } from "@/lib/commands/command-error";
import { onRequestError } from "../../instrumentation";

const logged = vi.hoisted(() => [] as Record<string, unknown>[]);
vi.mock("@/lib/logging/logger", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/logging/logger")>();
  return { ...actual, logger: actual.createLogger({ write: (line: string) => logged.push(JSON.parse(line)) }, "info") };
});

const request = { path: "/variances?type=SPARE_MISMATCH", method: "GET", headers: {} };
const context = {
  routerKind: "App Router",
  routePath: "/variances",
  routeType: "render",
  revalidateReason: undefined,
} as const;

describe("onRequestError", () => {
  beforeAll(() => vi.stubEnv("NEXT_RUNTIME", "nodejs"));

  it("logs a page's error with its stack under the digest its error page shows as the reference", async () => {
    const error = Object.assign(new Error("connection terminated"), { digest: "2790412345" });
    await onRequestError(error, request, context);
    expect(logged.at(-1)).toMatchObject({
      level: 50,
      requestId: "2790412345",
      route: "/variances",
      routeType: "render",
      path: "/variances",
    });
    expect(JSON.stringify(logged.at(-1)?.err)).toContain("connection terminated");
  });

  it("logs an expected refusal as such, without a stack", async () => {
    await onRequestError(Object.assign(new CommandError("forbidden", "No."), { digest: "17" }), request, context);
    expect(logged.at(-1)).toMatchObject({ level: 30, requestId: "17", code: "forbidden", msg: "request refused" });
    expect(logged.at(-1)).not.toHaveProperty("err");
  });

  it("logs an error that merely carries a refusal's code as a failure, with its stack", async () => {
    await onRequestError(
      Object.assign(new Error("driver said busy"), { code: "busy", digest: "18" }),
      request,
      context,
    );
    expect(logged.at(-1)).toMatchObject({ level: 50, requestId: "18" });
  });
});
