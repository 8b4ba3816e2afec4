import { display, MERGED_CELL } from '../workbook/cells';
import type { CellValue, RawTable, TableRequest } from '../workbook/port';
import { parseA1 } from '../workbook/kit/a1';
import { findAnchorBlock, type HeaderGrid } from '../workbook/kit/block-finder';
import { nameMatches } from '../workbook/kit/headers';

/**
 * Where the tables of a workbook file are and what they hold, over any reading of its sheets: ExcelJS's
 * cell model (XlsxWorkbook) or the package's own XML (sheet-values.ts, for `check`). Both give the same
 * values, so both find the same tables.
 */
export interface SheetCells {
  name: string;
  /** The sheet's Excel tables (ListObjects): name and range as stored, and whether a totals row ends it. */
  tables(): { name?: string; ref?: string; totalsRow?: boolean }[];
  /** ExcelJS's rowCount: the last row the sheet has. */
  rowCount(): number;
  /** ExcelJS's cellCount of a row (1-based): its last cell. */
  cellCount(row: number): number;
  /** The value as read (xlsx-workbook cellValue), 1-based. */
  value(row: number, col: number): CellValue;
  /** For a cell hidden by a merged range (not its top-left cell): the range ("C2:C4"). */
  mergedRange(row: number, col: number): string | undefined;
}

/** A table found: rows read; `anchored` when found only by its first header inside another sheet. */
export interface FoundTable {
  raw: RawTable;
  anchored: boolean;
}

/**
 * The table a request asks for: 1. an Excel table by name, 2. a sheet by name with its header in row 1,
 * 3. a block inside a sheet found by its first header. `grown` gives what this session added to an Excel
 * table (rows and columns written since the file was read).
 */
export function findTableIn(
  sheets: SheetCells[],
  req: TableRequest,
  grown: (table: string) => { bottom: number; right: number } | undefined = () => undefined,
): FoundTable | undefined {
  // 1. an Excel table (ListObject) by name
  for (const ws of sheets) {
    for (const model of ws.tables()) {
      if (model.name && nameMatches(req.tableNames, model.name)) {
        const ref = model.ref;
        if (!ref) continue;
        const [start, end] = ref.split(':');
        const s = parseA1(start);
        const e = parseA1(end ?? start);
        if (!s || !e) continue;
        // rows and columns this session added to the table belong to it; a totals row is no data row
        const g = grown(model.name);
        const bottom = Math.max(e.row - (model.totalsRow ? 1 : 0), g?.bottom ?? 0);
        const right = Math.max(e.col, g?.right ?? 0);
        return { raw: readBlock(ws, s.row, s.col, right, bottom, model.name), anchored: false };
      }
    }
  }
  // 2. a sheet by name, header in row 1
  for (const name of req.sheetNames) {
    const ws = sheets.find((w) => nameMatches([name], w.name));
    if (ws) return { raw: readBlock(ws, 1, 1, undefined, undefined), anchored: false };
  }
  // 3. a block inside another sheet, found by its first header (e.g. Entgelttabelle in Parameter) with
  //    "Stufe 1" in the same row – a Stellen sheet's own "Entgeltgruppe" column is no pay table
  if (req.anchorHeader) {
    for (const ws of sheets) {
      const at = findAnchorBlock(sheetGrid(ws), req.anchorHeader, 'Stufe 1');
      if (at)
        return {
          raw: readBlock(ws, at.row + 1, at.col + 1, undefined, undefined, undefined, true),
          anchored: true,
        };
    }
  }
  return undefined;
}

/** The first 500 rows and 30 columns of a sheet, for the search of an anchored block. */
export function sheetGrid(ws: SheetCells): HeaderGrid {
  return {
    rows: Math.min(ws.rowCount(), 500),
    cols: (r) => Math.min(ws.cellCount(r + 1), 30),
    text: (r, c) => {
      const v = ws.value(r + 1, c + 1);
      return typeof v === 'string' ? v : undefined;
    },
  };
}

/** A block of a sheet: its header row, then the rows below (trailing empty rows dropped). */
export function readBlock(
  ws: SheetCells,
  headerRow: number,
  firstCol: number,
  lastCol: number | undefined,
  lastRow: number | undefined,
  tableName?: string,
  stopAtEmptyRow = false,
): RawTable {
  const headers: string[] = [];
  const end = lastCol ?? Math.max(ws.cellCount(headerRow), firstCol);
  for (let c = firstCol; c <= end; c++) {
    const v = ws.value(headerRow, c);
    if (lastCol === undefined && (v === null || v === '')) {
      // allow one gap in the header row only if a later header exists
      let later = false;
      for (let k = c + 1; k <= end; k++) if (ws.value(headerRow, k) !== null) later = true;
      if (!later) break;
    }
    headers.push(display(v).trim());
  }
  const rows: CellValue[][] = [];
  const hidden: { index: number; col: number; range: string }[] = [];
  const bottom = lastRow ?? ws.rowCount();
  for (let r = headerRow + 1; r <= bottom; r++) {
    const values: CellValue[] = [];
    let any = false;
    for (let i = 0; i < headers.length; i++) {
      const v = ws.value(r, firstCol + i);
      if (v !== null && v !== '') any = true;
      else {
        const range = ws.mergedRange(r, firstCol + i);
        if (range) hidden.push({ index: rows.length, col: i, range });
      }
      values.push(v);
    }
    if (stopAtEmptyRow && !any) break;
    rows.push(values);
  }
  // drop trailing empty rows (formatting often reaches far below the data)
  while (rows.length > 0 && rows[rows.length - 1].every((v) => v === null || v === '')) rows.pop();
  // a cell hidden by a merged range: a finding at that cell where the row is used (read.ts), never a silent empty
  for (const h of hidden)
    if (h.index < rows.length) rows[h.index][h.col] = { error: `${MERGED_CELL} ${h.range}` };
  return { sheet: ws.name, tableName, origin: { row: headerRow, col: firstCol }, headers, rows };
}
