import { beforeAll, describe, expect, it } from "vitest";
import { freePort } from "@/lib/db/embedded-postgres";

describe("GET /api/health with the database down", () => {
  beforeAll(async () => {
    // Nothing listens on this port: the same as a stopped database server.
    process.env.DATABASE_URL = `postgresql://postgres:x@127.0.0.1:${await freePort()}/es_inventory_hub`;
  });

  it("answers 503 with a reason and nothing else", async () => {
    const { GET } = await import("@/app/api/health/route");
    const response = await GET();
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      status: "unavailable",
      database: "down",
      reason: "The database did not answer.",
    });
  });
});
