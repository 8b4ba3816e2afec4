import Decimal from 'decimal.js';

/**
 * Money and rates are exact decimals. A dedicated Decimal clone keeps our rounding rule
 * (half up, "kaufmännisch") independent of whatever another module configures globally.
 */
export const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Dec = Decimal;

export const ZERO: Dec = new D(0);

export function dec(value: Decimal.Value): Dec {
  return new D(value);
}

/** Rounds to the cent, half up (0,005 → 0,01; −0,005 → −0,01: away from zero like Excel's ROUND). */
export function roundCent(value: Dec): Dec {
  // Values made by D need no copy (the hot path: every line cost); others are taken into D first.
  return (value.constructor === D ? value : new D(value)).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** x > 0 and x < 0 without a copy: decimal.js copies the argument of every comparison. */
export const isAboveZero = (x: Dec): boolean => !x.isZero() && x.isPositive();
export const isBelowZero = (x: Dec): boolean => !x.isZero() && x.isNegative();

export function sum(values: Iterable<Dec>): Dec {
  let total = ZERO;
  // Adding zero changes nothing, and many yearly amounts are zero: skipping them saves a Decimal copy each.
  for (const v of values) if (!v.isZero()) total = total.plus(v);
  return total;
}

/** The stored/JSON form: plain string with two decimals and a dot, e.g. "70000.00". */
export function toAmountString(value: Dec): string {
  return roundCent(value).toFixed(2);
}

/** de-DE display: "70.000,00 €" (no grouping surprises, no floats). */
export function formatEuro(value: Dec, withSymbol = true): string {
  // toFixed rounds half up to the cent itself: the same text as roundCent first, one copy fewer
  return formatDecimalDe(value, 2) + (withSymbol ? ' €' : '');
}

/** de-DE number with a fixed number of decimals: 1234.5 → "1.234,50". */
export function formatDecimalDe(value: Dec, decimals: number): string {
  const fixed = (value.constructor === D ? value : new D(value)).toFixed(decimals, Decimal.ROUND_HALF_UP);
  const negative = fixed.startsWith('-');
  const [intPart, frac] = (negative ? fixed.slice(1) : fixed).split('.');
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const body = frac ? `${grouped},${frac}` : grouped;
  return negative && !/^[0,.]+$/.test(body) ? `-${body}` : body;
}

/** A rate for display: 0.2115 → "21,15 %". */
export function formatPercentDe(rate: Dec, decimals = 2): string {
  const text = formatDecimalDe(new D(rate).times(100), decimals);
  // Trailing zeros are dropped only after the decimal comma ("3,00" → "3", but "50" stays "50").
  return `${text.includes(',') ? text.replace(/,?0+$/, '') : text} %`;
}
