import { SkeletonBlock, SkeletonStatus } from "@/components/ui/skeleton";

export default function TeamLoading() {
  return (
    <div className="space-y-6">
      <SkeletonStatus label="the team page" />
      <SkeletonBlock className="h-12 w-64" />
      <SkeletonBlock className="h-64" />
      <SkeletonBlock className="h-40" />
    </div>
  );
}
