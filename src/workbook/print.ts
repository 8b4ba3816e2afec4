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
