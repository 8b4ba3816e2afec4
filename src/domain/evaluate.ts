import { D, isAboveZero, sum, type Dec } from './money';
import { parts, type Period } from './dates';
import { explainProRata, monthsActive, proRataAmount } from './months';
import { lookupMonthly, type LineSpec } from './pay';
import { amountOf, sumExplanation, zeroExplanation } from './explain';
import { MEASURE_KINDS, type CostPlan, type KindContext } from './measure-kinds';
import { evaluateCover, type CoverContext } from './cover-rows';
import { describeUse, type Draw } from './ledger';
import { decideYears, coveredAll } from './verdict';
import { Findings } from './catalogue';
import { fmt } from './messages';
import { isPositionCover } from './cover-kinds';
import { reportPaygrade, type Index } from './input-checks';
import type { Deckung, Massnahme, SourceRef } from './model';
import type { CoverLineResult, LineBasis, MeasureResult, YearAmount } from './result';

/** A measure evaluated on its own (before the ledger of a scenario books its draws). */
export interface MeasureEval {
  result: MeasureResult;
  /** Money it takes from limited sources: its own effect first, then its cover rows. */
  draws: Draw[];
  findings: Finding[];
}
type Finding = Findings['list'][number];

export function evaluateMeasure(m: Massnahme, cover: Deckung[], ix: Index, scenario: string): MeasureEval {
  const { years } = ix;
  const f = new Findings();
  const at = (field: string): SourceRef => ({ ...m.ref, field });
  const opts = { measure: m.nr, scenario };
  const period: Period = { start: m.beginn, end: m.ende };
  if (m.beginn && m.ende && m.beginn > m.ende) f.emit('measureEndBeforeStart', { m: m.nr }, at('ende'), opts);
  if (m.terminOffen) f.emit('termOpen', { m: m.nr, title: m.bezeichnung }, at('beginn'), opts);

  const kindCtx: KindContext = {
    m,
    period,
    years,
    f,
    at,
    opts,
    stellen: ix.stellen,
    isProtected: ix.isProtected,
    specOf: (s) => ix.positionSpecs.get(s),
    position: () => {
      const s = ix.stellen.get(m.stellenNr);
      if (!s)
        f.emit('measurePositionUnknown', { m: m.nr, art: m.art, nr: m.stellenNr }, at('stellenNr'), opts);
      return s;
    },
    payLine: (grade, step, field): LineSpec | undefined => {
      if (!grade || step === undefined) {
        f.emit('measureGradeMissing', { m: m.nr, art: m.art }, at(grade ? 'stufe' : 'gruppe'), opts);
        return undefined;
      }
      const hit = lookupMonthly(ix.model, grade, step);
      if (!hit.ok) {
        reportPaygrade(f, hit, step, at(hit.reason === 'grade' ? field : 'stufe'), `Maßnahme ${m.nr}`, m.nr);
        return undefined;
      }
      return {
        grade: hit.grade,
        step,
        monthly: hit.monthly,
        beamte: hit.beamte,
        share: new D(1),
        period,
        ...(m.stufeSeit ? { stepSince: m.stufeSeit } : {}),
      };
    },
    checkShare: (share) => {
      if (share && (share.lt(0) || share.gt(1))) {
        f.emit('measureShare', { m: m.nr }, at('anteil'), opts);
        return false;
      }
      return true;
    },
  };
  const plan: CostPlan = MEASURE_KINDS[m.art].cost(kindCtx);
  const costYears = costPerYear(m, plan, ix, period);
  const costs = costYears.map((y) => y.amount);

  // Its own effect draws on the position it removes or reduces.
  const draws: Draw[] = [];
  const release = plan.release;
  if (release && !m.terminOffen)
    draws.push({
      kind: 'position',
      source: release.position.nr,
      measure: m,
      ref: at('stellenNr'),
      use: () => describeUse(m, { de: m.art, en: m.art }, release.period),
      amounts: costs.map((c) => (c.isNegative() ? c.neg() : c.times(0))),
      period: release.period,
      fraction: release.fraction,
      target: { kind: 'cost' },
    });

  const coverCtx: CoverContext = { ix, m, costs, plan, f, opts };
  const coverLines: CoverLineResult[] = cover.map((d, index) => {
    const line = evaluateCover(d, coverCtx);
    if (line.draw) draws.push({ ...line.draw, target: { kind: 'cover', index } });
    return line.result;
  });

  const coverSums = years.map((_, i) => sum(coverLines.map((l) => l.years[i].amount)));
  judgeCover(m, costs, coverSums, coverLines, cover.length, ix, f, opts);

  // Shortfall and missing cover are the balance itself, year by year; every other error voids all years.
  // An unreadable cell of the measure or its cover (reported by the reader) voids the verdict as well.
  const hasError =
    m.invalid !== undefined ||
    cover.some((d) => d.invalid !== undefined) ||
    f.list.some((x) => x.severity === 'error' && x.code !== 'COVER_SHORTFALL' && x.code !== 'COVER_MISSING');
  const measureYears = decideYears(years, costs, coverSums, hasError);
  return {
    result: {
      massnahme: m,
      scenario,
      years: measureYears,
      cost: costYears,
      cover: coverLines,
      covered: coveredAll(measureYears),
      lines: m.terminOffen
        ? []
        : plan.fixed
          ? [{ kind: 'betrag', betrag: plan.fixed, period, sign: 1, label: 'Sachaufwand' }]
          : plan.lines.map((l): LineBasis => ({
              kind: 'position',
              spec: l.spec,
              sign: l.sign,
              label: l.label,
            })),
    },
    draws,
    findings: f.list,
  };
}

function costPerYear(m: Massnahme, plan: CostPlan, ix: Index, period: Period): YearAmount[] {
  const { cost } = ix;
  return ix.years.map((year) => {
    if (m.terminOffen) return amountOf(year, new D(0), () => zeroExplanation('Termin offen: nicht datiert'));
    const fixed = plan.fixed;
    if (fixed)
      return amountOf(year, proRataAmount(fixed, period, year), () =>
        explainProRata(fixed, period, year, 'Sachaufwand je Jahr', 'Running cost per year'),
      );
    const lines = plan.lines;
    // × sign without a copy for the usual +1 (−1 negates: the same value as times(−1), zero included)
    const amounts = lines.map((l) => {
      const c = cost.lineCost(l.spec, year);
      return l.sign === 1 ? c : c.neg();
    });
    const total = sum(amounts);
    return amountOf(year, total, () =>
      lines.length === 1 && lines[0].sign === 1
        ? cost.explainLine(lines[0].spec, year)
        : lines.length === 0
          ? zeroExplanation(`${m.art}: kostenneutral`)
          : sumExplanation(
              lines.map((l, i) => ({ label: l.label, labelEn: l.labelEn, amount: amounts[i] })),
              total,
            ),
    );
  });
}

/** Missing cover, shortfall, cover that ends early, the stated Planansatz against the computed cost. */
function judgeCover(
  m: Massnahme,
  costs: Dec[],
  coverSums: Dec[],
  coverLines: CoverLineResult[],
  rows: number,
  ix: Index,
  f: Findings,
  opts: { measure: string; scenario: string },
): void {
  const { years } = ix;
  const at = (field: string): SourceRef => ({ ...m.ref, field });
  const costly = years.map((year, i) => ({ year, cost: costs[i] })).filter((y) => isAboveZero(y.cost));
  if (costly.length > 0 && rows === 0) {
    const list = costly.map((y) => `${y.year}: ${fmt.euro(y.cost)}`).join(', ');
    f.emit('coverMissing', { m: m.nr, title: m.bezeichnung, costs: list }, at('nr'), opts);
  } else {
    const short = years
      .map((year, i) => ({ year, amount: costs[i].minus(coverSums[i]) }))
      .filter((y) => isAboveZero(y.amount));
    if (short.length > 0) f.emit('coverShortfall', { m: m.nr, title: m.bezeichnung, short }, at('nr'), opts);
  }

  for (const line of coverLines) {
    const d = line.deckung;
    const end = coverEnd(d, m, ix);
    if (!end || (m.ende && end >= m.ende)) continue;
    const endYear = parts(end).year;
    const later = years.filter(
      (y, i) => y >= endYear && isAboveZero(costs[i]) && line.years[i].amount.isZero(),
    );
    const anyCover = line.years.some((y) => !y.amount.isZero());
    // Funding that ends before the measure is always named; other cover when it leaves years uncovered.
    if (anyCover && (later.length > 0 || d.art === 'Förderung'))
      f.emit(
        'coverPeriod',
        {
          m: m.nr,
          name: d.quelle || d.stellenNr || d.haushaltsstelle,
          end,
          measureEnd: m.ende,
          years: later,
        },
        { ...d.ref, field: d.ende ? 'ende' : 'stellenNr' },
        opts,
      );
  }

  if (m.planansatz && MEASURE_KINDS[m.art].comparePlanansatz && !m.terminOffen) {
    const months = (y: number) => monthsActive({ start: m.beginn, end: m.ende }, y);
    const i = years.findIndex((y, k) => !costs[k].isZero() && !months(y).isZero());
    if (i >= 0) {
      const annual = costs[i].times(12).div(months(years[i]));
      const tol = ix.model.parameter.toleranz;
      if (m.planansatz.minus(annual).abs().gt(tol.times(annual.abs())))
        f.emit(
          'planansatzMismatch',
          {
            m: m.nr,
            stated: m.planansatz,
            annual,
            year: years[i],
            tolerance: tol.times(100).toString().replace('.', ','),
          },
          at('planansatz'),
          opts,
        );
    }
  }
}

/** When a cover source stops releasing money: its own end, or the end of the position it draws on. */
function coverEnd(d: Deckung, m: Massnahme, ix: Index): string | undefined {
  const own = d.ende ?? m.ende;
  const s = isPositionCover(d.art) && d.betrag === undefined ? ix.stellen.get(d.stellenNr) : undefined;
  if (s?.ende && (!own || s.ende < own)) return s.ende;
  return d.ende;
}
