import type { TableKey } from '../domain/model';
import { columnNumber } from '../workbook/kit/a1';
import { findAnchorBlock, valuesGrid } from '../workbook/kit/block-finder';
import type { CellValue, RawTable, TableRequest, WorkbookPort } from '../workbook/port';

/** Excel error values as Office.js returns them in `values` (strings), mapped to the port's error cells. */
const ERRORS = new Set([
  '#N/A',
  '#NV',
  '#DIV/0!',
  '#VALUE!',
  '#WERT!',
  '#REF!',
  '#BEZUG!',
  '#NAME?',
  '#NUM!',
  '#ZAHL!',
  '#NULL!',
  '#SPILL!',
  '#CALC!',
]);

export function officeCell(v: unknown): CellValue {
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'string') return ERRORS.has(v) ? { error: v } : v;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  return JSON.stringify(v);
}

/** "Stellen!A1:P40" → { sheet, row, col } of the top-left cell. */
export function topLeft(address: string): { sheet: string; row: number; col: number } {
  const bang = address.lastIndexOf('!');
  const sheet = address
    .slice(0, bang)
    .replace(/^'(.*)'$/, '$1')
    .replace(/''/g, "'");
  const m = /^\$?([A-Z]+)\$?(\d+)/.exec(address.slice(bang + 1))!;
  return { sheet, row: Number(m[2]), col: columnNumber(m[1]) };
}

/** Values of a range as read into a table (also used to compare before a write). */
export function toRaw(
  address: string,
  values: unknown[][],
  tableName: string | undefined,
  anchorHeader?: string,
  /** Inside another sheet, the header row must also hold this header (a pay table's "Stufe 1"). */
  alsoHeader?: string,
): RawTable | undefined {
  const origin = topLeft(address);
  let rows = values;
  let offset = { row: 0, col: 0 };
  if (anchorHeader && !tableName) {
    // A block inside another sheet (e.g. the Entgelttabelle below the parameters): find its header cell.
    const at = findAnchorBlock(valuesGrid(values), anchorHeader, alsoHeader);
    if (!at) return undefined;
    const { row: r, col: c } = at;
    rows = values.slice(r).map((row) => row.slice(c));
    offset = { row: r, col: c };
  }
  if (rows.length === 0) return undefined;
  const headers = rows[0].map((h) => (typeof h === 'string' ? h : typeof h === 'number' ? String(h) : ''));
  return {
    sheet: origin.sheet,
    tableName,
    origin: { row: origin.row + offset.row, col: origin.col + offset.col },
    headers,
    rows: rows.slice(1).map((r) => r.map(officeCell)),
  };
}

/**
 * Reads every table of the schema in exactly two `context.sync()` round trips, whatever the size:
 * one to learn which tables and sheets exist, one to load their values.
 */
export async function readTablesOffice(
  context: Excel.RequestContext,
  requests: TableRequest[],
): Promise<Map<TableKey, RawTable | undefined>> {
  const probes = requests.map((req) => ({
    req,
    tables: req.tableNames.map((n) => context.workbook.tables.getItemOrNullObject(n)),
    sheets: req.sheetNames.map((n) => context.workbook.worksheets.getItemOrNullObject(n)),
  }));
  for (const p of probes) {
    p.tables.forEach((t) => t.load('isNullObject,name,showTotals'));
    p.sheets.forEach((s) => s.load('isNullObject,name'));
  }
  await context.sync();

  const loads = probes.map((p) => {
    const table = p.tables.find((t) => !t.isNullObject);
    if (table) {
      const range = table.getRange();
      range.load('values,address');
      return {
        key: p.req.key,
        range,
        tableName: table.name,
        anchor: undefined as string | undefined,
        totals: table.showTotals,
      };
    }
    const sheet = p.sheets.find((s) => !s.isNullObject);
    if (!sheet)
      return { key: p.req.key, range: undefined, tableName: undefined, anchor: undefined, totals: false };
    const range = sheet.getUsedRangeOrNullObject(true);
    range.load('isNullObject,values,address');
    return { key: p.req.key, range, tableName: undefined, anchor: p.req.anchorHeader, totals: false };
  });
  await context.sync();

  const result = new Map<TableKey, RawTable | undefined>();
  for (const l of loads) {
    // a table's range is no "…OrNullObject": only a used range can be a null object
    if (!l.range || (!l.tableName && l.range.isNullObject)) result.set(l.key, undefined);
    else {
      // a table's totals row (Ergebniszeile) is no data row
      const values = l.range.values as unknown[][];
      result.set(
        l.key,
        toRaw(l.range.address, l.totals ? values.slice(0, -1) : values, l.tableName, l.anchor),
      );
    }
  }
  // A pay table without a sheet of its own is a block inside another sheet (DESIGN.md: "Entgelttabelle
  // (Parameter)"), found by its first header as the file adapter does – in the ranges already loaded.
  for (const req of requests) {
    if (!req.anchorHeader || result.get(req.key)) continue;
    for (const l of loads) {
      if (!l.range || l.tableName || l.range.isNullObject) continue;
      // "Stufe 1" next to it: a Stellen sheet's own "Entgeltgruppe" column is no pay table
      const block = toRaw(
        l.range.address,
        l.range.values as unknown[][],
        undefined,
        req.anchorHeader,
        'Stufe 1',
      );
      if (block) {
        result.set(req.key, block);
        break;
      }
    }
  }
  return result;
}

/** The read side of the port inside Excel. */
export function officeReadPort(
  run: <T>(fn: (context: Excel.RequestContext) => Promise<T>) => Promise<T>,
): Pick<WorkbookPort, 'readTables'> {
  return { readTables: (requests) => run((context) => readTablesOffice(context, requests)) };
}
