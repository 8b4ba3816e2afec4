import type { TableKey } from '../domain/model';
import { isoToSerial } from '../workbook/cells';
import {
  a1,
  columnLetter,
  WorkbookUnusableError,
  type CellUpdate,
  type ColumnWrite,
  type GeneratedSheet,
  type RawTable,
  type RowAppend,
  type SheetCell,
  type StyleName,
  type TableRequest,
  type ValidationWrite,
  type WorkbookPort,
  type WriteBatch,
} from '../workbook/port';
import { GENERATED_SHEETS, headerKey, tableRequests, tableSpec } from '../workbook/schema';
import { readTablesOffice } from './excel-reader';

/** Excel on the web refuses requests above 5 MB; stay well below with JSON overhead. */
export const DEFAULT_MAX_PAYLOAD = 4 * 1024 * 1024;

const EURO = '#,##0.00 "€";[Red]-#,##0.00 "€"';
const NUMBER_FORMAT: Partial<Record<StyleName, string>> = {
  money: EURO,
  moneyBold: EURO,
  number3: '0.000',
  percent: '0.00 %',
  date: 'dd.mm.yyyy',
};
const FILL: Partial<Record<StyleName, string>> = {
  header: '#2F5597',
  error: '#FFC7CE',
  warning: '#FFEB9C',
  info: '#DDEBF7',
  ok: '#C6EFCE',
};
const BOLD = new Set<StyleName>(['title', 'subtitle', 'header', 'moneyBold', 'error']);

/** Splits items into [from, to) blocks whose byte sizes stay below `limit` (at least one item each). */
export function blocks(sizes: number[], limit: number): [number, number][] {
  const out: [number, number][] = [];
  let from = 0;
  let bytes = 0;
  sizes.forEach((size, k) => {
    if (k > from && bytes + size > limit) {
      out.push([from, k]);
      from = k;
      bytes = 0;
    }
    bytes += size;
  });
  if (from < sizes.length) out.push([from, sizes.length]);
  return out;
}

/** A cell as Office.js takes it in `formulas`: user text starting with = + - @ stays text. */
export function officeFormula(cell: SheetCell | null | undefined): string | number | boolean {
  if (!cell) return '';
  if (cell.f !== undefined) return `=${cell.f}`;
  if (cell.link)
    return `=HYPERLINK("#${cell.link.replace(/"/g, '""')}","${String(cell.v ?? '').replace(/"/g, '""')}")`;
  const v = cell.v;
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return Math.round((v.getTime() - Date.UTC(1899, 11, 30)) / 86400000);
  if (typeof v === 'string') {
    if (cell.s === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return isoToSerial(v);
    return /^[=+\-@]/.test(v) ? `'${v}` : v;
  }
  return v;
}

/**
 * The Office.js implementation of the WorkbookPort. Reads every table in two `context.sync()` calls and
 * writes a whole batch in one more (more only when a write exceeds the payload limit and is chunked):
 * a full check-and-report costs three round trips whatever the workbook size. Ranges are written as
 * whole 2D arrays; nothing syncs inside a loop.
 */
export class ExcelWorkbook implements WorkbookPort {
  private located = new Map<TableKey, RawTable | undefined>();
  private existing?: Set<string>;
  private pendingBytes = 0;

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly maxPayload = DEFAULT_MAX_PAYLOAD,
  ) {}

  async sheetNames(): Promise<string[]> {
    await this.probeGenerated();
    return [...this.located.values()].filter((t): t is RawTable => !!t).map((t) => t.sheet);
  }

  async readTables(requests: TableRequest[]): Promise<Map<TableKey, RawTable | undefined>> {
    const generated = GENERATED_SHEETS.map((n) => this.context.workbook.worksheets.getItemOrNullObject(n));
    generated.forEach((s) => s.load('isNullObject,name'));
    // The probe of the generated sheets rides along with the first sync of the read.
    const result = await readTablesOffice(this.context, requests);
    this.existing = new Set(generated.filter((s) => !s.isNullObject).map((s) => s.name));
    for (const [k, v] of result) this.located.set(k, v);
    return result;
  }

  private async probeGenerated(): Promise<void> {
    if (this.existing) return;
    await this.readTables(tableRequests());
  }

  async write(batch: WriteBatch): Promise<void> {
    await this.probeGenerated();
    this.context.application.suspendApiCalculationUntilNextSync();
    for (const sheet of batch.sheets ?? []) await this.writeSheet(sheet);
    for (const col of batch.columns ?? []) await this.writeColumn(col);
    for (const v of batch.validations ?? []) this.writeValidation(v);
    for (const u of batch.updates ?? []) await this.writeUpdate(u);
    await this.writeAppends(batch.appends ?? []);
    await this.context.sync();
    this.pendingBytes = 0;
  }

  /** Counts what a write adds to the request; syncs first when the request would grow past the limit. */
  private async budget(bytes: number): Promise<void> {
    if (this.pendingBytes > 0 && this.pendingBytes + bytes > this.maxPayload) {
      await this.context.sync();
      this.pendingBytes = 0;
    }
    this.pendingBytes += bytes;
  }

  private async writeSheet(sheet: GeneratedSheet): Promise<void> {
    const worksheets = this.context.workbook.worksheets;
    if (this.existing!.has(sheet.name)) worksheets.getItem(sheet.name).delete();
    const ws = worksheets.add(sheet.name);
    this.existing!.add(sheet.name);
    // Generated sheets may leave rows out (sparse arrays): treat them as empty rows.
    const rows = Array.from(sheet.rows, (r) => r ?? []);
    const width = Math.max(1, ...rows.map((r) => r.length));
    // Rows in blocks that each fit into one request (values and number formats together).
    const sizes = rows.map((r) => JSON.stringify(r).length + width * 12);
    for (const [from, to] of blocks(sizes, this.maxPayload / 2)) {
      await this.budget(sizes.slice(from, to).reduce((a, b) => a + b, 0));
      const block = rows.slice(from, to);
      const range = ws.getRange(`A${from + 1}:${columnLetter(width)}${to}`);
      range.formulas = block.map((r) => Array.from({ length: width }, (_, c) => officeFormula(r[c])));
      range.numberFormat = block.map((r) =>
        Array.from({ length: width }, (_, c) => NUMBER_FORMAT[r[c]?.s ?? 'text'] ?? 'General'),
      );
    }
    // Bold and fills by style, as few range calls as there are styled runs per row.
    rows.forEach((row, r) => {
      let c = 0;
      while (c < row.length) {
        const s = row[c]?.s;
        let e = c;
        while (e + 1 < row.length && row[e + 1]?.s === s) e++;
        if (s && (BOLD.has(s) || FILL[s])) {
          const range = ws.getRange(`${a1(r + 1, c + 1)}:${a1(r + 1, e + 1)}`);
          if (BOLD.has(s)) range.format.font.bold = true;
          if (FILL[s]) range.format.fill.color = FILL[s];
        }
        c = e + 1;
      }
    });
    sheet.widths?.forEach(
      (w, i) => (ws.getRange(`${columnLetter(i + 1)}1`).format.columnWidth = Math.round(w * 6)),
    );
    if (sheet.freeze && sheet.freeze.row > 0) ws.freezePanes.freezeRows(sheet.freeze.row);
    if (sheet.print) {
      ws.pageLayout.orientation = sheet.print.landscape ? 'Landscape' : 'Portrait';
      if (sheet.print.repeatRows)
        ws.pageLayout.setPrintTitleRows(`$${sheet.print.repeatRows[0]}:$${sheet.print.repeatRows[1]}`);
    }
    for (const rule of sheet.conditional ?? []) {
      const cf = ws.getRange(rule.range).conditionalFormats.add('CellValue');
      cf.cellValue.format.font.color = '#9C0006';
      cf.cellValue.rule = { formula1: '0', operator: 'LessThan' };
    }
  }

  private table(key: TableKey): RawTable {
    const raw = this.located.get(key);
    if (!raw && key === 'Protokoll') return this.createProtokoll();
    if (!raw) {
      const spec = tableSpec(key);
      throw new WorkbookUnusableError(
        `Die Tabelle „${spec.sheet}“ fehlt.`,
        `Table "${spec.sheet}" is missing.`,
      );
    }
    return raw;
  }

  /** The Protokoll sheet is created on the first logged write: a header row, nothing else. */
  private createProtokoll(): RawTable {
    const spec = tableSpec('Protokoll');
    const ws = this.context.workbook.worksheets.add(spec.sheet);
    const headers = spec.columns.map((c) => c.header);
    const range = ws.getRange(`A1:${columnLetter(headers.length)}1`);
    range.values = [headers];
    range.format.font.bold = true;
    const raw: RawTable = { sheet: spec.sheet, origin: { row: 1, col: 1 }, headers, rows: [] };
    this.located.set('Protokoll', raw);
    return raw;
  }

  private async writeColumn(write: ColumnWrite): Promise<void> {
    const raw = this.table(write.table);
    const ws = this.context.workbook.worksheets.getItem(raw.sheet);
    let i = raw.headers.findIndex((h) => headerKey(h) === headerKey(write.header));
    if (i < 0) {
      i = raw.headers.length;
      raw.headers.push(write.header);
      ws.getRange(a1(raw.origin.row, raw.origin.col + i)).values = [[write.header]];
    }
    const col = columnLetter(raw.origin.col + i);
    const top = raw.origin.row + 1;
    const formulas = write.cells.map((c) => officeFormula(c));
    const formats = write.cells.map((c) => NUMBER_FORMAT[c.s ?? 'money'] ?? EURO);
    // Blocks of rows, each with its formulas and formats well inside one request.
    const sizes = formulas.map((f, k) => JSON.stringify(f).length + formats[k].length + 8);
    for (const [from, to] of blocks(sizes, this.maxPayload / 2)) {
      await this.budget(sizes.slice(from, to).reduce((a, b) => a + b, 0));
      const range = ws.getRange(`${col}${top + from}:${col}${top + to - 1}`);
      range.formulas = formulas.slice(from, to).map((f) => [f]);
      range.numberFormat = formats.slice(from, to).map((f) => [f]);
    }
  }

  private writeValidation(v: ValidationWrite): void {
    const raw = this.located.get(v.table);
    if (!raw) return;
    const i = raw.headers.findIndex((h) => headerKey(h) === headerKey(v.header));
    if (i < 0) return;
    const col = columnLetter(raw.origin.col + i);
    const range = this.context.workbook.worksheets
      .getItem(raw.sheet)
      .getRange(`${col}${raw.origin.row + 1}:${col}${raw.origin.row + v.rows}`);
    range.dataValidation.clear();
    range.dataValidation.rule = {
      list: { inCellDropDown: true, source: v.list ? v.list.join(',') : `=${v.range!}` },
    };
  }

  private async writeUpdate(u: CellUpdate): Promise<void> {
    await this.budget(200);
    this.context.workbook.worksheets.getItem(u.sheet).getRange(u.cell).formulas = [[officeFormula(u.value)]];
  }

  /** All appended rows of a table in one 2D write below its last row. */
  private async writeAppends(appends: RowAppend[]): Promise<void> {
    const byTable = new Map<TableKey, RowAppend[]>();
    for (const a of appends) byTable.set(a.table, [...(byTable.get(a.table) ?? []), a]);
    for (const [key, list] of byTable) {
      const raw = this.table(key);
      const top = raw.origin.row + raw.rows.length + 1;
      const grid = list.map((a) =>
        raw.headers.map((h) => {
          const hit = Object.entries(a.values).find(([k]) => headerKey(k) === headerKey(h));
          return officeFormula(hit?.[1]);
        }),
      );
      await this.budget(JSON.stringify(grid).length * 2);
      const range = this.context.workbook.worksheets
        .getItem(raw.sheet)
        .getRange(
          `${a1(top, raw.origin.col)}:${a1(top + list.length - 1, raw.origin.col + raw.headers.length - 1)}`,
        );
      range.formulas = grid;
      list.forEach(() => raw.rows.push([]));
    }
  }
}
