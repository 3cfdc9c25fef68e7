import { describe, expect, it } from "vitest";
import type { createAccountAction } from "@/app/(dashboard)/admin/actions";
import type { resolveVarianceAction } from "@/app/(dashboard)/variances/actions";

type ResolveInput = Parameters<typeof resolveVarianceAction>[0];
type NewAccountInput = Parameters<typeof createAccountAction>[0];

// Checked by `tsc --noEmit` (npm test): if actions ever take `unknown` again, the expected errors vanish and tsc fails.
describe("server action input types", () => {
  it("come from the command's zod schema, so a misspelt or missing field does not compile", () => {
    const resolve: ResolveInput = { type: "SPARE_MISMATCH", key: "host-1", expectedVersion: 0, note: "A spare." };
    // @ts-expect-error — "notes" is not a field of the resolve command.
    const misspelt: ResolveInput = { type: "SPARE_MISMATCH", key: "host-1", expectedVersion: 0, notes: "A spare." };
    // @ts-expect-error — a role the command does not know.
    const unknownRole: NewAccountInput = { email: "a@example.com", name: "A", role: "owner", signInMethod: "entra" };
    expect([resolve, misspelt, unknownRole]).toHaveLength(3);
  });
});
