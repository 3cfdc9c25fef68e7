import { use } from "react";
import { AGE_BANDS, type VarianceAgeing } from "@/lib/reports/variance-ageing";
import { requestFormat } from "@/lib/request-format";
import { typeLabel } from "@/lib/variances/type-registry/registry";

/** Open variances by type and age: a table on wide screens, one card per type on narrow ones. */
export function AgeingTable({ ageing }: { ageing: VarianceAgeing }) {
  const format = use(requestFormat());
  if (ageing.rows.length === 0) {
    return <p className="text-sm text-gray-600 dark:text-gray-400">No open variances on this report.</p>;
  }
  return (
    <>
      <table className="hidden w-full text-sm sm:table print:table" data-testid="ageing-table">
        <thead>
          <tr className="border-b border-gray-200 text-left dark:border-gray-800">
            <th scope="col" className="py-2 pr-4 font-semibold">
              Type
            </th>
            {AGE_BANDS.map((band) => (
              <th key={band.label} scope="col" className="px-3 py-2 text-right font-semibold">
                {band.label}
              </th>
            ))}
            <th scope="col" className="py-2 pl-3 text-right font-semibold">
              Open
            </th>
          </tr>
        </thead>
        <tbody>
          {ageing.rows.map((row) => (
            <tr
              key={row.type}
              className="border-b border-gray-100 dark:border-gray-800"
              data-testid="ageing-row"
              data-type={row.type}
            >
              <th scope="row" className="py-2 pr-4 text-left font-medium">
                {typeLabel(row.type)}
              </th>
              {row.bands.map((count, band) => (
                <td
                  key={AGE_BANDS[band]!.label}
                  className="px-3 py-2 text-right tabular-nums"
                  data-band={band}
                  data-value={count}
                >
                  {format.count(count)}
                </td>
              ))}
              <td className="py-2 pl-3 text-right font-semibold tabular-nums">{format.count(row.total)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" className="py-2 pr-4 text-left font-semibold">
              All types
            </th>
            {ageing.totals.map((count, band) => (
              <td key={AGE_BANDS[band]!.label} className="px-3 py-2 text-right font-semibold tabular-nums">
                {format.count(count)}
              </td>
            ))}
            <td className="py-2 pl-3 text-right font-semibold tabular-nums">
              {format.count(ageing.totals.reduce((sum, count) => sum + count, 0))}
            </td>
          </tr>
        </tfoot>
      </table>
      <ul className="space-y-3 sm:hidden print:hidden" aria-label="Open variances by age">
        {ageing.rows.map((row) => (
          <li key={row.type} className="rounded-md border border-gray-200 p-3 dark:border-gray-800">
            <h3 className="font-medium">
              {typeLabel(row.type)}{" "}
              <span className="text-gray-600 dark:text-gray-400">· {format.count(row.total)} open</span>
            </h3>
            <dl className="mt-2 grid grid-cols-2 gap-x-4 gap-y-1 text-sm">
              {AGE_BANDS.map((band, index) => (
                <div key={band.label} className="flex justify-between gap-2">
                  <dt className="text-gray-600 dark:text-gray-400">{band.label}</dt>
                  <dd className="tabular-nums">{format.count(row.bands[index]!)}</dd>
                </div>
              ))}
            </dl>
          </li>
        ))}
      </ul>
    </>
  );
}
