import type { Dec } from './money';
import type { CostModel } from './cost';
import type { LineSpec } from './pay';
import { lineAmountOf } from './explain';
import type { Stelle } from './model';
import type { YearAmount } from './result';

/** A position's cost per plan year (index as the plan years) and the same amounts with their explanation. */
export interface PositionYears {
  costs: readonly Dec[];
  amounts: readonly YearAmount[];
}

/**
 * Each position's own cost in every plan year, computed once per distinct pay line: positions alike in
 * pay, step, share and period (forty Erzieherinnen S 8a Stufe 4, full time) cost the same and explain
 * themselves alike, so they share one computation and one set of amounts.
 */
export function positionCosts(
  specs: Map<Stelle, LineSpec | undefined>,
  cost: CostModel,
): Map<Stelle, PositionYears> {
  const out = new Map<Stelle, PositionYears>();
  const alike = new Map<string, PositionYears>();
  const payIds = new Map<Dec, number>();
  for (const [s, spec] of specs) {
    if (!spec) continue;
    const key = lineKey(spec, payIds);
    let line = alike.get(key);
    if (!line) {
      const costs = cost.yearCosts(spec);
      line = { costs, amounts: cost.years.map((y, i) => lineAmountOf(y, costs[i], cost, spec)) };
      alike.set(key, line);
    }
    out.set(s, line);
  }
  return out;
}

/**
 * Everything a line's cost and explanation depend on. The monthly amount by identity: pay table entries
 * are shared objects, and two tables' equal amounts may still differ by version.
 */
function lineKey(spec: LineSpec, payIds: Map<Dec, number>): string {
  let pay = payIds.get(spec.monthly);
  if (pay === undefined) payIds.set(spec.monthly, (pay = payIds.size));
  const { start = '', end = '' } = spec.period;
  return `${pay}|${spec.grade}|${spec.step}|${spec.beamte ? 1 : 0}|${spec.share.toString()}|${start}|${end}|${spec.stepSince ?? ''}`;
}
