import { EmptyState } from "./empty-state";

/** What a signed-in person sees on a page their role does not open (the data functions refuse too). */
export function AccessDenied({ what }: { what: string }) {
  return (
    <EmptyState heading="h1" title={`You don't have access to ${what}`}>
      Ask a dashboard admin if you need it.
    </EmptyState>
  );
}
