import {
  daysInMonth,
  formatDateDe,
  intersect,
  isValidIsoDate,
  isoDate,
  maxDate,
  minDate,
  parts,
} from '../../../src/domain/dates';
import { monthsActive } from '../../../src/domain/cost';
import { X } from './support';

/** Expected months as an exact fraction, compared without the engine's arithmetic. */
function expectMonths(start: string | undefined, end: string | undefined, year: number, expected: string) {
  const actual = monthsActive({ start, end }, year);
  // equal to 1e-30: the engine divides with 40 significant digits
  expect(new X(actual.toString()).minus(expected).abs().lt('1e-30')).toBe(true);
}

const frac = (num: number, den: number) => new X(num).div(den).toString();

describe('calendar helpers', () => {
  it('builds and splits ISO dates', () => {
    expect(isoDate(2027, 1, 5)).toBe('2027-01-05');
    expect(parts('2028-02-29')).toEqual({ year: 2028, month: 2, day: 29 });
  });

  it('knows the days of a month, leap years included', () => {
    expect(daysInMonth(2027, 1)).toBe(31);
    expect(daysInMonth(2027, 2)).toBe(28);
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28); // divisible by 100, not by 400
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(2027, 4)).toBe(30);
  });

  it.each([
    ['2027-01-31', true],
    ['2028-02-29', true],
    ['2027-02-29', false],
    ['2027-13-01', false],
    ['2027-00-10', false],
    ['2027-04-31', false],
    ['27-01-01', false],
    ['31.01.2027', false],
    ['', false],
  ])('isValidIsoDate(%p) = %p', (text, valid) => {
    expect(isValidIsoDate(text)).toBe(valid);
  });

  it('formats German dates and leaves open dates empty', () => {
    expect(formatDateDe('2027-01-31')).toBe('31.01.2027');
    expect(formatDateDe(undefined)).toBe('');
  });

  it('min/max and intersection with open ends', () => {
    expect(maxDate('2027-01-01', '2026-12-31')).toBe('2027-01-01');
    expect(minDate('2027-01-01', '2026-12-31')).toBe('2026-12-31');
    expect(intersect({ start: '2027-01-01' }, { end: '2028-06-30' })).toEqual({
      start: '2027-01-01',
      end: '2028-06-30',
    });
    expect(
      intersect({ start: '2027-01-01', end: '2029-12-31' }, { start: '2027-07-01', end: '2028-12-31' }),
    ).toEqual({ start: '2027-07-01', end: '2028-12-31' });
    expect(intersect({}, {})).toEqual({ start: undefined, end: undefined });
    // disjoint periods come out empty (start after end)
    const empty = intersect({ start: '2028-01-01' }, { end: '2027-12-31' });
    expect(empty.start! > empty.end!).toBe(true);
  });
});

describe('monthsActive: months of a period within a plan year', () => {
  it('counts a full year as 12', () => {
    expectMonths('2027-01-01', '2027-12-31', 2027, '12');
  });

  it('counts open periods (no start, no end, or both) as the full year', () => {
    expectMonths(undefined, undefined, 2027, '12');
    expectMonths('2020-05-17', undefined, 2027, '12');
    expectMonths(undefined, '2040-01-01', 2027, '12');
  });

  it('counts whole months from the first to the last day of a month', () => {
    expectMonths('2027-07-01', undefined, 2027, '6');
    expectMonths(undefined, '2027-06-30', 2027, '6');
    expectMonths('2027-03-01', '2027-03-31', 2027, '1');
    expectMonths('2027-04-01', '2027-09-30', 2027, '6');
  });

  it('counts a partial month by calendar days: 15.01.–31.01. is 17/31', () => {
    // 15th to 31st inclusive = 17 days of a 31-day month
    expectMonths('2027-01-15', '2027-01-31', 2027, frac(17, 31));
  });

  it('counts both partial ends of a longer period: 15.01.–10.03. = 17/31 + 1 + 10/31', () => {
    expectMonths(
      '2027-01-15',
      '2027-03-10',
      2027,
      new X(17).div(31).plus(1).plus(new X(10).div(31)).toString(),
    );
  });

  it('counts an open-ended period starting mid-month: 15.01. → 17/31 + 11', () => {
    expectMonths('2027-01-15', undefined, 2027, new X(17).div(31).plus(11).toString());
  });

  it('uses 29 days for February in a leap year and 28 otherwise', () => {
    expectMonths('2028-02-15', '2028-02-29', 2028, frac(15, 29));
    expectMonths('2027-02-15', '2027-02-28', 2027, frac(14, 28));
    expectMonths('2028-02-01', '2028-02-29', 2028, '1');
    expectMonths('2028-02-01', '2028-02-28', 2028, frac(28, 29)); // one day short of the leap February
  });

  it('counts a single day as 1/days-in-month', () => {
    expectMonths('2027-04-30', '2027-04-30', 2027, frac(1, 30));
  });

  it('clamps periods that span several years to the year asked for', () => {
    expectMonths('2026-10-01', '2028-03-31', 2026, '3');
    expectMonths('2026-10-01', '2028-03-31', 2027, '12');
    expectMonths('2026-10-01', '2028-03-31', 2028, '3');
  });

  it('is 0 outside the period', () => {
    expectMonths('2028-01-01', undefined, 2027, '0');
    expectMonths(undefined, '2026-12-31', 2027, '0');
  });

  it('is 0 when the start lies after the end', () => {
    expectMonths('2027-06-01', '2027-05-31', 2027, '0');
    expectMonths('2028-01-01', '2027-01-01', 2027, '0');
  });

  it('adds up to 12 over the months of a year split at any day', () => {
    // 01.01.–14.05. and 15.05.–31.12. together are the whole year
    const a = monthsActive({ start: '2027-01-01', end: '2027-05-14' }, 2027);
    const b = monthsActive({ start: '2027-05-15', end: '2027-12-31' }, 2027);
    expect(new X(a.plus(b).toString()).minus(12).abs().lt('1e-30')).toBe(true);
  });
});
