/**
 * Calendar dates as ISO strings "YYYY-MM-DD": comparable as text, free of time zones.
 * The pro-rata rule of DESIGN.md counts a partly active month by calendar days.
 */
export type IsoDate = string;

export const OPEN_START: IsoDate = '1900-01-01';
export const OPEN_END: IsoDate = '9999-12-31';

export function isoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function parts(date: IsoDate): { year: number; month: number; day: number } {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days of a month (Gregorian leap years); asked for every partly active month, so no Date object. */
export function daysInMonth(year: number, month: number): number {
  // odd input keeps the rules of Date (which reads a year below 100 as 19xx)
  if (!Number.isInteger(month) || month < 1 || month > 12 || !Number.isInteger(year) || year < 100)
    return new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month !== 2) return MONTH_DAYS[month - 1];
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

export function isValidIsoDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const { year, month, day } = parts(date);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** "2027-01-31" → "31.01.2027" */
export function formatDateDe(date: IsoDate | undefined): string {
  if (!date) return '';
  const { year, month, day } = parts(date);
  return `${String(day).padStart(2, '0')}.${String(month).padStart(2, '0')}.${year}`;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b;
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a < b ? a : b;
}

/** A period with open ends filled in; undefined = open. */
export interface Period {
  start?: IsoDate;
  end?: IsoDate;
}

/** Intersection of periods (undefined ends stay open). Empty intersections come out with start > end. */
export function intersect(...periods: Period[]): Period {
  let start: IsoDate | undefined;
  let end: IsoDate | undefined;
  for (const p of periods) {
    if (p.start && (!start || p.start > start)) start = p.start;
    if (p.end && (!end || p.end < end)) end = p.end;
  }
  return { start, end };
}
