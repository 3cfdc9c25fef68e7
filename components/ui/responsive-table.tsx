import { Fragment, type ReactNode } from "react";

type DataAttributes = Record<`data-${string}`, string | number | undefined>;

export interface Column<Row> {
  /** The header cell's text, and the card's label for the cell. */
  header: string;
  /** A header cell of its own (a `<th scope="col">`, e.g. one that sorts) in place of the plain one. */
  headerCell?: ReactNode;
  cell: (row: Row) => ReactNode;
  /** Right-aligned tabular figures in the table, tabular in the card. */
  numeric?: boolean;
  /** Extra classes of the column's table cells. */
  className?: string;
  /** Attributes of the column's body cell in the table (the values tests compare with SQL). */
  data?: (row: Row) => DataAttributes;
  /** Takes the card's full width: values too long to share a line. */
  wide?: boolean;
  /** The column's cell in the table's totals row. */
  total?: ReactNode;
}

// Tailwind only generates classes it finds written out whole.
const visibility = {
  sm: { table: "hidden sm:table print:table", cards: "sm:hidden print:hidden" },
  md: { table: "hidden md:table print:table", cards: "md:hidden print:hidden" },
};

/**
 * Rows as a semantic table on wide screens (and in print) and as one card per row on a phone,
 * both from the same column definitions. `rowHeader` names each row: the row's `<th scope="row">`
 * and the card's title.
 */
export function ResponsiveTable<Row>({
  rows,
  rowKey,
  rowHeader,
  columns,
  caption,
  cardsBelow,
  empty,
  cardHeading,
  rowData,
  rowTestId,
  totalsLabel,
  testIds = {},
}: {
  rows: Row[];
  rowKey: (row: Row) => string;
  rowHeader: Column<Row>;
  columns: Column<Row>[];
  /** Names the table (a visually hidden caption) and the list of cards. */
  caption: string;
  /** The width under which the cards replace the table. */
  cardsBelow: keyof typeof visibility;
  /** Said in place of the table when there are no rows; without it the caller shows its own. */
  empty?: ReactNode;
  /** The cards' titles as headings, at the level under the section's own. */
  cardHeading?: "h2" | "h3";
  /** Attributes of each row and each card. */
  rowData?: (row: Row) => DataAttributes;
  /** Each table row's test id; the cards have none, so a test's row locator finds one of each. */
  rowTestId?: string;
  /** Adds a totals row (table only) headed with this label, holding each column's `total`. */
  totalsLabel?: string;
  testIds?: { table?: string; cards?: string };
}) {
  if (rows.length === 0) return empty ? <p className="text-sm text-gray-600 dark:text-gray-400">{empty}</p> : null;
  const cellClass = (column: Column<Row>) =>
    `px-2 py-2 ${column.numeric ? "text-right tabular-nums" : ""} ${column.className ?? ""}`;
  const CardTitle = cardHeading ?? "div";
  return (
    <>
      <table className={`${visibility[cardsBelow].table} w-full text-left text-sm`} data-testid={testIds.table}>
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-gray-200 text-xs uppercase text-gray-600 dark:border-gray-800 dark:text-gray-400">
          <tr>
            {[rowHeader, ...columns].map((column) => (
              <Fragment key={column.header}>
                {column.headerCell ?? (
                  <th scope="col" className={`${cellClass(column)} font-medium`}>
                    {column.header}
                  </th>
                )}
              </Fragment>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={rowKey(row)}
              {...rowData?.(row)}
              data-testid={rowTestId}
              className="border-b border-gray-100 align-top break-inside-avoid dark:border-gray-800"
            >
              <th scope="row" className={`${cellClass(rowHeader)} font-medium`} {...rowHeader.data?.(row)}>
                {rowHeader.cell(row)}
              </th>
              {columns.map((column) => (
                <td key={column.header} className={cellClass(column)} {...column.data?.(row)}>
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        {totalsLabel && (
          <tfoot>
            <tr className="font-semibold">
              <th scope="row" className={cellClass(rowHeader)}>
                {totalsLabel}
              </th>
              {columns.map((column) => (
                <td key={column.header} className={cellClass(column)}>
                  {column.total}
                </td>
              ))}
            </tr>
          </tfoot>
        )}
      </table>
      <ul className={`${visibility[cardsBelow].cards} space-y-3`} aria-label={caption} data-testid={testIds.cards}>
        {rows.map((row) => (
          <li
            key={rowKey(row)}
            {...rowData?.(row)}
            className="rounded-lg border border-gray-200 bg-white p-3 text-sm dark:border-gray-800 dark:bg-gray-900"
          >
            <CardTitle className="font-medium wrap-anywhere">{rowHeader.cell(row)}</CardTitle>
            <dl className="mt-2 grid grid-cols-2 gap-x-4 gap-y-1">
              {columns.map((column) => (
                <div key={column.header} className={`min-w-0 ${column.wide ? "col-span-2" : ""}`}>
                  <dt className="text-xs text-gray-600 dark:text-gray-400">{column.header}</dt>
                  <dd className={column.numeric ? "tabular-nums" : ""}>{column.cell(row)}</dd>
                </div>
              ))}
            </dl>
          </li>
        ))}
      </ul>
    </>
  );
}
