import { ZERO, type Dec } from './money';
import { fmt } from './messages';
import type { Explanation, YearAmount } from './result';

/**
 * A lazily explained amount: explanations are built only when someone reads them. A class keeps the
 * getter on the prototype, so the 50.000+ amounts of a large plan stay small, fast objects.
 */
class LazyAmount implements YearAmount {
  private cached?: Explanation;
  constructor(
    readonly year: number,
    readonly amount: Dec,
    private readonly explain: () => Explanation,
  ) {}
  get explanation(): Explanation {
    return (this.cached ??= this.explain());
  }
}

export function amountOf(year: number, amount: Dec, explain: () => Explanation): YearAmount {
  return new LazyAmount(year, amount, explain);
}

export function sumExplanation(
  parts: { label: string; labelEn: string; amount: Dec }[],
  total: Dec,
): Explanation {
  return {
    summary: parts.map((p) => `${p.label}: ${fmt.euro(p.amount)}`).join(' + ') + ` = ${fmt.euro(total)}`,
    steps: [
      ...parts.map((p) => ({ label: p.label, labelEn: p.labelEn, value: fmt.euro(p.amount) })),
      { label: 'Summe', labelEn: 'Total', value: fmt.euro(total) },
    ],
  };
}

/** An amount that is zero by rule still explains itself, ending with its amount like every other. */
export function zeroExplanation(why: string, whyEn = why): Explanation {
  return {
    summary: `${why}: ${fmt.euro(ZERO)}`,
    steps: [{ label: why, labelEn: whyEn, value: fmt.euro(ZERO) }],
  };
}

/** An amount capped by a rule (budget line room): the original explanation plus the cap. */
export function cappedExplanation(inner: Explanation, cap: Dec, why: string, whyEn: string): Explanation {
  return {
    summary: `${inner.summary}; höchstens ${fmt.euro(cap)} (${why})`,
    steps: [...inner.steps, { label: why, labelEn: whyEn, value: fmt.euro(cap) }],
  };
}

export const zeroYears = (years: number[], why: string, whyEn = why): YearAmount[] =>
  years.map((y) => amountOf(y, ZERO, () => zeroExplanation(why, whyEn)));
