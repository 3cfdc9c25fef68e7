import { Card, Metric, Text } from "@tremor/react";
import { formatCount } from "@/lib/format";

export function HeadlineCard({ title, value, testId }: { title: string; value: number; testId: string }) {
  return (
    <Card>
      <Text>{title}</Text>
      <Metric data-testid={testId} data-value={value}>
        {formatCount(value)}
      </Metric>
    </Card>
  );
}
