import { NO_CACHED_VALUE } from '../workbook/cells';
import type { CellValue } from '../workbook/port';
import { parseRange } from '../workbook/kit/a1';
import type { SheetCells } from './table-blocks';
import { attrOf, decodeText, notPlain } from './plain-xml';

/**
 * A sheet's `<sheetData>` and merged ranges read as ExcelJS reads them: cell-xform's parse and reconcile,
 * its Row and Cell models (which cells a row counts), and `cellValue` (xlsx-workbook.ts) on top.
 */

/* eslint-disable-next-line @typescript-eslint/no-require-imports -- ExcelJS's own rules for dates and text */
const excelUtils = require('exceljs/lib/utils/utils') as {
  isDateFmt(fmt: string | undefined): boolean;
  excelToDate(v: unknown, date1904?: boolean): Date;
  xmlDecode(text: string): string;
};

/** One sheet's values: rows (1-based) of cells (1-based), as ExcelJS's rows and cells count them. */
export class SheetValues implements SheetCells {
  /** row → values by column; a row ExcelJS has without values is an empty array. */
  readonly rows: (CellValue[] | undefined)[] = [];
  /** row → ExcelJS's cellCount (cells with a value or a style, and merged ranges). */
  readonly counts: number[] = [];

  constructor(
    readonly name: string,
    private readonly tableList: { name?: string; ref?: string; totalsRow?: boolean }[],
  ) {}

  tables(): { name?: string; ref?: string; totalsRow?: boolean }[] {
    return this.tableList;
  }

  rowCount(): number {
    return this.rows.length;
  }

  cellCount(row: number): number {
    return this.counts[row] ?? 0;
  }

  value(row: number, col: number): CellValue {
    return this.rows[row - 1]?.[col] ?? null;
  }

  /** Cells hidden by a merged range ("row,col" → "C2:C4"), set by applyMerges. */
  readonly merged = new Map<string, string>();

  mergedRange(row: number, col: number): string | undefined {
    return this.merged.get(`${row},${col}`);
  }

  touchRow(row: number): void {
    while (this.rows.length < row) this.rows.push(undefined);
    this.rows[row - 1] ??= [];
  }
}

export interface CellContext {
  date1904: boolean;
  /** Cells of the sheet being read with an external hyperlink (`<hyperlink ref r:id>`). */
  hyperlinks: Set<string>;
  sharedString(index: number): string;
  isDateStyle(id: number): boolean;
}

const ROW = /\s*<row\b([^>]*?)(\/?)>/y;
const ROW_END = /\s*<\/row>/y;
const CELL = /\s*<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/y;
/** `<c r="B7" s="3" t="s"><v>12</v></c>` and its shorter forms: no formula, nothing to decode. */
const SIMPLE_CELL =
  /\s*<c r="([A-Z]{1,3}\d{1,7})"(?: s="(\d{1,9})")?(?: t="(s|n|b|e|str)")?(?:\/>|>(?:<v>([^<&\r]*)<\/v>)?<\/c>)/y;
const CHILD = /\s*<(?:(f|v)\b([^>]*?)(?:\/>|>([^<]*)<\/\1>)|is>([\s\S]*?)<\/is>|is\/>)/y;
const INLINE = /^\s*<t\b[^>]*?(?:\/>|>([^<]*)<\/t>)\s*$/;

/** ExcelJS's reading of `<sheetData>`: cell-xform's parse and reconcile, then the Row model (cellCount). */
export function readRows(data: string, sheet: SheetValues, context: CellContext): void {
  let at = 0;
  let lastRow = 0;
  // shared formulas: si → master address (ExcelJS forgets them per sheet)
  const masters = new Map<string, string>();
  while (at < data.length) {
    ROW.lastIndex = at;
    const row = ROW.exec(data);
    if (!row) {
      if (/^\s*$/.test(data.slice(at))) break;
      return notPlain('row markup');
    }
    at = ROW.lastIndex;
    const r = Number(attrOf(row[1], 'r'));
    if (!Number.isInteger(r) || r <= lastRow) notPlain('row number');
    lastRow = r;
    sheet.touchRow(r);
    if (row[2] === '/') continue;
    const values = sheet.rows[r - 1]!;
    let count = 0;
    let lastCol = 0;
    for (;;) {
      let col: number;
      let read: CellValue | typeof SKIPPED;
      // most cells are one of a few simple shapes (a number, a shared string): read without the general parse
      SIMPLE_CELL.lastIndex = at;
      const simple = SIMPLE_CELL.exec(data);
      if (simple) {
        at = SIMPLE_CELL.lastIndex;
        col = columnOf(simple[1], r);
        const t = simple[3];
        const styleId = simple[2] === undefined ? undefined : parseInt(simple[2], 10);
        read = cellOf(
          t,
          styleId,
          simple[1],
          { value: simple[4] || undefined, hasV: simple[4] !== undefined },
          context,
          masters,
        );
      } else {
        CELL.lastIndex = at;
        const cell = CELL.exec(data);
        if (!cell) break;
        at = CELL.lastIndex;
        const attrs = cellAttributes(cell[1]);
        col = attrs.r === undefined ? 0 : columnOf(attrs.r, r);
        read = readCell(attrs, cell[2] ?? '', context, masters);
      }
      if (col <= lastCol) notPlain('cell address');
      lastCol = col;
      if (read === SKIPPED) continue;
      count = col;
      values[col] = read;
    }
    ROW_END.lastIndex = at;
    if (!ROW_END.exec(data)) notPlain('row end');
    at = ROW_END.lastIndex;
    sheet.counts[r] = count;
  }
}

/** A `<c>` ExcelJS does not keep (no value, no style): not counted in its row. */
const SKIPPED = Symbol('skipped');

function readCell(
  attrs: { r?: string; s?: string; t?: string },
  body: string,
  context: CellContext,
  masters: Map<string, string>,
): CellValue | typeof SKIPPED {
  const { t, s, r: address } = attrs;
  const styleId = s === undefined ? undefined : parseInt(s, 10);
  let formula: string | undefined;
  let shareType: string | undefined;
  let si: string | undefined;
  let ref: string | undefined;
  let value: string | undefined;
  let hasV = false;
  let at = 0;
  while (at < body.length) {
    CHILD.lastIndex = at;
    const child = CHILD.exec(body);
    if (!child) {
      if (/^\s*$/.test(body.slice(at))) break;
      return notPlain('cell markup');
    }
    at = CHILD.lastIndex;
    const text = child[3] === undefined || child[3] === '' ? undefined : decodeText(child[3]);
    if (child[1] === undefined) {
      // <is>: plain text only (<t>); rich or phonetic inline text is ExcelJS's to read
      if (t !== 'inlineStr' || value !== undefined) return notPlain('inline string');
      const inline = INLINE.exec(child[4] ?? '');
      if (!inline && child[4] !== undefined && !/^\s*$/.test(child[4]))
        return notPlain('inline string markup');
      if (inline?.[1]) value = decodeText(inline[1]);
    } else if (child[1] === 'f') {
      si = attrOf(child[2], 'si');
      shareType = attrOf(child[2], 't');
      ref = attrOf(child[2], 'ref');
      if (text !== undefined) formula = (formula ?? '') + text;
    } else if (child[1] === 'v') {
      hasV = true;
      if (text !== undefined) value = (value ?? '') + text;
    }
  }
  return cellOf(t, styleId, address, { formula, shareType, si, ref, value, hasV }, context, masters);
}

/** What a `<c>` holds, as cell-xform's parse collects it. */
interface CellParts {
  formula?: string;
  shareType?: string;
  si?: string;
  ref?: string;
  /** The text of `<v>` (or of the inline string); undefined when there is none or it is empty. */
  value?: string;
  /** Whether the cell has a `<v>` element at all (a formula's stored result may be the empty text). */
  hasV: boolean;
}

/** The value of a cell as ExcelJS's reconcile, its cell model and cellValue (xlsx-workbook.ts) give it. */
function cellOf(
  t: string | undefined,
  styleId: number | undefined,
  address: string | undefined,
  parts: CellParts,
  context: CellContext,
  masters: Map<string, string>,
): CellValue | typeof SKIPPED {
  const { formula, si, ref, value, hasV } = parts;
  let { shareType } = parts;
  const dateStyle = () => Boolean(styleId) && context.isDateStyle(styleId!);
  // a cell with an external hyperlink reads as the link's text (ExcelJS's Hyperlink type)
  const linked = context.hyperlinks.has(address!);
  // cell-xform parseClose: the first guess on the type
  if (formula || shareType) {
    let result: unknown;
    if (value) {
      if (t === 'str') result = excelUtils.xmlDecode(value);
      else if (t === 'b') result = parseInt(value, 10) !== 0;
      else if (t === 'e') result = { error: value };
      else result = parseFloat(value);
    }
    // reconcile: a date format turns the result into a date
    if (result !== undefined && dateStyle()) result = excelUtils.excelToDate(result, context.date1904);
    let sharedFormula: string | undefined;
    if (shareType === 'shared') {
      if (ref) masters.set(si ?? 'undefined', address!);
      else {
        sharedFormula = masters.get(si ?? 'undefined');
        shareType = undefined;
      }
    }
    if (linked) return linkText(result);
    // Cell.value copies only what is truthy (FormulaValue._copyModel): without formula text it may be neither
    if (!formula && !sharedFormula) return JSON.stringify(truthy({ result, ref, shareType }));
    // cellValue (xlsx-workbook.ts): the stored result; none at all is a finding, an empty one an empty text
    if (result === undefined || result === null) return hasV ? '' : { error: NO_CACHED_VALUE };
    if (typeof result === 'object' && 'error' in result) return { error: String(result.error) };
    return result as CellValue;
  }
  if (value === undefined) {
    // a style alone keeps the cell (type Null), nothing at all does not (type Merge): both read as empty
    if (linked) return linkText(undefined);
    return styleId ? null : SKIPPED;
  }
  let read: CellValue;
  switch (t) {
    case 's':
      read = context.sharedString(parseInt(value, 10));
      break;
    case 'str':
      read = excelUtils.xmlDecode(value);
      break;
    case 'inlineStr':
      read = value;
      break;
    case 'b':
      read = parseInt(value, 10) !== 0;
      break;
    case 'e':
      read = { error: value };
      break;
    default: {
      const n = parseFloat(value);
      read = dateStyle() ? excelUtils.excelToDate(n, context.date1904) : n;
    }
  }
  return linked ? linkText(read) : read;
}

/** cellValue of a hyperlink cell: its text as ExcelJS holds it (a string, else String() of whatever it is). */
function linkText(text: unknown): string {
  return typeof text === 'string' ? text : String(text);
}

/**
 * A cell's r, s and t in one pass over its attributes (the hot loop: every cell of every sheet). Other
 * attributes are skipped; a value with an entity is decoded.
 */
function cellAttributes(text: string): { r?: string; s?: string; t?: string } {
  const out: { r?: string; s?: string; t?: string } = {};
  CELL_ATTRIBUTE.lastIndex = 0;
  for (let m = CELL_ATTRIBUTE.exec(text); m; m = CELL_ATTRIBUTE.exec(text)) {
    const name = m[1];
    if (name !== 'r' && name !== 's' && name !== 't') continue;
    if (out[name] !== undefined) notPlain('attribute twice');
    const raw = m[2] ?? m[3];
    out[name] = raw.includes('&') ? decodeText(raw) : raw;
  }
  return out;
}
const CELL_ATTRIBUTE = /([\w:]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The column of a cell address ("AB12" → 28) in row `row`; anything else is not plain. */
function columnOf(address: string, row: number): number {
  let col = 0;
  let i = 0;
  for (; i < address.length && i < 3; i++) {
    const c = address.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + c - 64;
  }
  if (i === 0 || address.length - i > 7 || String(row) !== address.slice(i)) return notPlain('cell address');
  return col;
}

/** The keys of FormulaValue._copyModel that survive (formula, result, ref, shareType, sharedFormula). */
function truthy(o: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of ['result', 'ref', 'shareType']) if (o[k]) out[k] = o[k];
  return out;
}

/** Merged ranges: the cells other than the top-left one read empty; ExcelJS creates every cell of the range. */
export function applyMerges(xml: string, sheet: SheetValues): void {
  const ranges: { top: number; left: number; bottom: number; right: number; ref: string }[] = [];
  for (const [tag] of xml.matchAll(/<mergeCell\b[^>]*>/g)) {
    const ref = attrOf(tag, 'ref') ?? '';
    const range = ref.includes(':') ? parseRange(ref) : undefined;
    if (!range) return notPlain('merge range');
    // ExcelJS refuses to load overlapping merges
    if (
      ranges.some(
        (m) =>
          m.left <= range.right && range.left <= m.right && m.top <= range.bottom && range.top <= m.bottom,
      )
    )
      return notPlain('overlapping merges');
    ranges.push({ ...range, ref });
  }
  for (const m of ranges) {
    sheet.touchRow(m.bottom);
    for (let r = m.top; r <= m.bottom; r++) {
      const values = (sheet.rows[r - 1] ??= []);
      sheet.counts[r] = Math.max(sheet.counts[r] ?? 0, m.right);
      for (let c = m.left; c <= m.right; c++)
        if (r !== m.top || c !== m.left) {
          values[c] = null;
          sheet.merged.set(`${r},${c}`, m.ref);
        }
    }
  }
}
