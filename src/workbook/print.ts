import { formatDateDe } from '../domain/dates';
import type { PrintSetup, SheetCell } from './port';

/**
 * Print setup shared by every committee paper: header with product, title and Stand, footer with the input
 * checksum and "Seite x von y". In Excel header/footer strings "&" starts a code (&P page, &N pages, &L
 * left …); a literal ampersand must be written "&&", or "Stellenplan & Deckung" prints as "Stellenplan Deckung".
 */
export const PRODUCT = 'Stellenplan & Deckung';

export function escapeHeaderText(text: string): string {
  return text.replace(/&/g, '&&');
}

export interface PaperPrint {
  title: string;
  /** ISO date */
  stand: string;
  checksum: string;
  /** Rows repeated on every page (the table header), 1-based inclusive. */
  repeat?: [number, number];
  landscape?: boolean;
}

export function paperPrint(p: PaperPrint): PrintSetup {
  return {
    landscape: p.landscape ?? true,
    fitToWidth: true,
    repeatRows: p.repeat,
    header:
      `&L&"-,Bold"${escapeHeaderText(PRODUCT)}&C&"-,Bold"${escapeHeaderText(p.title)}` +
      `&RStand ${formatDateDe(p.stand)}`,
    footer: `&LPrüfsumme der Eingaben ${escapeHeaderText(p.checksum)}&RSeite &P von &N`,
  };
}

/**
 * Plain cells (no style) get the top-aligned text style: in a row whose label wraps over several lines,
 * numbers and labels then all start on the first line instead of some sitting at the bottom.
 */
export function alignTop<T extends (SheetCell | null)[][]>(rows: T): T {
  for (const row of rows)
    if (row)
      row.forEach((c, i) => {
        if (c && c.s === undefined && (c.v !== undefined || c.f !== undefined)) row[i] = { ...c, s: 'text' };
      });
  return rows;
}

/** Lines a text needs in a column of `width` characters when wrapped at spaces (long words break). */
export function wrappedLines(text: string, width: number, bold = false): number {
  // bold glyphs are wider; a column's width counts digits, letters average about the same
  const perLine = Math.max(4, Math.floor((width - 1) * (bold ? 0.88 : 1)));
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    lines++;
    let used = 0;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      let w = word.length;
      if (used > 0 && used + 1 + w > perLine) {
        lines++;
        used = 0;
      }
      while (w > perLine) {
        w -= perLine;
        lines++;
      }
      used += (used > 0 ? 1 : 0) + w;
    }
  }
  return lines;
}

/** The most lines a generated row is made high enough for. */
export const MAX_LINES = 8;

/**
 * The height (points) a generated row needs for its header and wrapped cells, or undefined for one line:
 * files do not auto-fit rows, so every adapter sets it from the same rule – words are never split by a
 * too low row, and a bold header line needs more room than a line of body text.
 */
export function rowHeight(row: (SheetCell | null)[], widths: number[] | undefined): number | undefined {
  let height = 0;
  row.forEach((cell, c) => {
    if (!cell || typeof cell.v !== 'string' || (cell.s !== 'header' && cell.s !== 'wrap')) return;
    const header = cell.s === 'header';
    const lines = Math.min(MAX_LINES, wrappedLines(cell.v, widths?.[c] ?? 10, header));
    if (lines > 1) height = Math.max(height, lines * (header ? 14.5 : 13) + 2);
  });
  return height > 0 ? height : undefined;
}

/** Points of one line of body text (Calibri 11), and of a title line (14 pt). */
export const LINE_HEIGHT = 15;
const TITLE_LINE_HEIGHT = 19;

const isEmptyRow = (row: (SheetCell | null)[] | undefined): boolean =>
  !row ||
  row.every(
    (c) => !c || (c.f === undefined && (c.v === undefined || c.v === null || c.v === '') && !c.s && !c.link),
  );

/**
 * A paper without empty spacer rows: each run of empty rows becomes extra height of the row above (its
 * text stays at the top, the gap below it looks as before). LibreOffice's export works through all
 * columns of every row up to the last, empty or not, so a draft resolution of 1.000 measures saves some
 * 13.000 rows. Only for sheets whose formulas, ranges and links name no row numbers below a spacer.
 * Empty rows before the first text and after the last are dropped or kept as they are (none in practice).
 */
export function foldSpacerRows(
  rows: (SheetCell | null)[][],
  widths: number[] | undefined,
): { rows: (SheetCell | null)[][]; heights: (number | undefined)[] } {
  const kept: (SheetCell | null)[][] = [];
  const extra: number[] = [];
  for (const row of rows) {
    if (isEmptyRow(row) && kept.length > 0) {
      extra[kept.length - 1] = (extra[kept.length - 1] ?? 0) + LINE_HEIGHT;
      continue;
    }
    kept.push(row ?? []);
  }
  // a trailing gap has nothing below it to separate: no extra height
  if (extra[kept.length - 1]) extra[kept.length - 1] = 0;
  const heights: (number | undefined)[] = [];
  extra.forEach((gap, i) => {
    if (!gap) return;
    const row = kept[i];
    const own =
      rowHeight(row, widths) ?? (row.some((c) => c?.s === 'title') ? TITLE_LINE_HEIGHT : LINE_HEIGHT);
    heights[i] = own + gap;
  });
  return { rows: kept, heights };
}
