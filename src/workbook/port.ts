import { columnNumber } from './kit/a1';
import type { TableKey } from '../domain/model';

/**
 * The one seam between the rules and a spreadsheet host. Both adapters implement it: ExcelJS for files
 * (command line, browser page, tests) and Office.js inside Excel. Reads and writes are batches so that
 * Office.js needs only a few `context.sync()` round trips whatever the workbook size.
 */

/** A cell as read: formula cells give their (cached) result; error values come as { error: "#NV" }. */
export type CellValue = string | number | boolean | Date | null | { error: string };

export interface TableRequest {
  key: TableKey;
  /** Excel table names to look for, first match wins. */
  tableNames: string[];
  /** Sheet names to fall back to (header in row 1), first match wins. */
  sheetNames: string[];
  /** Header text of the first column, to find a block inside another sheet (e.g. Entgelttabelle in Parameter). */
  anchorHeader?: string;
}

export interface RawTable {
  sheet: string;
  tableName?: string;
  /** 1-based row/column of the header row's first cell. */
  origin: { row: number; col: number };
  headers: string[];
  rows: CellValue[][];
}

/** Named styles; each adapter maps them to its own formats. */
export type StyleName =
  | 'title'
  | 'subtitle'
  | 'header'
  | 'text'
  | 'wrap'
  | 'money'
  | 'moneyBold'
  | 'number3'
  | 'number3Bold'
  | 'percent'
  | 'date'
  | 'note'
  | 'error'
  | 'warning'
  | 'info'
  | 'ok';

export interface SheetCell {
  /** A plain value. Strings are always written as text, never interpreted as formulas. */
  v?: string | number | boolean | Date | null;
  /** A formula without the leading "=", English function names, comma separators. */
  f?: string;
  /** Cached result of the formula (the engine's value). */
  r?: string | number;
  s?: StyleName;
  /** Internal hyperlink target, e.g. "'Stellen'!B7". */
  link?: string;
}

export interface PrintSetup {
  landscape: boolean;
  fitToWidth: boolean;
  /** Rows repeated on every page, 1-based inclusive. */
  repeatRows?: [number, number];
  header?: string;
  footer?: string;
}

export interface ConditionalRule {
  /** A1 range, e.g. "C5:G40" */
  range: string;
  /** Highlight cells whose value is below zero (shortfall). */
  kind: 'negative';
}

export interface GeneratedSheet {
  name: string;
  rows: (SheetCell | null)[][];
  widths?: number[];
  /**
   * Row heights in points by 0-based row index, for rows that carry more than their text needs: the empty
   * spacer rows of a paper are folded into the row above as extra height (LibreOffice spends the same
   * per row, empty or not). A row without an entry gets the height its text needs (print.rowHeight).
   */
  heights?: (number | undefined)[];
  freeze?: { row: number; col: number };
  merges?: string[];
  print?: PrintSetup;
  conditional?: ConditionalRule[];
}

export interface ColumnWrite {
  table: TableKey;
  header: string;
  /** One cell per data row of the table, in row order. */
  cells: SheetCell[];
  /**
   * The column's formula as an Excel calculated column (written for the first data row, without "="): a
   * row added later gets it moved to its row. Cells whose formula differs are Excel's exceptions.
   */
  calculated?: string;
}

export interface ValidationWrite {
  table: TableKey;
  header: string;
  /** A list of allowed values, or a range formula like "Entgelttabelle!$A$2:$A$40". */
  list?: string[];
  range?: string;
  /** How many rows below the header get the rule. */
  rows: number;
}

export interface CellUpdate {
  sheet: string;
  /** A1 address */
  cell: string;
  value: SheetCell;
}

export interface RowAppend {
  table: TableKey;
  /** Values by header text; headers the table lacks are ignored. */
  values: Record<string, SheetCell>;
}

export interface WriteBatch {
  sheets?: GeneratedSheet[];
  columns?: ColumnWrite[];
  validations?: ValidationWrite[];
  updates?: CellUpdate[];
  appends?: RowAppend[];
}

export interface WorkbookPort {
  sheetNames(): Promise<string[]>;
  readTables(requests: TableRequest[]): Promise<Map<TableKey, RawTable | undefined>>;
  write(batch: WriteBatch): Promise<void>;
}

/** A workbook that cannot be used at all: the CLI exits with 2 and prints the sentence. */
export class WorkbookUnusableError extends Error {
  constructor(
    message: string,
    readonly messageEn: string,
  ) {
    super(message);
    this.name = 'WorkbookUnusableError';
  }
}

/**
 * The workbook is usable but the operation is refused (adopted twice, nothing to undo, the plan changed since
 * the adoption): the CLI exits with 3. A kind of WorkbookUnusableError, so every host still shows the sentence.
 */
export class OperationRefusedError extends WorkbookUnusableError {
  constructor(message: string, messageEn: string) {
    super(message, messageEn);
    this.name = 'OperationRefusedError';
  }
}

export { a1, columnLetter } from './kit/a1';

/** Sheet name quoted for a formula or hyperlink: 'Übersicht HFW'!A1 */
export function sheetRef(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

/** The value a table as read holds at an A1 address of its sheet (its header row included). */
export function cellAt(raw: RawTable, address: string): CellValue {
  const m = /^([A-Z]+)(\d+)$/.exec(address);
  if (!m) return null;
  const c = columnNumber(m[1]);
  const r = Number(m[2]);
  if (r === raw.origin.row) return raw.headers[c - raw.origin.col] ?? null;
  return raw.rows[r - raw.origin.row - 1]?.[c - raw.origin.col] ?? null;
}
