import { connect } from "node:net";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { connectionConfig } from "@/lib/db/connection-config";
import { newAuthSecret, ownDemoDatabase, type SpawnedServer, spawnStartScript, waitForHealth } from "./spawned-server";
import { openQueue, signInWith } from "./support";

const KEY = "lower(split_part(split_part(hostname, '|', 1), '.', 1))";

/** Whether a new TCP connection to the port is refused (the server no longer listens). */
const connectionRefused = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", (error: NodeJS.ErrnoException) => resolve(error.code === "ECONNREFUSED"));
  });

/**
 * systemd stops the service (SIGTERM to `npm start`) while a technician's bulk resolve is
 * running: the server stops taking connections, finishes the action, and exits in time;
 * the bulk change lands whole, with one audit event per variance.
 */
test("SIGTERM during a bulk resolve: the action finishes whole, new connections are refused, the server exits 0 in time", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const demo = await ownDemoDatabase("sigterm-bulk");
  const technician = demo.accounts.find((account) => account.role === "technician")!;
  const pool = new pg.Pool(connectionConfig(demo.url, { max: 3 }));
  // Stopping the cluster in `finally` ends the pool's idle connections: expected, not a failure.
  pool.on("error", () => {});
  const blocker = await pool.connect();
  let server: SpawnedServer | undefined;
  let blocking = false;
  try {
    server = await spawnStartScript({ DATABASE_URL: demo.url, AUTH_SECRET: newAuthSecret() });
    await waitForHealth(server, 200);
    const context = await browser.newContext({ baseURL: server.baseUrl });
    const page = await context.newPage();
    await signInWith(page, technician.email, technician.password);
    await openQueue(page, "/variances?type=SPARE_MISMATCH");
    const selectAll = page.getByRole("button", { name: /^Select all \d+ matching this filter$/ });
    const selected = Number((await selectAll.textContent())!.match(/\d+/)![0]);
    expect(selected).toBeGreaterThan(20);
    await selectAll.click();
    await expect(page.getByTestId("selection-count")).toHaveText(`${selected} selected`);

    // Hold one selected variance's exception rows, so the bulk transaction writes up to it
    // and then waits: reliably in flight when the signal arrives.
    const held = (await page
      .getByTestId("variance-row")
      .filter({ visible: true })
      .first()
      .getAttribute("data-variance"))!;
    const [heldType, heldKey] = held.split("/");
    await blocker.query("BEGIN");
    blocking = true;
    const { rowCount } = await blocker.query(`SELECT id FROM exceptions WHERE type = $1 AND ${KEY} = $2 FOR UPDATE`, [
      heldType,
      heldKey,
    ]);
    expect(rowCount).toBeGreaterThan(0);
    const resolvedRowsOfHeld = async () =>
      (
        await pool.query(`SELECT count(*)::int AS n FROM exceptions WHERE type = $1 AND ${KEY} = $2 AND resolved`, [
          heldType,
          heldKey,
        ])
      ).rows[0].n as number;
    const heldResolvedBefore = await resolvedRowsOfHeld();

    await page.getByRole("button", { name: `Resolve ${selected}` }).click();
    const dialog = page.getByRole("dialog", { name: `Resolve ${selected} selected` });
    await dialog.getByLabel("Resolution note").fill("Cleaned up before the maintenance window");
    const response = page.waitForResponse(
      (candidate) => candidate.request().method() === "POST" && !!candidate.request().headers()["next-action"],
      { timeout: 60_000 },
    );
    await dialog.getByRole("button", { name: `Resolve ${selected} variances` }).click();

    const waitingOnLock = async () =>
      (
        await pool.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity
           WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE '%exceptions%'`,
        )
      ).rows[0].n as number;
    await expect.poll(waitingOnLock, { timeout: 30_000 }).toBe(1);

    const signalled = Date.now();
    server.process.kill("SIGTERM");
    // The listening socket closes at once, while the action is still waiting mid-transaction.
    await expect.poll(() => connectionRefused(server!.port), { timeout: 5_000, intervals: [100] }).toBe(true);
    expect(await waitingOnLock()).toBe(1);
    expect(server.process.exitCode).toBeNull();

    await blocker.query("ROLLBACK");
    blocking = false;
    expect((await response).status()).toBe(200);
    await expect(page.getByTestId("queue-outcome")).toHaveText(`Resolved ${selected}.`);

    // It exits by itself, not by start.ts's SIGKILL at the 25 s bound, and with code 0.
    expect(await server.exited).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(25_000);
    expect(server.output()).not.toMatch(/did not stop within/);

    // All of the selection, once each, in the triage state, the write-through and the audit log.
    const audited = (
      await pool.query<{ subject: string }>(
        `SELECT subject_id AS subject FROM variance_dashboard.audit_events WHERE action = 'variance.resolve' AND actor_email = $1`,
        [technician.email],
      )
    ).rows.map((row) => row.subject);
    expect(audited).toHaveLength(selected);
    expect(new Set(audited).size).toBe(selected);
    expect(audited).toContain(held);
    const resolved = (
      await pool.query<{ variance: string }>(
        `SELECT t.variance_type || '/' || t.variance_key AS variance FROM variance_dashboard.variance_triage t
         JOIN variance_dashboard.users u ON u.id = t.resolved_by_user_id
         WHERE u.email = $1 AND t.resolved_at IS NOT NULL AND t.resolution_note = 'Cleaned up before the maintenance window'`,
        [technician.email],
      )
    ).rows.map((row) => row.variance);
    expect(resolved.sort()).toEqual([...audited].sort());
    // The held variance's write-through waited for the lock and then landed too.
    expect(await resolvedRowsOfHeld()).toBeGreaterThan(heldResolvedBefore);
    await context.close();
  } finally {
    if (blocking) await blocker.query("ROLLBACK").catch(() => {});
    blocker.release();
    await server?.kill();
    await pool.end();
    await demo.cluster.stop().catch(() => {});
  }
});
