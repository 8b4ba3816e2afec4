import Decimal from 'decimal.js';
import type { CheckResult, Dec, Finding, FindingCode } from '../../../src/domain';

/**
 * Independent arithmetic for expected values. Deliberately NOT the engine's money/cost helpers:
 * an own Decimal clone with more precision, and the DESIGN.md formulas written out once more.
 */
export const X = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_UP });
export type XDec = InstanceType<typeof X>;

/** Half up to the cent, away from zero for negatives (like Excel's ROUND). */
export function cent(value: Decimal.Value): XDec {
  return new X(value).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/**
 * The TVöD-VKA table in force from 01.05.2026 = the table of 01.04.2025 × 1,028 (+2,8 %), to the cent.
 * The 2025 figures are literals from the published table (e.g. E9b Stufe 3 = 4.089,07 €).
 */
export function tvoed2026(monthly2025: string): XDec {
  return cent(new X(monthly2025).times('1.028'));
}

/** 2025 table literals used in the tests (TVöD-VKA allgemeine Tabelle, 01.04.2025). */
export const TVOED_2025 = {
  E5_1: '3038.99',
  E5_3: '3355.11',
  E9b_2: '3929.00',
  E9b_3: '4089.07',
  E10_1: '4012.19',
  E10_3: '4664.10',
  E11_2: '4542.72',
  E15_1: '5669.12',
  E15_3: '6453.36',
} as const;

export interface Rates {
  jsz: string; // Jahressonderzahlung (monthly salaries)
  sv: string; // AG-Anteil Sozialversicherung
  zv: string; // Zusatzversorgung
  vz: string; // Versorgungszuschlag Beamte
  gk: string; // Gemeinkostenzuschlag
  sach: string; // Sachkosten je Stelle (€/year)
  t: string; // Tarifsteigerung p.a.
  first: number; // Erstes Planjahr
}

/** DESIGN.md defaults (written out here, not imported from the engine). */
export const DEFAULT_RATES: Rates = {
  jsz: '0.85',
  sv: '0.2115',
  zv: '0.08',
  vz: '0.37',
  gk: '0',
  sach: '0',
  t: '0.03',
  first: 2027,
};

export interface LineInput {
  monthly: Decimal.Value;
  year: number;
  beamte?: boolean;
  share?: Decimal.Value;
  /** Active months as a fraction [numerator, denominator], e.g. [17, 31] or [6, 1]; default 12. */
  months?: [number, number];
  rates?: Partial<Rates>;
}

/**
 * Unrounded cost of one line in one year, per DESIGN.md:
 * Beschäftigte: monthly × (12 + JSZ) × (1 + SV + ZV) × (1 + GK); Beamte: monthly × 12 × (1 + VZ) × (1 + GK);
 * personnel part × (1 + t)^(year − first); + Sachkosten; × share × months / 12.
 */
export function exactLine(input: LineInput): XDec {
  const r = { ...DEFAULT_RATES, ...input.rates };
  const monthly = new X(input.monthly);
  const gk = new X(1).plus(r.gk);
  const personnel = input.beamte
    ? monthly.times(12).times(new X(1).plus(r.vz)).times(gk)
    : monthly.times(new X(12).plus(r.jsz)).times(new X(1).plus(r.sv).plus(r.zv)).times(gk);
  const growth = new X(1).plus(r.t).pow(input.year - r.first);
  const annual = personnel.times(growth).plus(r.sach);
  const [num, den] = input.months ?? [12, 1];
  return annual
    .times(input.share ?? 1)
    .times(num)
    .div(new X(den).times(12));
}

/** The same, rounded to the cent once (the engine's rule: once per year and line). */
export function expectedLine(input: LineInput): XDec {
  return cent(exactLine(input));
}

/** Betrag × months / 12, rounded once. */
export function expectedProRata(betrag: Decimal.Value, months: [number, number] = [12, 1]): XDec {
  return cent(new X(betrag).times(months[0]).div(new X(months[1]).times(12)));
}

/** Compares an engine decimal with an expected value exactly (as two-decimal strings, so failures read well). */
export function amount(value: Dec): string {
  return new X(value.toString()).toFixed(2);
}

export function findingsOf(result: CheckResult, code: FindingCode): Finding[] {
  return result.findings.filter((f) => f.code === code);
}

export function codesOf(result: CheckResult): FindingCode[] {
  return result.findings.map((f) => f.code);
}

/** de-DE euro text written independently of the engine: 69761.34 → "69.761,34 €". */
export function euroDe(value: Decimal.Value): string {
  const fixed = cent(value).toFixed(2);
  const negative = fixed.startsWith('-') && !/^-0\.00$/.test(fixed);
  const [int, frac] = fixed.replace('-', '').split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${negative ? '-' : ''}${grouped},${frac} €`;
}
