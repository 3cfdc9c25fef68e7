import { availableParallelism } from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    // A worker per core (Vitest's default leaves one idle): integration files each have their own
    // database and spend much of their time waiting on PostgreSQL, so two files share two cores well.
    maxWorkers: availableParallelism(),
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"] },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          globalSetup: ["tests/setup/postgres-global-setup.ts"],
          // Tests change upstream rows and read the result at once; the 5-second trust of
          // recheck-memo.ts is tested on its own (report-rollups.test.ts).
          // An action's or route's every outcome is logged at info: a suite's thousands would bury a failure's lines.
          env: { VD_ROLLUP_RECHECK_MS: "0", LOG_LEVEL: "warn" },
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
