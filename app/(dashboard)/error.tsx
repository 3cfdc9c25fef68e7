"use client";

import { type ErrorBoundaryProps, SectionError } from "@/components/ui/section-error";

export default function DashboardError(props: ErrorBoundaryProps) {
  return <SectionError title="This page could not be loaded" {...props} />;
}
