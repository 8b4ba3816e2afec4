import { ZERO, type Dec } from './money';
import { Findings } from './catalogue';
import type { Finding } from './findings';
import type { Planansatz, Stelle, WorkbookModel } from './model';
import type { MeasureResult } from './result';

/** One personnel budget line in one plan year: its Ansatz, what is charged to it, and the margin. */
export interface BudgetYear {
  year: number;
  /** Undefined when the Planansätze have no row for this line and year. */
  ansatz?: Dec;
  cost: Dec;
  /** ansatz − cost (undefined without an Ansatz). */
  margin?: Dec;
}

export interface BudgetLineResult {
  haushaltsstelle: string;
  bezeichnung: string;
  years: BudgetYear[];
}

export interface BudgetInput {
  model: WorkbookModel;
  years: number[];
  positionCost: (s: Stelle, year: number) => Dec;
  /**
   * Adopted measures. `realised`: the new position is already in `Stellen` (taken into the plan by
   * `adopt`), so it is counted there, once; the positions it gives up as cover are released either way.
   */
  adopted: { result: MeasureResult; realised: boolean }[];
  /** The positions' cost per line and year, when the caller has it already (same as summing positionCost). */
  lineTotals?: Map<string, Dec[]>;
  /** The positions by number, when the caller has them already (each number once in `model.stellen`). */
  positionsByNr?: Map<string, Stelle>;
}

/**
 * BUDGET_SHORTFALL: the Ansatz of every personnel budget line against the cost of all positions assigned
 * to it (Stellen.Haushaltsstelle), plus adopted measures not yet taken into the plan, minus the position
 * cover adopted measures release from the line. Pending measures (Entwurf/beantragt) are judged by the
 * coverage check; their Ansätze move only when the council adopts them. Lines without positions are
 * left alone.
 */
export function checkBudget(input: BudgetInput): { lines: BudgetLineResult[]; findings: Finding[] } {
  const { model, years } = input;
  const byLine = new Map<string, Map<number, Planansatz>>();
  for (const p of model.planansaetze) {
    const m = byLine.get(p.haushaltsstelle) ?? new Map<number, Planansatz>();
    if (!m.has(p.jahr)) m.set(p.jahr, p);
    byLine.set(p.haushaltsstelle, m);
  }
  const charged = new Map<string, Dec[]>();
  const charge = (hst: string, i: number, amount: Dec) => {
    if (!hst || amount.isZero()) return;
    const list = charged.get(hst) ?? years.map(() => ZERO);
    list[i] = list[i].plus(amount);
    charged.set(hst, list);
  };
  // by number, the last row of a number winning (as before); built only when an adopted measure has cover
  let byNr: Map<string, Stelle> | undefined;
  const stelle = (nr: string) => {
    if (!byNr) {
      if (input.positionsByNr) return (byNr = input.positionsByNr).get(nr);
      byNr = new Map<string, Stelle>();
      for (const s of model.stellen) byNr.set(s.nr, s);
    }
    return byNr.get(nr);
  };
  if (input.lineTotals)
    for (const [hst, totals] of input.lineTotals) totals.forEach((amount, i) => charge(hst, i, amount));
  else
    for (const s of model.stellen)
      years.forEach((y, i) => charge(s.haushaltsstelle, i, input.positionCost(s, y)));
  for (const { result: r, realised } of input.adopted) {
    if (!realised) years.forEach((_, i) => charge(r.massnahme.haushaltsstelle, i, r.years[i].cost));
    for (const line of r.cover) {
      const source = stelle(line.deckung.stellenNr);
      if (source) years.forEach((_, i) => charge(source.haushaltsstelle, i, line.years[i].amount.neg()));
    }
  }

  const lines: BudgetLineResult[] = [];
  const f = new Findings();
  for (const [hst, byYear] of byLine) {
    const first = byYear.values().next().value as Planansatz;
    const personnel = [...byYear.values()].some((p) => p.art === 'Personalaufwand');
    const costs = charged.get(hst);
    if (!costs || (!personnel && [...byYear.values()].some((p) => p.art !== undefined))) continue;
    const result: BudgetLineResult = {
      haushaltsstelle: hst,
      bezeichnung: first.bezeichnung,
      years: years.map((year, i) => {
        const ansatz = byYear.get(year)?.ansatz;
        return { year, ansatz, cost: costs[i], margin: ansatz?.minus(costs[i]) };
      }),
    };
    lines.push(result);
    for (const y of result.years) {
      if (!y.margin?.isNegative()) continue;
      const p = byYear.get(y.year)!;
      f.emit(
        'budgetShortfall',
        { hst, title: p.bezeichnung, year: y.year, ansatz: y.ansatz!, cost: y.cost, gap: y.margin.neg() },
        { ...p.ref, field: 'ansatz' },
      );
    }
  }
  return { lines, findings: f.list };
}
