import type { RawTable } from '../port';
import { tableSpec } from '../schema';

/**
 * The Protokoll sheet as both adapters create it on the first logged write: its name, a header row and
 * the column widths (characters), nothing else.
 */
export function newProtokoll(): { raw: RawTable; widths: number[] } {
  const spec = tableSpec('Protokoll');
  return {
    raw: {
      sheet: spec.sheet,
      origin: { row: 1, col: 1 },
      headers: spec.columns.map((c) => c.header),
      rows: [],
    },
    widths: spec.columns.map((c) => c.width ?? 12),
  };
}
