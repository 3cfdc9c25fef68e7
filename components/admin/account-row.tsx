"use client";

import { useState } from "react";
import {
  changeAccountRoleAction,
  removeAccountAction,
  resetAccountPasswordAction,
  revokeAccountSessionsAction,
  setAccountDisabledAction,
} from "@/app/(dashboard)/admin/actions";
import { controlClass, secondaryButtonClass } from "@/components/ui/form-styles";
import { LocalTime } from "@/components/ui/local-time";
import { CommandErrorMessage } from "@/components/variances/command-error";
import { useCommand } from "@/components/variances/use-command";
import { ROLES, type Role } from "@/lib/access/roles";
import type { Account, SignInMethod } from "@/lib/accounts/account";
import { ConfirmButton } from "./confirm-button";
import { OneTimePassword } from "./one-time-password";

const methodLabel: Record<SignInMethod, string> = {
  password: "Local password",
  entra: "Microsoft Entra ID",
  "password+entra": "Entra ID and local password",
};

const smallButton = `${secondaryButtonClass} !px-2 !py-1 text-xs`;

export function AccountRow({ account, isSelf }: { account: Account; isSelf: boolean }) {
  const role = useCommand(changeAccountRoleAction);
  const status = useCommand(setAccountDisabledAction);
  const reset = useCommand(resetAccountPasswordAction);
  const revoke = useCommand(revokeAccountSessionsAction);
  const remove = useCommand(removeAccountAction);
  const [password, setPassword] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const error = role.error ?? status.error ?? reset.error ?? revoke.error ?? remove.error;
  const who = `${account.name} (${account.email})`;

  return (
    <li
      className="grid gap-3 p-4 md:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_minmax(0,1fr)_auto] md:items-center"
      data-testid="account-row"
      data-email={account.email}
    >
      <div className="min-w-0">
        <p className="font-medium">
          {account.name}
          {isSelf && <span className="ml-2 text-xs text-gray-600 dark:text-gray-400">(you)</span>}
          {account.disabled && (
            <span className="ml-2 rounded bg-gray-200 px-1.5 py-0.5 text-xs text-gray-800 dark:bg-gray-800 dark:text-gray-200">
              Disabled
            </span>
          )}
        </p>
        <p className="truncate text-sm text-gray-600 dark:text-gray-400">{account.email}</p>
      </div>
      <div className="text-sm">
        <p>{methodLabel[account.signInMethod]}</p>
        <p className="text-gray-600 dark:text-gray-400">
          Last sign-in: {account.lastSignInAt ? <LocalTime value={account.lastSignInAt} /> : "never"}
        </p>
      </div>
      <form
        className="flex items-center gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          // The select's options are exactly the roles; the command checks the value again.
          role.run({ userId: account.id, role: new FormData(event.currentTarget).get("role") as Role });
        }}
      >
        <label className="sr-only" htmlFor={`role-${account.id}`}>
          Role of {who}
        </label>
        <select
          id={`role-${account.id}`}
          name="role"
          defaultValue={account.role}
          className={`${controlClass} !w-auto capitalize`}
        >
          {ROLES.map((value) => (
            <option key={value} value={value}>
              {value}
            </option>
          ))}
        </select>
        <button type="submit" className={smallButton} disabled={role.pending} aria-label={`Save role of ${who}`}>
          Save
        </button>
      </form>
      <div className="flex flex-wrap gap-2 md:justify-end">
        {!isSelf && (
          <button
            type="button"
            className={smallButton}
            disabled={status.pending}
            aria-label={`${account.disabled ? "Enable" : "Disable"} ${who}`}
            onClick={() => status.run({ userId: account.id, disabled: !account.disabled })}
          >
            {account.disabled ? "Enable" : "Disable"}
          </button>
        )}
        <ConfirmButton
          label="Sign out everywhere"
          ariaLabel={`Sign ${who} out everywhere`}
          title="Sign out everywhere?"
          confirmLabel="Sign out everywhere"
          pending={revoke.pending}
          className={smallButton}
          onConfirm={() =>
            revoke.run({ userId: account.id }, () => setNotice(`${account.name} is signed out on every device.`))
          }
        >
          <p>Every session of {who} ends on its next request; they can sign in again.</p>
        </ConfirmButton>
        {account.signInMethod !== "entra" && (
          <ConfirmButton
            label="Reset password"
            ariaLabel={`Reset the password of ${who}`}
            title="Reset password?"
            confirmLabel="Generate a new password"
            pending={reset.pending}
            className={smallButton}
            onConfirm={() => reset.run({ userId: account.id }, (data) => setPassword(data.password))}
          >
            <p>
              The current password stops working and every session of {who} ends. You will see the new password once.
            </p>
          </ConfirmButton>
        )}
        {!isSelf && (
          <ConfirmButton
            label="Remove"
            ariaLabel={`Remove ${who}`}
            title="Remove this account?"
            confirmLabel="Remove"
            pending={remove.pending}
            className={smallButton}
            onConfirm={() => remove.run({ userId: account.id })}
          >
            <p>
              {who} will no longer be able to sign in. An account with triage history cannot be removed; disable it
              instead.
            </p>
          </ConfirmButton>
        )}
      </div>
      <div className="md:col-span-4 empty:hidden">
        <CommandErrorMessage error={error} />
        {password && <OneTimePassword email={account.email} password={password} />}
        {notice && (
          <p role="status" className="text-sm text-emerald-800 dark:text-emerald-300">
            {notice}
          </p>
        )}
      </div>
    </li>
  );
}
