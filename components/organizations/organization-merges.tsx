"use client";

import Link from "next/link";
import { splitOrganizationAction } from "@/app/(dashboard)/organizations/actions";
import { secondaryButtonClass } from "@/components/ui/form-styles";
import { CommandErrorMessage } from "@/components/variances/command-error";
import { useCommand } from "@/components/variances/use-command";
import { organizationPath } from "@/lib/organizations/organization-filters";
import type { OrganizationMerge } from "@/lib/organizations/organization-summary";

/** The hand-made merges; an admin can split each one off again. */
export function OrganizationMerges({ merges, canManage }: { merges: OrganizationMerge[]; canManage: boolean }) {
  const split = useCommand(splitOrganizationAction);
  if (merges.length === 0) {
    return (
      <p className="text-sm text-gray-600 dark:text-gray-400">
        No names are merged by hand: organisations are matched on their normalised names only.
      </p>
    );
  }
  return (
    <>
      <ul className="divide-y divide-gray-100 text-sm dark:divide-gray-800" data-testid="organization-merges">
        {merges.map((merge) => (
          <li key={merge.aliasKey} className="flex flex-wrap items-center justify-between gap-2 py-2">
            <span>
              Names read as “{merge.aliasKey}” are merged into{" "}
              <Link
                href={organizationPath(merge.organizationKey)}
                className="font-medium text-blue-700 hover:underline dark:text-blue-300"
              >
                {merge.organizationName}
              </Link>
            </span>
            {canManage && (
              <button
                type="button"
                className={`${secondaryButtonClass} print:hidden`}
                disabled={split.pending}
                onClick={() => split.run({ alias: merge.aliasKey })}
                aria-label={`Split “${merge.aliasKey}” off ${merge.organizationName}`}
              >
                Split off
              </button>
            )}
          </li>
        ))}
      </ul>
      <CommandErrorMessage error={split.error} />
    </>
  );
}
