"use server";

import { createAccount } from "@/lib/accounts/create-account";
import {
  changeAccountRole,
  removeAccount,
  resetAccountPassword,
  revokeAccountSessions,
  setAccountDisabled,
} from "@/lib/accounts/update-account";
import { commandAction } from "@/lib/actions/command-action";

// The account list, and the header of every page (a changed role changes the navigation).
const accounts = { path: "/", type: "layout" } as const;

export const createAccountAction = commandAction(createAccount, accounts);
export const changeAccountRoleAction = commandAction(changeAccountRole, accounts);
export const setAccountDisabledAction = commandAction(setAccountDisabled, accounts);
export const resetAccountPasswordAction = commandAction(resetAccountPassword, accounts);
export const revokeAccountSessionsAction = commandAction(revokeAccountSessions, accounts);
export const removeAccountAction = commandAction(removeAccount, accounts);
