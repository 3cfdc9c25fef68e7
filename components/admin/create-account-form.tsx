"use client";

import { useState } from "react";
import { createAccountAction } from "@/app/(dashboard)/admin/actions";
import { controlClass, labelClass, primaryButtonClass } from "@/components/ui/form-styles";
import { CommandErrorMessage } from "@/components/variances/command-error";
import { useCommand } from "@/components/variances/use-command";
import { ROLES, type Role } from "@/lib/access/roles";
import type { CreatedAccount } from "@/lib/accounts/create-account";
import { OneTimePassword } from "./one-time-password";

type NewAccount = Parameters<typeof createAccountAction>[0];

/** Invites a person (Entra ID) or creates a local account with a generated password. */
export function CreateAccountForm() {
  const create = useCommand(createAccountAction);
  const [created, setCreated] = useState<CreatedAccount | null>(null);
  return (
    <section aria-labelledby="create-account" className="rounded-lg border border-gray-200 p-4 dark:border-gray-800">
      <h2 id="create-account" className="font-semibold">
        Add a user
      </h2>
      <form
        className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-5 lg:items-end"
        onSubmit={(event) => {
          event.preventDefault();
          const form = event.currentTarget;
          const data = new FormData(form);
          const input = {
            email: String(data.get("email")),
            name: String(data.get("name")),
            // From the selects below, whose options are exactly these values; the command checks them again.
            role: data.get("role") as Role,
            signInMethod: data.get("signInMethod") as NewAccount["signInMethod"],
          };
          create.run(input, (account) => {
            setCreated(account);
            form.reset();
          });
        }}
      >
        <label className={labelClass}>
          Email
          <input name="email" type="email" required autoComplete="off" className={`mt-1 ${controlClass}`} />
        </label>
        <label className={labelClass}>
          Name
          <input name="name" required autoComplete="off" className={`mt-1 ${controlClass}`} />
        </label>
        <label className={labelClass}>
          Role
          <select name="role" defaultValue="technician" className={`mt-1 ${controlClass} capitalize`}>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {role}
              </option>
            ))}
          </select>
        </label>
        <label className={labelClass}>
          Signs in with
          <select name="signInMethod" defaultValue="entra" className={`mt-1 ${controlClass}`}>
            <option value="entra">Microsoft Entra ID</option>
            <option value="password">Local password (generated)</option>
          </select>
        </label>
        <button type="submit" disabled={create.pending} className={primaryButtonClass}>
          {create.pending ? "Adding…" : "Add user"}
        </button>
      </form>
      <CommandErrorMessage error={create.error} />
      {created && (
        <div className="mt-3">
          {created.password ? (
            <OneTimePassword email={created.account.email} password={created.password} />
          ) : (
            <p role="status" className="text-sm text-emerald-800 dark:text-emerald-300">
              {created.account.email} can now sign in with Microsoft Entra ID as {created.account.role}.
            </p>
          )}
        </div>
      )}
    </section>
  );
}
