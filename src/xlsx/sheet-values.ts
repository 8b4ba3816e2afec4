import { NO_CACHED_VALUE } from '../workbook/cells';
import type { CellValue } from '../workbook/port';
import { parseRange } from '../workbook/kit/a1';
import type { SheetCells } from './table-blocks';

/**
 * The cell values of a workbook's sheets read straight from the package, without building ExcelJS's cell
 * model: for `check`, which only reads. Every value is the one ExcelJS's load and `cellValue` give (shared
 * and inline strings, numbers, booleans, errors, dates by the cell's number format and the 1904 setting,
 * formulas by their stored result, shared formulas, merged ranges). ExcelJS's own parsers read the shared
 * strings and the styles; the sheets are scanned here.
 *
 * Only a plain package is read this way: anything this reader is not sure to read exactly as ExcelJS
 * does (hyperlinks, comments, drawings, rich inline text, unusual parts or markup …) gives `undefined`,
 * and the caller loads the file with ExcelJS as before.
 */

/* eslint-disable @typescript-eslint/no-require-imports -- ExcelJS's own parsers, so that the values match */
const SharedStringsXform =
  require('exceljs/lib/xlsx/xform/strings/shared-strings-xform') as new () => Xform & {
    getString(index: number): unknown;
  };
const StylesXform = require('exceljs/lib/xlsx/xform/style/styles-xform') as new () => Xform & {
  getStyleModel(id: number): { numFmt?: string } | null;
};
const excelUtils = require('exceljs/lib/utils/utils') as {
  isDateFmt(fmt: string | undefined): boolean;
  excelToDate(v: unknown, date1904?: boolean): Date;
  xmlDecode(text: string): string;
};
/* eslint-enable @typescript-eslint/no-require-imports */

interface Xform {
  parseStream(chunks: Iterable<string>): Promise<unknown>;
}

/** Not a package this reader is sure of: load it with ExcelJS. */
class NotPlain extends Error {
  override name = 'NotPlain';
}
const notPlain = (why: string): never => {
  throw new NotPlain(why);
};

/** One sheet's values: rows (1-based) of cells (1-based), as ExcelJS's rows and cells count them. */
class SheetValues implements SheetCells {
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

  touchRow(row: number): void {
    while (this.rows.length < row) this.rows.push(undefined);
    this.rows[row - 1] ??= [];
  }
}

/** The package's parts as inflated once (by the container check): names in zip order, text on demand. */
export class PackageParts {
  private readonly data = new Map<string, Uint8Array>();
  private readonly order: string[] = [];
  private readonly decoder = new TextDecoder();

  add(name: string, data: Uint8Array | undefined): void {
    this.order.push(name);
    if (data) this.data.set(name, data);
  }

  names(): string[] {
    return this.order;
  }

  has(name: string): boolean {
    return this.data.has(name);
  }

  text(name: string): string | undefined {
    const d = this.data.get(name);
    return d && this.decoder.decode(d);
  }
}

/** The sheets in workbook order, or undefined when the package is not plain enough (then: ExcelJS). */
export async function readSheetValues(parts: PackageParts): Promise<SheetCells[] | undefined> {
  try {
    return await readPlain(parts);
  } catch (e) {
    // not plain (NotPlain), or anything else odd about it: ExcelJS reads it, or says why not in its words
    if (process.env.STELLENPLAN_DEBUG_READER) process.stderr.write(`sheet-values: ${String(e)}\n`);
    return undefined;
  }
}

/** Parts ExcelJS reads (or ignores) without changing a cell value; anything else: ExcelJS decides. */
const PLAIN_PART =
  /^(\[Content_Types\]\.xml|_rels\/\.rels|docProps\/[^/]+\.xml|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/styles\.xml|xl\/sharedStrings\.xml|xl\/theme\/theme\d+\.xml|xl\/worksheets\/sheet\d+\.xml|xl\/worksheets\/_rels\/sheet\d+\.xml\.rels|xl\/tables\/table\d+\.xml|xl\/calcChain\.xml|xl\/printerSettings\/printerSettings\d+\.bin|customXml\/.*)$/;

async function readPlain(pkg: PackageParts): Promise<SheetCells[]> {
  for (const name of pkg.names())
    if (!name.endsWith('/') && (!PLAIN_PART.test(name) || !pkg.has(name))) notPlain(name);
  const workbook = pkg.text('xl/workbook.xml') ?? notPlain('no workbook');
  if (!workbook.startsWith('<?xml') && !workbook.startsWith('<workbook')) notPlain('workbook markup');
  if (workbook.includes('purl.oclc.org')) notPlain('strict');
  const date1904 = attrOf(/<workbookPr\b[^>]*>/.exec(workbook)?.[0] ?? '', 'date1904') === '1';
  const rels = relsById(pkg.text('xl/_rels/workbook.xml.rels') ?? notPlain('no workbook relations'));

  const sst = pkg.text('xl/sharedStrings.xml');
  const strings = sst === undefined ? undefined : await sharedStrings(sst);
  const styles = new StylesXform();
  const stylesXml = pkg.text('xl/styles.xml');
  if (stylesXml !== undefined) await styles.parseStream([stylesXml]);
  const dateStyles = new Map<number, boolean>();
  const isDateStyle = (id: number): boolean => {
    let d = dateStyles.get(id);
    if (d === undefined) {
      const style = stylesXml === undefined ? null : styles.getStyleModel(id);
      d = Boolean(style) && excelUtils.isDateFmt(style!.numFmt);
      dateStyles.set(id, d);
    }
    return d;
  };
  const context: CellContext = {
    date1904,
    hyperlinks: new Set(),
    sharedString: (i) => {
      if (!strings) return notPlain('no shared strings');
      const s = strings(i);
      if (typeof s === 'string') return s;
      // rich text: ExcelJS gives the runs, cellValue joins their text
      const runs = (s as { richText?: { text?: unknown }[] } | undefined)?.richText;
      if (!runs || runs.some((r) => typeof r.text !== 'string')) return notPlain('shared string');
      return runs.map((r) => r.text as string).join('');
    },
    isDateStyle,
  };

  const sheets: SheetCells[] = [];
  const ids = new Set<string>();
  const parts = new Set<string>();
  for (const [tag] of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = attrOf(tag, 'name');
    const id = attrOf(tag, 'sheetId');
    const rel = rels.get(attrOf(tag, 'r:id') ?? '');
    if (!name || !id || !/^[1-9]\d*$/.test(id) || ids.has(id) || !rel) return notPlain('sheet entry');
    const path = `xl/${rel.replace(/^(\s|\/xl\/)+/, '')}`;
    const no = /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(path)?.[1];
    if (!no || parts.has(path) || !pkg.has(path)) return notPlain('sheet part');
    ids.add(id);
    parts.add(path);
    sheets.push(readSheet(pkg, name, path, no, context));
  }
  // a worksheet part no sheet names: ExcelJS loads it without a name
  for (const name of pkg.names())
    if (/^xl\/worksheets\/sheet\d+\.xml$/.test(name) && !parts.has(name)) notPlain('orphan sheet');
  return sheets;
}

/**
 * The shared strings by index, as ExcelJS's SharedStringsXform gives them (a text, or rich text runs). The
 * usual shapes – `<si><t>…</t></si>`, runs of `<r>`, phonetic runs after them – are read here; a part with
 * anything else is read by ExcelJS's own parser.
 */
async function sharedStrings(xml: string): Promise<(index: number) => unknown> {
  const own = ownSharedStrings(xml);
  if (own) return (i) => own[i];
  const xform = new SharedStringsXform();
  await xform.parseStream([xml]);
  return (i) => xform.getString(i);
}

const SI = /\s*<si>([\s\S]*?)<\/si>/y;
const PLAIN_SI =
  /^<t(?:\s[^>]*)?(?:\/>|>([^<]*)<\/t>)((?:\s*<rPh\b[^>]*>[\s\S]*?<\/rPh>)*\s*(?:<phoneticPr\b[^>]*\/>)?)$/;
const RUN = /\s*<r>(?:\s*<rPr>[\s\S]*?<\/rPr>)?\s*<t(?:\s[^>]*)?(?:\/>|>([^<]*)<\/t>)\s*<\/r>/y;
const PHONETIC_TAIL = /^(?:\s*<rPh\b[^>]*>[\s\S]*?<\/rPh>)*\s*(?:<phoneticPr\b[^>]*\/>)?\s*$/;

export function ownSharedStrings(xml: string): (string | { richText: { text: string }[] })[] | undefined {
  const open = /<sst\b[^>]*>/.exec(xml);
  const close = xml.lastIndexOf('</sst>');
  if (!open || close < 0) return undefined;
  const out: (string | { richText: { text: string }[] })[] = [];
  let at = open.index + open[0].length;
  for (;;) {
    SI.lastIndex = at;
    const si = SI.exec(xml);
    if (!si) break;
    at = SI.lastIndex;
    const inner = si[1];
    const plain = PLAIN_SI.exec(inner);
    if (plain) {
      out.push(textOf(plain[1]));
      continue;
    }
    // rich text: runs, each with its text (TextXform decodes _xHHHH_ per run)
    const runs: { text: string }[] = [];
    let p = 0;
    for (;;) {
      RUN.lastIndex = p;
      const run = RUN.exec(inner);
      if (!run) break;
      p = RUN.lastIndex;
      runs.push({ text: textOf(run[1]) });
    }
    if (runs.length === 0 || !PHONETIC_TAIL.test(inner.slice(p))) return undefined;
    out.push({ richText: runs });
  }
  return /^\s*$/.test(xml.slice(at, close)) ? out : undefined;
}

/** A `<t>`'s text as TextXform holds it: XML-decoded, then Excel's _xHHHH_ escapes. */
function textOf(raw: string | undefined): string {
  const text = raw ? decodeText(raw) : '';
  return text.includes('_x')
    ? text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : text;
}

interface CellContext {
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

function readSheet(
  pkg: PackageParts,
  name: string,
  path: string,
  no: string,
  context: CellContext,
): SheetCells {
  const xml = pkg.text(path) ?? notPlain('sheet');
  if (!/<\/worksheet>\s*$/.test(xml)) notPlain('sheet end');
  const extra = /<(legacyDrawing|drawing|picture|oleObjects|controls)\b/.exec(xml);
  if (extra) notPlain(`sheet extras ${extra[0]}`);
  const relsXml = pkg.text(`xl/worksheets/_rels/sheet${no}.xml.rels`);
  const rels = relsXml === undefined ? new Map<string, string>() : relsById(relsXml, true);
  const sheet = new SheetValues(name, sheetTables(pkg, xml, rels));
  const own = { ...context, hyperlinks: hyperlinks(xml, rels) };
  const open = xml.indexOf('<sheetData');
  if (open < 0) notPlain('no sheetData');
  const openEnd = xml.indexOf('>', open);
  if (xml[openEnd - 1] !== '/') {
    const end = xml.indexOf('</sheetData>', openEnd);
    if (end < 0) notPlain('sheetData end');
    readRows(xml.slice(openEnd + 1, end), sheet, own);
  }
  applyMerges(xml, sheet);
  return sheet;
}

/** ExcelJS's reading of `<sheetData>`: cell-xform's parse and reconcile, then the Row model (cellCount). */
function readRows(data: string, sheet: SheetValues, context: CellContext): void {
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
function applyMerges(xml: string, sheet: SheetValues): void {
  const ranges: { top: number; left: number; bottom: number; right: number }[] = [];
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
    ranges.push(range);
  }
  for (const m of ranges) {
    sheet.touchRow(m.bottom);
    for (let r = m.top; r <= m.bottom; r++) {
      const values = (sheet.rows[r - 1] ??= []);
      sheet.counts[r] = Math.max(sheet.counts[r] ?? 0, m.right);
      for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) values[c] = null;
    }
  }
}

/** The sheet's Excel tables (ListObjects) in the order of its `<tableParts>`, as ExcelJS finds them. */
function sheetTables(
  pkg: PackageParts,
  xml: string,
  rels: Map<string, string>,
): { name?: string; ref?: string; totalsRow?: boolean }[] {
  const out: { name?: string; ref?: string; totalsRow?: boolean }[] = [];
  for (const [tag] of xml.matchAll(/<tablePart\b[^>]*>/g)) {
    const target = rels.get(attrOf(tag, 'r:id') ?? '');
    const part = target && /^\.\.\/tables\/(table\d+)\.xml$/.exec(target);
    if (!part || !pkg.has(`xl/tables/${part[1]}.xml`)) return notPlain('table part');
    const table = pkg.text(`xl/tables/${part[1]}.xml`)!;
    const root = /<table\b[^>]*>/.exec(table)?.[0] ?? notPlain('table markup');
    out.push({
      name: attrOf(root, 'name'),
      ref: attrOf(root, 'ref'),
      totalsRow: attrOf(root, 'totalsRowCount') === '1',
    });
  }
  // ExcelJS keeps a sheet's tables by name: the last of equal names wins, in the place of the first
  const byName = new Map<string | undefined, { name?: string; ref?: string; totalsRow?: boolean }>();
  for (const t of out) byName.set(t.name, t);
  return [...byName.values()];
}

/** The cells with an external hyperlink; an internal one (location only) leaves the cell as it is. */
function hyperlinks(xml: string, rels: Map<string, string>): Set<string> {
  const out = new Set<string>();
  for (const [tag] of xml.matchAll(/<hyperlink\b[^>]*>/g)) {
    const id = attrOf(tag, 'r:id');
    if (id === undefined) continue;
    // ExcelJS fails on a link without its relation: so does this reader, and ExcelJS says why
    if (!rels.has(id)) notPlain('hyperlink relation');
    out.add(attrOf(tag, 'ref') ?? 'undefined');
  }
  return out;
}

/**
 * Relationship targets by id. A sheet's relations may only point at tables, hyperlinks and printer
 * settings: comments or drawings change what ExcelJS reads, so those sheets are ExcelJS's.
 */
function relsById(xml: string, sheet = false): Map<string, string> {
  const out = new Map<string, string>();
  for (const [tag] of xml.matchAll(/<Relationship\b[^>]*>/g)) {
    const type = attrOf(tag, 'Type') ?? '';
    if (sheet && !/\/(table|printerSettings|hyperlink)$/.test(type)) notPlain(`sheet relation ${type}`);
    out.set(attrOf(tag, 'Id') ?? '', attrOf(tag, 'Target') ?? '');
  }
  return out;
}

const ATTRIBUTES = new Map<string, RegExp>();

/** An attribute's value (entities decoded), or undefined. */
function attrOf(tag: string, name: string): string | undefined {
  let re = ATTRIBUTES.get(name);
  if (!re) ATTRIBUTES.set(name, (re = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)));
  const m = re.exec(tag);
  if (!m) return undefined;
  return decodeText((m[1] ?? m[2]).replace(/[\t\n\r]/g, ' '));
}

const ENTITY = /&(?:(lt|gt|amp|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));|&/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Character data as an XML parser hands it over: line ends normalised, the five entities and numeric ones. */
function decodeText(text: string): string {
  let s = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  if (!s.includes('&')) return s;
  s = s.replace(ENTITY, (whole, named?: string, dec?: string, hex?: string) => {
    if (named) return NAMED[named];
    if (dec || hex) {
      const code = parseInt(dec ?? hex!, dec ? 10 : 16);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : notPlain('character reference');
    }
    return notPlain(`entity ${whole}`);
  });
  return s;
}
