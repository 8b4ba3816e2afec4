import type { MeasureResult, MeasureYear } from '../domain/result';
import { verdictOf, yearVerdict, type Verdict } from '../domain/verdict';
import { tr, type Lang, type TextKey } from './i18n';

/** The engine's verdicts (domain/verdict.ts decides them; the pane only shows them). */
export function yearVerdictOf(m: MeasureResult, y: MeasureYear): Verdict {
  return yearVerdict(m.massnahme, y);
}

export function measureVerdict(m: MeasureResult): Verdict {
  return verdictOf(m);
}

const VERDICT_KEY: Record<Verdict, TextKey> = {
  gedeckt: 'covered',
  'nicht gedeckt': 'notCovered',
  'Termin offen': 'termOpen',
};
const MARK: Record<Verdict, string> = { gedeckt: '✓', 'nicht gedeckt': '✗', 'Termin offen': '…' };
const COLOR = { gedeckt: 'success', 'nicht gedeckt': 'danger', 'Termin offen': 'informative' } as const;

/** What a measure card shows: its badge and one chip per plan year (pure, so tests can compare it). */
export interface MeasureVerdictView {
  verdict: Verdict;
  label: string;
  color: (typeof COLOR)[Verdict];
  years: {
    year: number;
    verdict: Verdict;
    text: string;
    ariaLabel: string;
    color: (typeof COLOR)[Verdict];
  }[];
}

export function measureVerdictView(m: MeasureResult, lang: Lang): MeasureVerdictView {
  const verdict = measureVerdict(m);
  return {
    verdict,
    label: tr(lang, VERDICT_KEY[verdict]),
    color: COLOR[verdict],
    years: m.years.map((y) => {
      const v = yearVerdictOf(m, y);
      return {
        year: y.year,
        verdict: v,
        text: `${y.year} ${MARK[v]}`,
        ariaLabel: `${y.year}: ${tr(lang, VERDICT_KEY[v])}`,
        color: COLOR[v],
      };
    }),
  };
}
