import { PageNotFound } from "@/components/ui/page-not-found";

/** An unknown variance or organisation (notFound() in its page), inside the dashboard's header and banner. */
export default function DashboardNotFound() {
  return <PageNotFound />;
}
