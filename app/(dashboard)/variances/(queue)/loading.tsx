import { SkeletonBlock, SkeletonStatus } from "@/components/ui/skeleton";

/**
 * The queue's shape while it loads. In the (queue) group, not in variances/, so that it does
 * not wrap a variance's own page: that page decides its 404 before anything is sent.
 */
export default function QueueLoading() {
  return (
    <div className="space-y-3">
      <SkeletonStatus label="the queue" />
      <SkeletonBlock className="h-8 w-96 max-w-full" />
      <SkeletonBlock className="h-8" />
      <SkeletonBlock className="h-8 w-2/3" />
      <SkeletonBlock className="h-[32rem]" />
    </div>
  );
}
