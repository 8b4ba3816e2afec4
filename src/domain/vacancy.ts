import { isValidIsoDate, isoDate, parts, type IsoDate, type Period } from './dates';
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
