const bar = "animate-pulse rounded bg-gray-200 dark:bg-gray-800";

/** The search page's shape (heading, form, result cards) while the search runs. */
export default function DevicesLoading() {
  return (
    <div aria-busy="true" aria-live="polite" className="space-y-4">
      <span className="sr-only">Loading…</span>
      <div className={`h-8 w-40 ${bar}`} />
      <div className={`h-12 ${bar}`} />
      {[0, 1, 2, 3].map((key) => (
        <div key={key} className={`h-20 ${bar} rounded-lg`} />
      ))}
    </div>
  );
}
