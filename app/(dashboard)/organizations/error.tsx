"use client";

import { type ErrorBoundaryProps, SectionError } from "@/components/ui/section-error";

export default function OrganizationsError(props: ErrorBoundaryProps) {
  return <SectionError title="The organisations could not be loaded" {...props} />;
}
