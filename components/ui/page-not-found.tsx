import Link from "next/link";

/** What an address that names nothing shows (404), with a way back to the overview. */
export function PageNotFound() {
  return (
    <section className="rounded-lg border border-dashed border-gray-300 p-8 text-center dark:border-gray-700">
      <p className="text-sm font-semibold text-gray-600 dark:text-gray-400">404</p>
      <h1 className="mt-1 text-lg font-semibold">No page at this address</h1>
      <p className="mt-2 text-sm text-gray-600 dark:text-gray-400">
        The link may be mistyped, or what it named no longer exists.
      </p>
      <Link href="/" className="mt-3 inline-block text-sm font-medium text-blue-700 hover:underline dark:text-blue-300">
        Go to the overview
      </Link>
    </section>
  );
}
