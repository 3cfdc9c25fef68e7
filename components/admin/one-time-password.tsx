/** A generated password, shown once: it is stored only as a hash and cannot be shown again. */
export function OneTimePassword({ email, password }: { email: string; password: string }) {
  return (
    <div
      role="status"
      className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
    >
      <p>
        Password for <strong>{email}</strong> — copy it now and hand it over privately; it will not be shown again:
      </p>
      <code data-testid="one-time-password" className="mt-1 block select-all break-all font-mono text-base">
        {password}
      </code>
    </div>
  );
}
