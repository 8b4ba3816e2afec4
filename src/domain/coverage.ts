import { D, ZERO, sum, type Dec } from './money';
import { intersect, parts, type Period } from './dates';
import { CostModel, explainProRata, lookupMonthly, positionLine, proRataAmount, type LineSpec } from './cost';
import { dienstverhaeltnisOfGrade, normalizeGrade } from './grades';
import { inadmissibleBy } from './admissibility';
import { checkBudget } from './budget';
import { fmt } from './messages';
import type { Finding, FindingCode, Severity } from './findings';
import {
  BASIS,
  type Deckung,
  type Massnahme,
  type Planansatz,
  type SourceRef,
  type Stelle,
  type WorkbookModel,
} from './model';
import type {
  CheckResult,
  CoverLineResult,
  Explanation,
  LineBasis,
  MeasureResult,
  MeasureYear,
  PositionCost,
  ScenarioResult,
  YearAmount,
} from './result';

const POSITION_SOURCES = new Set(['Stellenwegfall', 'Nichtbesetzung', 'Verzicht auf geplante Stelle']);

/** A lazily explained amount: explanations are built only when someone reads them. */
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

function amountOf(year: number, amount: Dec, explain: () => Explanation): YearAmount {
  return new LazyAmount(year, amount, explain);
}

function sumExplanation(parts: { label: string; labelEn: string; amount: Dec }[], total: Dec): Explanation {
  return {
    summary: parts.map((p) => `${p.label}: ${fmt.euro(p.amount)}`).join(' + ') + ` = ${fmt.euro(total)}`,
    steps: [
      ...parts.map((p) => ({ label: p.label, labelEn: p.labelEn, value: fmt.euro(p.amount) })),
      { label: 'Summe', labelEn: 'Total', value: fmt.euro(total) },
    ],
  };
}

class Findings {
  readonly list: Finding[] = [];
  add(
    code: FindingCode,
    severity: Severity,
    message: string,
    messageEn: string,
    ref?: SourceRef,
    extra: { measure?: string; scenario?: string } = {},
  ): void {
    this.list.push({ code, severity, message, messageEn, ref, ...extra });
  }
}

function isScenarioMember(m: Massnahme, scenario: string): boolean {
  if (m.status === 'abgelehnt') return false;
  const own = m.szenario || BASIS;
  return own === BASIS || m.status === 'beschlossen' || own === scenario;
}

/** An amount that is zero by rule still explains itself, ending with its amount like every other. */
function zeroExplanation(why: string): Explanation {
  return {
    summary: `${why}: ${fmt.euro(ZERO)}`,
    steps: [{ label: why, labelEn: why, value: fmt.euro(ZERO) }],
  };
}

function ownScenario(m: Massnahme): string {
  return m.status === 'beschlossen' ? BASIS : m.szenario || BASIS;
}

/** Per-measure evaluation that does not depend on the scenario. */
interface MeasureEval {
  result: MeasureResult;
  /** Cover lines that draw on a source with limited capacity: position nr or budget line. */
  draws: { source: string; kind: 'position' | 'budget'; line: CoverLineResult }[];
  findings: Finding[];
}

export function checkCoverage(model: WorkbookModel, options: { scenario?: string } = {}): CheckResult {
  const cost = new CostModel(model.parameter, model);
  const years = cost.years;
  const f = new Findings();

  // ---- Stellen: duplicates, pay grades, ranges, fixed-term reminders
  const stellen = new Map<string, Stelle>();
  const positionSpecs = new Map<Stelle, LineSpec | undefined>();
  for (const s of model.stellen) {
    if (stellen.has(s.nr)) {
      f.add(
        'DUPLICATE_ID',
        'error',
        `Die Stellen-Nr. „${s.nr}“ kommt mehrfach vor.`,
        `Position number "${s.nr}" occurs more than once.`,
        {
          ...s.ref,
          field: 'nr',
        },
      );
    } else stellen.set(s.nr, s);
    positionSpecs.set(s, positionSpec(s, f, model));
    if (s.beginn && s.ende && s.beginn > s.ende)
      f.add(
        'INVALID_VALUE',
        'error',
        `Stelle ${s.nr}: das Ende (${fmt.date(s.ende)}) liegt vor dem Beginn (${fmt.date(s.beginn)}).`,
        `Position ${s.nr}: end date before start date.`,
        { ...s.ref, field: 'ende' },
      );
    if (s.ende && years.includes(parts(s.ende).year))
      f.add(
        'FIXED_TERM_REVIEW',
        'info',
        `Die Stelle ${s.nr} (${s.bezeichnung}) endet am ${fmt.date(s.ende)}: rechtzeitig über Verlängerung oder Wegfall entscheiden.`,
        `Position ${s.nr} ends on ${fmt.date(s.ende)}: decide in time whether it continues.`,
        { ...s.ref, field: 'ende' },
      );
  }

  const positionCost = (s: Stelle, year: number, period?: Period): Dec => {
    const spec = positionSpecs.get(s);
    if (!spec) return ZERO;
    return cost.lineCost(period ? { ...spec, period: intersect(spec.period, period) } : spec, year);
  };

  // ---- Planansätze: duplicates, lookup
  const lines = new Map<string, Map<number, Planansatz>>();
  for (const p of model.planansaetze) {
    const byYear = lines.get(p.haushaltsstelle) ?? new Map<number, Planansatz>();
    if (byYear.has(p.jahr))
      f.add(
        'DUPLICATE_ID',
        'error',
        `Der Planansatz ${p.haushaltsstelle} für ${p.jahr} steht mehrfach in den Planansätzen.`,
        `Budget line ${p.haushaltsstelle} for ${p.jahr} occurs more than once.`,
        { ...p.ref, field: 'haushaltsstelle' },
      );
    else byYear.set(p.jahr, p);
    lines.set(p.haushaltsstelle, byYear);
  }
  const isProtected = (hst: string) => [...(lines.get(hst)?.values() ?? [])].some((p) => p.geschuetzt);

  // ---- Maßnahmen: duplicates
  const massnahmen = new Map<string, Massnahme>();
  for (const m of model.massnahmen) {
    if (massnahmen.has(m.nr))
      f.add(
        'DUPLICATE_ID',
        'error',
        `Die Maßnahme-Nr. „${m.nr}“ kommt mehrfach vor.`,
        `Measure number "${m.nr}" occurs more than once.`,
        {
          ...m.ref,
          field: 'nr',
        },
      );
    else massnahmen.set(m.nr, m);
  }

  // ---- Prerequisites: an office is founded when its head starts; transfers wait for that (Konstanz)
  for (const m of massnahmen.values()) {
    if (!m.voraussetzung) continue;
    const pre = massnahmen.get(m.voraussetzung);
    const at = { ...m.ref, field: 'voraussetzung' };
    if (!pre)
      f.add(
        'MEASURE_UNKNOWN',
        'error',
        `Maßnahme ${m.nr}: die Voraussetzung „${m.voraussetzung}“ gibt es in den Maßnahmen nicht.`,
        `Measure ${m.nr}: prerequisite "${m.voraussetzung}" does not exist.`,
        at,
        { measure: m.nr },
      );
    else if (pre.status === 'abgelehnt' && m.status !== 'abgelehnt')
      f.add(
        'DEPENDENCY_ORDER',
        'warning',
        `Maßnahme ${m.nr} setzt ${pre.nr} voraus, die abgelehnt ist.`,
        `Measure ${m.nr} depends on ${pre.nr}, which was rejected.`,
        at,
        { measure: m.nr },
      );
    else if (m.beginn && pre.beginn && m.beginn < pre.beginn)
      f.add(
        'DEPENDENCY_ORDER',
        'warning',
        `Maßnahme ${m.nr} soll am ${fmt.date(m.beginn)} wirksam werden, ihre Voraussetzung ${pre.nr} erst am ${fmt.date(pre.beginn)}.`,
        `Measure ${m.nr} starts before its prerequisite ${pre.nr}.`,
        { ...m.ref, field: 'beginn' },
        { measure: m.nr },
      );
  }

  // ---- Deckung rows grouped by measure; unknown measures
  const coverByMeasure = new Map<string, Deckung[]>();
  for (const d of model.deckung) {
    if (!massnahmen.has(d.massnahmeNr)) {
      f.add(
        'MEASURE_UNKNOWN',
        'error',
        `Die Deckungszeile nennt die Maßnahme „${d.massnahmeNr}“, die es in den Maßnahmen nicht gibt.`,
        `The cover row names measure "${d.massnahmeNr}", which does not exist.`,
        { ...d.ref, field: 'massnahmeNr' },
      );
      continue;
    }
    const list = coverByMeasure.get(d.massnahmeNr) ?? [];
    list.push(d);
    coverByMeasure.set(d.massnahmeNr, list);
  }

  // ---- Evaluate each measure once
  const evals = new Map<Massnahme, MeasureEval>();
  for (const m of massnahmen.values()) {
    evals.set(
      m,
      evaluateMeasure(m, coverByMeasure.get(m.nr) ?? [], {
        model,
        cost,
        years,
        stellen,
        positionSpecs,
        positionCost,
        lines,
        isProtected,
      }),
    );
  }

  // ---- Scenarios: Basis + variants; double use judged per scenario
  const variantNames: string[] = [];
  for (const m of massnahmen.values()) {
    const s = m.szenario || BASIS;
    if (m.status !== 'abgelehnt' && s !== BASIS && !variantNames.includes(s)) variantNames.push(s);
  }
  let scenarioNames = [BASIS, ...variantNames];
  if (options.scenario) scenarioNames = scenarioNames.filter((s) => s === options.scenario);

  const scenarios: ScenarioResult[] = scenarioNames.map((name) => {
    const members = [...massnahmen.values()].filter((m) => isScenarioMember(m, name));
    const sf = new Findings();
    checkOveruse(name, members, evals, { years, stellen, positionCost, lines }, sf);
    // Copies per scenario: a double use in one variant must not mark the measure uncovered elsewhere.
    const overused = new Set(sf.list.map((x) => x.measure));
    const measures = members.map((m) => {
      const r = evals.get(m)!.result;
      return overused.has(m.nr) ? { ...r, covered: false } : r;
    });
    const totals: MeasureYear[] = years.map((year, i) => {
      const c = sum(measures.map((r) => r.years[i].cost));
      const v = sum(measures.map((r) => r.years[i].cover));
      return { year, cost: c, cover: v, balance: v.minus(c) };
    });
    const scenarioFindings = [...members.flatMap((m) => evals.get(m)!.findings), ...sf.list];
    return { name, measures, findings: scenarioFindings, totals };
  });

  // ---- Findings once each: static first, then per scenario (Basis wins)
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

  const inResult = options.scenario
    ? [...massnahmen.values()].filter((m) => isScenarioMember(m, options.scenario!))
    : [...massnahmen.values()].filter((m) => m.status !== 'abgelehnt');
  // Each measure as evaluated in its own scenario (or in the one asked for).
  const byScenario = new Map(
    scenarios.map((s) => [s.name, new Map(s.measures.map((r) => [r.massnahme, r]))]),
  );
  const inScenario = (m: Massnahme, name: string) => byScenario.get(name)?.get(m);
  const measures = inResult.map(
    (m) => inScenario(m, options.scenario ?? ownScenario(m)) ?? evals.get(m)!.result,
  );

  const positions: PositionCost[] = model.stellen.map((s) => {
    const spec = positionSpecs.get(s);
    return {
      stelle: s,
      years: years.map((y) =>
        amountOf(y, spec ? cost.lineCost(spec, y) : ZERO, () =>
          spec
            ? cost.explainLine(spec, y)
            : zeroExplanation('Nicht berechenbar (Entgeltgruppe/Stufe unbekannt)'),
        ),
      ),
    };
  });

  // ---- Budget lines: personnel Ansätze against the positions charged to them (the plan as adopted)
  const adopted = [...massnahmen.values()]
    .filter((m) => m.status === 'beschlossen')
    .map((m) => ({
      result: evals.get(m)!.result,
      realised: m.art === 'Neue Stelle' && stellen.has(m.stellenNr),
    }));
  const budget = checkBudget({ model, years, positionCost, adopted });
  budget.findings.forEach(push);

  return { years, scenarios, measures, findings, positions, budget: budget.lines, model };
}

function positionSpec(s: Stelle, f: Findings, model: WorkbookModel): LineSpec | undefined {
  if (!s.gruppe) return undefined; // the reader already reported the empty cell
  const hit = lookupMonthly(model, s.gruppe, s.stufe);
  if (!hit.ok) {
    reportPaygrade(
      f,
      hit.grade,
      s.stufe,
      hit.reason,
      hit.beamte,
      { ...s.ref, field: hit.reason === 'grade' ? 'gruppe' : 'stufe' },
      `Stelle ${s.nr}`,
    );
    return undefined;
  }
  if (s.anteil.lte(0) || s.anteil.gt(1)) {
    f.add(
      'INVALID_VALUE',
      'error',
      `Stelle ${s.nr}: der Stellenanteil ${s.anteil.toString().replace('.', ',')} liegt nicht zwischen 0 und 1.`,
      `Position ${s.nr}: FTE share must be between 0 and 1.`,
      { ...s.ref, field: 'anteil' },
    );
    return undefined;
  }
  return positionLine(s, hit);
}

function reportPaygrade(
  f: Findings,
  grade: string,
  step: number,
  reason: 'grade' | 'step',
  beamte: boolean,
  ref: SourceRef,
  who: string,
  measure?: string,
): void {
  const table = beamte ? 'Besoldungstabelle' : 'Entgelttabelle';
  const message =
    reason === 'grade'
      ? `${who}: die ${beamte ? 'Besoldungsgruppe' : 'Entgeltgruppe'} „${grade}“ steht nicht in der ${table}.`
      : `${who}: ${grade} Stufe ${step} steht nicht in der ${table}.`;
  f.add(
    'PAYGRADE_UNKNOWN',
    'error',
    message,
    `${who.replace(/^Stelle /, 'Position ').replace(/^Maßnahme /, 'Measure ')}: pay grade ${grade} step ${step} is not in the ${table}.`,
    ref,
    { measure },
  );
}

interface EvalContext {
  model: WorkbookModel;
  cost: CostModel;
  years: number[];
  stellen: Map<string, Stelle>;
  positionSpecs: Map<Stelle, LineSpec | undefined>;
  positionCost: (s: Stelle, year: number, period?: Period) => Dec;
  lines: Map<string, Map<number, Planansatz>>;
  isProtected: (hst: string) => boolean;
}

/** A signed cost line of a measure: +new, −old. */
interface CostLine {
  spec: LineSpec;
  sign: 1 | -1;
  label: string;
  labelEn: string;
}

function evaluateMeasure(m: Massnahme, cover: Deckung[], ctx: EvalContext): MeasureEval {
  const { cost, years, stellen } = ctx;
  const f = new Findings();
  const scenario = ownScenario(m);
  const at = (field: string): SourceRef => ({ ...m.ref, field });
  const opts = { measure: m.nr, scenario };
  const measurePeriod: Period = { start: m.beginn, end: m.ende };
  if (m.beginn && m.ende && m.beginn > m.ende)
    f.add(
      'INVALID_VALUE',
      'error',
      `Maßnahme ${m.nr}: das Ende liegt vor dem Beginn.`,
      `Measure ${m.nr}: end before start.`,
      at('ende'),
      opts,
    );

  const costLines: CostLine[] = [];
  let fixedAmount: Dec | undefined; // Sachaufwand: €/year pro rata
  const needPosition = (): Stelle | undefined => {
    const s = stellen.get(m.stellenNr);
    if (!s) {
      f.add(
        'POSITION_UNKNOWN',
        'error',
        m.stellenNr
          ? `Maßnahme ${m.nr} (${m.art}): die Stelle „${m.stellenNr}“ gibt es im Stellenplan nicht.`
          : `Maßnahme ${m.nr} (${m.art}): es fehlt die Stellen-Nr. der betroffenen Stelle.`,
        `Measure ${m.nr}: position "${m.stellenNr}" does not exist.`,
        at('stellenNr'),
        opts,
      );
    }
    return s;
  };
  const specFor = (
    grade: string | undefined,
    step: number | undefined,
    field: string,
  ): LineSpec | undefined => {
    if (!grade || step === undefined) {
      f.add(
        'INVALID_VALUE',
        'error',
        `Maßnahme ${m.nr} (${m.art}): Entgeltgruppe und Stufe müssen angegeben sein.`,
        `Measure ${m.nr}: pay grade and step are required.`,
        at(grade ? 'stufe' : 'gruppe'),
        opts,
      );
      return undefined;
    }
    const hit = lookupMonthly(ctx.model, grade, step);
    if (!hit.ok) {
      reportPaygrade(
        f,
        hit.grade,
        step,
        hit.reason,
        hit.beamte,
        at(hit.reason === 'grade' ? field : 'stufe'),
        `Maßnahme ${m.nr}`,
        m.nr,
      );
      return undefined;
    }
    return {
      grade: hit.grade,
      step,
      monthly: hit.monthly,
      beamte: hit.beamte,
      share: new D(1),
      period: measurePeriod,
      ...(m.stufeSeit ? { stepSince: m.stufeSeit } : {}),
    };
  };
  const checkShare = (share: Dec | undefined): boolean => {
    if (share && (share.lt(0) || share.gt(1))) {
      f.add(
        'INVALID_VALUE',
        'error',
        `Maßnahme ${m.nr}: der Stellenanteil muss zwischen 0 und 1 liegen.`,
        `Measure ${m.nr}: FTE share must be between 0 and 1.`,
        at('anteil'),
        opts,
      );
      return false;
    }
    return true;
  };

  if (m.terminOffen) {
    f.add(
      'TERM_OPEN',
      'info',
      `Maßnahme ${m.nr} (${m.bezeichnung}): Termin offen – nicht datiert und gesondert ausgewiesen.`,
      `Measure ${m.nr}: date not fixed yet – shown separately, not dated.`,
      at('beginn'),
      opts,
    );
  }
  switch (m.art) {
    case 'Neue Stelle': {
      // A number may be reused for a follow-up position (e.g. making a fixed-term position permanent)
      // once the existing one has ended before the new one starts.
      const holder = m.stellenNr ? stellen.get(m.stellenNr) : undefined;
      const followUp = holder?.ende !== undefined && m.beginn !== undefined && holder.ende < m.beginn;
      if (holder && !followUp && m.status !== 'beschlossen')
        f.add(
          'DUPLICATE_ID',
          'error',
          `Maßnahme ${m.nr}: die neue Stelle soll die Nr. „${m.stellenNr}“ bekommen, die im Stellenplan schon vergeben ist.`,
          `Measure ${m.nr}: new position number "${m.stellenNr}" is already in use.`,
          at('stellenNr'),
          opts,
        );
      const spec = specFor(m.gruppe, m.stufe, 'gruppe');
      if (spec && checkShare(m.anteil))
        costLines.push({
          spec: { ...spec, share: m.anteil ?? new D(1) },
          sign: 1,
          label: `Neue Stelle ${spec.grade}`,
          labelEn: 'New position',
        });
      if (m.ende && years.includes(parts(m.ende).year))
        f.add(
          'FIXED_TERM_REVIEW',
          'info',
          `Maßnahme ${m.nr}: die befristete Stelle endet am ${fmt.date(m.ende)} – der Beschluss über eine Entfristung ist bis dahin fällig.`,
          `Measure ${m.nr}: the fixed-term position ends on ${fmt.date(m.ende)} – a decision on making it permanent is due.`,
          at('ende'),
          opts,
        );
      break;
    }
    case 'Stelle streichen': {
      const s = needPosition();
      const spec = s && ctx.positionSpecs.get(s);
      if (s && spec)
        costLines.push({
          spec: { ...spec, period: intersect(spec.period, measurePeriod) },
          sign: -1,
          label: `Wegfall Stelle ${s.nr}`,
          labelEn: 'Position removed',
        });
      break;
    }
    case 'Stellenanteil ändern': {
      const s = needPosition();
      const spec = s && ctx.positionSpecs.get(s);
      if (!m.anteil)
        f.add(
          'INVALID_VALUE',
          'error',
          `Maßnahme ${m.nr}: der neue Stellenanteil fehlt.`,
          `Measure ${m.nr}: new FTE share missing.`,
          at('anteil'),
          opts,
        );
      if (s && spec && m.anteil && checkShare(m.anteil)) {
        const period = intersect(spec.period, measurePeriod);
        costLines.push(
          {
            spec: { ...spec, share: m.anteil, period },
            sign: 1,
            label: `Neuer Anteil ${m.anteil.toString()}`,
            labelEn: 'New share',
          },
          {
            spec: { ...spec, period },
            sign: -1,
            label: `Bisheriger Anteil ${spec.share.toString()}`,
            labelEn: 'Old share',
          },
        );
      }
      break;
    }
    case 'Höhergruppierung': {
      const s = needPosition();
      const old = s && ctx.positionSpecs.get(s);
      const neu = specFor(m.gruppe, m.stufe ?? s?.stufe, 'gruppe');
      if (s && old && neu) {
        const period = intersect(old.period, measurePeriod);
        costLines.push(
          {
            spec: { ...neu, share: old.share, period },
            sign: 1,
            label: `Neu ${neu.grade} Stufe ${neu.step}`,
            labelEn: 'New grade',
          },
          {
            spec: { ...old, period },
            sign: -1,
            label: `Bisher ${old.grade} Stufe ${old.step}`,
            labelEn: 'Old grade',
          },
        );
      }
      break;
    }
    case 'Umsetzung':
      needPosition();
      break;
    case 'Sachaufwand':
      if (!m.planansatz)
        f.add(
          'INVALID_VALUE',
          'error',
          `Maßnahme ${m.nr} (Sachaufwand): der Planansatz fehlt.`,
          `Measure ${m.nr}: amount missing.`,
          at('planansatz'),
          opts,
        );
      else fixedAmount = m.planansatz;
      if (m.haushaltsstelle && m.planansatz?.lt(0) && ctx.isProtected(m.haushaltsstelle))
        f.add(
          'PROTECTED_REDUCED',
          'error',
          `Maßnahme ${m.nr} kürzt den geschützten Planansatz ${m.haushaltsstelle}.`,
          `Measure ${m.nr} reduces the protected budget line ${m.haushaltsstelle}.`,
          at('haushaltsstelle'),
          opts,
        );
      break;
  }

  // cost per year
  const costYears: YearAmount[] = years.map((year) => {
    if (m.terminOffen) return amountOf(year, ZERO, () => zeroExplanation('Termin offen: nicht datiert'));
    if (fixedAmount) {
      const amount = proRataAmount(fixedAmount, measurePeriod, year);
      return amountOf(year, amount, () =>
        explainProRata(fixedAmount, measurePeriod, year, 'Sachaufwand je Jahr', 'Running cost per year'),
      );
    }
    const amounts = costLines.map((l) => cost.lineCost(l.spec, year).times(l.sign));
    const total = sum(amounts);
    return amountOf(year, total, () =>
      costLines.length === 1 && costLines[0].sign === 1
        ? cost.explainLine(costLines[0].spec, year)
        : costLines.length === 0
          ? zeroExplanation(`${m.art}: kostenneutral`)
          : sumExplanation(
              costLines.map((l, i) => ({ label: l.label, labelEn: l.labelEn, amount: amounts[i] })),
              total,
            ),
    );
  });

  // cover rows
  const draws: MeasureEval['draws'] = [];
  const coverLines: CoverLineResult[] = cover.map((d) => {
    const line = evaluateCover(d, m, ctx, f, opts);
    if (line.source) draws.push({ source: line.source, kind: line.kind!, line: line.result });
    return line.result;
  });

  const measureYears: MeasureYear[] = years.map((year, i) => {
    const c = costYears[i].amount;
    const v = sum(coverLines.map((l) => l.years[i].amount));
    return { year, cost: c, cover: v, balance: v.minus(c) };
  });

  const costly = measureYears.filter((y) => y.cost.gt(0));
  if (costly.length > 0 && cover.length === 0) {
    f.add(
      'COVER_MISSING',
      'error',
      `Maßnahme ${m.nr} (${m.bezeichnung}) kostet ${costly.map((y) => `${y.year}: ${fmt.euro(y.cost)}`).join(', ')}, hat aber keinen Deckungsvorschlag.`,
      `Measure ${m.nr} costs money but has no cover proposal.`,
      at('nr'),
      opts,
    );
  } else {
    const short = measureYears.filter((y) => y.balance.lt(0));
    if (short.length > 0)
      f.add(
        'COVER_SHORTFALL',
        'error',
        `Maßnahme ${m.nr} (${m.bezeichnung}) ist nicht voll gedeckt: ${short
          .map((y) => `${y.year} fehlen ${fmt.euro(y.balance.neg())}`)
          .join(', ')}.`,
        `Measure ${m.nr} is not fully covered: ${short.map((y) => `${y.year} short by ${y.balance.neg().toFixed(2)} €`).join(', ')}.`,
        at('nr'),
        opts,
      );
  }

  // cover ending before the measure
  for (const line of coverLines) {
    const uncovered = years.filter((y, i) => costYears[i].amount.gt(0) && line.years[i].amount.isZero());
    const anyCover = line.years.some((y) => !y.amount.isZero());
    const d = line.deckung;
    const end = coverEnd(d, m, ctx);
    if (anyCover && end && (!m.ende || end < m.ende) && uncovered.some((y) => y >= parts(end).year)) {
      const later = uncovered.filter((y) => y >= parts(end).year);
      f.add(
        'COVER_PERIOD',
        'warning',
        `Die Deckung „${d.quelle || d.stellenNr || d.haushaltsstelle}“ endet am ${fmt.date(end)}, die Maßnahme ${m.nr} läuft ${m.ende ? `bis ${fmt.date(m.ende)}` : 'unbefristet'}: ${fmt.years(later)} ohne diese Deckung.`,
        `Cover "${d.quelle}" ends on ${fmt.date(end)} before measure ${m.nr} ends: ${fmt.years(later)} not covered by it.`,
        { ...d.ref, field: d.ende ? 'ende' : 'stellenNr' },
        opts,
      );
    }
  }

  // stated Planansatz vs computed cost (annualised in the first active year)
  if (m.planansatz && m.art !== 'Sachaufwand' && m.art !== 'Umsetzung' && !m.terminOffen) {
    const i = years.findIndex((y, k) => !costYears[k].amount.isZero() && !monthsOf(m, y).isZero());
    if (i >= 0) {
      const months = monthsOf(m, years[i]);
      const annual = costYears[i].amount.times(12).div(months);
      const diff = m.planansatz.minus(annual).abs();
      if (diff.gt(ctx.model.parameter.toleranz.times(annual.abs())))
        f.add(
          'PLANANSATZ_MISMATCH',
          'warning',
          `Maßnahme ${m.nr}: der genannte Planansatz ${fmt.euro(m.planansatz)} weicht von den berechneten Jahreskosten ${fmt.euro(annual)} (${years[i]}) um mehr als ${ctx.model.parameter.toleranz.times(100).toString().replace('.', ',')} % ab.`,
          `Measure ${m.nr}: stated amount ${m.planansatz.toFixed(2)} differs from computed annual cost ${annual.toFixed(2)} by more than the tolerance.`,
          at('planansatz'),
          opts,
        );
    }
  }

  const covered = measureYears.every((y) => !y.balance.lt(0)) && !f.list.some((x) => x.severity === 'error');
  return {
    result: {
      massnahme: m,
      scenario,
      years: measureYears,
      cost: costYears,
      cover: coverLines,
      covered,
      lines: m.terminOffen
        ? []
        : fixedAmount
          ? [{ kind: 'betrag', betrag: fixedAmount, period: measurePeriod, sign: 1, label: 'Sachaufwand' }]
          : costLines.map((l) => ({ kind: 'position' as const, spec: l.spec, sign: l.sign, label: l.label })),
    },
    draws,
    findings: f.list,
  };
}

function monthsOf(m: Massnahme, year: number): Dec {
  // imported lazily to keep the cost module the only place that counts months
  return monthsActiveOf({ start: m.beginn, end: m.ende }, year);
}

import { monthsActive as monthsActiveOf } from './cost';

/** Dienstverhältnis of the position a measure creates or changes (for the one-way cover rule). */
function targetDienstverhaeltnis(m: Massnahme, ctx: EvalContext): Stelle['dienstverhaeltnis'] | undefined {
  if (m.art === 'Neue Stelle') return m.gruppe ? dienstverhaeltnisOfGrade(m.gruppe) : undefined;
  if (m.art === 'Höhergruppierung' && m.gruppe) return dienstverhaeltnisOfGrade(m.gruppe);
  return ctx.stellen.get(m.stellenNr)?.dienstverhaeltnis;
}

function coverPeriod(d: Deckung, m: Massnahme): Period {
  return { start: d.beginn ?? m.beginn, end: d.ende ?? m.ende };
}

/** When a cover source stops releasing money: its own end, or the end of the position it draws on. */
function coverEnd(d: Deckung, m: Massnahme, ctx: EvalContext): string | undefined {
  const own = coverPeriod(d, m).end;
  const s = POSITION_SOURCES.has(d.art) && d.betrag === undefined ? ctx.stellen.get(d.stellenNr) : undefined;
  if (s?.ende && (!own || s.ende < own)) return s.ende;
  return d.ende;
}

function evaluateCover(
  d: Deckung,
  m: Massnahme,
  ctx: EvalContext,
  f: Findings,
  opts: { measure: string; scenario: string },
): { result: CoverLineResult; source?: string; kind?: 'position' | 'budget' } {
  const { years } = ctx;
  const at = (field: string): SourceRef => ({ ...d.ref, field });
  const period = coverPeriod(d, m);
  const zero = (why: string) => ({
    result: { deckung: d, years: years.map((y) => amountOf(y, ZERO, () => zeroExplanation(why))) },
  });
  if (m.terminOffen) return zero('Termin offen');
  const name = d.quelle || d.stellenNr || d.haushaltsstelle;

  if (d.haushaltsstelle && ctx.isProtected(d.haushaltsstelle)) {
    f.add(
      'COVER_PROTECTED',
      'error',
      `Der Planansatz ${d.haushaltsstelle} ist geschützt und darf nie als Deckung dienen (Maßnahme ${m.nr}).`,
      `Budget line ${d.haushaltsstelle} is protected and can never serve as cover (measure ${m.nr}).`,
      at('haushaltsstelle'),
      opts,
    );
    return zero('Geschützter Planansatz: keine Deckung');
  }

  const rule = inadmissibleBy(
    {
      deckung: d,
      massnahmeArt: m.art,
      line: d.haushaltsstelle ? ctx.lines.get(d.haushaltsstelle)?.values().next().value : undefined,
      sourcePosition: POSITION_SOURCES.has(d.art) ? ctx.stellen.get(d.stellenNr) : undefined,
      target: targetDienstverhaeltnis(m, ctx),
    },
    ctx.model.coverRules,
  );
  if (rule) {
    const field = rule.sourceDienstverhaeltnis
      ? 'stellenNr'
      : d.haushaltsstelle
        ? 'haushaltsstelle'
        : 'quelle';
    f.add(
      'COVER_INADMISSIBLE',
      'error',
      `Deckung „${name}“ für Maßnahme ${m.nr} ist nicht zulässig: ${rule.message} (Regel ${rule.id}; ${rule.source}).`,
      `Cover "${name}" for measure ${m.nr} is not admissible: ${rule.messageEn} (rule ${rule.id}).`,
      at(field),
      opts,
    );
    return zero(`Unzulässige Deckung (${rule.id})`);
  }

  if (POSITION_SOURCES.has(d.art)) {
    const s = ctx.stellen.get(d.stellenNr);
    if (!s) {
      f.add(
        'POSITION_UNKNOWN',
        'error',
        d.stellenNr
          ? `Deckung für Maßnahme ${m.nr}: die Stelle „${d.stellenNr}“ gibt es im Stellenplan nicht.`
          : `Deckung für Maßnahme ${m.nr} (${d.art}): die Stellen-Nr. fehlt.`,
        `Cover for measure ${m.nr}: position "${d.stellenNr}" does not exist.`,
        at('stellenNr'),
        opts,
      );
      return zero('Stelle unbekannt');
    }
    if (s.besetzt && d.art !== 'Stellenwegfall')
      f.add(
        'COVER_OCCUPIED',
        'error',
        `${d.art} setzt eine freie Stelle voraus, die Stelle ${s.nr} (${s.bezeichnung}) ist aber besetzt (Maßnahme ${m.nr}).`,
        `${d.art} needs a vacant position, but position ${s.nr} is occupied (measure ${m.nr}).`,
        at('stellenNr'),
        opts,
      );
    else if (s.besetzt && s.vermerk !== 'kw')
      f.add(
        'COVER_OCCUPIED',
        'warning',
        `Die Stelle ${s.nr} (${s.bezeichnung}) ist besetzt und hat keinen kw-Vermerk: wer geht, damit sie wegfallen kann? (Maßnahme ${m.nr})`,
        `Position ${s.nr} is occupied and has no kw note: who leaves? (measure ${m.nr})`,
        at('stellenNr'),
        opts,
      );
    const spec = ctx.positionSpecs.get(s);
    const yearsOut = years.map((y) => {
      if (d.betrag !== undefined) {
        const betrag = d.betrag;
        return amountOf(y, proRataAmount(betrag, period, y), () =>
          explainProRata(betrag, period, y, `Betrag aus Stelle ${s.nr}`, 'Amount'),
        );
      }
      if (!spec) return amountOf(y, ZERO, () => zeroExplanation('Stelle nicht berechenbar'));
      const lineSpec = { ...spec, period: intersect(spec.period, period) };
      return amountOf(y, ctx.cost.lineCost(lineSpec, y), () => ctx.cost.explainLine(lineSpec, y));
    });
    const basis: LineBasis | undefined =
      d.betrag !== undefined
        ? { kind: 'betrag', betrag: d.betrag, period, sign: 1, label: d.quelle || `Stelle ${s.nr}` }
        : spec
          ? {
              kind: 'position',
              spec: { ...spec, period: intersect(spec.period, period) },
              sign: 1,
              label: d.quelle || `Stelle ${s.nr}`,
            }
          : undefined;
    return { result: { deckung: d, years: yearsOut, basis }, source: s.nr, kind: 'position' };
  }

  // Minderaufwand / Mehrertrag: an amount per year
  if (d.betrag === undefined) {
    f.add(
      'INVALID_VALUE',
      'error',
      `Deckung für Maßnahme ${m.nr} (${d.art}): der Betrag fehlt.`,
      `Cover for measure ${m.nr} (${d.art}): amount missing.`,
      at('betrag'),
      opts,
    );
    return zero('Betrag fehlt');
  }
  if (d.art === 'Minderaufwand') {
    if (!d.haushaltsstelle || !ctx.lines.has(d.haushaltsstelle)) {
      f.add(
        'BUDGET_LINE_UNKNOWN',
        'error',
        d.haushaltsstelle
          ? `Deckung für Maßnahme ${m.nr}: die Haushaltsstelle „${d.haushaltsstelle}“ steht nicht in den Planansätzen.`
          : `Deckung für Maßnahme ${m.nr} (Minderaufwand): die Haushaltsstelle fehlt.`,
        `Cover for measure ${m.nr}: budget line "${d.haushaltsstelle}" is not in the budget.`,
        at('haushaltsstelle'),
        opts,
      );
      return zero('Haushaltsstelle unbekannt');
    }
  }
  const betrag = d.betrag;
  const yearsOut = years.map((y) =>
    amountOf(y, proRataAmount(betrag, period, y), () =>
      explainProRata(betrag, period, y, `${d.art} ${name}`, d.art),
    ),
  );
  const budget = d.art === 'Minderaufwand' ? d.haushaltsstelle : undefined;
  const basis: LineBasis = { kind: 'betrag', betrag, period, sign: 1, label: name };
  return {
    result: { deckung: d, years: yearsOut, basis },
    source: budget,
    kind: budget ? 'budget' : undefined,
  };
}

/** A source cannot release more than it has, summed over all measures of a scenario. */
function checkOveruse(
  scenario: string,
  members: Massnahme[],
  evals: Map<Massnahme, MeasureEval>,
  ctx: Pick<EvalContext, 'years' | 'stellen' | 'positionCost' | 'lines'>,
  f: Findings,
): void {
  const bySource = new Map<
    string,
    { kind: 'position' | 'budget'; draws: { m: Massnahme; line: CoverLineResult }[] }
  >();
  for (const m of members)
    for (const d of evals.get(m)!.draws) {
      const key = `${d.kind}:${d.source}`;
      const entry = bySource.get(key) ?? { kind: d.kind, draws: [] };
      entry.draws.push({ m, line: d.line });
      bySource.set(key, entry);
    }
  for (const [key, { kind, draws }] of bySource) {
    const source = key.slice(key.indexOf(':') + 1);
    const reported = new Set<string>();
    ctx.years.forEach((year, i) => {
      const capacity =
        kind === 'position'
          ? ctx.positionCost(ctx.stellen.get(source)!, year)
          : ctx.lines.get(source)?.get(year)?.ansatz;
      // A line without a (readable) Ansatz for this year has nothing to give; say so instead of "0,00 €".
      if (capacity === undefined) {
        const first = draws.find((d) => !d.line.years[i].amount.isZero());
        if (first && !reported.has(`${first.m.nr}|${first.line.deckung.ref.row}`)) {
          reported.add(`${first.m.nr}|${first.line.deckung.ref.row}`);
          f.add(
            'COVER_OVERUSED',
            'error',
            `Die Haushaltsstelle ${source} hat für ${year} keinen Planansatz, als Deckung werden aber ${fmt.euro(first.line.years[i].amount)} beansprucht${scenario !== BASIS ? ` (Szenario ${scenario})` : ''}.`,
            `Budget line ${source} has no amount for ${year}, but ${first.line.years[i].amount.toFixed(2)} is claimed as cover.`,
            { ...first.line.deckung.ref, field: 'betrag' },
            { measure: first.m.nr, scenario },
          );
        }
        return;
      }
      const active = draws.filter((d) => !d.line.years[i].amount.isZero());
      // A double use among Basis measures is a Basis finding: a variant reports only its own share in it.
      if (scenario !== BASIS && active.every((d) => ownScenario(d.m) === BASIS)) return;
      let used = ZERO;
      let n = 0;
      for (const { m, line } of active) {
        used = used.plus(line.years[i].amount);
        n++;
        // Each draw is rounded to the cent on its own (±0,005 €): splitting a source by periods between
        // measures must not turn rounding into a "double use" of a cent.
        const tolerance = new D('0.01').times(Math.floor((n + 1) / 2));
        if (used.gt(capacity.plus(tolerance)) && !reported.has(m.nr + '|' + line.deckung.ref.row)) {
          reported.add(m.nr + '|' + line.deckung.ref.row);
          const what = kind === 'position' ? `Stelle ${source}` : `Haushaltsstelle ${source}`;
          const has = kind === 'position' ? 'kostet' : 'hat einen Ansatz von';
          f.add(
            'COVER_OVERUSED',
            'error',
            `${what} ${has} ${year} nur ${fmt.euro(capacity)}, als Deckung werden ${draws.length > 1 ? `(über ${new Set(draws.map((x) => x.m.nr)).size} Maßnahmen) ` : ''}aber ${fmt.euro(used)} beansprucht${scenario !== BASIS ? ` (Szenario ${scenario})` : ''}.`,
            `${kind === 'position' ? 'Position' : 'Budget line'} ${source} provides ${capacity.toFixed(2)} in ${year}, but ${used.toFixed(2)} is claimed as cover.`,
            { ...line.deckung.ref, field: kind === 'position' ? 'stellenNr' : 'betrag' },
            { measure: m.nr, scenario },
          );
        }
      }
    });
  }
}

export { normalizeGrade };
