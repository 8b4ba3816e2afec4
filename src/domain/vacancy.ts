import { formatDateDe, isValidIsoDate, isoDate, parts, type IsoDate, type Period } from './dates';
import { normalizeGrade } from './grades';
import type { Stelle } from './model';

/**
 * When a position's money becomes free. An unoccupied position is free all along; an occupied one
 * only from the day its holder leaves: `Frei ab`, or the day after the date in its kw note
 * ("kw 31.12.2028" → 01.01.2029). Without either it never falls vacant within the plan.
 */
export type Vacancy =
  { kind: 'vacant' } | { kind: 'from'; date: IsoDate; because: 'freiAb' | 'kw' } | { kind: 'never' };

export function vacancyOf(s: Stelle): Vacancy {
  if (!s.besetzt) return { kind: 'vacant' };
  if (s.freiAb) return { kind: 'from', date: s.freiAb, because: 'freiAb' };
  const kw = s.vermerk === 'kw' ? noteDate(s.vermerkText) : undefined;
  if (kw) return { kind: 'from', date: dayAfter(kw), because: 'kw' };
  return { kind: 'never' };
}

/** The period in which the position's money is free; undefined when it never is. */
export function vacantPeriod(v: Vacancy): Period | undefined {
  if (v.kind === 'never') return undefined;
  return v.kind === 'vacant' ? {} : { start: v.date };
}

/** The date in a kw/ku note: "kw 31.12.2028", "kw 2028-12-31", "kw ab 31.12.2028". */
export function noteDate(text: string): IsoDate | undefined {
  const de = /(\d{1,2})\.(\d{1,2})\.(\d{4})/.exec(text);
  const iso = de
    ? isoDate(Number(de[3]), Number(de[2]), Number(de[1]))
    : /(\d{4}-\d{2}-\d{2})/.exec(text)?.[1];
  return iso && isValidIsoDate(iso) ? iso : undefined;
}

/** The lower grade a ku note converts the position to ("ku E8", "ku nach A 9"); undefined without one. */
export function kuGrade(s: Stelle): string | undefined {
  if (s.vermerk !== 'ku') return undefined;
  const m = /^ku\s+(?:nach\s+|in\s+)?([A-Z]{1,2}\s?\d{1,2}[a-cü]?)/i.exec(s.vermerkText.trim());
  return m ? normalizeGrade(m[1]) : undefined;
}

export function dayAfter(date: IsoDate): IsoDate {
  const { year, month, day } = parts(date);
  const d = new Date(Date.UTC(year, month - 1, day + 1));
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function dayBefore(date: IsoDate): IsoDate {
  const { year, month, day } = parts(date);
  const d = new Date(Date.UTC(year, month - 1, day - 1));
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/**
 * The first day a position given up from `from` on (a measure's or a cover row's Beginn) is gone from the
 * plan: never before it falls vacant – the day its money becomes free. `never` for an occupied position
 * that does not fall vacant; no day when none is known (a vacant position given up without a date).
 */
export function goneFrom(s: Stelle, from: IsoDate | undefined): { never: true } | { day?: IsoDate } {
  const v = vacancyOf(s);
  if (v.kind === 'never') return { never: true };
  if (v.kind === 'vacant') return { day: from };
  return { day: from && from > v.date ? from : v.date };
}

/**
 * The kw note of a position gone from `day` on: "kw" and its last day, the form `vacancyOf` reads back to
 * the same day ("kw 30.06.2028" → free from 01.07.2028), as for a fixed-term position ("kw 31.12.2028").
 */
export function kwNote(day: IsoDate | undefined): string {
  return day ? `kw ${formatDateDe(dayBefore(day))}` : 'kw';
}
