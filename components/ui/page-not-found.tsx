import { EmptyState } from "./empty-state";

/** What an address that names nothing shows (404), with a way back to the overview. */
export function PageNotFound() {
  return (
    <EmptyState heading="h1" title="No page at this address" action={{ href: "/", label: "Go to the overview" }}>
      The link may be mistyped, or what it named no longer exists (error 404).
    </EmptyState>
  );
}
