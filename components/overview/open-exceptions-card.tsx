import { BarList, Card, Text, Title } from "@tremor/react";
import type { TypeCount } from "@/lib/reports/overview";
import { typeLabel } from "@/lib/variances/types/registry";
import { formatCount } from "@/lib/format";

export function OpenExceptionsCard({ counts }: { counts: TypeCount[] }) {
  const total = counts.reduce((sum, row) => sum + row.count, 0);
  return (
    <Card>
      <Title>Open exceptions by type</Title>
      <Text>
        <span data-testid="open-exceptions-total">{formatCount(total)}</span> unresolved on this report
      </Text>
      {counts.length === 0 ? (
        <p className="mt-4 text-sm text-gray-600 dark:text-gray-400">Nothing to fix: the checks found no differences on this date.</p>
      ) : (
        <BarList
          className="mt-4"
          data-testid="open-exceptions-by-type"
          data={counts.map((row) => ({ key: row.type, name: typeLabel(row.type), value: row.count }))}
        />
      )}
    </Card>
  );
}
