import type { Account } from "@/lib/accounts/account";
import { AccountRow } from "./account-row";

/** Every account as a row that reads as a card on a phone and a table row on a desk. */
export function AccountList({ accounts, actorId }: { accounts: Account[]; actorId: string }) {
  return (
    <section aria-labelledby="accounts-heading">
      <h2 id="accounts-heading" className="font-semibold">
        Accounts <span className="font-normal text-gray-600 dark:text-gray-400">({accounts.length})</span>
      </h2>
      <ul className="mt-3 divide-y divide-gray-200 rounded-lg border border-gray-200 dark:divide-gray-800 dark:border-gray-800">
        {accounts.map((account) => (
          <AccountRow key={account.id} account={account} isSelf={account.id === actorId} />
        ))}
      </ul>
    </section>
  );
}
