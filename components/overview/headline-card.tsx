import { Card, Metric, Text } from "@tremor/react";
import { formatCount } from "@/lib/format";

export function HeadlineCard({ title, value, testId, footnote }: { title: string; value: number; testId: string; footnote?: string }) {
  return (
    <Card>
      <Text>{title}</Text>
      <Metric data-testid={testId} data-value={value}>
        {formatCount(value)}
      </Metric>
      {footnote && <Text className="mt-1">{footnote}</Text>}
    </Card>
  );
}
