export default function Loading() {
  return (
    <div aria-busy="true" aria-live="polite" className="space-y-6">
      <span className="sr-only">Loading…</span>
      <div className="h-8 w-48 animate-pulse rounded bg-gray-200 dark:bg-gray-800" />
      <div className="grid gap-4 sm:grid-cols-3">
        {[0, 1, 2].map((key) => (
          <div key={key} className="h-24 animate-pulse rounded-lg bg-gray-200 dark:bg-gray-800" />
        ))}
      </div>
      <div className="h-80 animate-pulse rounded-lg bg-gray-200 dark:bg-gray-800" />
    </div>
  );
}
