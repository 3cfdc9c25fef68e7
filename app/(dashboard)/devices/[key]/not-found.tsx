import Link from "next/link";

export default function DeviceNotFound() {
  return (
    <section className="rounded-lg border border-dashed border-gray-300 p-8 text-center dark:border-gray-700">
      <h1 className="text-lg font-semibold">No such device</h1>
      <p className="mt-2 text-sm text-gray-600 dark:text-gray-400">
        Neither Ninja&apos;s nor ThreatLocker&apos;s newest snapshot has a device with this name. It may have been
        retired or renamed, or the link may be mistyped. Search for part of its name instead.
      </p>
      <Link
        href="/devices"
        className="mt-3 inline-block text-sm font-medium text-blue-700 hover:underline dark:text-blue-300"
      >
        Search devices
      </Link>
    </section>
  );
}
