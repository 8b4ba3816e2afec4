import { D, type Dec } from './money';
import { normalizeGrade } from './grades';

/**
 * Jahressonderzahlung (TVöD-VKA § 20, Tarifgebiet West) by grade band and calendar year, as a small table.
 * Used when the parameter "Jahressonderzahlung nach Entgeltgruppe" is "Ja"; otherwise the single rate
 * `Jahressonderzahlung` applies (as before).
 */
export interface JszBand {
  /** First calendar year the rate applies. */
  abJahr: number;
  /** Grade family and the range of grade numbers (inclusive): E 1–8, E 9–12, … */
  tabelle: string;
  von: number;
  bis: number;
  satz: string;
  quelle: string;
}

const BIS_2025 =
  'haufe.de TVöD Office, Jahressonderzahlung VKA: EG 1–8 84,51 %, 9a–12 70,28 %, 13–15 51,78 %; S 2–S 9 84,51 %, S 11a–S 18 70,48 %';
const AB_2026 =
  'Tarifeinigung 06.04.2025: ab Kalenderjahr 2026 einheitlich 85 % (VKA ohne BT-K/BT-B; oeffentlicher-dienst.info/tvoed/tr/2025; mav-walsrode.de)';

export const JSZ_BANDS: readonly JszBand[] = [
  { abJahr: 2022, tabelle: 'E', von: 1, bis: 8, satz: '0.8451', quelle: BIS_2025 },
  { abJahr: 2022, tabelle: 'E', von: 9, bis: 12, satz: '0.7028', quelle: BIS_2025 },
  { abJahr: 2022, tabelle: 'E', von: 13, bis: 15, satz: '0.5178', quelle: BIS_2025 },
  { abJahr: 2022, tabelle: 'S', von: 2, bis: 9, satz: '0.8451', quelle: BIS_2025 },
  { abJahr: 2022, tabelle: 'S', von: 10, bis: 18, satz: '0.7048', quelle: BIS_2025 },
  { abJahr: 2026, tabelle: 'E', von: 1, bis: 15, satz: '0.85', quelle: AB_2026 },
  { abJahr: 2026, tabelle: 'S', von: 2, bis: 18, satz: '0.85', quelle: AB_2026 },
];

/** The band rate for a grade in a calendar year, or undefined (then the parameter's single rate applies). */
export function jszRate(grade: string, year: number, bands: readonly JszBand[] = JSZ_BANDS): Dec | undefined {
  const m = /^([A-Z]+)(\d+)/.exec(normalizeGrade(grade));
  if (!m) return undefined;
  const [, family, num] = m;
  let best: JszBand | undefined;
  for (const b of bands)
    if (b.tabelle === family && b.von <= Number(num) && Number(num) <= b.bis && b.abJahr <= year)
      if (!best || b.abJahr > best.abJahr) best = b;
  return best ? new D(best.satz) : undefined;
}
