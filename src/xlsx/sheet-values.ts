import type { SheetCells } from './table-blocks';
import { PackageParts } from './package-parts';
import { attrOf, notPlain } from './plain-xml';
import { sharedStrings } from './shared-strings';
import { applyMerges, readRows, SheetValues, type CellContext } from './sheet-cells';

export { PackageParts };

/**
 * The cell values of a workbook's sheets read straight from the package, without building ExcelJS's cell
 * model: for `check`, which only reads. Every value is the one ExcelJS's load and `cellValue` give (shared
 * and inline strings, numbers, booleans, errors, dates by the cell's number format and the 1904 setting,
 * formulas by their stored result, shared formulas, merged ranges, external hyperlinks). ExcelJS's own
 * parser reads the styles (number formats); shared strings (shared-strings.ts) and sheets
 * (sheet-cells.ts) are read here.
 *
 * Only a plain package is read this way: anything this reader is not sure to read exactly as ExcelJS
 * does (comments, drawings, charts, rich inline text, unusual parts or markup …) gives `undefined`, and
 * the caller loads the file with ExcelJS as before.
 */

/* eslint-disable-next-line @typescript-eslint/no-require-imports -- ExcelJS's own parser: the same number formats */
const StylesXform = require('exceljs/lib/xlsx/xform/style/styles-xform') as new () => {
  parseStream(chunks: Iterable<string>): Promise<unknown>;
  getStyleModel(id: number): { numFmt?: string } | null;
};
/* eslint-disable-next-line @typescript-eslint/no-require-imports -- ExcelJS's own date rules */
const excelUtils = require('exceljs/lib/utils/utils') as { isDateFmt(fmt: string | undefined): boolean };

/** The sheets in workbook order, or undefined when the package is not plain enough (then: ExcelJS). */
export async function readSheetValues(parts: PackageParts): Promise<SheetCells[] | undefined> {
  try {
    return await readPlain(parts);
  } catch {
    // not plain (NotPlain), or anything else odd about it: ExcelJS reads it, or says why not in its words
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
