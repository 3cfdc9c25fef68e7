import { use } from "react";
import { type Column, ResponsiveTable } from "@/components/ui/responsive-table";
import { AGE_BANDS, type AgeingRow, type VarianceAgeing } from "@/lib/reports/variance-ageing";
import { requestFormat } from "@/lib/request-format";
import { typeLabel } from "@/lib/variances/type-registry/registry";

/** Open variances by type and age: a table on wide screens, one card per type on narrow ones. */
export function AgeingTable({ ageing }: { ageing: VarianceAgeing }) {
  const format = use(requestFormat());
  const bands: Column<AgeingRow>[] = AGE_BANDS.map((band, index) => ({
    header: band.label,
    numeric: true,
    cell: (row) => format.count(row.bands[index]!),
    data: (row) => ({ "data-band": index, "data-value": row.bands[index] }),
    total: format.count(ageing.totals[index]!),
  }));
  return (
    <ResponsiveTable
      rows={ageing.rows}
      rowKey={(row) => row.type}
      rowHeader={{ header: "Type", cell: (row) => typeLabel(row.type) }}
      columns={[
        ...bands,
        {
          header: "Open",
          numeric: true,
          className: "font-semibold",
          cell: (row) => format.count(row.total),
          total: format.count(ageing.totals.reduce((sum, count) => sum + count, 0)),
        },
      ]}
      totalsLabel="All types"
      caption="Open variances by age"
      cardsBelow="sm"
      cardHeading="h3"
      empty="No open variances on this report."
      rowData={(row) => ({ "data-type": row.type })}
      rowTestId="ageing-row"
      testIds={{ table: "ageing-table" }}
    />
  );
}
