/** A grey placeholder block of a given size while a section streams in. */
export function SkeletonBlock({ className }: { className: string }) {
  return <div aria-hidden="true" className={`animate-pulse rounded-lg bg-gray-200 dark:bg-gray-800 ${className}`} />;
}

/** Announces a streaming section once, for screen readers. */
export function SkeletonStatus({ label }: { label: string }) {
  return (
    <p role="status" className="sr-only">
      Loading {label}…
    </p>
  );
}
