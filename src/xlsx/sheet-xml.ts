import { fitText, isoToSerial } from '../workbook/cells';
import { WorkbookUnusableError, type GeneratedSheet, type SheetCell } from '../workbook/port';
import { rowHeight } from '../workbook/print';
import type { StylesPatch } from './styles-xml';
import { attr, colLetters, element, escapeXml, parseA1, parseRange, setAttr } from './xml';

export const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** How a written cell gets its format. */
export type StyleMode =
  /** the palette style of the cell (`s`), whatever the cell had */
  | 'palette'
  /** the cell's own format when it has one, else the palette style */
  | 'keep'
  /** the format of another cell (a new table row looks like the one above, a new header like its neighbour) */
  | { from: { row: number; col: number } };

export interface CellWrite {
  row: number;
  col: number;
  cell: SheetCell;
  style: StyleMode;
}

export interface RenderContext {
  styles: StylesPatch;
  date1904: boolean;
}

const DAY_MS = 86400000;

/** The serial number Excel stores for a date, in the workbook's date system. */
export function dateSerial(value: Date | string, date1904: boolean): number {
  const serial =
    value instanceof Date ? (value.getTime() - Date.UTC(1899, 11, 30)) / DAY_MS : isoToSerial(value);
  return date1904 ? serial - 1462 : serial;
}

/** One `<c>` element; `s` the cellXfs index (0 = none). */
export function cellXml(ref: string, cell: SheetCell, s: number, ctx: RenderContext): string {
  const style = s ? ` s="${s}"` : '';
  if (cell.f !== undefined) {
    const r = cell.r;
    if (typeof r === 'string')
      return `<c r="${ref}"${style} t="str"><f>${escapeXml(cell.f)}</f><v>${escapeXml(r)}</v></c>`;
    const v = typeof r === 'number' && Number.isFinite(r) ? `<v>${r}</v>` : '';
    return `<c r="${ref}"${style}><f>${escapeXml(cell.f)}</f>${v}</c>`;
  }
  const v = cell.v;
  if (v === undefined || v === null || v === '') return `<c r="${ref}"${style}/>`;
  if (v instanceof Date) return `<c r="${ref}"${style}><v>${dateSerial(v, ctx.date1904)}</v></c>`;
  if (cell.s === 'date' && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v))
    return `<c r="${ref}"${style}><v>${dateSerial(v, ctx.date1904)}</v></c>`;
  if (typeof v === 'number')
    return Number.isFinite(v) ? `<c r="${ref}"${style}><v>${v}</v></c>` : `<c r="${ref}"${style}/>`;
  if (typeof v === 'boolean') return `<c r="${ref}"${style} t="b"><v>${v ? 1 : 0}</v></c>`;
  // text stays text, also when it starts with "=" (inline string, never a formula)
  const text = escapeXml(fitText(v));
  return `<c r="${ref}"${style} t="inlineStr"><is><t xml:space="preserve">${text}</t></is></c>`;
}

/** The whole XML of a generated sheet (inline strings, palette styles, no relations of its own). */
export function renderSheet(sheet: GeneratedSheet, ctx: RenderContext): string {
  return [...renderSheetParts(sheet, ctx)].join('');
}

/**
 * The same XML in pieces (head, one per row, tail), produced as they are deflated: a sheet of 100.000
 * rows is never held as one string, nor as one string per row. `map` changes each cell on the way (a
 * formula moved to the generated sheets' real names).
 */
export function* renderSheetParts(
  sheet: GeneratedSheet,
  ctx: RenderContext,
  map: (cell: SheetCell) => SheetCell = (cell) => cell,
): Generator<string> {
  // the head names the used range and whether any row follows: one look over the rows before rendering
  let maxCol = 1;
  let anyRow = false;
  sheet.rows.forEach((row) => {
    for (let c = row.length - 1; c >= 0; c--)
      if (row[c]) {
        maxCol = Math.max(maxCol, c + 1);
        anyRow = true;
        break;
      }
    // header and wrapped cells get the height their text needs (files do not auto-fit rows)
    if (!anyRow && rowHeight(row, sheet.widths)) anyRow = true;
  });
  if (sheet.heights?.some(Boolean)) anyRow = true;
  const lastRow = Math.max(1, sheet.rows.length);
  const print = sheet.print;
  const pane = sheet.freeze
    ? `<pane${sheet.freeze.col ? ` xSplit="${sheet.freeze.col}"` : ''}${sheet.freeze.row ? ` ySplit="${sheet.freeze.row}"` : ''} topLeftCell="${colLetters(sheet.freeze.col + 1)}${sheet.freeze.row + 1}" activePane="${sheet.freeze.col && sheet.freeze.row ? 'bottomRight' : sheet.freeze.row ? 'bottomLeft' : 'topRight'}" state="frozen"/>`
    : '';
  const cols = (sheet.widths ?? [])
    .map((w, i) => (w ? `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>` : ''))
    .join('');
  yield (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    (print?.fitToWidth ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : '') +
    `<dimension ref="A1:${colLetters(maxCol)}${lastRow}"/>` +
    `<sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews>` +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    (cols ? `<cols>${cols}</cols>` : '') +
    (anyRow ? '<sheetData>' : '<sheetData/>')
  );

  const links: string[] = [];
  for (let r = 0; r < sheet.rows.length; r++) {
    const row = sheet.rows[r];
    // a hole in a sparse row list is an empty row
    if (!row) continue;
    let cells = '';
    for (let c = 0; c < row.length; c++) {
      const given = row[c];
      if (!given) continue;
      const cell = map(given);
      const ref = `${colLetters(c + 1)}${r + 1}`;
      cells += cellXml(ref, cell, ctx.styles.xf(cell.s, Boolean(cell.link)), ctx);
      if (cell.link)
        links.push(
          `<hyperlink ref="${ref}" location="${escapeXml(cell.link)}" display="${escapeXml(String(cell.v ?? ''))}"/>`,
        );
    }
    const points = sheet.heights?.[r] ?? rowHeight(row, sheet.widths);
    const height = points ? ` ht="${points}" customHeight="1"` : '';
    if (cells || height) yield `<row r="${r + 1}"${height}>${cells}</row>`;
  }

  const merges = sheet.merges ?? [];
  const conditional = (sheet.conditional ?? [])
    .map(
      (rule, i) =>
        `<conditionalFormatting sqref="${rule.range}"><cfRule type="cellIs" dxfId="${ctx.styles.dxf(rule.kind)}" priority="${i + 1}" operator="lessThan"><formula>0</formula></cfRule></conditionalFormatting>`,
    )
    .join('');
  yield (
    (anyRow ? '</sheetData>' : '') +
    (merges.length
      ? `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`
      : '') +
    conditional +
    (links.length ? `<hyperlinks>${links.join('')}</hyperlinks>` : '') +
    '<pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>' +
    (print
      ? `<pageSetup paperSize="9" orientation="${print.landscape ? 'landscape' : 'portrait'}"${print.fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : ''}/>` +
        (print.header || print.footer
          ? `<headerFooter>${print.header ? `<oddHeader>${escapeXml(print.header)}</oddHeader>` : ''}${print.footer ? `<oddFooter>${escapeXml(print.footer)}</oddFooter>` : ''}</headerFooter>`
          : '')
      : '') +
    '</worksheet>'
  );
}

/** An empty sheet (the Protokoll when the product creates it); its cells come as cell writes. */
export function emptySheet(widths: number[]): string {
  return renderSheet({ name: '', rows: [], widths }, undefined as unknown as RenderContext);
}

const ROW_RE = /<row(?=[\s/>])[^>]*?(?:\/>|>[\s\S]*?<\/row>)/g;
const CELL_RE = /<c(?=[\s/>])[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g;

interface ParsedRow {
  r: number;
  text: string;
}

function parseRows(inner: string): ParsedRow[] {
  const rows: ParsedRow[] = [];
  let last = 0;
  ROW_RE.lastIndex = 0;
  for (let m = ROW_RE.exec(inner); m; m = ROW_RE.exec(inner)) {
    const tag = /^<row[^>]*>/.exec(m[0])![0];
    const r = Number(attr(tag, 'r') ?? last + 1);
    rows.push({ r, text: m[0] });
    last = r;
  }
  return rows;
}

function parseCells(rowText: string, row: number): { col: number; text: string }[] {
  const out: { col: number; text: string }[] = [];
  let last = 0;
  CELL_RE.lastIndex = 0;
  for (let m = CELL_RE.exec(rowText); m; m = CELL_RE.exec(rowText)) {
    const tag = /^<c[^>]*>/.exec(m[0])![0];
    const ref = attr(tag, 'r');
    const col = (ref && parseA1(ref)?.col) || last + 1;
    out.push({ col, text: ref ? m[0] : m[0].replace(/^<c/, `<c r="${colLetters(col)}${row}"`) });
    last = col;
  }
  return out;
}

/**
 * Writes cells into an existing sheet's XML: the rows and cells not written keep their exact text, a written
 * cell is replaced as a whole (value, formula), a new cell goes into its row in column order. Returned in
 * pieces: the text before the rows (up to `<sheetData>`), the rows one by one as they are needed, the text
 * after them. At 100.000 written rows no row is parsed into cells before it is rendered,
 * and none is kept after. Every check (a shared formula overwritten) and every new style is settled before
 * the first row is handed out.
 */
export function patchSheetCellParts(
  xml: string,
  sheetName: string,
  writes: CellWrite[],
  ctx: RenderContext,
): { head: string; rows: Iterable<string>; tail: string } {
  const data = element(xml, 'sheetData');
  if (!data) throw new Error(`sheetData fehlt in ${sheetName}`);
  const rows = parseRows(data.inner ?? '');
  const byRow = new Map<number, ParsedRow>(rows.map((r) => [r.r, r]));
  // the cells of the row looked at last (a row's writes come together; another row is parsed again)
  let parsed: { r: number; cells: Map<number, string> } | undefined;
  const cellsOf = (r: number): Map<number, string> => {
    if (parsed?.r !== r) {
      const row = byRow.get(r);
      parsed = { r, cells: new Map(row ? parseCells(row.text, r).map((c) => [c.col, c.text]) : []) };
    }
    return parsed.cells;
  };
  const styleOf = (r: number, c: number): number => {
    const text = cellsOf(r).get(c);
    const tag = text && /^<c[^>]*>/.exec(text)?.[0];
    return tag ? Number(attr(tag, 's') ?? 0) : 0;
  };
  const written = new Set(writes.map((w) => `${w.row}:${w.col}`));
  const writesByRow = new Map<number, number[]>();
  writes.forEach((w, i) => {
    const list = writesByRow.get(w.row) ?? [];
    list.push(i);
    writesByRow.set(w.row, list);
  });
  // each written cell's style, in the order of the writes (new styles are appended in that order), read
  // from the cells as they were (a style may come from a row above)
  const styles = new Int32Array(writes.length);
  let maxRow = 0;
  let maxCol = 0;
  for (const [r, list] of writesByRow) {
    maxRow = Math.max(maxRow, r);
    for (const i of list) {
      const w = writes[i];
      maxCol = Math.max(maxCol, w.col);
      const old = cellsOf(r).get(w.col);
      if (old) guardFormulaMaster(old, sheetName, written);
      const own = styleOf(r, w.col);
      if (w.style === 'palette')
        styles[i] = w.cell.s || w.cell.link ? ctx.styles.xf(w.cell.s, Boolean(w.cell.link)) : own;
      else if (w.style === 'keep') styles[i] = own || (w.cell.s ? ctx.styles.xf(w.cell.s) : 0);
      else
        styles[i] = styleOf(w.style.from.row, w.style.from.col) || (w.cell.s ? ctx.styles.xf(w.cell.s) : 0);
    }
  }
  const rowNumbers = [...new Set([...rows.map((r) => r.r), ...writesByRow.keys()])].sort((a, b) => a - b);
  function* rowTexts(): Generator<string> {
    for (const r of rowNumbers) {
      const row = byRow.get(r);
      const list = writesByRow.get(r);
      if (!list) {
        yield row!.text;
        continue;
      }
      const cells = cellsOf(r);
      for (const i of list) {
        const w = writes[i];
        cells.set(w.col, cellXml(`${colLetters(w.col)}${r}`, w.cell, styles[i], ctx));
      }
      parsed = undefined;
      const ordered = [...cells].sort((a, b) => a[0] - b[0]).map(([, t]) => t);
      const tag = row
        ? setAttr(/^<row[^>]*>/.exec(row.text)![0].replace(/\/>$/, '>'), 'spans', undefined)
        : `<row r="${r}">`;
      yield `${tag}${ordered.join('')}</row>`;
    }
  }
  let head = xml.slice(0, data.start) + '<sheetData>';
  let tail = '</sheetData>' + xml.slice(data.end);
  // the dimension covers the new cells too
  const inHead = element(head, 'dimension') !== undefined;
  const dim = element(inHead ? head : tail, 'dimension');
  if (dim) {
    const range = parseRange(attr(dim.text, 'ref') ?? 'A1');
    if (range && (maxRow > range.bottom || maxCol > range.right)) {
      const ref = `${colLetters(range.left)}${range.top}:${colLetters(Math.max(maxCol, range.right))}${Math.max(maxRow, range.bottom)}`;
      const text = inHead ? head : tail;
      const patched = text.slice(0, dim.start) + setAttr(dim.text, 'ref', ref) + text.slice(dim.end);
      if (inHead) head = patched;
      else tail = patched;
    }
  }
  return { head, rows: rowTexts(), tail };
}

/**
 * A cell that carries a shared or array formula for other cells cannot be overwritten alone: those cells
 * would lose their formula. Refused before anything is written, naming the cell.
 */
function guardFormulaMaster(cellText: string, sheet: string, written: Set<string>): void {
  const f = /<f(?=[\s>])[^>]*>/.exec(cellText)?.[0];
  if (!f) return;
  const kind = attr(f, 't');
  const ref = attr(f, 'ref');
  if ((kind !== 'shared' && kind !== 'array') || !ref) return;
  const range = parseRange(ref);
  if (!range) return;
  for (let r = range.top; r <= range.bottom; r++)
    for (let c = range.left; c <= range.right; c++)
      if (!written.has(`${r}:${c}`)) {
        const cell = attr(/^<c[^>]*>/.exec(cellText)![0], 'r');
        throw new WorkbookUnusableError(
          `Die Zelle ${sheet}!${cell} trägt eine ${kind === 'shared' ? 'gemeinsame' : 'Matrix-'}Formel für ${sheet}!${ref}; sie wird nicht einzeln überschrieben – nichts wurde geschrieben.`,
          `Cell ${sheet}!${cell} holds a ${kind} formula for ${sheet}!${ref}; it is not overwritten alone – nothing was written.`,
        );
      }
}
