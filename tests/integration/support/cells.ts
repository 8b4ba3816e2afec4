import ExcelJS from 'exceljs';

/** Reading workbooks cell by cell for comparisons (ExcelJS directly, independent of the product's adapter). */

export interface FormulaCell {
  sheet: string;
  address: string;
  formula: string;
  result: unknown;
}

export function formulaOf(cell: ExcelJS.Cell): { formula: string; result: unknown } | undefined {
  const v = cell.value as unknown;
  if (v && typeof v === 'object' && ('formula' in v || 'sharedFormula' in v)) {
    const o = v as { formula?: string; sharedFormula?: string };
    // cell.value drops falsy results (0, false, ""): the result comes from cell.result
    return {
      formula: o.formula ?? cell.formula ?? '',
      result: (cell as unknown as { result: unknown }).result,
    };
  }
  return undefined;
}

export function formulaCells(wb: ExcelJS.Workbook, sheets?: string[]): FormulaCell[] {
  const out: FormulaCell[] = [];
  wb.eachSheet((ws) => {
    if (sheets && !sheets.includes(ws.name)) return;
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const f = formulaOf(cell);
        if (f) out.push({ sheet: ws.name, address: cell.address, ...f });
      }),
    );
  });
  return out;
}

/** The value a user sees: the formula's result, else the plain value; error values as "#NAME?" etc. */
export function shownValue(cell: ExcelJS.Cell): unknown {
  const f = formulaOf(cell);
  const v = f ? f.result : (cell.value as unknown);
  if (v && typeof v === 'object' && 'error' in v) return (v as { error: string }).error;
  return v;
}

export function isErrorText(v: unknown): boolean {
  return (
    typeof v === 'string' &&
    /^#(NAME\?|VALUE!|REF!|DIV\/0!|N\/A|NV|NUM!|NULL!|ZAHL!|WERT!|BEZUG!|SPILL!|CALC!)$/.test(v)
  );
}

/** Every cell whose shown value is a spreadsheet error, as "Sheet!A1 = #NAME?". */
export function errorCells(wb: ExcelJS.Workbook): string[] {
  const out: string[] = [];
  wb.eachSheet((ws) =>
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = shownValue(cell);
        if (isErrorText(v)) out.push(`${ws.name}!${cell.address} = ${String(v)}`);
      }),
    ),
  );
  return out;
}

/** Cent-exact comparison of a spreadsheet number with an engine amount ("70000.00" or a number). */
export function sameAmount(actual: unknown, expected: string | number): boolean {
  if (typeof actual !== 'number') return false;
  return Math.abs(actual - Number(expected)) < 1e-6;
}

/** What a user sees and keeps in a cell: value or formula (with cached result), number format, bold, fill. */
export function describeCell(cell: ExcelJS.Cell): string {
  const f = formulaOf(cell);
  let value: unknown = cell.value;
  if (f) value = { formula: f.formula, result: normalise(f.result) };
  else value = normalise(value);
  return JSON.stringify({
    value,
    numFmt: cell.numFmt ?? null,
    bold: Boolean(cell.font?.bold),
    fill: cell.fill && cell.fill.type === 'pattern' && cell.fill.pattern !== 'none' ? cell.fill : null,
    note: cell.note ? JSON.stringify(cell.note) : null,
  });
}

function normalise(v: unknown): unknown {
  if (v instanceof Date) return `Date(${v.toISOString()})`;
  if (v === undefined) return null;
  return v;
}

/**
 * Cell-by-cell differences between two sheets ("A1: … ≠ …"), over the used area of both; `skip` leaves
 * out cells the product documents as its own (e.g. the Jahreskosten column).
 */
export function sheetDifferences(
  a: ExcelJS.Worksheet,
  b: ExcelJS.Worksheet,
  skip: (row: number, col: number) => boolean = () => false,
): string[] {
  const rows = Math.max(a.rowCount, b.rowCount);
  const cols = Math.max(a.columnCount, b.columnCount);
  const out: string[] = [];
  for (let r = 1; r <= rows; r++)
    for (let c = 1; c <= cols; c++) {
      if (skip(r, c)) continue;
      const x = describeCell(a.getCell(r, c));
      const y = describeCell(b.getCell(r, c));
      if (x !== y) out.push(`${a.name}!${a.getCell(r, c).address}: ${x} ≠ ${y}`);
    }
  return out;
}

/** Column of a header text in row 1 (1-based), 0 when absent. */
export function headerColumn(ws: ExcelJS.Worksheet, header: string): number {
  let col = 0;
  ws.getRow(1).eachCell((cell, n) => {
    if (col === 0 && String(shownValue(cell)).trim() === header) col = n;
  });
  return col;
}

/** The data validations of a sheet, one entry per cell (how ExcelJS reads them), as comparable text. */
export function validationsByCell(ws: ExcelJS.Worksheet): Map<string, string> {
  const model = (ws as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations
    .model;
  return new Map(
    Object.entries(model)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]): [string, string] => [k, JSON.stringify(v)])
      .sort((x, y) => x[0].localeCompare(y[0], 'en', { numeric: true })),
  );
}
