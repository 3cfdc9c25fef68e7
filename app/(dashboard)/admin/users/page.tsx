import type { Metadata } from "next";
import { AccountList } from "@/components/admin/account-list";
import { CreateAccountForm } from "@/components/admin/create-account-form";
import { PageHeading } from "@/components/ui/page-heading";
import { listAccounts } from "@/lib/accounts/list-accounts";
import { requireActor } from "@/lib/auth/actor";
import { entraSettings } from "@/lib/auth/entra-settings";
import { getPrisma } from "@/lib/db/prisma";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const actor = await requireActor();
  const accounts = await listAccounts(getPrisma(), actor);
  return (
    <div className="space-y-6">
      <PageHeading
        title="Users"
        description={
          <>
            Who may sign in, and as what.{" "}
            {entraSettings()
              ? "Invite staff by email to sign in with Microsoft Entra ID; "
              : "Microsoft Entra ID sign-in is not configured; "}
            local accounts with a password are for break-glass access.
          </>
        }
      />
      <CreateAccountForm />
      <AccountList accounts={accounts} actorId={actor.id} />
    </div>
  );
}
