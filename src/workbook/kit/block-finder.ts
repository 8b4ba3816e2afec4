import { headerKey } from '../schema';

/**
 * A sheet's cells as both adapters can show them: ExcelJS rows of a worksheet, or the values of an
 * Office.js used range. Positions are 0-based from the grid's top-left cell.
 */
export interface HeaderGrid {
  rows: number;
  cols(row: number): number;
  /** The cell's text, or undefined when it holds no text (numbers, empty cells). */
  text(row: number, col: number): string | undefined;
}

/**
 * Where a block inside another sheet starts (e.g. the Entgelttabelle in Parameter): the first row that
 * holds `anchor` as a header and – when given – `alsoHeader` in a later (or the same) column. A Stellen
 * sheet's own "Entgeltgruppe" column has no "Stufe 1" beside it and so is no pay table.
 */
export function findAnchorBlock(
  grid: HeaderGrid,
  anchor: string,
  alsoHeader?: string,
): { row: number; col: number } | undefined {
  const want = headerKey(anchor);
  const also = alsoHeader === undefined ? undefined : headerKey(alsoHeader);
  for (let r = 0; r < grid.rows; r++) {
    const keys: string[] = [];
    for (let c = 0; c < grid.cols(r); c++) {
      const t = grid.text(r, c);
      keys.push(t === undefined ? '' : headerKey(t));
    }
    const col = keys.indexOf(want);
    if (col >= 0 && (also === undefined || keys.includes(also, col))) return { row: r, col };
  }
  return undefined;
}

/** A grid over a 2D array of values (Office.js `range.values`). */
export function valuesGrid(values: readonly (readonly unknown[])[]): HeaderGrid {
  return {
    rows: values.length,
    cols: (r) => values[r].length,
    text: (r, c) => {
      const v = values[r][c];
      return typeof v === 'string' ? v : undefined;
    },
  };
}
