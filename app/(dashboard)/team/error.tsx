"use client";

import { SectionError } from "@/components/ui/section-error";

export default function TeamError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <SectionError title="The team page could not be loaded" {...props} />;
}
