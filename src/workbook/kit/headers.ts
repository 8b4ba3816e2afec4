import { headerKey } from '../schema';

/** Position of a header in a table's header row (case and spaces ignored, as everywhere); -1 if absent. */
export function headerIndex(headers: readonly string[], header: string): number {
  const key = headerKey(header);
  return headers.findIndex((h) => headerKey(h) === key);
}

/** The entry of `values` whose key is the header `header` (case and spaces ignored). */
export function valueForHeader<T>(values: Record<string, T>, header: string): T | undefined {
  const key = headerKey(header);
  return Object.entries(values).find(([k]) => headerKey(k) === key)?.[1];
}

/** Whether a name (table, sheet) is one of the names asked for. */
export function nameMatches(names: readonly string[], name: string): boolean {
  const key = headerKey(name);
  return names.some((n) => headerKey(n) === key);
}
