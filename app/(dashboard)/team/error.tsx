"use client";

import { type ErrorBoundaryProps, SectionError } from "@/components/ui/section-error";

export default function TeamError(props: ErrorBoundaryProps) {
  return <SectionError title="The team page could not be loaded" {...props} />;
}
