import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor, Role } from "@/lib/access/roles";
import { createLocalUser } from "@/lib/auth/users";
import type { Database } from "@/lib/db/prisma";
import { stopLiveHub } from "@/lib/live/events-response";
import { mergeOrganizations } from "@/lib/organizations/merge-organizations";
import { organizationMatchKey } from "@/lib/organizations/organization-name";
import { bulkAssignVariances } from "@/lib/variances/commands/bulk-assign-variances";
import { bulkResolveVariances } from "@/lib/variances/commands/bulk-resolve-variances";
import { bulkSnoozeVariances } from "@/lib/variances/commands/bulk-snooze-variances";
import { resolveVariance } from "@/lib/variances/commands/resolve-variance";
import { saveView } from "@/lib/views/save-view";
import { setDefaultView } from "@/lib/views/set-default-view";
import { demoDatabaseFixture } from "../helpers/demo-fixture";
import { entryPointsInCode, loadEntryPoint, outcomeOf, routeRequest, session } from "../helpers/entry-points";
import { DEMO_END_DATE } from "../helpers/test-database";
import { databaseChecksum, variancesOn } from "../helpers/variance-fixtures";

// Only the session is the test's (tests/helpers/entry-points.ts): whose it is.
vi.mock("@/lib/auth/auth", async () => (await import("../helpers/entry-points")).authModuleMock);
vi.mock("@/lib/db/prisma", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  getPrisma: (await import("../helpers/entry-points")).currentDatabase,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const PRINCIPALS = ["signed out", "technician", "manager", "admin", "disabled user"] as const;

interface Context {
  db: Database;
  actor: Actor;
  /** A variance of the latest report that no earlier call has touched. */
  freshVariance(): { type: string; key: string };
  /** A new technician account to act on. */
  freshAccount(): Promise<string>;
  /** A client organisation of the latest report that no earlier call has merged. */
  freshOrganization(): string;
}

type Entry =
  | { kind: "public"; why: string }
  | { kind: "action"; allowed: readonly Role[]; input?: (context: Context) => Promise<unknown> }
  | { kind: "route"; allowed: readonly Role[]; query?: string };

const EVERYONE = ["technician", "manager", "admin"] as const;
const TRIAGERS = ["technician", "admin"] as const;
const ADMINS = ["admin"] as const;

const VARIANCES = "app/(dashboard)/variances/actions.ts";
const VIEWS = "app/(dashboard)/views/actions.ts";
const ADMIN = "app/(dashboard)/admin/actions.ts";
const ORGANIZATIONS = "app/(dashboard)/organizations/actions.ts";
const note = "Checked with the client: a spare.";

/** What may call what. A new action or route handler must be added here, or the test fails. */
const MATRIX: Record<string, Entry> = {
  [`${VARIANCES}#resolveVarianceAction`]: {
    kind: "action",
    allowed: TRIAGERS,
    input: async ({ freshVariance }) => ({ ...freshVariance(), expectedVersion: 0, note }),
  },
  [`${VARIANCES}#reopenVarianceAction`]: {
    kind: "action",
    allowed: TRIAGERS,
    input: async ({ db, actor, freshVariance }) => {
      const variance = freshVariance();
      const resolved = await resolveVariance(
        db,
        { ...actor, role: "admin" },
        { ...variance, expectedVersion: 0, note },
      );
      return { ...variance, expectedVersion: resolved.triage.version };
    },
  },
  [`${VARIANCES}#assignVarianceAction`]: {
    kind: "action",
    allowed: TRIAGERS,
    input: async ({ actor, freshVariance }) => ({ ...freshVariance(), expectedVersion: 0, assigneeUserId: actor.id }),
  },
  [`${VARIANCES}#assignVarianceToMeAction`]: {
    kind: "action",
    allowed: TRIAGERS,
    input: async ({ freshVariance }) => ({ ...freshVariance(), expectedVersion: 0 }),
  },
  [`${VARIANCES}#addVarianceNoteAction`]: {
    kind: "action",
    allowed: TRIAGERS,
    input: async ({ freshVariance }) => ({ ...freshVariance(), text: note }),
  },
  [`${VARIANCES}#snoozeVarianceAction`]: {
    kind: "action",
    allowed: TRIAGERS,
    input: async ({ freshVariance }) => ({
      ...freshVariance(),
      expectedVersion: 0,
      days: 7,
      reason: "Waiting for the client.",
    }),
  },
  [`${VARIANCES}#bulkResolveVariancesAction`]: {
    kind: "action",
    allowed: TRIAGERS,
    input: async ({ freshVariance }) => ({ variances: [freshVariance(), freshVariance()], note }),
  },
  [`${VARIANCES}#bulkAssignVariancesAction`]: {
    kind: "action",
    allowed: TRIAGERS,
    input: async ({ actor, freshVariance }) => ({ variances: [freshVariance()], assigneeUserId: actor.id }),
  },
  [`${VARIANCES}#bulkSnoozeVariancesAction`]: {
    kind: "action",
    allowed: TRIAGERS,
    input: async ({ freshVariance }) => ({ variances: [freshVariance()], days: 14, reason: "Client on leave." }),
  },
  [`${VARIANCES}#bulkReopenVariancesAction`]: {
    kind: "action",
    allowed: TRIAGERS,
    input: async ({ db, actor, freshVariance }) => {
      const variances = [freshVariance()];
      await bulkResolveVariances(db, { ...actor, role: "admin" }, { variances, note });
      return { variances };
    },
  },
  [`${VARIANCES}#bulkUnassignVariancesAction`]: {
    kind: "action",
    allowed: TRIAGERS,
    input: async ({ db, actor, freshVariance, freshAccount }) => {
      const variances = [freshVariance()];
      // Not to the caller: a disabled account may not be assigned work.
      const assigneeUserId = await freshAccount();
      await bulkAssignVariances(db, { ...actor, role: "admin" }, { variances, assigneeUserId });
      return { variances };
    },
  },
  [`${VARIANCES}#bulkUnsnoozeVariancesAction`]: {
    kind: "action",
    allowed: TRIAGERS,
    input: async ({ db, actor, freshVariance }) => {
      const variances = [freshVariance()];
      await bulkSnoozeVariances(db, { ...actor, role: "admin" }, { variances, days: 7, reason: "Client on leave." });
      return { variances };
    },
  },
  [`${VARIANCES}#undoTriageAction`]: {
    kind: "action",
    allowed: TRIAGERS,
    // The caller's own change (made with an admin's rights), so only the role decides.
    input: async ({ db, actor, freshVariance }) => {
      const resolved = await resolveVariance(
        db,
        { ...actor, role: "admin" },
        { ...freshVariance(), expectedVersion: 0, note },
      );
      return { eventIds: [resolved.auditEventId] };
    },
  },
  [`${VARIANCES}#matchingVariancesAction`]: {
    kind: "action",
    allowed: TRIAGERS,
    input: async () => "?type=SPARE_MISMATCH",
  },
  [`${VIEWS}#saveViewAction`]: {
    kind: "action",
    allowed: EVERYONE,
    input: async () => ({ name: `View ${Math.random()}`, query: "?type=SPARE_MISMATCH" }),
  },
  [`${VIEWS}#deleteViewAction`]: {
    kind: "action",
    allowed: EVERYONE,
    input: async (context) => ({ id: await ownView(context) }),
  },
  [`${VIEWS}#setDefaultViewAction`]: {
    kind: "action",
    allowed: EVERYONE,
    input: async (context) => ({ id: await ownView(context) }),
  },
  [`${VIEWS}#clearDefaultViewAction`]: {
    kind: "action",
    allowed: EVERYONE,
    input: async (context) => ({ id: await ownView(context, { asDefault: true }) }),
  },
  [`${ADMIN}#createAccountAction`]: {
    kind: "action",
    allowed: ADMINS,
    input: async () => ({
      email: `new.${Math.random().toString(36).slice(2)}@example.com`,
      name: "New",
      role: "technician",
      signInMethod: "entra",
    }),
  },
  [`${ADMIN}#changeAccountRoleAction`]: {
    kind: "action",
    allowed: ADMINS,
    input: async ({ freshAccount }) => ({ userId: await freshAccount(), role: "manager" }),
  },
  [`${ADMIN}#setAccountDisabledAction`]: {
    kind: "action",
    allowed: ADMINS,
    input: async ({ freshAccount }) => ({ userId: await freshAccount(), disabled: true }),
  },
  [`${ADMIN}#resetAccountPasswordAction`]: {
    kind: "action",
    allowed: ADMINS,
    input: async ({ freshAccount }) => ({ userId: await freshAccount() }),
  },
  [`${ADMIN}#revokeAccountSessionsAction`]: {
    kind: "action",
    allowed: ADMINS,
    input: async ({ freshAccount }) => ({ userId: await freshAccount() }),
  },
  [`${ADMIN}#removeAccountAction`]: {
    kind: "action",
    allowed: ADMINS,
    input: async ({ freshAccount }) => ({ userId: await freshAccount() }),
  },
  [`${ORGANIZATIONS}#mergeOrganizationsAction`]: {
    kind: "action",
    allowed: ADMINS,
    input: async ({ freshOrganization }) => ({ from: freshOrganization(), into: freshOrganization() }),
  },
  [`${ORGANIZATIONS}#splitOrganizationAction`]: {
    kind: "action",
    allowed: ADMINS,
    input: async ({ db, actor, freshOrganization }) => {
      const alias = freshOrganization();
      await mergeOrganizations(db, { ...actor, role: "admin" }, { from: alias, into: freshOrganization() });
      return { alias };
    },
  },
  "app/(dashboard)/session-actions.ts#signOutEverywhereAction": { kind: "action", allowed: EVERYONE },
  "app/(dashboard)/session-actions.ts#signOutAction": { kind: "public", why: "only clears the caller's own cookie" },
  "app/login/actions.ts#signInWithPassword": {
    kind: "public",
    why: "sign-in itself; throttled and audited (sign-in-throttle.test.ts)",
  },
  "app/login/actions.ts#signInWithEntra": {
    kind: "public",
    why: "hands over to Entra ID; the callback decides (sso-sign-in.test.ts)",
  },
  "app/api/auth/[...nextauth]/route.ts#GET": { kind: "public", why: "Auth.js's own endpoints" },
  "app/api/auth/[...nextauth]/route.ts#POST": { kind: "public", why: "Auth.js's own endpoints" },
  "app/api/health/route.ts#GET": {
    kind: "public",
    why: "for load balancers; says only whether the database answers",
  },
  "app/api/exceptions/route.ts#GET": { kind: "route", allowed: EVERYONE, query: "?limit=5" },
  "app/api/exceptions/stats/route.ts#GET": { kind: "route", allowed: EVERYONE },
  "app/api/devices/summary/route.ts#GET": { kind: "route", allowed: EVERYONE },
  "app/api/search/route.ts#GET": { kind: "route", allowed: EVERYONE, query: "?q=web" },
  "app/api/variances/events/route.ts#GET": { kind: "route", allowed: EVERYONE },
  "app/api/variances/export/route.ts#GET": {
    kind: "route",
    allowed: EVERYONE,
    query: "?format=csv&type=SPARE_MISMATCH",
  },
};

async function ownView({ db, actor }: Context, { asDefault = false } = {}) {
  // Made for the caller by the commands themselves, so it is theirs whatever their role.
  const owner: Actor = { ...actor, role: "technician" };
  const { id } = (await saveView(db, owner, { name: `Mine ${Math.random()}`, query: "?status=all" })).view;
  if (asDefault) await setDefaultView(db, owner, { id });
  return id;
}

describe("authorisation matrix", () => {
  const fixture = demoDatabaseFixture();
  // The live event stream LISTENs on DATABASE_URL, as the app does.
  beforeAll(() => {
    process.env.DATABASE_URL = fixture.database.url;
  });
  afterAll(stopLiveHub);

  it("lists every server action and route handler in the code, and nothing that is gone", () => {
    expect(entryPointsInCode().sort()).toEqual(Object.keys(MATRIX).sort());
  });

  it("has no inline server actions hiding outside the enumerated files", () => {
    const files = ["app", "components"]
      .flatMap((dir) => (readdirSync(dir, { recursive: true }) as string[]).map((file) => path.join(dir, file)))
      .filter((file) => /\.tsx?$/.test(file));
    const inline = files.filter((file) =>
      /[^\n]\s*["']use server["']/.test(readFileSync(file, "utf8").replace(/^\s*["']use server["'];?/, "")),
    );
    expect(inline).toEqual([]);
  });

  const guarded = Object.entries(MATRIX).filter(
    (entry): entry is [string, Exclude<Entry, { kind: "public" }>] => entry[1].kind !== "public",
  );

  for (const [name, entry] of guarded) {
    it(`${name}: allowed for ${entry.allowed.join(", ")}; refused, changing nothing, for everyone else`, async () => {
      const { actors, database } = fixture;
      session.db = fixture.db;
      const handler = await loadEntryPoint(name);
      const variances = await variancesOn(database.pool, DEMO_END_DATE);
      const triaged = await database.pool.query<{ type: string; key: string }>(
        "SELECT variance_type AS type, variance_key AS key FROM variance_dashboard.variance_triage",
      );
      const touched = new Set(triaged.rows.map((row) => `${row.type}/${row.key}`));
      const untouched = variances.filter((variance) => !touched.has(`${variance.type}/${variance.key}`));
      const { rows: names } = await database.pool.query<{ name: string }>(
        "SELECT DISTINCT organization_name AS name FROM device_snapshot WHERE snapshot_date = $1 AND organization_name IS NOT NULL ORDER BY 1",
        [DEMO_END_DATE],
      );
      const merged = new Set(
        (
          await fixture.db.organization_aliases.findMany({ select: { alias_key: true, organization_key: true } })
        ).flatMap((row) => [row.alias_key, row.organization_key]),
      );
      // One spelling per organisation ("Acme" and "Acme, LLC" are one already), none merged before.
      const organizations = [...new Map(names.map(({ name }) => [organizationMatchKey(name), name])).entries()]
        .filter(([key]) => !merged.has(key))
        .map(([, name]) => name);

      for (const who of PRINCIPALS) {
        const actor: Actor | null =
          who === "signed out" ? null : who === "disabled user" ? actors.disabled : actors[who];
        session.userId = actor?.id ?? null;
        const context: Context = {
          db: fixture.db,
          actor: actor ?? actors.technician,
          freshVariance: () => untouched.shift()!,
          freshOrganization: () => organizations.shift()!,
          freshAccount: async () =>
            (
              await createLocalUser(
                fixture.db,
                {
                  email: `target.${Math.random().toString(36).slice(2)}@example.com`,
                  name: "Target",
                  role: "technician",
                  password: "a long enough password",
                },
                "test",
              )
            ).id,
        };
        const allowed = actor !== null && who !== "disabled user" && entry.allowed.includes(actor.role);
        const input = entry.kind === "action" ? await entry.input?.(context) : undefined;
        const before = await databaseChecksum(database.pool);

        const outcome = await outcomeOf(
          entry.kind === "route" ? handler(routeRequest(name, entry.query)) : handler(input),
        );

        const changed = (await databaseChecksum(database.pool)) !== before;
        if (allowed) {
          expect({ who, outcome }).toEqual({ who, outcome: "ok" });
        } else {
          // A plain server action (sign out everywhere) has no result to read: changing nothing is the refusal.
          expect({ who, outcome, changed }).toEqual({
            who,
            outcome: entry.kind === "action" && !entry.input ? "ok" : "refused",
            changed: false,
          });
        }
      }
    });
  }
});
