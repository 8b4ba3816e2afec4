import { monthsActive } from '../../../src/domain/cost';
import { monthPosition, yearMonthsFormula } from '../../../src/workbook/formulas';

/**
 * The months of a plan year in `Berechnung` are the overlap of a line's start and end positions (months
 * from 1 January of the first plan year) with the year. LibreOffice recalculates the real cells in the
 * integration tests; here the same arithmetic (MAX/MIN only) is evaluated for many periods and must give
 * the engine's pro-rata months, including starts and ends outside the plan years and empty periods.
 */
const FIRST = 2027;
const YEARS = [2027, 2028, 2029, 2030, 2031];

/** Evaluates the formula text with numbers for $L/$M: MAX, MIN, numbers, + and − (a tiny parser). */
function evaluate(formula: string, start?: number, end?: number): number {
  const tokens = formula
    .replace(/\$L\d+/g, String(start))
    .replace(/\$M\d+/g, String(end))
    .match(/MAX|MIN|\d+(?:\.\d+)?(?:e-?\d+)?|[(),+-]/g)!;
  let i = 0;
  const term = (): number => {
    const t = tokens[i++];
    if (t === '-') return -term();
    if (t === 'MAX' || t === 'MIN') {
      expect(tokens[i++]).toBe('(');
      const args = [sum()];
      while (tokens[i] === ',') {
        i++;
        args.push(sum());
      }
      expect(tokens[i++]).toBe(')');
      return t === 'MAX' ? Math.max(...args) : Math.min(...args);
    }
    const n = Number(t);
    expect(Number.isFinite(n)).toBe(true);
    return n;
  };
  const sum = (): number => {
    let v = term();
    while (tokens[i] === '+' || tokens[i] === '-') v = tokens[i++] === '+' ? v + term() : v - term();
    return v;
  };
  const v = sum();
  expect(i).toBe(tokens.length);
  return v;
}

const DAYS = [
  '2025-06-15',
  '2026-12-31',
  '2027-01-01',
  '2027-01-31',
  '2027-02-28',
  '2027-03-16',
  '2028-02-29',
  '2028-07-01',
  '2029-12-31',
  '2030-01-01',
  '2031-11-30',
  '2031-12-31',
  '2033-04-10',
];

test('every year: the overlap of the start and end positions gives the engine months (to 1e-9)', () => {
  const periods: { start?: string; end?: string }[] = [{}];
  for (const s of DAYS) periods.push({ start: s }, { end: s });
  for (const s of DAYS) for (const e of DAYS) periods.push({ start: s, end: e });
  const wrong: string[] = [];
  for (const p of periods)
    YEARS.forEach((year, k) => {
      const f = yearMonthsFormula(p.start ? '$L15' : undefined, p.end ? '$M15' : undefined, k);
      const got = evaluate(
        f,
        p.start ? monthPosition(p.start, FIRST, 'start') : undefined,
        p.end ? monthPosition(p.end, FIRST, 'end') : undefined,
      );
      const want = Number(monthsActive({ start: p.start, end: p.end }, year).toString());
      if (Math.abs(got - want) > 1e-9) wrong.push(`${p.start}–${p.end} ${year}: ${got} statt ${want} (${f})`);
    });
  expect(wrong).toEqual([]);
});

test('a year formula stays short: no DATE or EOMONTH per year, only the two positions', () => {
  const f = yearMonthsFormula('$L15', '$M15', 1);
  expect(f).toBe('MAX(0,MIN($M15,24)-MAX($L15,12))');
  expect(yearMonthsFormula(undefined, undefined, 3)).toBe('12');
});
