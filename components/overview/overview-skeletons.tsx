import { SkeletonBlock, SkeletonStatus } from "@/components/ui/skeleton";

/** Placeholders the size of each overview section, so the page does not jump as they stream in. */
export function HeadlineSkeleton() {
  return (
    <div className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-3">
      <SkeletonStatus label="headline figures" />
      {Array.from({ length: 9 }, (_, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders, nothing but their position.
        <SkeletonBlock key={index} className="h-[7.25rem]" />
      ))}
    </div>
  );
}

export function TrendsSkeleton() {
  return (
    <div className="grid gap-4 xl:grid-cols-2">
      <SkeletonStatus label="trends" />
      <SkeletonBlock className="h-[26rem]" />
      <SkeletonBlock className="h-[26rem]" />
    </div>
  );
}

export function AgeingSkeleton() {
  return (
    <div>
      <SkeletonStatus label="ageing" />
      <SkeletonBlock className="h-48" />
    </div>
  );
}
