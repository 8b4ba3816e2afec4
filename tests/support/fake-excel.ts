/**
 * A strict in-memory fake of the part of the Excel JavaScript API the add-in uses. Like Office.js it
 * queues every call and applies it on `context.sync()`; reading a property that was not loaded, or
 * before the sync that loads it, throws. Every sync is recorded with the size of its request so that
 * tests can assert the number of round trips and Excel on the web's 5 MB payload limit.
 */

import { moveFormulaRows } from '../../src/workbook/kit/formula-rows';

export interface FakeCell {
  value: string | number | boolean | null;
  formula?: string;
  numberFormat?: string;
  bold?: boolean;
  fill?: string;
  validation?: unknown;
  /** The error alert title of the cell's validation (the add-in marks its own lists with it). */
  validationTitle?: string;
}

export interface FakeSheet {
  name: string;
  cells: Map<string, FakeCell>;
  frozenRows?: number;
  orientation?: string;
  printTitleRows?: string;
  conditional: { range: string; rule: unknown }[];
  columnWidths: Map<number, number>;
  /** Row heights in points set through `format.rowHeight` (row number → points). */
  rowHeights?: Map<number, number>;
}

export interface FakeTable {
  name: string;
  sheet: string;
  /** "A1:P20" including the header row */
  ref: string;
  /**
   * Calculated columns: sheet column → formula for the first data row. Like Excel, a table column becomes
   * one when a single `formulas` write fills its whole data body with the same formula (moved per row);
   * `rows.add` gives it to a new row where the values leave the cell null.
   */
  calculated?: Map<number, string>;
  /** The last row of `ref` is the totals row (Excel's "Ergebniszeile", Table.showTotals). */
  totals?: boolean;
}

export interface SyncRecord {
  ops: number;
  payloadBytes: number;
}

/** An error as Office.js rejects a sync with (OfficeExtension.Error): a code and a message. */
export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = 'OfficeExtension.Error';
  }
}

export class PropertyNotLoadedError extends Error {
  constructor(what: string) {
    super(`PropertyNotLoaded: ${what} wurde nicht geladen oder vor context.sync() gelesen.`);
  }
}

export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  tables: FakeTable[] = [];
  syncs: SyncRecord[] = [];
  /** Each `table.rows.add` call: table name and number of rows (Office.js: once with a 2D array, not per row). */
  rowAdds: { table: string; rows: number }[] = [];
  /** Fault injection: throw on the n-th sync (1-based), e.g. to prove nothing is half-written. */
  failOnSync?: number;
  /** Sheets that refuse writes (like a protected sheet). */
  protectedSheets = new Set<string>();
  /**
   * Office.js does not roll a batch back: the actions before a failing one stay applied. The fake does the
   * same when this is false; true keeps the older, kinder behaviour (the whole batch or nothing).
   */
  atomicBatches = true;
  /** What the user does in Excel while the add-in computes: runs right before the n-th sync (1-based). */
  beforeSync?: (n: number, book: FakeWorkbook) => void;

  addSheet(name: string, rows: (string | number | boolean | null)[][] = []): FakeSheet {
    const sheet: FakeSheet = { name, cells: new Map(), conditional: [], columnWidths: new Map() };
    rows.forEach((row, r) =>
      row.forEach(
        (v, c) => v !== null && v !== undefined && sheet.cells.set(key(r + 1, c + 1), { value: v }),
      ),
    );
    this.sheets.push(sheet);
    return sheet;
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  cell(sheet: string, address: string): FakeCell | undefined {
    const { row, col } = parseCell(address);
    return this.sheet(sheet)?.cells.get(key(row, col));
  }

  /** A deep copy of all cells, to prove that a failed write changed nothing. */
  snapshot(): string {
    return JSON.stringify(
      this.sheets.map((s) => [
        s.name,
        [...s.cells.entries()].sort(),
        s.conditional,
        [...s.columnWidths.entries()],
        s.frozenRows ?? 0,
      ]),
    );
  }

  context(): FakeContext {
    return new FakeContext(this);
  }

  snapshotState(): { sheets: FakeSheet[]; tables: FakeTable[] } {
    return {
      sheets: this.sheets.map((s) => ({
        ...s,
        cells: new Map([...s.cells].map(([k, v]) => [k, { ...v }])),
        conditional: [...s.conditional],
        columnWidths: new Map(s.columnWidths),
      })),
      tables: this.tables.map((t) => ({ ...t })),
    };
  }

  restoreState(state: { sheets: FakeSheet[]; tables: FakeTable[] }): void {
    this.sheets = state.sheets;
    this.tables = state.tables;
  }
}

const key = (row: number, col: number) => `${row},${col}`;

export function parseCell(address: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(address.trim().toUpperCase());
  if (!m) throw new Error(`InvalidArgument: Adresse „${address}“`);
  return { col: [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0), row: Number(m[2]) };
}

function letters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function parseRange(address: string): { r1: number; c1: number; r2: number; c2: number } {
  const local = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const [a, b] = local.split(':');
  const s = parseCell(a);
  const e = parseCell(b ?? a);
  return { r1: s.row, c1: s.col, r2: e.row, c2: e.col };
}

function quoteSheet(name: string): string {
  return /^[A-Za-z0-9_]+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

type Op = () => void;

/** Base of every proxy: properties become readable only after load() and the following sync(). */
class Loadable {
  protected requested = new Set<string>();
  protected loaded = new Map<string, unknown>();
  protected failed = new Map<string, Error>();
  constructor(protected readonly ctx: FakeContext) {}

  load(props: string | string[]): this {
    const list = Array.isArray(props) ? props : props.split(',').map((p) => p.trim());
    list.forEach((p) => this.requested.add(p));
    this.ctx.pendingOps.push(this);
    this.ctx.payload += 40 + list.join(',').length;
    return this;
  }

  /** Called by sync(): fill the requested properties from the workbook. */
  resolve(): void {
    // Like Office.js, loading a property of a null object succeeds; reading it afterwards throws. An object
    // reached through getItem() that does not exist (a sheet or table deleted) fails the whole sync instead.
    for (const p of this.requested) {
      try {
        this.loaded.set(p, this.read(p));
      } catch (e) {
        if (this.strict && e instanceof FakeOfficeError && e.code === 'ItemNotFound') {
          this.requested.clear();
          throw e;
        }
        this.failed.set(p, e as Error);
      }
    }
    this.requested.clear();
  }

  /** False for objects from a …OrNullObject() call: their absence is a null object, not an error. */
  protected get strict(): boolean {
    return true;
  }

  protected read(_prop: string): unknown {
    throw new Error('not loadable');
  }

  protected get<T>(prop: string): T {
    const failure = this.failed.get(prop);
    if (failure) throw failure;
    if (!this.loaded.has(prop)) throw new PropertyNotLoadedError(`${this.constructor.name}.${prop}`);
    return this.loaded.get(prop) as T;
  }
}

export class FakeContext {
  /** Writes and loads in the order they were queued. */
  pendingOps: (Op | Loadable)[] = [];
  payload = 0;
  readonly workbook: FakeWorkbookApi;
  readonly application = {
    suspendApiCalculationUntilNextSync: () => {
      this.payload += 40;
    },
    suspendScreenUpdatingUntilNextSync: () => {
      this.payload += 40;
    },
  };

  constructor(readonly book: FakeWorkbook) {
    this.workbook = new FakeWorkbookApi(this);
  }

  queue(op: Op, bytes: number): void {
    this.pendingOps.push(op);
    this.payload += 40 + bytes;
  }

  sync(): Promise<void> {
    const record = { ops: this.pendingOps.length, payloadBytes: this.payload };
    this.book.syncs.push(record);
    const ops = this.pendingOps;
    this.pendingOps = [];
    this.payload = 0;
    this.book.beforeSync?.(this.book.syncs.length, this.book);
    if (this.book.failOnSync === this.book.syncs.length)
      return Promise.reject(
        new FakeOfficeError(
          'GeneralException',
          'Die Synchronisierung ist fehlgeschlagen (eingespeister Fehler).',
        ),
      );
    if (record.payloadBytes > 5 * 1024 * 1024)
      return Promise.reject(
        new FakeOfficeError('RequestPayloadSizeLimitExceeded', `${record.payloadBytes} Bytes`),
      );
    // Actions run in the order they were queued: a load sees what the writes before it left.
    const before = this.book.atomicBatches ? this.book.snapshotState() : undefined;
    try {
      for (const item of ops) {
        if (item instanceof Loadable) item.resolve();
        else item();
      }
    } catch (e) {
      if (before) this.book.restoreState(before);
      return Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
    return Promise.resolve();
  }
}

class FakeWorkbookApi {
  readonly worksheets: FakeWorksheets;
  readonly tables: FakeTables;
  constructor(ctx: FakeContext) {
    this.worksheets = new FakeWorksheets(ctx);
    this.tables = new FakeTables(ctx);
  }
}

class FakeWorksheets extends Loadable {
  constructor(ctx: FakeContext) {
    super(ctx);
  }
  protected override read(prop: string): unknown {
    if (prop.startsWith('items/'))
      return this.ctx.book.sheets.map((s) => ({
        name: s.name,
        protection: { protected: this.ctx.book.protectedSheets.has(s.name) },
      }));
    throw new Error(`unknown property ${prop}`);
  }
  /** `load("items/name,items/protection/protected")`, then the sheets with those two properties. */
  get items(): { name: string; protection: { protected: boolean } }[] {
    const loaded = [...this.loaded.keys()].find((k) => k.startsWith('items/'));
    if (!loaded) throw new PropertyNotLoadedError('WorksheetCollection.items');
    return this.get(loaded);
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, name, true);
  }
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, name, false);
  }
  add(name: string): FakeWorksheet {
    this.ctx.queue(() => {
      if (this.ctx.book.sheet(name)) throw new FakeOfficeError('ItemAlreadyExists', `Blatt „${name}“`);
      this.ctx.book.addSheet(name);
    }, name.length);
    return new FakeWorksheet(this.ctx, name, false);
  }
}

class FakeTables {
  constructor(private readonly ctx: FakeContext) {}
  getItemOrNullObject(name: string): FakeTableApi {
    return new FakeTableApi(this.ctx, name, true);
  }
  getItem(name: string): FakeTableApi {
    return new FakeTableApi(this.ctx, name, false);
  }
}

class FakeTableApi extends Loadable {
  constructor(
    ctx: FakeContext,
    private readonly tableName: string,
    private readonly nullable: boolean,
  ) {
    super(ctx);
  }
  private table(): FakeTable | undefined {
    return this.ctx.book.tables.find((t) => t.name.toLowerCase() === this.tableName.toLowerCase());
  }
  protected override get strict(): boolean {
    return !this.nullable;
  }
  protected override read(prop: string): unknown {
    const t = this.table();
    if (prop === 'isNullObject') return !t;
    if (!t) throw new FakeOfficeError('ItemNotFound', `Tabelle „${this.tableName}“`);
    if (prop === 'name') return t.name;
    if (prop === 'showTotals') return Boolean(t.totals);
    throw new Error(`unknown property ${prop}`);
  }
  get isNullObject(): boolean {
    return this.get('isNullObject');
  }
  get name(): string {
    return this.get('name');
  }
  get showTotals(): boolean {
    return this.get('showTotals');
  }
  /**
   * TableRowCollection.add(index, values): rows at the end of the table, which grows to hold them; a null
   * value leaves its cell as it is (Excel fills a calculated column there).
   */
  get rows(): { add: (index: number | null | undefined, values: unknown[][]) => void } {
    return {
      add: (index, values) => {
        if (index !== null && index !== undefined) throw new Error('Fake: rows.add nur am Tabellenende');
        this.ctx.queue(() => {
          const t = this.table();
          if (!t) throw new FakeOfficeError('ItemNotFound', `Tabelle „${this.tableName}“`);
          const [from, to] = t.ref.split(':');
          const a = parseCell(from);
          const b = parseCell(to);
          if (values.some((r) => r.length !== b.col - a.col + 1))
            throw new FakeOfficeError('InvalidArgument', 'rows.add: Spaltenzahl passt nicht zur Tabelle');
          const sheet = this.ctx.book.sheet(t.sheet)!;
          values.forEach((row, i) =>
            row.forEach((v, j) => {
              const calc = t.calculated?.get(a.col + j);
              if ((v === null || v === undefined) && calc !== undefined) {
                const at = b.row + 1 + i;
                sheet.cells.set(`${at},${a.col + j}`, {
                  value: null,
                  formula: moveFormulaRows(calc, at - (a.row + 1)),
                });
                return;
              }
              if (v === null || v === undefined) return;
              const k = `${b.row + 1 + i},${a.col + j}`;
              if (typeof v === 'string' && v.startsWith('='))
                sheet.cells.set(k, { value: null, formula: v.slice(1) });
              else sheet.cells.set(k, { value: v === '' ? null : (v as FakeCell['value']) });
            }),
          );
          t.ref = `${from}:${letters(b.col)}${b.row + values.length}`;
          this.ctx.book.rowAdds.push({ table: t.name, rows: values.length });
        }, JSON.stringify(values).length);
      },
    };
  }

  /** Like Office.js, the table is looked up when the batch runs (a table deleted meanwhile fails the sync). */
  getRange(): FakeRange {
    return new FakeRange(this.ctx, () => {
      const t = this.table();
      if (!t) throw new FakeOfficeError('ItemNotFound', `Tabelle „${this.tableName}“`);
      return { sheet: t.sheet, address: t.ref };
    });
  }
}

class FakeWorksheet extends Loadable {
  readonly freezePanes = {
    freezeRows: (n: number) => this.ctx.queue(() => (this.mustExist().frozenRows = n), 8),
  };
  readonly pageLayout: { orientation: string; setPrintTitleRows: (rows: string) => void };
  constructor(
    ctx: FakeContext,
    private readonly sheetName: string,
    private readonly nullable: boolean,
  ) {
    super(ctx);
    const sheet = () => this.mustExist();
    // page layout setters are queued like every other write
    this.pageLayout = {
      set orientation(v: string) {
        ctx.queue(() => (sheet().orientation = v), v.length);
      },
      setPrintTitleRows(rows: string) {
        ctx.queue(() => (sheet().printTitleRows = rows), rows.length);
      },
    };
  }
  mustExist(): FakeSheet {
    const s = this.ctx.book.sheet(this.sheetName);
    if (!s) throw new FakeOfficeError('ItemNotFound', `Blatt „${this.sheetName}“`);
    if (this.ctx.book.protectedSheets.has(s.name))
      throw new FakeOfficeError('AccessDenied', `Blatt „${s.name}“ ist geschützt.`);
    return s;
  }
  protected override read(prop: string): unknown {
    const s = this.ctx.book.sheet(this.sheetName);
    if (prop === 'isNullObject') {
      if (!this.nullable) throw new Error('isNullObject gibt es nur bei getItemOrNullObject');
      return !s;
    }
    if (!s) throw new FakeOfficeError('ItemNotFound', `Blatt „${this.sheetName}“`);
    if (prop === 'name') return s.name;
    if (prop === 'protection/protected') return this.ctx.book.protectedSheets.has(s.name);
    throw new Error(`unknown property ${prop}`);
  }
  protected override get strict(): boolean {
    return !this.nullable;
  }
  get isNullObject(): boolean {
    return this.get('isNullObject');
  }
  get name(): string {
    return this.get('name');
  }
  get protection(): { protected: boolean } {
    return { protected: this.get<boolean>('protection/protected') };
  }
  delete(): void {
    this.ctx.queue(() => {
      const s = this.mustExist();
      this.ctx.book.sheets = this.ctx.book.sheets.filter((x) => x !== s);
    }, 8);
  }
  activate(): void {
    this.ctx.queue(() => void this.mustExist(), 8);
  }
  getRange(address: string): FakeRange {
    return new FakeRange(this.ctx, this.sheetName, address);
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    void valuesOnly;
    return new FakeRange(this.ctx, this.sheetName, undefined);
  }
}

/** Range.dataValidation: rule and error alert to set, type and error alert to load (per range, like Excel). */
class FakeDataValidation extends Loadable {
  constructor(
    ctx: FakeContext,
    private readonly each: (f: (cell: FakeCell) => void) => void,
    private readonly cells: () => FakeCell[],
  ) {
    super(ctx);
  }
  protected override read(prop: string): unknown {
    const cells = this.cells();
    if (prop === 'type') {
      const rules = new Set(cells.map((c) => JSON.stringify(c.validation ?? null)));
      if (rules.size > 1) return 'Inconsistent';
      const rule = cells[0]?.validation as { list?: unknown } | undefined;
      return !rule ? 'None' : rule.list ? 'List' : 'Custom';
    }
    if (prop === 'errorAlert') return { title: cells[0]?.validationTitle ?? '', showAlert: true };
    throw new Error(`unknown property ${prop}`);
  }
  get type(): string {
    return this.get('type');
  }
  get errorAlert(): { title: string } {
    return this.get('errorAlert');
  }
  clear(): void {
    this.ctx.queue(
      () =>
        this.each((c) => {
          c.validation = undefined;
          c.validationTitle = undefined;
        }),
      8,
    );
  }
  set rule(v: unknown) {
    this.ctx.queue(() => this.each((c) => (c.validation = v)), JSON.stringify(v).length);
  }
  set errorAlert(v: { title?: string }) {
    this.ctx.queue(() => this.each((c) => (c.validationTitle = v.title)), JSON.stringify(v).length);
  }
}

class FakeRange extends Loadable {
  constructor(
    ctx: FakeContext,
    /** The sheet, or (for a table's range) a lookup that runs when the batch runs. */
    private readonly target: string | (() => { sheet: string; address: string }),
    /** undefined = the used range, resolved at sync time */
    private readonly address_: string | undefined = undefined,
  ) {
    super(ctx);
  }

  private get sheetName(): string {
    return typeof this.target === 'string' ? this.target : this.target().sheet;
  }

  private get addr(): string | undefined {
    return typeof this.target === 'string' ? this.address_ : this.target().address;
  }

  private sheet(): FakeSheet {
    const s = this.ctx.book.sheet(this.sheetName);
    if (!s) throw new FakeOfficeError('ItemNotFound', `Blatt „${this.sheetName}“`);
    return s;
  }

  private bounds(): { r1: number; c1: number; r2: number; c2: number } | undefined {
    if (this.addr) return parseRange(this.addr);
    const s = this.sheet();
    let r2 = 0;
    let c2 = 0;
    for (const [k, v] of s.cells) {
      if (v.value === null && !v.formula) continue;
      const [r, c] = k.split(',').map(Number);
      r2 = Math.max(r2, r);
      c2 = Math.max(c2, c);
    }
    return r2 === 0 ? undefined : { r1: 1, c1: 1, r2, c2 };
  }

  protected override read(prop: string): unknown {
    const b = this.bounds();
    if (prop === 'isNullObject') return !b;
    if (!b) throw new Error('ItemNotFound: leerer Bereich');
    const s = this.sheet();
    const grid = (f: (c: FakeCell | undefined) => unknown) =>
      Array.from({ length: b.r2 - b.r1 + 1 }, (_, i) =>
        Array.from({ length: b.c2 - b.c1 + 1 }, (_, j) => f(s.cells.get(key(b.r1 + i, b.c1 + j)))),
      );
    if (prop === 'values') return grid((c) => c?.value ?? '');
    if (prop === 'formulas') return grid((c) => (c?.formula ? `=${c.formula}` : (c?.value ?? '')));
    if (prop === 'numberFormat') return grid((c) => c?.numberFormat ?? 'General');
    if (prop === 'address') return `${quoteSheet(s.name)}!${letters(b.c1)}${b.r1}:${letters(b.c2)}${b.r2}`;
    throw new Error(`unknown property ${prop}`);
  }

  get isNullObject(): boolean {
    return this.get('isNullObject');
  }
  get values(): unknown[][] {
    return this.get('values');
  }
  get address(): string {
    return this.get('address');
  }
  get formulas(): unknown[][] {
    return this.get('formulas');
  }
  get numberFormat(): string[][] {
    return this.get('numberFormat');
  }

  private each(write: (cell: FakeCell, i: number, j: number) => void): void {
    const b = this.bounds()!;
    const s = this.sheet();
    if (this.ctx.book.protectedSheets.has(s.name))
      throw new FakeOfficeError('AccessDenied', `Blatt „${s.name}“ ist geschützt.`);
    for (let i = 0; i <= b.r2 - b.r1; i++)
      for (let j = 0; j <= b.c2 - b.c1; j++) {
        const k = key(b.r1 + i, b.c1 + j);
        const cell = s.cells.get(k) ?? { value: null };
        write(cell, i, j);
        s.cells.set(k, cell);
      }
  }

  /** The range's cells for reading: nothing is created, a protected sheet may be read. */
  private peek(): FakeCell[] {
    const b = this.bounds()!;
    const s = this.sheet();
    const out: FakeCell[] = [];
    for (let r = b.r1; r <= b.r2; r++)
      for (let c = b.c1; c <= b.c2; c++) out.push(s.cells.get(key(r, c)) ?? { value: null });
    return out;
  }

  private checkShape(data: unknown[][]): void {
    const b = parseRange(this.addr!);
    if (data.length !== b.r2 - b.r1 + 1 || data.some((r) => r.length !== b.c2 - b.c1 + 1))
      throw new Error(`InvalidArgument: ${data.length}×${data[0]?.length} Werte für ${this.address}`);
  }

  set values(data: unknown[][]) {
    this.checkShape(data);
    this.ctx.queue(
      () =>
        this.each((cell, i, j) => {
          const v = data[i][j];
          // like Excel, `values` takes "=…" as a formula too
          if (typeof v === 'string' && v.startsWith('=')) {
            cell.formula = v.slice(1);
            cell.value = null;
            return;
          }
          cell.formula = undefined;
          cell.value = v === '' ? null : (v as FakeCell['value']);
        }),
      JSON.stringify(data).length,
    );
  }

  set formulas(data: unknown[][]) {
    this.checkShape(data);
    this.ctx.queue(() => {
      this.calculatedColumn(data);
      this.each((cell, i, j) => {
        const v = data[i][j];
        // Excel reads text that starts with = + - @ as a formula (unless it is a plain number); only a
        // leading apostrophe keeps it text
        if (typeof v === 'string' && /^[=+\-@]/.test(v) && !/^[+-]?\d+([.,]\d+)?$/.test(v)) {
          cell.formula = v.replace(/^=/, '');
          cell.value = null;
        } else {
          cell.formula = undefined;
          cell.value =
            v === ''
              ? null
              : typeof v === 'string' && v.startsWith("'")
                ? v.slice(1)
                : (v as FakeCell['value']);
        }
      });
    }, JSON.stringify(data).length);
  }

  /**
   * Excel's calculated columns: one formula write over a table column's whole data body, the same formula
   * in every row (moved to its row), makes it the column's formula; a write of other formulas into any of
   * its cells leaves exceptions (the column keeps its formula).
   */
  private calculatedColumn(data: unknown[][]): void {
    const b = this.bounds();
    if (!b || b.c1 !== b.c2) return;
    const s = this.sheet();
    for (const t of this.ctx.book.tables) {
      if (t.sheet.toLowerCase() !== s.name.toLowerCase()) continue;
      const r = parseRange(t.ref);
      if (b.c1 < r.c1 || b.c1 > r.c2 || b.r1 !== r.r1 + 1 || b.r2 !== r.r2) continue;
      const first = data[0]?.[0];
      if (typeof first !== 'string' || !first.startsWith('=')) continue;
      const same = data.every((row, i) => row[0] === `=${moveFormulaRows(first.slice(1), i)}`);
      if (same) (t.calculated ??= new Map()).set(b.c1, first.slice(1));
    }
  }

  set numberFormat(data: string[][]) {
    this.checkShape(data);
    this.ctx.queue(
      () => this.each((cell, i, j) => (cell.numberFormat = data[i][j])),
      JSON.stringify(data).length,
    );
  }

  get format(): {
    font: { bold: boolean };
    fill: { color: string };
    columnWidth: number;
    rowHeight: number;
    verticalAlignment: string;
    wrapText: boolean;
  } {
    const queue = (f: (cell: FakeCell) => void) => this.ctx.queue(() => this.each(f), 16);
    const setWidth = (v: number) =>
      this.ctx.queue(() => {
        const b = parseRange(this.addr!);
        for (let c = b.c1; c <= b.c2; c++) this.sheet().columnWidths.set(c, v);
      }, 16);
    const setHeight = (v: number) =>
      this.ctx.queue(() => {
        const b = parseRange(this.addr!);
        const sheet = this.sheet();
        for (let r = b.r1; r <= b.r2; r++) (sheet.rowHeights ??= new Map()).set(r, v);
      }, 16);
    const touch = () => this.ctx.queue(() => void this.sheet(), 8);
    return {
      font: {
        set bold(v: boolean) {
          queue((c) => (c.bold = v));
        },
      },
      fill: {
        set color(v: string) {
          queue((c) => (c.fill = v));
        },
      },
      set columnWidth(v: number) {
        setWidth(v);
      },
      set rowHeight(v: number) {
        setHeight(v);
      },
      set verticalAlignment(v: string) {
        void v;
        touch();
      },
      set wrapText(v: boolean) {
        void v;
        touch();
      },
    };
  }

  get dataValidation(): FakeDataValidation {
    return new FakeDataValidation(
      this.ctx,
      (f) => this.each(f),
      () => this.peek(),
    );
  }

  get conditionalFormats(): {
    add: (type: string) => { cellValue: { format: { font: { color: string } }; rule: unknown } };
  } {
    return {
      add: () => {
        const entry = { range: this.addr!, rule: undefined as unknown };
        this.ctx.queue(() => this.sheet().conditional.push(entry), 16);
        return {
          cellValue: {
            format: { font: { color: '' } },
            set rule(v: unknown) {
              entry.rule = v;
            },
          },
        };
      },
    };
  }

  select(): void {
    this.ctx.queue(() => void this.sheet(), 8);
  }
}
