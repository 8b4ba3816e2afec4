import { ZERO, sum } from './money';
import { Findings } from './catalogue';
import { buildIndex, type Index } from './input-checks';
import { evaluateMeasure, type MeasureEval } from './evaluate';
import { bookDraws, type Draw } from './ledger';
import { ScenarioNames, isScenarioMember } from './scenarios';
import { amountOf, sumExplanation, zeroExplanation } from './explain';
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

  const scenarios: ScenarioResult[] = scenarioNames.map((name) => {
    const all = [...ix.massnahmen.values()].filter((m) => isScenarioMember(m, name));
    // Basis (and adopted) measures book first: a variant's own measure is the second use, never they.
    const members = [
      ...all.filter((m) => names.own(m) === BASIS),
      ...all.filter((m) => names.own(m) !== BASIS),
    ];
    const sf = new Findings();
    const draws = members.flatMap((m) => evals.get(m)!.draws);
    const refused = bookDraws(
      draws,
      { years, lines: ix.lines, scenario: name, ownScenario: (m) => names.own(m) },
      sf,
    );
    const ledgerFindings = new Map<string, Finding[]>();
    for (const x of sf.list) ledgerFindings.set(x.measure!, [...(ledgerFindings.get(x.measure!) ?? []), x]);
    const byDraw = new Map<Massnahme, Draw[]>();
    for (const d of refused.keys()) byDraw.set(d.measure, [...(byDraw.get(d.measure) ?? []), d]);
    const ordered = all; // results in sheet order
    const measures = ordered.map((m) => {
      const base = evals.get(m)!.result;
      const own = byDraw.get(m);
      const overused = ledgerFindings.has(m.nr) || own !== undefined;
      return overused ? rebook(base, own ?? [], refused, ix) : base;
    });
    const totals: MeasureYear[] = years.map((year, i) => {
      const c = sum(measures.map((r) => r.years[i].cost));
      const v = sum(measures.map((r) => r.years[i].cover));
      return { year, cost: c, cover: v, balance: v.minus(c) };
    });
    const findings = [...ordered.flatMap((m) => evals.get(m)!.findings), ...sf.list];
    return { name, measures, findings, totals };
  });

  // ---- Findings once each: input checks first, then per scenario (Basis wins)
  const seen = new Set<string>();
  const findings: Finding[] = [];
  const push = (x: Finding) => {
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
    const spec = ix.positionSpecs.get(s);
    return {
      stelle: s,
      years: years.map((y) =>
        amountOf(y, spec ? ix.cost.lineCost(spec, y) : ZERO, () =>
          spec
            ? ix.cost.explainLine(spec, y)
            : zeroExplanation('Nicht berechenbar (Entgeltgruppe/Stufe unbekannt)'),
        ),
      ),
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
  });
  budget.findings.forEach(push);

  return { years, scenarios, measures, findings, positions, budget: budget.lines, model };
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
