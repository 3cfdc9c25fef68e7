"use client";

export default function OrganizationsError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <section
      role="alert"
      className="rounded-lg border border-rose-200 bg-rose-50 p-6 dark:border-rose-900 dark:bg-rose-950"
    >
      <h1 className="text-lg font-semibold">The organisations could not be loaded</h1>
      <p className="mt-2 text-sm">
        The database may be unreachable or busy. Try again; if it keeps failing, give your administrator this reference:{" "}
        <code>{error.digest ?? "none"}</code>.
      </p>
      <button
        type="button"
        onClick={reset}
        className="mt-4 rounded-md bg-rose-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-rose-800"
      >
        Try again
      </button>
    </section>
  );
}
