import type { TableKey } from '../domain/model';
import { dateToSerial, fitText, isoToSerial } from '../workbook/cells';
import { columnNumber } from '../workbook/kit/a1';
import { moveFormulaRows } from '../workbook/kit/formula-rows';
import { headerIndex, valueForHeader } from '../workbook/kit/headers';
import { newProtokoll } from '../workbook/kit/protokoll-sheet';
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
import { GENERATED_SHEETS, tableRequests, tableSpec } from '../workbook/schema';
import { DATE_FORMAT, EURO_FORMAT, FTE_FORMAT, PERCENT_FORMAT } from '../workbook/formats';
import { readTablesOffice, toRaw } from './excel-reader';

/** Marks the product's own drop-down lists (as in the file adapter); any other validation is the user's. */
const VALIDATION_TITLE = 'Stellenplan & Deckung';

/** Excel on the web refuses requests above 5 MB; stay well below with JSON overhead. */
export const DEFAULT_MAX_PAYLOAD = 4 * 1024 * 1024;

const NUMBER_FORMAT: Partial<Record<StyleName, string>> = {
  money: EURO_FORMAT,
  moneyBold: EURO_FORMAT,
  number3: FTE_FORMAT,
  number3Bold: FTE_FORMAT,
  percent: PERCENT_FORMAT,
  date: DATE_FORMAT,
};
const FILL: Partial<Record<StyleName, string>> = {
  header: '#2F5597',
  error: '#FFC7CE',
  warning: '#FFEB9C',
  info: '#DDEBF7',
  ok: '#C6EFCE',
};
const BOLD = new Set<StyleName>(['title', 'subtitle', 'header', 'moneyBold', 'number3Bold', 'error']);

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
  if (v instanceof Date) return dateToSerial(v);
  if (typeof v === 'string') {
    if (cell.s === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return isoToSerial(v);
    // the apostrophe keeps it text; Excel refuses a whole batch with a text beyond its cell limit
    const text = fitText(v);
    return /^[=+\-@]/.test(text) ? `'${text}` : text;
  }
  return v;
}

function protectedSheet(name: string): WorkbookUnusableError {
  return new WorkbookUnusableError(
    `Das Blatt „${name}“ ist geschützt: bitte den Blattschutz aufheben (Überprüfen › Blatt schützen aufheben) und erneut versuchen – es wurde nichts geschrieben.`,
    `Sheet "${name}" is protected: unprotect it (Review › Unprotect Sheet) and try again – nothing was written.`,
  );
}

/** A table as read, for comparing it with the workbook right before writing. */
const fingerprint = (t: RawTable) => JSON.stringify([t.sheet, t.origin, t.headers, t.rows]);

/**
 * A failed `context.sync()` as one German sentence (and an English one) for the pane, with Excel's own
 * code and message in parentheses for support staff.
 */
export function excelFailure(e: unknown, phase: 'read' | 'write', partly = false): WorkbookUnusableError {
  if (e instanceof WorkbookUnusableError) return e;
  const message = e instanceof Error ? e.message : String(e);
  const code = (e as { code?: string }).code ?? /^(\w+):/.exec(message)?.[1] ?? 'Fehler';
  const detail = message.startsWith(code) ? message : `${code}: ${message}`;
  const what: Record<string, [string, string]> = {
    AccessDenied: [
      'Excel verweigert die Änderung (ein Blatt oder die Arbeitsmappe ist geschützt)',
      'Excel denied the change (a sheet or the workbook is protected)',
    ],
    ItemNotFound: [
      'ein Blatt oder eine Tabelle gibt es nicht mehr (während der Berechnung gelöscht?)',
      'a sheet or table no longer exists (deleted while computing?)',
    ],
    RequestPayloadSizeLimitExceeded: [
      'der Auftrag ist für Excel zu groß',
      'the request is too large for Excel',
    ],
  };
  const [de, en] = what[code] ?? [
    phase === 'read' ? 'Excel konnte die Arbeitsmappe nicht lesen' : 'Excel hat das Schreiben abgelehnt',
    phase === 'read' ? 'Excel could not read the workbook' : 'Excel refused the write',
  ];
  const [state, stateEn] =
    phase === 'read'
      ? ['es wurde nichts geändert', 'nothing was changed']
      : partly
        ? [
            'die schon geschriebenen Teile wurden zurückgenommen, die erzeugten Blätter fehlen bis zum nächsten Lauf',
            'the parts already written were taken back; the generated sheets are missing until the next run',
          ]
        : ['es wurde nichts geschrieben', 'nothing was written'];
  const first = de.charAt(0).toUpperCase() + de.slice(1);
  return new WorkbookUnusableError(
    `${first} – ${state}; bitte erneut versuchen (${detail}).`,
    `${en.charAt(0).toUpperCase() + en.slice(1)} – ${stateEn}; please try again (${detail}).`,
  );
}

/**
 * The Office.js implementation of the WorkbookPort. Reads every table in two `context.sync()` calls and
 * writes a whole batch in one more (more only when a write exceeds the payload limit and is chunked):
 * a check costs three round trips whatever the workbook size.
 *
 * Office.js does not roll a failed batch back, so a write is made safe before it is sent: protected
 * sheets are refused from what the read saw; a write into the user's tables (report, adopt) re-reads
 * them first and writes nothing when they changed or disappeared meanwhile (one more round trip); and
 * when a chunked write fails half-way, what was already written is taken back.
 */
export class ExcelWorkbook implements WorkbookPort {
  private located = new Map<TableKey, RawTable | undefined>();
  private existing?: Set<string>;
  private pendingBytes = 0;
  /** Sheets protected at the time of the read. */
  private protectedSheets = new Set<string>();
  private requests = new Map<TableKey, TableRequest>();
  private fingerprints = new Map<TableKey, string>();
  /** Write syncs of the current write that went through (a failure after one needs taking back). */
  private committed = 0;

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
    // which sheets are protected: rides along with the first sync of the read, like the probe above
    const sheets = this.context.workbook.worksheets;
    sheets.load('items/name,items/protection/protected');
    let result: Map<TableKey, RawTable | undefined>;
    try {
      result = await readTablesOffice(this.context, requests);
    } catch (e) {
      throw excelFailure(e, 'read');
    }
    this.existing = new Set(generated.filter((s) => !s.isNullObject).map((s) => s.name));
    this.protectedSheets = new Set(sheets.items.filter((s) => s.protection.protected).map((s) => s.name));
    for (const req of requests) this.requests.set(req.key, req);
    for (const [k, v] of result) {
      this.located.set(k, v);
      if (v) this.fingerprints.set(k, fingerprint(v));
    }
    return result;
  }

  private async probeGenerated(): Promise<void> {
    if (this.existing) return;
    await this.readTables(tableRequests());
  }

  async write(whole: WriteBatch): Promise<void> {
    // tables read by the caller before (and computed on since) are checked again before user cells change
    const stale = this.existing !== undefined;
    // only the product's drop-down lists would change on a protected sheet: it keeps its own (nobody can type there)
    const batch = {
      ...whole,
      validations: whole.validations?.filter(
        (v) => !this.protectedSheets.has(this.located.get(v.table)?.sheet ?? ''),
      ),
    };
    await this.probeGenerated();
    this.refuseProtected(batch);
    const intoTables = Boolean(
      batch.columns?.length || batch.validations?.length || batch.updates?.length || batch.appends?.length,
    );
    // a user's own validation in a drop-down column is kept: asked in the re-check's round trip
    const probes = this.probeValidations(batch.validations ?? []);
    const restore = intoTables && stale ? await this.verify(batch) : undefined;
    if (probes.length > 0 && !restore)
      try {
        await this.context.sync();
      } catch (e) {
        throw excelFailure(e, 'write');
      }
    const free = new Map(
      probes.map((p) => [p.v, p.dv.type === 'None' || p.dv.errorAlert.title === VALIDATION_TITLE]),
    );
    this.committed = 0;
    this.created = [];
    try {
      this.context.application.suspendApiCalculationUntilNextSync();
      for (const sheet of batch.sheets ?? []) await this.writeSheet(sheet);
      for (const col of batch.columns ?? []) await this.writeColumn(col);
      for (const v of batch.validations ?? []) this.writeValidation(v, free.get(v) ?? false);
      const { rest, newRows } = this.splitNewTableRows(batch.updates ?? []);
      for (const u of rest) await this.writeUpdate(u);
      for (const [raw, grid] of newRows) await this.addTableRows(raw, grid);
      await this.writeAppends(batch.appends ?? []);
      await this.context.sync();
    } catch (e) {
      const partly = this.committed > 0;
      if (partly) await this.takeBack(restore);
      this.forget();
      throw excelFailure(e, 'write', partly);
    }
    this.pendingBytes = 0;
    // what was read is no longer the workbook: a further write reads afresh
    this.forget();
  }

  private forget(): void {
    this.pendingBytes = 0;
    this.existing = undefined;
    this.located.clear();
    this.fingerprints.clear();
  }

  /** Generated sheets added by the current write (removed again if it fails half-way). */
  private created: string[] = [];

  /** After a chunked write failed half-way: remove the half-written sheets, restore the user's cells. */
  private async takeBack(restore: (() => void) | undefined): Promise<void> {
    try {
      for (const name of this.created) this.context.workbook.worksheets.getItem(name).delete();
      restore?.();
      await this.context.sync();
    } catch {
      // nothing more can be done from here; the message says what happened
    }
  }

  /** Sheets the batch would change, refused up front when the read saw them protected. */
  private refuseProtected(batch: WriteBatch): void {
    const targets = new Set<string>();
    for (const s of batch.sheets ?? []) if (this.existing!.has(s.name)) targets.add(s.name);
    for (const w of [...(batch.columns ?? []), ...(batch.validations ?? []), ...(batch.appends ?? [])]) {
      const raw = this.located.get(w.table);
      if (raw) targets.add(raw.sheet);
    }
    for (const u of batch.updates ?? []) targets.add(u.sheet);
    const locked = [...targets].find((t) => this.protectedSheets.has(t));
    if (locked) throw protectedSheet(locked);
  }

  /**
   * One round trip before writing into the user's tables: every table read is read again and compared,
   * protection is looked at again, and the cells about to be overwritten are kept (to take a failed
   * chunked write back). Nothing is written when anything changed.
   */
  private async verify(batch: WriteBatch): Promise<() => void> {
    const ws = this.context.workbook.worksheets;
    const again = [...this.located].flatMap(([key, raw]) => {
      if (!raw) return [];
      const range = raw.tableName
        ? this.context.workbook.tables.getItem(raw.tableName).getRange()
        : ws.getItem(raw.sheet).getUsedRangeOrNullObject(true);
      range.load(raw.tableName ? 'values,address' : 'isNullObject,values,address');
      return [{ key, raw, range }];
    });
    ws.load('items/name,items/protection/protected');
    const kept = this.targetRanges(batch).map(({ sheet, address }) => {
      const range = ws.getItem(sheet).getRange(address);
      range.load('formulas,numberFormat');
      return { sheet, address, range };
    });
    try {
      await this.context.sync();
    } catch (e) {
      throw excelFailure(e, 'write');
    }
    this.protectedSheets = new Set(ws.items.filter((s) => s.protection.protected).map((s) => s.name));
    this.refuseProtected(batch);
    for (const { key, raw, range } of again) {
      const now =
        !raw.tableName && range.isNullObject
          ? undefined
          : toRaw(
              range.address,
              range.values as unknown[][],
              raw.tableName,
              raw.tableName ? undefined : this.requests.get(key)?.anchorHeader,
            );
      if (!now || fingerprint(now) !== this.fingerprints.get(key))
        throw new WorkbookUnusableError(
          `Das Blatt „${raw.sheet}“ wurde geändert, während gerechnet wurde – es wurde nichts geschrieben; bitte erneut ausführen, damit der neue Stand zählt.`,
          `Sheet "${raw.sheet}" changed while computing – nothing was written; please run again so that the new state counts.`,
        );
    }
    return () => {
      for (const k of kept) {
        const range = ws.getItem(k.sheet).getRange(k.address);
        range.formulas = k.range.formulas;
        range.numberFormat = k.range.numberFormat;
      }
    };
  }

  /** The cells of the user's sheets a batch overwrites: formula columns, single cells, appended rows. */
  private targetRanges(batch: WriteBatch): { sheet: string; address: string }[] {
    const out: { sheet: string; address: string }[] = [];
    for (const c of batch.columns ?? []) {
      const raw = this.located.get(c.table);
      if (!raw || c.cells.length === 0) continue;
      const i = headerIndex(raw.headers, c.header);
      const col = columnLetter(raw.origin.col + (i < 0 ? raw.headers.length : i));
      out.push({
        sheet: raw.sheet,
        address: `${col}${raw.origin.row}:${col}${raw.origin.row + c.cells.length}`,
      });
    }
    for (const u of batch.updates ?? []) out.push({ sheet: u.sheet, address: u.cell });
    const appended = new Map<TableKey, number>();
    for (const a of batch.appends ?? []) appended.set(a.table, (appended.get(a.table) ?? 0) + 1);
    for (const [key, n] of appended) {
      const raw = this.located.get(key);
      if (!raw) continue;
      const top = raw.origin.row + raw.rows.length + 1;
      out.push({
        sheet: raw.sheet,
        address: `${a1(top, raw.origin.col)}:${a1(top + n - 1, raw.origin.col + Math.max(1, raw.headers.length) - 1)}`,
      });
    }
    return out;
  }

  /** Counts what a write adds to the request; syncs first when the request would grow past the limit. */
  private async budget(bytes: number): Promise<void> {
    if (this.pendingBytes > 0 && this.pendingBytes + bytes > this.maxPayload) {
      await this.context.sync();
      this.committed++;
      this.pendingBytes = 0;
    }
    this.pendingBytes += bytes;
  }

  private async writeSheet(sheet: GeneratedSheet): Promise<void> {
    const worksheets = this.context.workbook.worksheets;
    if (this.existing!.has(sheet.name)) worksheets.getItem(sheet.name).delete();
    const ws = worksheets.add(sheet.name);
    this.existing!.add(sheet.name);
    this.created.push(sheet.name);
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
    // rows that carry a folded spacer row's gap as extra height (points, as in the file writers)
    for (let r = 0; r < rows.length; r++) {
      const points = sheet.heights?.[r];
      if (!points) continue;
      await this.budget(64);
      const format = ws.getRange(`A${r + 1}:${columnLetter(width)}${r + 1}`).format;
      format.rowHeight = points;
      // the text on top, the gap below it (Excel's default puts text at the bottom of a tall row)
      format.verticalAlignment = 'Top';
    }
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
    const { raw } = newProtokoll();
    const ws = this.context.workbook.worksheets.add(raw.sheet);
    const range = ws.getRange(`A1:${columnLetter(raw.headers.length)}1`);
    range.values = [raw.headers];
    range.format.font.bold = true;
    this.located.set('Protokoll', raw);
    return raw;
  }

  private async writeColumn(write: ColumnWrite): Promise<void> {
    const raw = this.table(write.table);
    const ws = this.context.workbook.worksheets.getItem(raw.sheet);
    let i = headerIndex(raw.headers, write.header);
    if (i < 0) {
      i = raw.headers.length;
      raw.headers.push(write.header);
      ws.getRange(a1(raw.origin.row, raw.origin.col + i)).values = [[write.header]];
    }
    const col = columnLetter(raw.origin.col + i);
    const top = raw.origin.row + 1;
    const formulas = write.cells.map((c) => officeFormula(c));
    const formats = write.cells.map((c) => NUMBER_FORMAT[c.s ?? 'money'] ?? EURO_FORMAT);
    if (write.calculated && raw.tableName && formulas.length > 0) {
      await this.writeCalculated(ws, col, top, write.calculated, formulas);
      const sizes = formats.map((f) => f.length + 8);
      for (const [from, to] of blocks(sizes, this.maxPayload / 2)) {
        await this.budget(sizes.slice(from, to).reduce((a, b) => a + b, 0));
        ws.getRange(`${col}${top + from}:${col}${top + to - 1}`).numberFormat = formats
          .slice(from, to)
          .map((f) => [f]);
      }
      return;
    }
    // Blocks of rows, each with its formulas and formats well inside one request.
    const sizes = formulas.map((f, k) => JSON.stringify(f).length + formats[k].length + 8);
    for (const [from, to] of blocks(sizes, this.maxPayload / 2)) {
      await this.budget(sizes.slice(from, to).reduce((a, b) => a + b, 0));
      const range = ws.getRange(`${col}${top + from}:${col}${top + to - 1}`);
      range.formulas = formulas.slice(from, to).map((f) => [f]);
      range.numberFormat = formats.slice(from, to).map((f) => [f]);
    }
  }

  /**
   * A calculated column of an Excel table: the column's formula into the whole data body as one 2D array
   * (every row the same formula, moved to its row – Excel then makes the column a calculated column and
   * gives it to every row added later); then the rows with a formula of their own, as runs of cells
   * (Excel keeps them as the column's exceptions).
   */
  private async writeCalculated(
    ws: Excel.Worksheet,
    col: string,
    top: number,
    calculated: string,
    formulas: (string | number | boolean)[],
  ): Promise<void> {
    const column = formulas.map((_, k) => `=${moveFormulaRows(calculated, k)}`);
    // one block unless the column is beyond one request (then blocks of the same formula, still consistent)
    const sizes = column.map((f) => f.length + 8);
    for (const [from, to] of blocks(sizes, this.maxPayload / 2)) {
      await this.budget(sizes.slice(from, to).reduce((a, b) => a + b, 0));
      ws.getRange(`${col}${top + from}:${col}${top + to - 1}`).formulas = column
        .slice(from, to)
        .map((f) => [f]);
    }
    let k = 0;
    while (k < formulas.length) {
      if (formulas[k] === column[k]) {
        k++;
        continue;
      }
      let e = k;
      while (e + 1 < formulas.length && formulas[e + 1] !== column[e + 1]) e++;
      const run = formulas.slice(k, e + 1);
      await this.budget(JSON.stringify(run).length + 16);
      ws.getRange(`${col}${top + k}:${col}${top + e}`).formulas = run.map((f) => [f]);
      k = e + 1;
    }
  }

  /**
   * Asks, per drop-down column, whether it holds a validation of the user's own: Excel answers per range
   * (None, the product's list – its error alert carries the product's title –, a user's rule, or
   * Inconsistent when the cells differ). The loads ride on the next sync (the re-check before writing).
   */
  private probeValidations(vs: ValidationWrite[]): { v: ValidationWrite; dv: Excel.DataValidation }[] {
    const probes: { v: ValidationWrite; dv: Excel.DataValidation }[] = [];
    for (const v of vs) {
      const range = this.validationRange(v);
      if (!range) continue;
      const dv = range.dataValidation;
      dv.load('type,errorAlert');
      probes.push({ v, dv });
    }
    return probes;
  }

  private validationRange(v: ValidationWrite): Excel.Range | undefined {
    const raw = this.located.get(v.table);
    const i = raw ? headerIndex(raw.headers, v.header) : -1;
    if (!raw || i < 0) return undefined;
    const col = columnLetter(raw.origin.col + i);
    return this.context.workbook.worksheets
      .getItem(raw.sheet)
      .getRange(`${col}${raw.origin.row + 1}:${col}${raw.origin.row + v.rows}`);
  }

  /**
   * The product's list over the column – unless the user keeps a validation of their own there (wholly or
   * in some cells): then the column is left as it is, as the file adapter keeps a user's rule.
   */
  private writeValidation(v: ValidationWrite, free: boolean): void {
    if (!free) return;
    const range = this.validationRange(v);
    if (!range) return;
    range.dataValidation.clear();
    range.dataValidation.rule = {
      list: { inCellDropDown: true, source: v.list ? v.list.join(',') : `=${v.range!}` },
    };
    range.dataValidation.errorAlert = {
      title: VALIDATION_TITLE,
      message: `Bitte einen Wert aus der Liste wählen (${v.header}).`,
      showAlert: true,
      style: 'Warning',
    };
  }

  private async writeUpdate(u: CellUpdate): Promise<void> {
    await this.budget(200);
    this.context.workbook.worksheets.getItem(u.sheet).getRange(u.cell).formulas = [[officeFormula(u.value)]];
  }

  /**
   * Cell updates in the rows right below an Excel table (a new position, a new budget line) become new rows
   * of that table – one `rows.add` with a 2D array per table – so the table, its filter and calculated
   * columns grow and the next read counts them. Other updates are written cell by cell.
   */
  private splitNewTableRows(updates: CellUpdate[]): {
    rest: CellUpdate[];
    newRows: Map<RawTable, (string | number | boolean | null)[][]>;
  } {
    const rest: CellUpdate[] = [];
    const newRows = new Map<RawTable, (string | number | boolean | null)[][]>();
    const tables = [...this.located.values()].filter((r): r is RawTable => Boolean(r?.tableName));
    for (const u of updates) {
      const at = /^([A-Z]+)(\d+)$/.exec(u.cell);
      const col = at ? columnNumber(at[1]) : 0;
      const row = at ? Number(at[2]) : 0;
      const raw = tables.find(
        (t) =>
          t.sheet === u.sheet &&
          row > t.origin.row + t.rows.length &&
          col >= t.origin.col &&
          col < t.origin.col + t.headers.length,
      );
      if (!raw) {
        rest.push(u);
        continue;
      }
      const grid = newRows.get(raw) ?? [];
      const i = row - (raw.origin.row + raw.rows.length) - 1;
      while (grid.length <= i) grid.push(raw.headers.map(() => null));
      grid[i][col - raw.origin.col] = officeFormula(u.value);
      newRows.set(raw, grid);
    }
    return { rest, newRows };
  }

  /** New rows at the end of an Excel table, in one call (null leaves a cell to the table, e.g. a calculated column). */
  private async addTableRows(raw: RawTable, grid: (string | number | boolean | null)[][]): Promise<void> {
    await this.budget(JSON.stringify(grid).length * 2);
    this.context.workbook.tables
      .getItem(raw.tableName!)
      .rows.add(undefined, grid as (string | number | boolean)[][]);
    grid.forEach(() => raw.rows.push([]));
  }

  /** All appended rows of a table in one 2D write below its last row (an Excel table grows by `rows.add`). */
  private async writeAppends(appends: RowAppend[]): Promise<void> {
    const byTable = new Map<TableKey, RowAppend[]>();
    for (const a of appends) byTable.set(a.table, [...(byTable.get(a.table) ?? []), a]);
    for (const [key, list] of byTable) {
      const raw = this.table(key);
      const top = raw.origin.row + raw.rows.length + 1;
      const grid = list.map((a) => raw.headers.map((h) => officeFormula(valueForHeader(a.values, h))));
      if (raw.tableName) {
        // unlisted columns stay to the table (null), not overwritten with empty text
        const cells = list.map((a) =>
          raw.headers.map((h) => {
            const hit = valueForHeader(a.values, h);
            return hit !== undefined ? officeFormula(hit) : null;
          }),
        );
        await this.addTableRows(raw, cells);
        continue;
      }
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
