"use client";

import { type ErrorBoundaryProps, SectionError } from "@/components/ui/section-error";

/** Errors outside a section's own boundary, the dashboard layout's included (it reads the signed-in account). */
export default function RootError(props: ErrorBoundaryProps) {
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-12 sm:px-6">
      <SectionError title="This page could not be loaded" {...props} />
    </main>
  );
}
