import type { Dec } from './money';
import type { Massnahme } from './model';
import type { MeasureResult, MeasureYear } from './result';

/**
 * The verdict on a measure, decided here and nowhere else: the CLI, the papers, the pane and the
 * Beschlussvorlage all ask this module. A year is covered when its cover is at least its cost and no
 * error stands against the measure; an undated measure ("Termin offen") is shown as such.
 */
export type Verdict = 'gedeckt' | 'nicht gedeckt' | 'Termin offen';

export const VERDICT_TEXT: Record<Verdict, { de: string; en: string }> = {
  gedeckt: { de: 'gedeckt', en: 'covered' },
  'nicht gedeckt': { de: 'nicht gedeckt', en: 'not covered' },
  'Termin offen': { de: 'Termin offen', en: 'date open' },
};

/** The years of a measure with their verdicts. */
export function decideYears(years: number[], cost: Dec[], cover: Dec[], hasError: boolean): MeasureYear[] {
  return years.map((year, i) => {
    const balance = cover[i].minus(cost[i]);
    return { year, cost: cost[i], cover: cover[i], balance, covered: !hasError && !balance.isNegative() };
  });
}

export function coveredAll(years: MeasureYear[]): boolean {
  return years.every((y) => y.covered !== false);
}

export function verdictOf(r: Pick<MeasureResult, 'massnahme' | 'covered'>): Verdict {
  if (r.massnahme.terminOffen) return 'Termin offen';
  return r.covered ? 'gedeckt' : 'nicht gedeckt';
}

export function yearVerdict(m: Massnahme, y: MeasureYear): Verdict {
  if (m.terminOffen) return 'Termin offen';
  return y.covered === false ? 'nicht gedeckt' : 'gedeckt';
}

export function verdictText(v: Verdict, lang: 'de' | 'en' = 'de'): string {
  return VERDICT_TEXT[v][lang];
}
