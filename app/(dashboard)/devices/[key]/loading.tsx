const bar = "animate-pulse rounded bg-gray-200 dark:bg-gray-800";

/** The device page's shape (title, the two vendor cards, presence, variances) while it loads. */
export default function DeviceLoading() {
  return (
    <div aria-busy="true" aria-live="polite" className="space-y-4">
      <span className="sr-only">Loading…</span>
      <div className={`h-8 w-64 ${bar}`} />
      <div className="grid gap-4 md:grid-cols-2">
        <div className={`h-72 ${bar} rounded-lg`} />
        <div className={`h-72 ${bar} rounded-lg`} />
      </div>
      <div className={`h-24 ${bar} rounded-lg`} />
      <div className={`h-32 ${bar} rounded-lg`} />
    </div>
  );
}
