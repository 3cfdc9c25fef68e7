/** What a signed-in person sees on a page their role does not open (the data functions refuse too). */
export function AccessDenied({ what }: { what: string }) {
  return (
    <section className="rounded-lg border border-dashed border-gray-300 p-8 text-center dark:border-gray-700">
      <h1 className="text-lg font-semibold">You don&apos;t have access to {what}</h1>
      <p className="mt-2 text-sm text-gray-600 dark:text-gray-400">Ask a dashboard admin if you need it.</p>
    </section>
  );
}
