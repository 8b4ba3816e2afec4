import { ZERO, type Dec } from './money';
import { fmt } from './messages';
import type { Explanation, YearAmount } from './result';
import type { CostModel } from './cost';
import type { LineSpec } from './pay';

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

/**
 * A pay line's amount in a year, explained by its cost model when read. No closure per amount: a plan of
 * 100.000 positions holds half a million of these, and each closure would keep its own context alive.
 */
class LineAmount implements YearAmount {
  private cached?: Explanation;
  constructor(
    readonly year: number,
    readonly amount: Dec,
    private readonly cost: CostModel,
    private readonly spec: LineSpec,
  ) {}
  get explanation(): Explanation {
    return (this.cached ??= this.cost.explainLine(this.spec, this.year));
  }
}

export function lineAmountOf(year: number, amount: Dec, cost: CostModel, spec: LineSpec): YearAmount {
  return new LineAmount(year, amount, cost, spec);
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
