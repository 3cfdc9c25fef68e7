"use client";

import { SectionError } from "@/components/ui/section-error";

export default function DashboardError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <SectionError title="This page could not be loaded" {...props} />;
}
