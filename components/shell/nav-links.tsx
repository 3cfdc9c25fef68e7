"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useId, useState } from "react";

/**
 * The sections as a row of links on wide screens; on a phone, behind a "Menu" button, so
 * every section is reachable at 375 px instead of scrolling sideways out of sight. The list
 * drops below the whole header (the nearest positioned ancestor), the width of the screen.
 */
export function NavLinks({ items }: { items: { href: string; label: string }[] }) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const listId = useId();
  // biome-ignore lint/correctness/useExhaustiveDependencies: following a link (a new pathname) closes the menu.
  useEffect(() => setOpen(false), [pathname]);
  const currentLabel = items.find((item) => isCurrent(item.href, pathname))?.label;
  return (
    <>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((value) => !value)}
        className="flex items-center gap-2 rounded-md border border-gray-300 px-3 py-1.5 text-sm font-medium text-gray-700 hover:bg-gray-100 md:hidden dark:border-gray-700 dark:text-gray-300 dark:hover:bg-gray-800"
      >
        <span aria-hidden="true">{open ? "✕" : "☰"}</span>
        Menu{currentLabel ? <span className="text-gray-500 dark:text-gray-400">· {currentLabel}</span> : null}
      </button>
      <ul
        id={listId}
        className={`${open ? "flex" : "hidden"} absolute inset-x-4 top-full z-40 mt-1 flex-col gap-1 rounded-md border border-gray-200 bg-white p-1 shadow-lg md:static md:mt-0 md:flex md:w-auto md:flex-row md:border-0 md:bg-transparent md:p-0 md:shadow-none dark:border-gray-800 dark:bg-gray-900 md:dark:bg-transparent`}
      >
        {items.map((item) => (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={isCurrent(item.href, pathname) ? "page" : undefined}
              className="block rounded-md px-3 py-2 text-sm font-medium text-gray-700 hover:bg-gray-100 aria-[current=page]:bg-blue-50 aria-[current=page]:text-blue-700 dark:text-gray-300 dark:hover:bg-gray-800 dark:aria-[current=page]:bg-blue-950 dark:aria-[current=page]:text-blue-300"
            >
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}

function isCurrent(href: string, pathname: string) {
  return href === "/" ? pathname === "/" : pathname.startsWith(href);
}
