import { expect, test } from "@playwright/test";
import { spawnNextStart } from "./spawned-server";

/**
 * A server started without `npm start` (a hand-written unit, a container running `next start`)
 * refuses to boot without AUTH_SECRET, naming it, rather than serving pages whose sign-ins fail.
 * The database is never reached: the environment is checked first (instrumentation.ts).
 */
test("next start on its own refuses to boot without AUTH_SECRET, naming it", async () => {
  const server = await spawnNextStart({ DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none", AUTH_SECRET: "" });
  try {
    expect(await server.exited).toBe(1);
    expect(server.output()).toMatch(/Refusing to start: AUTH_SECRET is not set/);
  } finally {
    await server.kill();
  }
});
