/** A page's `searchParams` as a URL parser reads them: the first value of a repeated parameter. */
export type SearchParams = Record<string, string | string[] | undefined>;

export const firstSearchParamValues = (searchParams: SearchParams): Record<string, string | undefined> =>
  Object.fromEntries(Object.entries(searchParams).map(([name, value]) => [name, Array.isArray(value) ? value[0] : value]));
