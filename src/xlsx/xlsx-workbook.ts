import ExcelJS from 'exceljs';
import type { TableKey } from '../domain/model';
import { fitText, isoToSerial, NO_CACHED_VALUE, serialToDate } from '../workbook/cells';
import {
  WorkbookUnusableError,
  a1,
  type CellUpdate,
  type CellValue,
  type ColumnWrite,
  type GeneratedSheet,
  type RawTable,
  type RowAppend,
  type SheetCell,
  type TableRequest,
  type ValidationWrite,
  type WorkbookPort,
  type WriteBatch,
} from '../workbook/port';
import { GENERATED_SHEETS, tableSpec } from '../workbook/schema';
import { parseA1, parseRange } from '../workbook/kit/a1';
import { headerIndex } from '../workbook/kit/headers';
import { newProtokoll } from '../workbook/kit/protokoll-sheet';
import { emptyPlan, patchPackage, planIsEmpty, VALIDATION_TITLE, type PackagePlan } from './patch';
import type { StyleMode } from './sheet-xml';
import { rowHeight } from '../workbook/print';
import { STYLES } from './styles';
import { boundedInflate } from './inflate';
import { zipDirectory, type ZipEntry } from './zip-directory';
import { UncachedFormulas } from './uncached';
import { readCalculatedColumns, readableByExcelJs, type CalculatedColumns } from './calculated-columns';
import { moveFormulaRows } from '../workbook/kit/formula-rows';
import { findTableIn, type FoundTable, type SheetCells } from './table-blocks';

export { zipDirectory, type ZipEntry };

/**
 * Limits against hostile files, checked before anything is expanded (README "Grenzen"; the command line
 * takes them from STELLENPLAN_MAX_FILE_MB, STELLENPLAN_MAX_UNPACKED_MB and STELLENPLAN_MAX_ZIP_ENTRIES).
 * A workbook of 100.000 positions is about 6,5 MB as a file and 61 MB unpacked.
 */
export interface OpenLimits {
  /** Largest file accepted, bytes. */
  maxFileBytes: number;
  /** Largest total uncompressed size of the zip entries, bytes (ExcelJS needs several times that in memory). */
  maxUncompressedBytes: number;
  /** Most entries in the zip container (an .xlsx has a few dozen). */
  maxEntries: number;
}

export const DEFAULT_LIMITS: OpenLimits = {
  maxFileBytes: 50 * 1024 * 1024,
  maxUncompressedBytes: 256 * 1024 * 1024,
  maxEntries: 10_000,
};

/**
 * Inflates raw deflate data, throwing once the output would exceed `maxOutputLength` bytes (on Node:
 * zlib.inflateRawSync with that option). With it, `open` also checks that no entry holds more than the
 * zip's directory declares – a forged directory cannot smuggle a bomb past the size limit.
 */
export type BoundedInflate = (data: Uint8Array, maxOutputLength: number) => Uint8Array;

/** The ExcelJS implementation of the WorkbookPort: command line, browser page and tests. */
export class XlsxWorkbook implements WorkbookPort {
  /**
   * What this session writes, applied to the original package by `toBuffer` (ExcelJS only reads: every part
   * the product does not own is copied byte for byte). The ExcelJS model is kept in step for later reads.
   */
  private readonly plan: PackagePlan = emptyPlan();

  private constructor(
    readonly workbook: ExcelJS.Workbook,
    /** Kept for compatibility: a macro workbook is now written too, its VBA project copied unchanged. */
    readonly hasMacros = false,
    /** The file as it was read; undefined for a workbook created by the product. */
    private readonly original?: Uint8Array,
  ) {
    this.uncached = original ? new UncachedFormulas(original) : undefined;
  }

  /** Formula cells of the file without a stored result (told apart from an empty-text result). */
  private readonly uncached?: UncachedFormulas;

  /** The cell's value as read; a formula without result is a finding only where the file really has none. */
  private read(ws: ExcelJS.Worksheet): CellReader {
    const uncached = this.uncached;
    return (cell) => cellValue(cell, uncached ? () => uncached.has(ws.name, cell.address) : undefined);
  }

  /** Set by forgetCells: ExcelJS's cells are gone, only generated sheets, columns and lists may be written. */
  private cellsForgotten = false;

  /** Where each table of the last readTables stands: what a write needs of it once the cells are gone. */
  private located = new Map<TableKey, LocatedTable | undefined>();

  /**
   * Lets go of ExcelJS's cells (`report`, right after the tables are read): `toBuffer` patches the original
   * file, and at 100.000 positions the cell model is a third of the memory. What the report's writes still
   * need – each table's place, headers and row count, and where the column right of it is taken – is kept.
   * A later read, cell update or row append is refused (a programming error, not a user's). A workbook
   * created by the product keeps its cells: ExcelJS writes it.
   */
  forgetCells(): void {
    if (!this.original || this.cellsForgotten) return;
    for (const t of this.located.values()) {
      const ws = t && this.workbook.getWorksheet(t.raw.sheet);
      if (!t || !ws) continue;
      const col = t.raw.origin.col + t.raw.headers.length;
      for (let r = t.raw.origin.row; r <= ws.rowCount && t.takenRight === undefined; r++) {
        const cell = ws.findCell(r, col);
        if (cell && cellValue(cell) !== null) t.takenRight = { row: r, col };
      }
      t.takenRight ??= { row: Infinity, col };
    }
    for (const ws of this.workbook.worksheets) {
      (ws as unknown as { _rows: unknown[] })._rows = [];
      // ExcelJS keeps a drop-down list per cell; the package keeps the file's own (patchValidations)
      validationModelHolder(ws).model = {};
    }
    this.cellsForgotten = true;
  }

  private refuseForgotten(): void {
    if (this.cellsForgotten)
      throw new Error(
        'XlsxWorkbook: die Zellen wurden mit forgetCells() freigegeben (nur Blätter, Spalten und Listen schreiben).',
      );
  }

  static create(): XlsxWorkbook {
    const wb = new ExcelJS.Workbook();
    wb.creator = 'Stellenplan & Deckung';
    return new XlsxWorkbook(wb);
  }

  static async open(
    data: Uint8Array | ArrayBuffer,
    limits: OpenLimits = DEFAULT_LIMITS,
    // the browser page has no zlib: the same bounded check with fflate (the command line passes zlib's)
    inflate: BoundedInflate = boundedInflate,
  ): Promise<XlsxWorkbook> {
    const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
    const entries = checkContainer(bytes, limits, inflate);
    const wb = new ExcelJS.Workbook();
    try {
      const readable = readableByExcelJs(bytes);
      await wb.xlsx.load(
        readable.buffer.slice(readable.byteOffset, readable.byteOffset + readable.byteLength) as ArrayBuffer,
      );
    } catch (e) {
      // one German sentence; the library's (English) reason only in parentheses, for support staff
      const reason = (e as Error).message.split('\n')[0].replace(/[.\s]+$/, '');
      throw new WorkbookUnusableError(
        `Die Datei ist keine lesbare Excel-Arbeitsmappe (.xlsx), sie ist beschädigt oder unvollständig (${reason}).`,
        `The file is not a readable Excel workbook (.xlsx); it is damaged or incomplete (${reason}).`,
      );
    }
    return new XlsxWorkbook(
      wb,
      entries.some((e) => /(^|\/)vbaProject\.bin$/i.test(e.name)),
      bytes,
    );
  }

  /**
   * The workbook file. A workbook read from a file is written as that file with only the product's parts
   * changed; a new one (init, examples) is written by ExcelJS, its generated sheets by the same patch layer.
   */
  async toBuffer(): Promise<Uint8Array> {
    if (this.original)
      return planIsEmpty(this.plan) ? this.original.slice() : patchPackage(this.original, this.plan);
    for (const ws of this.workbook.worksheets) compactValidations(ws);
    const base = new Uint8Array(await this.workbook.xlsx.writeBuffer());
    return this.plan.marks.length ? patchPackage(base, { ...emptyPlan(), marks: this.plan.marks }) : base;
  }

  sheetNames(): Promise<string[]> {
    const names = this.workbook.worksheets.map((w) => w.name);
    for (const g of this.plan.generated) if (!names.includes(g.name)) names.push(g.name);
    return Promise.resolve(names);
  }

  /** A cell write for the package (only for a workbook read from a file; a new one is written by ExcelJS). */
  private record(ws: ExcelJS.Worksheet, row: number, col: number, cell: SheetCell, style: StyleMode): void {
    if (!this.original) return;
    const list = this.plan.cells.get(ws.name) ?? [];
    list.push({ row, col, cell, style });
    this.plan.cells.set(ws.name, list);
  }

  /** Excel tables (ListObjects) of a sheet with their current range (including rows added in this session). */
  private listObjects(
    ws: ExcelJS.Worksheet,
  ): { name: string; top: number; left: number; bottom: number; right: number }[] {
    const out = [];
    for (const t of ws.getTables() as unknown as {
      table?: { name?: string; tableRef?: string; ref?: string };
    }[]) {
      const model = t.table ?? (t as { name?: string; tableRef?: string; ref?: string });
      const range = parseRange(model.tableRef ?? model.ref ?? '');
      if (!model.name || !range) continue;
      const grown = this.plan.tables.get(model.name);
      out.push({
        name: model.name,
        ...range,
        bottom: Math.max(range.bottom, grown?.bottom ?? 0),
        right: Math.max(range.right, ...(grown?.columns.keys() ?? [])),
      });
    }
    return out;
  }

  /** A write in the row right below an Excel table, inside its columns, makes the table one row longer. */
  private growTableFor(ws: ExcelJS.Worksheet, row: number, col: number): void {
    if (!this.original) return;
    for (const t of this.listObjects(ws)) {
      if (row !== t.bottom + 1 || col < t.left || col > t.right) continue;
      const g = this.plan.tables.get(t.name) ?? { sheet: ws.name, bottom: t.bottom, columns: new Map() };
      g.bottom = row;
      this.plan.tables.set(t.name, g);
    }
  }

  readTables(requests: TableRequest[]): Promise<Map<TableKey, RawTable | undefined>> {
    this.refuseForgotten();
    const result = new Map<TableKey, RawTable | undefined>();
    this.located = new Map();
    for (const req of requests) {
      const found = this.findTableAt(req);
      result.set(req.key, found?.raw);
      // the place without the rows (those belong to the caller)
      this.located.set(
        req.key,
        found && {
          raw: {
            ...found.raw,
            headers: [...found.raw.headers],
            rows: new Array<CellValue[]>(found.raw.rows.length),
          },
          anchored: found.anchored,
        },
      );
    }
    return Promise.resolve(result);
  }

  private findTable(req: TableRequest): RawTable | undefined {
    if (this.cellsForgotten) {
      // as read before the cells went; a block found only by its anchor header is found only that way
      const t = this.located.get(req.key);
      if (!t && !this.located.has(req.key)) this.refuseForgotten();
      return t && (!t.anchored || req.anchorHeader) ? t.raw : undefined;
    }
    return this.findTableAt(req)?.raw;
  }

  private findTableAt(req: TableRequest): FoundTable | undefined {
    const sheets = this.workbook.worksheets.map((ws) => excelSheet(ws, this.read(ws)));
    return findTableIn(sheets, req, (name) => {
      const g = this.plan.tables.get(name);
      return g && { bottom: g.bottom, right: Math.max(0, ...g.columns.keys()) };
    });
  }

  /** Tables read for the drop-down lists of one write. */
  private validationTables = new Map<TableKey, RawTable | undefined>();

  write(batch: WriteBatch): Promise<void> {
    this.validationTables = new Map();
    for (const sheet of batch.sheets ?? []) {
      // generated sheets are rendered by the patch layer (marked, never over a user's sheet); a new
      // workbook is all ExcelJS, its generated sheets only get their mark
      if (this.original) this.plan.generated.push(sheet);
      else {
        this.writeSheet(sheet);
        if (GENERATED_SHEETS.includes(sheet.name) && !this.plan.marks.includes(sheet.name))
          this.plan.marks.push(sheet.name);
      }
    }
    for (const col of batch.columns ?? []) this.writeColumn(col);
    for (const v of batch.validations ?? []) this.writeValidation(v);
    const edits = Boolean(batch.updates?.length || batch.appends?.length);
    if (edits) this.refuseForgotten();
    const before = new Map(
      this.original && edits
        ? this.workbook.worksheets.flatMap((ws) =>
            this.listObjects(ws).map((t) => [t.name, t.bottom] as const),
          )
        : [],
    );
    for (const u of batch.updates ?? []) this.writeUpdate(u);
    for (const a of batch.appends ?? []) this.writeAppend(a);
    if (this.original && edits) this.fillCalculated(before);
    return Promise.resolve();
  }

  private writeSheet(sheet: GeneratedSheet): void {
    const old = this.workbook.getWorksheet(sheet.name);
    if (old) this.workbook.removeWorksheet(old.id);
    const ws = this.workbook.addWorksheet(sheet.name, {
      views: sheet.freeze
        ? [{ state: 'frozen', xSplit: sheet.freeze.col, ySplit: sheet.freeze.row }]
        : undefined,
    });
    sheet.widths?.forEach((w, i) => (ws.getColumn(i + 1).width = w));
    sheet.rows.forEach((row, r) => {
      row.forEach((cell, c) => {
        if (cell) setCell(ws.getCell(r + 1, c + 1), cell);
      });
      // Header and wrapped cells get the height their text needs (files do not auto-fit rows).
      const height = sheet.heights?.[r] ?? rowHeight(row, sheet.widths);
      if (height) ws.getRow(r + 1).height = height;
    });
    for (const m of sheet.merges ?? []) ws.mergeCells(m);
    if (sheet.print) {
      ws.pageSetup = {
        ...ws.pageSetup,
        paperSize: 9,
        orientation: sheet.print.landscape ? 'landscape' : 'portrait',
        fitToPage: sheet.print.fitToWidth,
        fitToWidth: 1,
        fitToHeight: 0,
        margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
        printTitlesRow: sheet.print.repeatRows
          ? `${sheet.print.repeatRows[0]}:${sheet.print.repeatRows[1]}`
          : undefined,
      };
      ws.headerFooter = { oddHeader: sheet.print.header ?? '', oddFooter: sheet.print.footer ?? '' };
    }
    for (const rule of sheet.conditional ?? []) {
      ws.addConditionalFormatting({
        ref: rule.range,
        rules: [
          {
            type: 'cellIs',
            operator: 'lessThan',
            formulae: ['0'],
            priority: 1,
            style: {
              font: { color: { argb: 'FF9C0006' }, bold: true },
              fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFC7CE' } },
            },
          },
        ],
      });
    }
  }

  private locateTable(key: TableKey): { ws: ExcelJS.Worksheet; raw: RawTable } {
    const spec = tableSpec(key);
    const raw = this.findTable({
      key,
      tableNames: spec.tableNames,
      sheetNames: spec.sheetNames,
      anchorHeader: spec.anchorHeader,
    });
    if (!raw && key === 'Protokoll') return this.createProtokoll();
    const ws = raw && this.workbook.getWorksheet(raw.sheet);
    if (!raw || !ws)
      throw new WorkbookUnusableError(
        `Die Tabelle „${spec.sheet}“ fehlt.`,
        `Table "${spec.sheet}" is missing.`,
      );
    return { ws, raw };
  }

  /** The Protokoll sheet is created on the first logged write: a header row, nothing else. */
  private createProtokoll(): { ws: ExcelJS.Worksheet; raw: RawTable } {
    const { raw, widths } = newProtokoll();
    const ws = this.workbook.addWorksheet(raw.sheet);
    if (this.original) this.plan.newSheets.push({ name: raw.sheet, widths });
    raw.headers.forEach((header, i) => {
      const cell: SheetCell = { v: header, s: 'header' };
      setCell(ws.getCell(1, i + 1), cell);
      this.record(ws, 1, i + 1, cell, 'palette');
      ws.getColumn(i + 1).width = widths[i];
    });
    return { ws, raw };
  }

  private headerColumn(ws: ExcelJS.Worksheet, raw: RawTable, header: string, rows: number): number {
    const i = headerIndex(raw.headers, header);
    if (i >= 0) return raw.origin.col + i;
    // A new column right after the last header – only into empty cells: a user's notes there are kept.
    const col = raw.origin.col + raw.headers.length;
    const taken = this.cellsForgotten ? this.takenRight(raw, col) : undefined;
    for (let r = raw.origin.row; r <= raw.origin.row + rows; r++) {
      if (taken ? r !== taken.row : cellValue(ws.getCell(r, col)) === null) continue;
      throw new WorkbookUnusableError(
        `Die Spalte „${header}“ kann nicht neben der Tabelle „${tableLabel(raw)}“ angelegt werden: die Zelle ${ws.name}!${a1(r, col)} enthält Daten, die nicht überschrieben werden – bitte die Spalte ${header} in die Tabelle einfügen oder die Zelle leeren. Nichts wurde geschrieben.`,
        `Column "${header}" cannot be added next to table "${tableLabel(raw)}": cell ${ws.name}!${a1(r, col)} holds data that is not overwritten. Nothing was written.`,
      );
    }
    if (!this.cellsForgotten) {
      const cell = ws.getCell(raw.origin.row, col);
      cell.value = header;
      cell.style = { ...ws.getCell(raw.origin.row, col - 1).style };
    }
    this.record(ws, raw.origin.row, col, { v: header }, { from: { row: raw.origin.row, col: col - 1 } });
    if (raw.tableName && this.original) {
      const t = this.listObjects(ws).find((x) => x.name === raw.tableName);
      const g = this.plan.tables.get(raw.tableName) ?? {
        sheet: ws.name,
        bottom: t?.bottom ?? raw.origin.row + raw.rows.length,
        columns: new Map<number, string>(),
      };
      g.columns.set(col, header);
      this.plan.tables.set(raw.tableName, g);
    }
    raw.headers.push(header);
    return col;
  }

  /** Where the column right of a table read before forgetCells is taken (its first used row, if any). */
  private takenRight(raw: RawTable, col: number): { row: number; col: number } {
    const t = [...this.located.values()].find((x) => x?.raw === raw);
    if (!t?.takenRight || t.takenRight.col !== col)
      throw new Error('XlsxWorkbook: nach forgetCells() nur eine neue Spalte je gelesener Tabelle.');
    return t.takenRight;
  }

  private writeColumn(write: ColumnWrite): void {
    const { ws, raw } = this.locateTable(write.table);
    const col = this.headerColumn(ws, raw, write.header, write.cells.length);
    write.cells.forEach((cell, i) => {
      // once the cells are gone the package plan alone carries the write
      if (!this.cellsForgotten) setCell(ws.getCell(raw.origin.row + 1 + i, col), cell);
      this.record(ws, raw.origin.row + 1 + i, col, cell, 'palette');
    });
    if (!this.cellsForgotten && !ws.getColumn(col).width) ws.getColumn(col).width = 15;
    // an Excel table gets the formula as its calculated column (the cells keep their own formulas)
    if (write.calculated && raw.tableName && this.original) {
      const t = this.listObjects(ws).find((x) => x.name === raw.tableName);
      const g = this.plan.tables.get(raw.tableName) ?? {
        sheet: ws.name,
        bottom: t?.bottom ?? raw.origin.row + raw.rows.length,
        columns: new Map<number, string>(),
      };
      (g.calculated ??= new Map()).set(col, write.calculated);
      this.plan.tables.set(raw.tableName, g);
      this.calculatedColumns().set(raw.tableName, {
        firstRow: raw.origin.row + 1,
        formulas: new Map([
          ...(this.calculatedColumns().get(raw.tableName)?.formulas ?? []),
          [col, write.calculated],
        ]),
      });
    }
  }

  /** The calculated columns of the file's tables (read once), with those this session set. */
  private calculated?: Map<string, CalculatedColumns>;
  private calculatedColumns(): Map<string, CalculatedColumns> {
    this.calculated ??= this.original ? readCalculatedColumns(this.original) : new Map();
    return this.calculated;
  }

  /**
   * Rows this write added to an Excel table get its calculated columns, as Excel gives them to a new row:
   * the column's formula moved to the row – unless the write put something of its own into that cell.
   */
  private fillCalculated(before: Map<string, number>): void {
    for (const [name, g] of this.plan.tables) {
      const from = before.get(name);
      const calc = from === undefined ? undefined : this.calculatedColumns().get(name);
      const ws = this.workbook.getWorksheet(g.sheet);
      if (from === undefined || !calc || !ws || g.bottom <= from) continue;
      const written = new Set(
        (this.plan.cells.get(g.sheet) ?? []).filter((w) => w.row > from).map((w) => `${w.row},${w.col}`),
      );
      for (let row = from + 1; row <= g.bottom; row++)
        for (const [col, f] of calc.formulas) {
          if (written.has(`${row},${col}`)) continue;
          const cell: SheetCell = { f: moveFormulaRows(f, row - calc.firstRow) };
          const target = ws.getCell(row, col);
          target.style = { ...ws.getCell(row - 1, col).style };
          setCell(target, cell, true);
          this.record(ws, row, col, cell, { from: { row: row - 1, col } });
        }
    }
  }

  /**
   * A drop-down list per cell of the column, except cells where the user keeps a validation of their
   * own. Cells are written one by one (as ExcelJS reads them), so a second run replaces the product's
   * lists instead of stacking a second, overlapping rule on top (which Excel "repairs" away).
   */
  private writeValidation(v: ValidationWrite): void {
    // a drop-down list for an optional table the workbook does not have is simply not needed (as in Excel)
    const spec = tableSpec(v.table);
    // one read of each table for all its lists (a table of 100.000 rows is not read eleven times)
    const raw =
      this.validationTables.get(v.table) ??
      this.findTable({ key: v.table, tableNames: spec.tableNames, sheetNames: spec.sheetNames });
    this.validationTables.set(v.table, raw);
    const ws = raw && this.workbook.getWorksheet(raw.sheet);
    if (!raw || !ws) return;
    const i = headerIndex(raw.headers, v.header);
    if (i < 0) return;
    const col = raw.origin.col + i;
    const formula = v.list ? `"${v.list.join(',')}"` : v.range!;
    const error = `Bitte einen Wert aus der Liste wählen (${v.header}).`;
    if (this.original) {
      // the package keeps the user's rules (also x14 lists ExcelJS cannot read) and replaces the product's
      const list = this.plan.validations.get(ws.name) ?? [];
      list.push({ col, fromRow: raw.origin.row + 1, toRow: raw.origin.row + v.rows, formula, error });
      this.plan.validations.set(ws.name, list);
      return;
    }
    const rule: ExcelJS.DataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [formula],
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: VALIDATION_TITLE,
      error,
    };
    const model = validationModel(ws);
    for (let row = raw.origin.row + 1; row <= raw.origin.row + v.rows; row++) {
      const address = a1(row, col);
      const existing = model[address];
      if (existing && existing.errorTitle !== VALIDATION_TITLE) continue;
      model[address] = rule;
    }
  }

  private writeUpdate(u: CellUpdate): void {
    const ws = this.workbook.getWorksheet(u.sheet);
    if (!ws)
      throw new WorkbookUnusableError(`Das Blatt „${u.sheet}“ fehlt.`, `Sheet "${u.sheet}" is missing.`);
    const target = ws.getCell(u.cell);
    setCell(target, u.value, true);
    const row = Number(target.row);
    const col = Number(target.col);
    this.growTableFor(ws, row, col);
    this.record(ws, row, col, u.value, 'keep');
  }

  private writeAppend(a: RowAppend): void {
    const { ws, raw } = this.locateTable(a.table);
    const row = raw.origin.row + raw.rows.length + 1;
    const template = raw.rows.length > 0 ? ws.getRow(row - 1) : undefined;
    for (const [header, cell] of Object.entries(a.values)) {
      const i = headerIndex(raw.headers, header);
      if (i < 0) continue;
      const col = raw.origin.col + i;
      const target = ws.getCell(row, col);
      if (template) target.style = { ...template.getCell(col).style };
      setCell(target, cell, true);
      this.growTableFor(ws, row, col);
      this.record(ws, row, col, cell, template ? { from: { row: row - 1, col } } : 'palette');
    }
    raw.rows.push([]);
  }
}

function tableLabel(raw: RawTable): string {
  return raw.tableName ?? raw.sheet;
}

type ValidationModel = Record<string, ExcelJS.DataValidation | undefined>;

function validationModelHolder(ws: ExcelJS.Worksheet): { model: ValidationModel } {
  return (ws as unknown as { dataValidations: { model: ValidationModel } }).dataValidations;
}

function validationModel(ws: ExcelJS.Worksheet): ValidationModel {
  return validationModelHolder(ws).model;
}

/**
 * Rewrites a sheet's validations as non-overlapping ranges (one per column run of equal rules). ExcelJS
 * reads a rule over "E2:E501" as 500 single cells and, when writing, squeezes them back in text order
 * ("E10" before "E2"), which yields overlapping ranges that Excel refuses as unreadable content.
 */
export function compactValidations(ws: ExcelJS.Worksheet): void {
  const model = validationModel(ws);
  const cells = new Map<string, ExcelJS.DataValidation>();
  for (const [address, rule] of Object.entries(model)) {
    if (!rule) continue;
    const [from, to = from] = address.split(':');
    const a = parseA1(from);
    const b = parseA1(to);
    if (!a || !b) continue;
    for (let c = Math.min(a.col, b.col); c <= Math.max(a.col, b.col); c++)
      for (let r = Math.min(a.row, b.row); r <= Math.max(a.row, b.row); r++) cells.set(`${c}:${r}`, rule);
  }
  // group equal rules (same content, not only the same object), then cut each column into runs
  const groups = new Map<string, { rule: ExcelJS.DataValidation; byColumn: Map<number, number[]> }>();
  for (const [key, rule] of cells) {
    const [c, r] = key.split(':').map(Number);
    const id = JSON.stringify(rule);
    let g = groups.get(id);
    if (!g) groups.set(id, (g = { rule, byColumn: new Map() }));
    const rows = g.byColumn.get(c) ?? [];
    rows.push(r);
    g.byColumn.set(c, rows);
  }
  const compact: ValidationModel = {};
  for (const { rule, byColumn } of groups.values())
    for (const [c, rows] of [...byColumn].sort((x, y) => x[0] - y[0])) {
      rows.sort((x, y) => x - y);
      let start = rows[0];
      for (let k = 1; k <= rows.length; k++) {
        if (k < rows.length && rows[k] === rows[k - 1] + 1) continue;
        const end = rows[k - 1];
        compact[start === end ? a1(start, c) : `${a1(start, c)}:${a1(end, c)}`] = rule;
        start = rows[k];
      }
    }
  (ws as unknown as { dataValidations: { model: ValidationModel } }).dataValidations.model = compact;
}

/** A size for a message: "12 MB", "0,5 MB", "20 KB". */
function mb(bytes: number): string {
  const v = bytes / 1048576;
  if (v < 0.1) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${v >= 10 ? Math.round(v) : (Math.round(v * 10) / 10).toString().replace('.', ',')} MB`;
}

/** The refusal of a file larger than allowed (also used before a file is read at all). */
export function fileTooLarge(size: number, limits: OpenLimits): WorkbookUnusableError {
  return new WorkbookUnusableError(
    `Die Datei ist mit ${mb(size)} größer als die erlaubten ${mb(limits.maxFileBytes)} und wird nicht geöffnet (Grenze: STELLENPLAN_MAX_FILE_MB).`,
    `The file (${mb(size)}) is larger than the allowed ${mb(limits.maxFileBytes)} and is not opened (limit: STELLENPLAN_MAX_FILE_MB).`,
  );
}

/** An OLE compound file (CFB): an encrypted .xlsx is one, holding the stream "EncryptedPackage". */
function isCompoundFile(bytes: Uint8Array): boolean {
  const sig = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  return bytes.length >= 8 && sig.every((b, i) => bytes[i] === b);
}

function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const first = text.charCodeAt(0);
  outer: for (let i = 0; i + text.length * 2 <= bytes.length; i++) {
    if (bytes[i] !== first || bytes[i + 1] !== 0) continue;
    for (let k = 1; k < text.length; k++)
      if (bytes[i + 2 * k] !== text.charCodeAt(k) || bytes[i + 2 * k + 1] !== 0) continue outer;
    return true;
  }
  return false;
}

/**
 * Everything that can be judged from the container alone, before ExcelJS expands a single byte: size,
 * encryption, the zip directory (entries and their declared sizes) and – with `inflate` – whether any
 * entry inflates beyond what the directory declares. Returns the directory.
 */
export function checkContainer(
  bytes: Uint8Array,
  limits: OpenLimits,
  inflate?: BoundedInflate,
  /** Receives each entry's content as inflated for the check (a reader that needs it inflates only once). */
  keep?: (e: ZipEntry, data: Uint8Array) => void,
): ZipEntry[] {
  if (bytes.length === 0)
    throw new WorkbookUnusableError(
      'Die Datei ist leer – keine Excel-Arbeitsmappe.',
      'The file is empty – not an Excel workbook.',
    );
  if (bytes.length > limits.maxFileBytes) throw fileTooLarge(bytes.length, limits);
  if (isCompoundFile(bytes)) {
    if (containsUtf16(bytes, 'EncryptedPackage'))
      throw new WorkbookUnusableError(
        'Die Arbeitsmappe ist verschlüsselt (mit einem Kennwort geschützt) und kann nicht gelesen werden: bitte in Excel das Kennwort entfernen (Datei › Informationen › Arbeitsmappe schützen › Mit Kennwort verschlüsseln) und als .xlsx speichern.',
        'The workbook is encrypted (password protected) and cannot be read: remove the password in Excel and save it as .xlsx.',
      );
    throw new WorkbookUnusableError(
      'Die Datei ist im alten Excel-Format (.xls) oder verschlüsselt: bitte in Excel ohne Kennwort als .xlsx speichern.',
      'The file is an old .xls workbook or encrypted: save it as .xlsx without a password.',
    );
  }
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b))
    throw new WorkbookUnusableError(
      'Die Datei ist keine Excel-Arbeitsmappe (.xlsx): sie ist kein ZIP-Container.',
      'The file is not an Excel workbook (.xlsx).',
    );
  const dir = zipDirectory(bytes);
  // LibreOffice's own format (also when renamed to .xlsx): ExcelJS would read it as a workbook without sheets
  const names = new Set(dir.entries.map((e) => e.name));
  if (names.has('content.xml') && names.has('META-INF/manifest.xml') && !names.has('[Content_Types].xml'))
    throw new WorkbookUnusableError(
      'Die Datei ist eine OpenDocument-Tabelle (.ods, LibreOffice/OpenOffice) – bitte in LibreOffice mit Datei › Speichern unter… als „Excel 2007-365 (.xlsx)“ speichern.',
      'The file is an OpenDocument spreadsheet (.ods, LibreOffice/OpenOffice) – save it in LibreOffice as "Excel 2007-365 (.xlsx)".',
    );
  if (dir.count > limits.maxEntries)
    throw new WorkbookUnusableError(
      `Die Datei enthält ${dir.count} gepackte Teile (erlaubt: ${limits.maxEntries}) – sie wird nicht entpackt (Grenze: STELLENPLAN_MAX_ZIP_ENTRIES).`,
      `The file holds ${dir.count} packed parts (allowed: ${limits.maxEntries}) – it is not unpacked.`,
    );
  const total = dir.entries.reduce((sum, e) => sum + e.size, 0);
  if (total > limits.maxUncompressedBytes || dir.zip64)
    throw new WorkbookUnusableError(
      `Die Arbeitsmappe würde entpackt ${dir.zip64 ? 'mehr als 4 GB' : mb(total)} belegen (erlaubt: ${mb(limits.maxUncompressedBytes)}) – die Datei wird abgelehnt, ohne sie zu entpacken (Grenze: STELLENPLAN_MAX_UNPACKED_MB).`,
      `Unpacked, the workbook would take ${dir.zip64 ? 'more than 4 GB' : mb(total)} (allowed: ${mb(limits.maxUncompressedBytes)}) – refused without unpacking it.`,
    );
  if (inflate) for (const e of dir.entries) checkEntry(bytes, e, inflate, keep);
  return dir.entries;
}

/** One entry inflates to no more than its declared size (inflation stops right after that). */
function checkEntry(
  bytes: Uint8Array,
  e: ZipEntry,
  inflate: BoundedInflate,
  keep?: (e: ZipEntry, data: Uint8Array) => void,
): void {
  const forged = () =>
    new WorkbookUnusableError(
      `Die Datei ist beschädigt oder manipuliert: der gepackte Teil „${e.name.slice(0, 80)}“ ist größer als im ZIP-Verzeichnis angegeben – sie wird nicht geöffnet.`,
      `The file is damaged or forged: the packed part "${e.name.slice(0, 80)}" is larger than its zip directory says – not opened.`,
    );
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (e.localOffset + 30 > bytes.length || view.getUint32(e.localOffset, true) !== 0x04034b50) throw forged();
  const start =
    e.localOffset + 30 + view.getUint16(e.localOffset + 26, true) + view.getUint16(e.localOffset + 28, true);
  const data = bytes.subarray(start, Math.min(bytes.length, start + e.compressedSize));
  if (e.method === 0) {
    if (e.compressedSize !== e.size) throw forged();
    keep?.(e, data);
    return;
  }
  if (e.method !== 8) return; // ExcelJS refuses other methods on its own
  let out: Uint8Array;
  try {
    out = inflate(data, e.size + 1);
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError)
      throw forged();
    return; // broken deflate data: ExcelJS reports the damaged file in its own words
  }
  if (out.length > e.size) throw forged();
  keep?.(e, out);
}

/** Sum of the uncompressed sizes in the zip's central directory: a zip bomb is refused before inflating. */
export function zipUncompressedSize(bytes: Uint8Array): number {
  return zipDirectory(bytes).entries.reduce((sum, e) => sum + e.size, 0);
}

/** A table as read, for the writes after forgetCells: place, headers, row count (rows themselves empty). */
interface LocatedTable {
  raw: RawTable;
  /** Found only as a block under its anchor header (a request without that header does not find it). */
  anchored: boolean;
  /** The first used cell in the column right of the table (row Infinity: none), set by forgetCells. */
  takenRight?: { row: number; col: number };
}

/** Normalises ExcelJS cell values (formulas give their cached result, rich text its plain text). */
type CellReader = (cell: ExcelJS.Cell) => CellValue;

/**
 * `noResult` tells whether a formula cell ExcelJS hands over without result really has none in the file;
 * without it (a workbook made by the product) such a cell counts as not computed.
 */
export function cellValue(cell: ExcelJS.Cell, noResult?: () => boolean): CellValue {
  // The other cells of a merged range are empty, as Excel stores and shows them (and Office.js reads
  // them); ExcelJS would hand out the first cell's value again for each of them.
  if (cell.type === ExcelJS.ValueType.Merge) return null;
  const v = cell.value as unknown;
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('error' in o) return { error: String(o.error) };
    if ('formula' in o || 'sharedFormula' in o) {
      // `cell.value` drops falsy cached results (0, false, ""); `cell.result` keeps them.
      const r = (cell as unknown as { result?: unknown }).result;
      // no cached result: a finding at this cell (read.ts), never an empty cell that defaults
      if (r === undefined || r === null) return !noResult || noResult() ? { error: NO_CACHED_VALUE } : '';
      if (typeof r === 'object' && 'error' in r) return { error: String(r.error) };
      return r as CellValue;
    }
    if ('richText' in o) return (o.richText as { text: string }[]).map((t) => t.text).join('');
    if ('text' in o) return typeof o.text === 'string' ? o.text : cellValueOfRich(o.text);
    return JSON.stringify(o);
  }
  return typeof v === 'bigint' ? v.toString() : '';
}

type ExcelTableModel = { name?: string; tableRef?: string; ref?: string; totalsRow?: boolean };

/** A worksheet of ExcelJS's cell model as the table finder reads it. */
function excelSheet(ws: ExcelJS.Worksheet, read: CellReader): SheetCells {
  return {
    name: ws.name,
    tables: () =>
      (ws.getTables() as unknown as { table?: ExcelTableModel }[]).map((t) => {
        const model = t.table ?? (t as ExcelTableModel);
        return { name: model.name, ref: model.tableRef ?? model.ref, totalsRow: model.totalsRow };
      }),
    rowCount: () => ws.rowCount,
    cellCount: (row) => ws.getRow(row).cellCount,
    value: (row, col) => read(ws.getRow(row).getCell(col)),
    mergedRange: (row, col) => {
      const cell = ws.getRow(row).getCell(col);
      return cell.type === ExcelJS.ValueType.Merge ? mergedRange(ws, cell) : undefined;
    },
  };
}

function cellValueOfRich(t: unknown): string {
  if (t && typeof t === 'object' && 'richText' in t)
    return (t as { richText: { text: string }[] }).richText.map((x) => x.text).join('');
  return String(t);
}

/** The first 500 rows and 30 columns of a sheet, where a block inside it is looked for. */

/** The merged range ("C2:C4") a cell hidden by a merge belongs to. */
function mergedRange(ws: ExcelJS.Worksheet, cell: ExcelJS.Cell): string {
  const master = cell.master.address;
  const merges = (ws as unknown as { _merges?: Record<string, { range?: string }> })._merges;
  return merges?.[master]?.range ?? master;
}

function setCell(cell: ExcelJS.Cell, value: SheetCell, keepStyle = false): void {
  if (value.f !== undefined) {
    cell.value = { formula: value.f, result: value.r };
  } else if (value.link) {
    cell.value = { text: fitText(String(value.v ?? '')), hyperlink: `#${value.link}` };
  } else if (value.s === 'date' && typeof value.v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value.v)) {
    // ISO text from the domain becomes a real Excel date
    cell.value = serialToDate(isoToSerial(value.v));
  } else {
    cell.value = typeof value.v === 'string' ? fitText(value.v) : (value.v ?? null);
  }
  if (value.s) cell.style = { ...(keepStyle ? cell.style : {}), ...STYLES[value.s] };
  if (value.link) cell.font = { ...(cell.font ?? {}), color: { argb: 'FF0563C1' }, underline: true };
}
