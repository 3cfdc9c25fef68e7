export default function Loading() {
  return (
    <div aria-busy="true" aria-live="polite" className="space-y-4">
      <span className="sr-only">Loading organisations…</span>
      <div className="h-8 w-56 animate-pulse rounded bg-gray-200 dark:bg-gray-800" />
      <div className="h-10 max-w-xl animate-pulse rounded bg-gray-200 dark:bg-gray-800" />
      <div className="space-y-2">
        {Array.from({ length: 8 }, (_, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: placeholders, nothing but their position.
          <div key={index} className="h-12 animate-pulse rounded bg-gray-200 dark:bg-gray-800" />
        ))}
      </div>
    </div>
  );
}
