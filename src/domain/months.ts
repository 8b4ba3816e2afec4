import { D, ZERO, roundCent, formatEuro, formatDecimalDe, type Dec } from './money';
import { daysInMonth, formatDateDe, isoDate, parts, type IsoDate, type Period } from './dates';
import type { Parameter } from './model';
import type { Explanation } from './result';

/**
 * The months of the plan: the plan years, the active months of a period in a year (a partly active month by
 * calendar days, DESIGN.md) and fixed €/year amounts pro rata.
 */

/** The plan years of the horizon. */
export function planYears(parameter: Parameter): number[] {
  const n = Math.max(1, Math.min(50, Math.trunc(parameter.anzahlPlanjahre)));
  return Array.from({ length: n }, (_, i) => parameter.erstesPlanjahr + i);
}

export const TWELVE = new D(12);

/** "YYYY-01-01" and "YYYY-12-31" per year, built once: monthsActive runs for every position and year. */
const yearBounds = new Map<number, { start: IsoDate; end: IsoDate }>();
export function boundsOf(year: number): { start: IsoDate; end: IsoDate } {
  let b = yearBounds.get(year);
  if (!b) {
    b = { start: isoDate(year, 1, 1), end: isoDate(year, 12, 31) };
    if (yearBounds.size < 1000) yearBounds.set(year, b);
  }
  return b;
}

/**
 * Active months of a period in a year: full months count 1, a partly active month counts
 * active days / days of that month (DESIGN.md). Returns an exact decimal between 0 and 12.
 */
export function monthsActive(period: Period, year: number): Dec {
  const { start: yearStart, end: yearEnd } = boundsOf(year);
  const s = period.start && period.start > yearStart ? period.start : yearStart;
  const e = period.end && period.end < yearEnd ? period.end : yearEnd;
  if (s > e) return ZERO;
  if (s === yearStart && e === yearEnd) return TWELVE;
  const S = parts(s);
  const E = parts(e);
  const dimS = daysInMonth(S.year, S.month);
  if (S.month === E.month) return new D(E.day - S.day + 1).div(dimS);
  const dimE = daysInMonth(E.year, E.month);
  const first = S.day === 1 ? new D(1) : new D(dimS - S.day + 1).div(dimS);
  const last = E.day === dimE ? new D(1) : new D(E.day).div(dimE);
  return first.plus(E.month - S.month - 1).plus(last);
}

export const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
/** Whole month counts 0…12 as decimals, shared (12 is the TWELVE the fast path compares with). */
export const MONTH_COUNTS: Dec[] = [...Array.from({ length: 12 }, (_, i) => new D(i)), TWELVE];

/** Amount per year for a fixed €/year sum active in a period (Sachaufwand, cover with Betrag). */
export function proRataAmount(betrag: Dec, period: Period, year: number): Dec {
  const months = monthsActive(period, year);
  if (months.isZero()) return ZERO;
  return roundCent(months.eq(TWELVE) ? betrag : betrag.times(months).div(TWELVE));
}

export function explainProRata(
  betrag: Dec,
  period: Period,
  year: number,
  label: string,
  labelEn: string,
): Explanation {
  const months = monthsActive(period, year);
  const amount = proRataAmount(betrag, period, year);
  return {
    summary: `${formatEuro(betrag)} × ${formatDecimalDe(months, 3)}/12 = ${formatEuro(amount)}`,
    steps: [
      { label, labelEn, value: formatEuro(betrag) },
      {
        label: `Aktive Monate ${year} (${formatDateDe(period.start) || 'offen'} – ${formatDateDe(period.end) || 'offen'})`,
        labelEn: `Active months ${year}`,
        value: `${formatDecimalDe(months, 3)} von 12`,
      },
      {
        label: 'Ergebnis (auf Cent gerundet)',
        labelEn: 'Result (rounded to the cent)',
        value: formatEuro(amount),
      },
    ],
  };
}
