import { EmptyState } from "@/components/ui/empty-state";

export default function DeviceNotFound() {
  return (
    <EmptyState heading="h1" title="No such device" action={{ href: "/devices", label: "Search devices" }}>
      Neither Ninja&apos;s nor ThreatLocker&apos;s newest snapshot has a device with this name. It may have been retired
      or renamed, or the link may be mistyped. Search for part of its name instead.
    </EmptyState>
  );
}
