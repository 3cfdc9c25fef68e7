import { use } from "react";
import type { OrganizationFigures } from "@/lib/organizations/organization-figures";
import { requestFormat } from "@/lib/request-format";

/** How each vendor spells the organisation, and which names an admin merged into it. */
export function OrganizationNames({
  organization,
}: {
  organization: Pick<OrganizationFigures, "spellings" | "mergedNames">;
}) {
  const format = use(requestFormat());
  return (
    <div className="text-xs text-gray-600 dark:text-gray-400">
      <p>
        {organization.spellings.map((spelling, index) => (
          <span key={`${spelling.vendor}/${spelling.name}`}>
            {index > 0 && " · "}
            {spelling.vendor}: “{spelling.name}” ({format.count(spelling.devices)})
          </span>
        ))}
      </p>
      {organization.mergedNames.length > 0 && (
        <p data-testid="merged-names" className="text-amber-800 dark:text-amber-300">
          Merged by hand: {organization.mergedNames.map((name) => `“${name}”`).join(", ")}
        </p>
      )}
    </div>
  );
}

export function InternalBadge() {
  return (
    <span className="rounded bg-gray-100 px-1.5 py-0.5 text-xs font-medium text-gray-800 dark:bg-gray-800 dark:text-gray-200">
      Internal
    </span>
  );
}
