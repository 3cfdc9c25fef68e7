import { expect, type Page, test } from "@playwright/test";
import { signIn, sql } from "./support";

/** The longest hostname the upstream columns hold (VARCHAR(255)), with no dot or `|` to cut it at. */
const LONG = `LONG-${"ABCDEFGHIJ".repeat(25)}`.slice(0, 255);
const KEY = LONG.toLowerCase();
const VENDOR_KEY = "e2e-long-hostname";

let added: { exception: string; snapshot: number; identity: number } | null = null;

test.beforeAll(async () => {
  expect(LONG).toHaveLength(255);
  const [{ columns } = { columns: [] }] = await sql<{ columns: string[] }>(
    `SELECT array_agg(quote_ident(column_name)::text ORDER BY ordinal_position) AS columns FROM information_schema.columns
     WHERE table_schema = 'public' AND table_name = 'device_snapshot' AND column_name <> 'id'`,
  );
  const copied = (column: string) =>
    column === "device_identity_id"
      ? "ids.id"
      : column === '"hostname"' || column === "hostname"
        ? "$1"
        : `src.${column}`;
  // A ThreatLocker device with that name on ThreatLocker's newest date, so the device page has it...
  const [device] = await sql<{ snapshot: number; identity: number }>(
    `WITH src AS (
       SELECT s.* FROM device_snapshot s JOIN vendor v ON v.id = s.vendor_id
       WHERE v.name = 'ThreatLocker' AND s.snapshot_date = (SELECT max(d.snapshot_date) FROM device_snapshot d WHERE d.vendor_id = v.id)
       ORDER BY s.id LIMIT 1
     ), ids AS (
       INSERT INTO device_identity (vendor_id, vendor_device_key, first_seen_date, last_seen_date)
       SELECT src.vendor_id, $2, src.snapshot_date, src.snapshot_date FROM src RETURNING id
     )
     INSERT INTO device_snapshot (${columns.join(", ")})
     SELECT ${columns.map(copied).join(", ")} FROM src, ids
     RETURNING id AS snapshot, device_identity_id AS identity`,
    [LONG, VENDOR_KEY],
  );
  // ...and the variance the check would raise for it on the newest report: not in Ninja.
  const [exception] = await sql<{ id: string }>(
    `INSERT INTO exceptions (date_found, type, hostname, details, resolved)
     SELECT max(date_found), 'MISSING_NINJA', $1, $2, false FROM exceptions RETURNING id::text`,
    [
      LONG,
      JSON.stringify({
        tl_hostname: LONG,
        tl_canonical_key: KEY,
        tl_site_name: null,
        tl_org_name: "Long Names Inc",
        data_quality_issue: false,
        original_stored_hostname: null,
      }),
    ],
  );
  added = { exception: exception!.id, snapshot: device!.snapshot, identity: device!.identity };
});

test.afterAll(async () => {
  if (!added) return;
  await sql("DELETE FROM exceptions WHERE id = $1::bigint", [added.exception]);
  await sql("DELETE FROM device_snapshot WHERE id = $1", [added.snapshot]);
  await sql("DELETE FROM device_identity WHERE id = $1", [added.identity]);
});

async function expectNoHorizontalOverflow(page: Page, where: string) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, `${where}: page wider than the screen`).toBeLessThanOrEqual(clientWidth);
}

test("a 255-character hostname wraps on a 375-pixel screen, shown in full, on the variance, queue and device pages", async ({
  page,
}) => {
  await signIn(page, "technician");
  await page.setViewportSize({ width: 375, height: 800 });

  await page.goto(`/variances/MISSING_NINJA/${encodeURIComponent(KEY)}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(LONG);
  await expectNoHorizontalOverflow(page, "variance page");

  await page.goto(`/variances?type=MISSING_NINJA&q=${encodeURIComponent(KEY.slice(0, 40))}`);
  const card = page.getByTestId("variance-row").filter({ visible: true });
  await expect(card).toHaveCount(1);
  await expect(card.getByRole("link", { name: LONG, exact: true })).toBeVisible();
  await expectNoHorizontalOverflow(page, "queue");

  await page.goto(`/devices/${encodeURIComponent(KEY)}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(KEY);
  await expect(page.getByTestId("vendor-ThreatLocker")).toContainText(LONG);
  await expectNoHorizontalOverflow(page, "device page");
});

test("on a wide screen the queue cuts the name to one line and keeps it whole in the tooltip", async ({ page }) => {
  await signIn(page, "technician");
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`/variances?type=MISSING_NINJA&q=${encodeURIComponent(KEY.slice(0, 40))}`);
  const link = page
    .getByTestId("variance-row")
    .filter({ visible: true })
    .getByRole("link", { name: LONG, exact: true });
  await expect(link).toHaveAttribute("title", LONG);
  const box = (await link.boundingBox())!;
  expect(box.width).toBeLessThan(300);
  await expectNoHorizontalOverflow(page, "queue table");
});
