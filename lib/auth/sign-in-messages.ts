/** The code of a sign-in that failed because the database could not be reached. */
export const DATABASE_UNREACHABLE_SIGN_IN_CODE = "database-unreachable";

/** What the sign-in page says about a refusal: nothing that reveals whether an account exists. */
export function signInRefusalMessage(code: string | undefined, now: Date = new Date()): string {
  if (code === DATABASE_UNREACHABLE_SIGN_IN_CODE)
    return "The database is unreachable, so nobody can sign in right now. Try again in a moment.";
  const retryAt = code?.startsWith("throttled:") ? Date.parse(code.slice("throttled:".length)) : Number.NaN;
  if (Number.isNaN(retryAt)) return "Email or password is wrong.";
  const minutes = Math.max(1, Math.ceil((retryAt - now.getTime()) / 60_000));
  return `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}
