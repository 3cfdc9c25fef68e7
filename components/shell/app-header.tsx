import Link from "next/link";
import { CommandPalette } from "@/components/palette/command-palette";
import { can } from "@/lib/access/permissions";
import type { Actor } from "@/lib/access/roles";
import { MyOpenLink } from "./my-open-link";
import { NavLinks } from "./nav-links";
import { navigationFor } from "./navigation";
import { SignOutButton } from "./sign-out-button";
import { ThemeToggle } from "./theme-toggle";

export function AppHeader({ actor }: { actor: Actor }) {
  return (
    <header className="border-b border-gray-200 bg-white print:hidden dark:border-gray-800 dark:bg-gray-900">
      <div className="relative mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
        <Link href="/" className="text-base font-semibold tracking-tight">
          Variance Dashboard
        </Link>
        <nav aria-label="Main" className="min-w-0 flex-1">
          <NavLinks items={navigationFor(actor)} />
        </nav>
        <div className="flex flex-wrap items-center gap-2 whitespace-nowrap text-sm">
          {can(actor, "variances:triage") && <MyOpenLink actor={actor} />}
          <span className="hidden text-gray-600 sm:inline dark:text-gray-400" data-testid="signed-in-as">
            {actor.name} · <span className="capitalize">{actor.role}</span>
          </span>
          <CommandPalette pages={navigationFor(actor)} />
          <ThemeToggle />
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
