import type { Metadata } from "next";
import { PageNotFound } from "@/components/ui/page-not-found";

export const metadata: Metadata = { title: "Page not found" };

/** An address no route answers: outside the dashboard's layout, which needs a session. */
export default function NotFound() {
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-12 sm:px-6">
      <PageNotFound />
    </main>
  );
}
