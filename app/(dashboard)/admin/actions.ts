"use server";

import { createAccount, createAccountInputSchema } from "@/lib/accounts/create-account";
import {
  accountIdInputSchema,
  changeAccountRole,
  changeRoleInputSchema,
  removeAccount,
  resetAccountPassword,
  revokeAccountSessions,
  setAccountDisabled,
  setDisabledInputSchema,
} from "@/lib/accounts/update-account";
import { commandAction } from "@/lib/actions/command-action";

// The account list, and the header of every page (a changed role changes the navigation).
const accounts = { path: "/", type: "layout" } as const;

export const createAccountAction = commandAction("createAccount", createAccountInputSchema, createAccount, accounts);
export const changeAccountRoleAction = commandAction(
  "changeAccountRole",
  changeRoleInputSchema,
  changeAccountRole,
  accounts,
);
export const setAccountDisabledAction = commandAction(
  "setAccountDisabled",
  setDisabledInputSchema,
  setAccountDisabled,
  accounts,
);
export const resetAccountPasswordAction = commandAction(
  "resetAccountPassword",
  accountIdInputSchema,
  resetAccountPassword,
  accounts,
);
export const revokeAccountSessionsAction = commandAction(
  "revokeAccountSessions",
  accountIdInputSchema,
  revokeAccountSessions,
  accounts,
);
export const removeAccountAction = commandAction("removeAccount", accountIdInputSchema, removeAccount, accounts);
