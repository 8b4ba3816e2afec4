import type { MeasureResult, MeasureYear } from '../domain/result';
import { verdictOf, yearVerdict, type Verdict } from '../domain/verdict';

/** The engine's verdicts (domain/verdict.ts decides them; the pane only shows them). */
export function yearVerdictOf(m: MeasureResult, y: MeasureYear): Verdict {
  return yearVerdict(m.massnahme, y);
}

export function measureVerdict(m: MeasureResult): Verdict {
  return verdictOf(m);
}
