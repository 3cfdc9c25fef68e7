import { signOutAction, signOutEverywhereAction } from "@/app/(dashboard)/session-actions";

const itemClass = "block w-full rounded-md px-3 py-1.5 text-left text-sm hover:bg-gray-100 dark:hover:bg-gray-800";

/** Sign out here, or everywhere (a lost laptop, a shared PC). Works without JavaScript. */
export function SignOutButton() {
  return (
    <details className="relative">
      <summary className="cursor-pointer list-none rounded-md px-2 py-1 text-sm text-gray-600 hover:bg-gray-100 dark:text-gray-300 dark:hover:bg-gray-800">
        Sign out <span aria-hidden="true">▾</span>
      </summary>
      <div className="absolute right-0 z-20 mt-1 w-56 rounded-md border border-gray-200 bg-white p-1 shadow-lg dark:border-gray-800 dark:bg-gray-900">
        <form action={signOutAction}>
          <button type="submit" className={itemClass}>
            Sign out
          </button>
        </form>
        <form action={signOutEverywhereAction}>
          <button type="submit" className={itemClass}>
            Sign out everywhere
          </button>
        </form>
      </div>
    </details>
  );
}
