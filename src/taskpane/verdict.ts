import type { MeasureYear } from '../domain/result';

/**
 * The engine's verdict for a measure in a plan year. The engine decides it in one place and reports it as
 * `years[].covered` (coverage rules v2); a result without the field falls back to "cover ≥ cost".
 */
export function coveredIn(y: MeasureYear): boolean {
  const v = (y as MeasureYear & { covered?: boolean }).covered;
  return v ?? !y.balance.isNegative();
}
