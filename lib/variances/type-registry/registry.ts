import type { z } from "zod";
import { displayNameMismatch } from "./display-name-mismatch";
import { inlineText } from "./display-text";
import { duplicateTl } from "./duplicate-tl";
import { rawDetailFields, rawDetailsSummary } from "./json-display";
import { missingNinja } from "./missing-ninja";
import { organizationLabel, organizationOf } from "./organization";
import { siteMismatch } from "./site-mismatch";
import { spareMismatch } from "./spare-mismatch";
import type { DetailField, VarianceTypeDefinition } from "./variance-type-definition";

export type { DetailField, VarianceTypeDefinition };

// biome-ignore lint/suspicious/noExplicitAny: each definition reads its own details type; the registry holds all five.
type AnyVarianceTypeDefinition = VarianceTypeDefinition<any>;

export type ParsedDetails =
  | {
      kind: "known";
      definition: AnyVarianceTypeDefinition;
      details: unknown;
      summary: string;
      organization: string;
      fields: DetailField[];
    }
  /** A known type whose details do not match its schema: shown with an "unexpected data" marker. */
  | {
      kind: "unexpected";
      definition: AnyVarianceTypeDefinition;
      summary: string;
      organization: string;
      fields: DetailField[];
      issues: string[];
    }
  /** A type the registry does not know: rendered generically (§5: never fail on it). */
  | { kind: "unknown_type"; summary: string; organization: string; fields: DetailField[] };

/** The five upstream types, in the order the upstream job runs its checks (reference §5). */
const DEFINITIONS: readonly AnyVarianceTypeDefinition[] = [
  missingNinja,
  duplicateTl,
  siteMismatch,
  spareMismatch,
  displayNameMismatch,
];

// A Map, not an object literal, so a type named "constructor" or "__proto__" is simply unknown.
const BY_TYPE = new Map(DEFINITIONS.map((definition) => [definition.type, definition]));

export const KNOWN_VARIANCE_TYPES: readonly string[] = DEFINITIONS.map((definition) => definition.type);

export function varianceTypeDefinition(type: string): AnyVarianceTypeDefinition | null {
  return BY_TYPE.get(type) ?? null;
}

/** The badge label, or the raw type for one the registry does not know. */
export function typeLabel(type: string): string {
  return varianceTypeDefinition(type)?.label ?? type;
}

export const UNEXPECTED_DETAILS_SUMMARY = "Details do not match the expected shape";

/** Issues listed for one row; the first few say enough to find what changed upstream. */
const MAX_ISSUES = 10;
const ISSUE_TEXT_LIMIT = 200;

/** Reads an exception row's `details` for display; never throws, whatever JSON it is given. */
export function parseVarianceDetails(type: string, details: unknown, hostname: string): ParsedDetails {
  const definition = varianceTypeDefinition(type);
  if (definition === null) {
    return {
      kind: "unknown_type",
      summary: rawDetailsSummary(details),
      organization: organizationLabel(organizationOf(details)),
      fields: rawDetailFields(details),
    };
  }
  const parsed = definition.detailsSchema.safeParse(details, { error: missingKeyMessage });
  if (!parsed.success) {
    return {
      kind: "unexpected",
      definition,
      summary: UNEXPECTED_DETAILS_SUMMARY,
      organization: organizationLabel(organizationOf(details)),
      fields: rawDetailFields(details),
      issues: issueLines(parsed.error.issues),
    };
  }
  return {
    kind: "known",
    definition,
    details: parsed.data,
    summary: definition.summary(parsed.data, hostname),
    organization: organizationLabel(definition.organization(parsed.data)),
    fields: definition.fields(parsed.data),
  };
}

/** zod says "expected string, received undefined" for an absent key; say it plainly. */
const missingKeyMessage = (issue: z.core.$ZodRawIssue) => (issue.input === undefined ? "missing" : undefined);

function issueLines(issues: readonly z.core.$ZodIssue[]): string[] {
  const lines = issues
    .slice(0, MAX_ISSUES)
    .map((issue) => inlineText(`${issue.path.map(String).join(".") || "details"}: ${issue.message}`, ISSUE_TEXT_LIMIT));
  const hidden = issues.length - lines.length;
  return hidden > 0 ? [...lines, `… and ${hidden} more`] : lines;
}
