import { OoxmlPackage } from './package';
import { attr, element, elements, escapeXml, parseRange, startTags, unescapeXml } from './xml';

/**
 * Calculated columns of Excel tables (`<tableColumn><calculatedColumnFormula>` in the table part): the
 * formula Excel gives every row of the column, stored for the first data row. ExcelJS does not read them,
 * so they come from the package itself.
 */

export interface CalculatedColumns {
  /** First data row of the table. */
  firstRow: number;
  /** Sheet column → formula (without "="). */
  formulas: Map<number, string>;
}

/** Every table's calculated columns, by table name; tables without one are left out. */
export function readCalculatedColumns(bytes: Uint8Array): Map<string, CalculatedColumns> {
  const out = new Map<string, CalculatedColumns>();
  const pkg = new OoxmlPackage(bytes);
  // table parts only (their names are unique in the workbook); a sheet's relations are not needed here
  for (const path of pkg.names()) {
    if (!/(^|\/)tables\/[^/]+\.xml$/i.test(path)) continue;
    const xml = pkg.text(path);
    const root = xml ? startTags(xml, 'table')[0] : undefined;
    const range = root && parseRange(attr(root.tag, 'ref') ?? '');
    const name = root && attr(root.tag, 'name');
    if (!xml || !root || !range || !name) continue;
    const header = Number(attr(root.tag, 'headerRowCount') ?? 1);
    const formulas = new Map<number, string>();
    elements(element(xml, 'tableColumns')?.inner ?? '', 'tableColumn').forEach((c, i) => {
      const f = element(c.text, 'calculatedColumnFormula');
      if (f?.inner) formulas.set(range.left + i, unescapeXml(f.inner));
    });
    if (formulas.size === 0) continue;
    out.set(name, { firstRow: range.top + header, formulas });
    const display = attr(root.tag, 'displayName');
    if (display && display !== name) out.set(display, { firstRow: range.top + header, formulas });
  }
  return out;
}

/**
 * The table part with these columns (0-based position in `tableColumns`) as calculated columns: the
 * formula replaces an earlier one and comes first in its `tableColumn` (CT_TableColumn's order).
 */
export function setCalculatedColumns(xml: string, formulas: Map<number, string>): string {
  const cols = element(xml, 'tableColumns');
  if (!cols?.inner || formulas.size === 0) return xml;
  const open = cols.text.slice(0, cols.text.length - cols.inner.length - '</tableColumns>'.length);
  const inner = elements(cols.inner, 'tableColumn')
    .map((c, i) => {
      const f = formulas.get(i);
      if (f === undefined) return c.text;
      const tag = /^<tableColumn[^>]*>/.exec(c.text)![0];
      const own = `<calculatedColumnFormula>${escapeXml(f)}</calculatedColumnFormula>`;
      if (tag.endsWith('/>')) return `${tag.slice(0, -2).trimEnd()}>${own}</tableColumn>`;
      const body = c.text
        .slice(tag.length, c.text.length - '</tableColumn>'.length)
        .replace(/<calculatedColumnFormula(?=[\s>/])[^>]*(?:\/>|>[\s\S]*?<\/calculatedColumnFormula>)/, '');
      return `${tag}${own}${body}</tableColumn>`;
    })
    .join('');
  return xml.slice(0, cols.start) + `${open}${inner}</tableColumns>` + xml.slice(cols.end);
}

/**
 * The package as ExcelJS can read it. ExcelJS (4.4) takes the first child element of a `tableColumn`
 * (`calculatedColumnFormula`, written by Excel for every calculated column) for the end of the column list:
 * the columns after it are lost and loading fails. The copy handed to ExcelJS leaves those formulas out;
 * the file itself – and every write, which starts from it – keeps them.
 */
export function readableByExcelJs(bytes: Uint8Array): Uint8Array {
  const tables = /(^|\/)tables\/[^/]+\.xml$/i;
  let pkg: OoxmlPackage;
  try {
    pkg = new OoxmlPackage(bytes);
  } catch {
    return bytes;
  }
  let changed = false;
  for (const path of pkg.names()) {
    if (!tables.test(path)) continue;
    const xml = pkg.text(path);
    if (!xml?.includes('<calculatedColumnFormula')) continue;
    pkg.setText(
      path,
      xml.replace(/<calculatedColumnFormula(?=[\s>/])[^>]*(?:\/>|>[\s\S]*?<\/calculatedColumnFormula>)/g, ''),
    );
    changed = true;
  }
  return changed ? pkg.toBytes() : bytes;
}
