/**
 * A variance is (exception type, canonical hostname key): the thing a person triages,
 * stable while the checks delete and recreate exception rows day after day. This module is
 * free of server code so the browser can use it too; the SQL form is in lib/inventory/hostname-key-sql.ts.
 */
export interface VarianceId {
  type: string;
  key: string;
}

/** The audit subject id of a variance, and its identity in maps and selections. */
export const varianceSubjectId = ({ type, key }: VarianceId) => `${type}/${key}`;

/** The variance an audit subject id names (the key may itself hold "/"); null when it names none. */
export function parseVarianceSubjectId(subjectId: string): VarianceId | null {
  const slash = subjectId.indexOf("/");
  return slash < 1 ? null : { type: subjectId.slice(0, slash), key: subjectId.slice(slash + 1) };
}

export const variancePath = ({ type, key }: VarianceId) =>
  `/variances/${encodeURIComponent(type)}/${encodeURIComponent(key)}`;
