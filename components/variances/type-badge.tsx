import { typeLabel } from "@/lib/variances/type-registry/registry";
import { TypeChip } from "./type-chip";

export function TypeBadge({ type }: { type: string }) {
  return <TypeChip type={type} label={typeLabel(type)} />;
}
