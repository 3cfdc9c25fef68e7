import { AccessDenied } from "@/components/ui/access-denied";

/** A page the signed-in person's role does not open (forbidden() in its layout or page): answered 403. */
export default function DashboardForbidden() {
  return <AccessDenied what="this page" />;
}
