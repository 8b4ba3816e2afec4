import { ZERO, sum } from './money';
import { Findings } from './catalogue';
import { buildIndex, type Index } from './input-checks';
import { evaluateMeasure, type MeasureEval } from './evaluate';
import { Ledger, type Draw, type LedgerContext } from './ledger';
import { ScenarioNames, isScenarioMember } from './scenarios';
import { amountOf, sumExplanation, zeroExplanation, zeroYears } from './explain';
import { coveredAll, decideYears } from './verdict';
import { checkBudget } from './budget';
import { normalizeGrade } from './grades';
import { BASIS, type Massnahme, type WorkbookModel } from './model';
import type { Finding } from './findings';
import type { CheckResult, MeasureResult, MeasureYear, PositionCost, ScenarioResult } from './result';

/**
 * The coverage check: input checks, each measure evaluated once (cost, cover rows, its own verdict),
 * then per scenario one ledger of money that refuses every second use, and the verdicts once more
 * where the ledger changed a measure. Rules live in the modules named after them (measure-kinds,
 * cover-kinds, cover-rows, ledger, vacancy, scenarios, verdict); the texts in the findings catalogue.
 */
export function checkCoverage(model: WorkbookModel, options: { scenario?: string } = {}): CheckResult {
  const f = new Findings();
  const ix = buildIndex(model, f);
  const { years } = ix;
  const names = new ScenarioNames(ix.massnahmen.values());

  const evals = new Map<Massnahme, MeasureEval>();
  for (const m of ix.massnahmen.values())
    evals.set(m, evaluateMeasure(m, ix.coverByMeasure.get(m.nr) ?? [], ix, names.own(m)));

  let scenarioNames = [BASIS, ...names.variants(ix.massnahmen.values())];
  if (options.scenario) scenarioNames = scenarioNames.filter((s) => s === names.nameOf(options.scenario));

  const ledgerContext = (scenario: string): LedgerContext => ({
    years,
    lines: ix.lines,
    scenario,
    ownScenario: (m) => names.own(m),
  });
  const inSheetOrder = [...ix.massnahmen.values()];
  // Basis (and adopted) measures book first in every scenario, in the same order, so their ledger is booked
  // once; each variant books its own measures on a copy of it (its own measure is the second use, never they).
  const basisMembers = inSheetOrder.filter((m) => isScenarioMember(m, BASIS));
  const basisLedger = new Ledger(ledgerContext(BASIS));
  const basisFindings = new Findings();
  basisLedger.book(
    basisMembers.flatMap((m) => evals.get(m)!.draws),
    basisFindings,
  );
  const basisResults = settle(basisMembers, basisLedger.refused, evals, ix);
  const basisTotals = totalsOf(years, basisResults.values());

  const scenarios: ScenarioResult[] = scenarioNames.map((name) => {
    const all = name === BASIS ? basisMembers : inSheetOrder.filter((m) => isScenarioMember(m, name));
    let ledgerFindings = basisFindings.list;
    let measures = basisMembers.map((m) => basisResults.get(m)!);
    let totals = basisTotals;
    if (name !== BASIS) {
      const own = all.filter((m) => names.own(m) !== BASIS);
      const ledger = basisLedger.fork(ledgerContext(name));
      const sf = new Findings();
      ledger.book(
        own.flatMap((m) => evals.get(m)!.draws),
        sf,
      );
      const ownResults = settle(own, ledger.refused, evals, ix);
      ledgerFindings = sf.list;
      measures = all.map((m) => basisResults.get(m) ?? ownResults.get(m)!); // in sheet order
      totals = totalsOf(years, ownResults.values(), basisTotals);
    }
    const findings = [...all.flatMap((m) => evals.get(m)!.findings), ...ledgerFindings];
    return { name, measures, findings, totals };
  });

  // ---- Findings once each: input checks first, then per scenario (Basis wins)
  const seen = new Set<string>();
  // A measure's findings are the same objects in every scenario it belongs to: those need no key.
  const seenObjects = new Set<Finding>();
  const findings: Finding[] = [];
  const push = (x: Finding) => {
    if (seenObjects.has(x)) return;
    seenObjects.add(x);
    const key = `${x.code}|${x.ref?.table}|${x.ref?.row}|${x.ref?.field}|${x.measure ?? ''}|${x.message}`;
    if (seen.has(key)) return;
    seen.add(key);
    findings.push(x);
  };
  f.list.forEach(push);
  for (const s of scenarios) s.findings.forEach(push);

  const asked = options.scenario ? names.nameOf(options.scenario) : undefined;
  const inResult = [...ix.massnahmen.values()].filter((m) =>
    asked ? isScenarioMember(m, asked) : m.status !== 'abgelehnt',
  );
  // Each measure as evaluated in its own scenario (or in the one asked for).
  const byScenario = new Map(
    scenarios.map((s) => [s.name, new Map(s.measures.map((r) => [r.massnahme, r]))]),
  );
  const measures = inResult.map((m) => byScenario.get(asked ?? names.own(m))?.get(m) ?? evals.get(m)!.result);

  const positions: PositionCost[] = model.stellen.map((s) => {
    const own = ix.positionYears.get(s);
    return {
      stelle: s,
      // alike positions share their amounts, each has its own list
      years: own ? [...own.amounts] : zeroYears(years, 'Nicht berechenbar (Entgeltgruppe/Stufe unbekannt)'),
    };
  });

  // ---- Budget lines: personnel Ansätze against the positions charged to them (the plan as adopted)
  const adopted = [...ix.massnahmen.values()]
    .filter((m) => m.status === 'beschlossen')
    .map((m) => ({
      result: byScenario.get(BASIS)?.get(m) ?? evals.get(m)!.result,
      realised: m.art === 'Neue Stelle' && ix.stellen.has(m.stellenNr),
    }));
  const budget = checkBudget({
    model,
    years,
    positionCost: ix.positionCost,
    adopted,
    lineTotals: ix.lineTotals,
    // without duplicate numbers the index's lookup is the budget check's own
    ...(ix.stellen.size === model.stellen.length ? { positionsByNr: ix.stellen } : {}),
  });
  budget.findings.forEach(push);

  return { years, scenarios, measures, findings, positions, budget: budget.lines, model };
}

/**
 * The measures as a scenario's ledger leaves them: unchanged, or rebooked where a draw was refused (every
 * ledger finding comes with a refused draw of its measure).
 */
function settle(
  members: Massnahme[],
  refused: Map<Draw, Set<number>>,
  evals: Map<Massnahme, MeasureEval>,
  ix: Index,
): Map<Massnahme, MeasureResult> {
  const byMeasure = new Map<Massnahme, Draw[]>();
  for (const d of refused.keys()) {
    const list = byMeasure.get(d.measure);
    if (list) list.push(d);
    else byMeasure.set(d.measure, [d]);
  }
  const out = new Map<Massnahme, MeasureResult>();
  for (const m of members) {
    const base = evals.get(m)!.result;
    const own = byMeasure.get(m);
    out.set(m, own ? rebook(base, own, refused, ix) : base);
  }
  return out;
}

/**
 * Cost and cover of measures per year, added to `start` (a variant: the Basis totals plus its own measures).
 * Zeros are skipped as `sum` does; the amounts are exact decimals, so the order of adding does not matter.
 */
function totalsOf(years: number[], results: Iterable<MeasureResult>, start?: MeasureYear[]): MeasureYear[] {
  const cost = years.map((_, i) => start?.[i].cost ?? ZERO);
  const cover = years.map((_, i) => start?.[i].cover ?? ZERO);
  for (const r of results)
    for (let i = 0; i < years.length; i++) {
      const y = r.years[i];
      if (!y.cost.isZero()) cost[i] = cost[i].plus(y.cost);
      if (!y.cover.isZero()) cover[i] = cover[i].plus(y.cover);
    }
  return years.map((year, i) => ({ year, cost: cost[i], cover: cover[i], balance: cover[i].minus(cost[i]) }));
}

/** A measure as the ledger of one scenario leaves it: refused draws count nothing, verdicts anew. */
function rebook(base: MeasureResult, own: Draw[], refused: Map<Draw, Set<number>>, ix: Index): MeasureResult {
  const { years } = ix;
  const cost = [...base.cost];
  const cover = base.cover.map((c) => ({ ...c, years: [...c.years] }));
  for (const d of own) {
    for (const i of refused.get(d)!) {
      const y = years[i];
      if (d.target.kind === 'cost') {
        // the saving was already given elsewhere: it does not lower this measure's cost again
        const before = cost[i];
        const back = d.amounts[i];
        cost[i] = amountOf(y, before.amount.plus(back), () =>
          sumExplanation(
            [
              { label: 'Berechnet', labelEn: 'Computed', amount: before.amount },
              {
                label: 'Einsparung schon anderweitig vergeben',
                labelEn: 'Saving already used elsewhere',
                amount: back,
              },
            ],
            before.amount.plus(back),
          ),
        );
      } else {
        const line = cover[d.target.index];
        line.years[i] = amountOf(y, ZERO, () =>
          zeroExplanation('Schon anderweitig vergeben', 'Already used elsewhere'),
        );
        line.basis = undefined;
      }
    }
  }
  const costs = cost.map((c) => c.amount);
  const covers = years.map((_, i) => sum(cover.map((c) => c.years[i].amount)));
  // the ledger's own findings for this measure are errors (COVER_OVERUSED)
  const measureYears = decideYears(years, costs, covers, true);
  return { ...base, cost, cover, years: measureYears, covered: coveredAll(measureYears) };
}

export { normalizeGrade };
