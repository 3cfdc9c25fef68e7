import type { z } from "zod";

/** One labelled value on the variance page; plain text, which React escapes when it renders it. */
export interface DetailField {
  label: string;
  value: string | number | boolean | null | string[];
}

/**
 * Everything the dashboard knows about one upstream exception type (reference §5): how to
 * name it, what to do about it, and how to read its `details` JSON.
 */
export interface VarianceTypeDefinition<D> {
  /** The upstream `exceptions.type`, e.g. "SPARE_MISMATCH". */
  type: string;
  /** Short, for badges and tabs. */
  label: string;
  /** One sentence: what is wrong, in a technician's words. */
  description: string;
  /** The MSP's own wording (§5). */
  recommendedAction: string;
  /** `details` as §5 documents it; extra keys are tolerated so an upstream addition does not break rows. */
  detailsSchema: z.ZodType<D>;
  /** One line for the queue row. */
  summary(details: D, hostname: string): string;
  /** §5's rule; null when the row names no organisation. */
  organization(details: D): string | null;
  /** What the variance page shows, in plain words. */
  fields(details: D): DetailField[];
}
