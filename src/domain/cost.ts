import { D, ZERO, roundCent, sum, type Dec } from './money';
import type { IsoDate } from './dates';
import type { Parameter } from './model';
import { jszRate } from './sonderzahlung';
import type { Explanation } from './result';
import { TWELVE, monthsActive, planYears } from './months';
import { annualFactor, type LineSpec, type PayTables } from './pay';
import { PayCalendar, type CostSegment } from './pay-calendar';
import { explainLineCost } from './cost-explain';

/** Employer contribution capped at a monthly ceiling, for one line and year. */
export interface CappedShare {
  label: 'KV/PV' | 'RV/AV';
  rate: Dec;
  ceiling?: Dec;
  /** Contributory ongoing pay (each month up to the ceiling) and one-off pay within the remaining room. */
  ongoing: Dec;
  oneOff: Dec;
  amount: Dec;
}

interface CachedAnnual {
  /** monthly × factor × growth (+ Sachkosten) for one year */
  value: Dec;
  /** Rounded whole-year cost by share (Stellenanteil as text, e.g. "0.5"). */
  fullYear: Map<string, Dec>;
}

interface CachedLine {
  monthly: Dec;
  beamte: boolean;
  share: Dec;
  start?: IsoDate;
  end?: IsoDate;
  stepSince?: IsoDate;
  values: (Dec | undefined)[];
  /** spec.share as text, the key of CachedAnnual.fullYear */
  shareKey?: string;
}

/**
 * Caches the parameter-dependent parts so that 10.000 positions × 5 years stay cheap:
 * the factor per Dienstverhältnis and the growth per plan year.
 */
export class CostModel {
  readonly years: number[];
  private readonly factors: { beamte: Dec; beschaeftigte: Dec };
  private readonly growth = new Map<number, Dec>();
  /** monthly × factor × growth per monthly amount (pay table entries are shared by many lines). */
  private readonly annualCache = new Map<Dec, (CachedAnnual | undefined)[]>();
  /** Results per line spec and plan year: a position's cost is asked for by several checks. */
  private readonly lineCache = new WeakMap<LineSpec, CachedLine>();

  /** Whether any contract-v2 component is named (otherwise every line takes the old path). */
  private readonly components: boolean;
  /** The pay of each month of a year (dated tables, Stufe seit, assumed increases). */
  private readonly calendar: PayCalendar;

  /**
   * `tables` gives the dated pay tables and the other steps of a grade; without them (old callers) each
   * line keeps its own monthly amount all year.
   */
  constructor(
    readonly parameter: Parameter,
    readonly tables?: PayTables,
  ) {
    this.years = planYears(parameter);
    this.factors = { beamte: annualFactor(parameter, true), beschaeftigte: annualFactor(parameter, false) };
    for (const y of this.years) this.growth.set(y, this.growthFor(y));
    const p = parameter;
    this.components =
      !!p.tarifsteigerungAb ||
      !!p.jszNachGruppe ||
      nonZero(p.leistungsentgelt) ||
      nonZero(p.agKvPv) ||
      nonZero(p.agRvAv) ||
      nonZero(p.beihilfe);
    this.calendar = new PayCalendar(parameter, tables, this.components, (y) => this.growthFor(y));
  }

  growthFor(year: number): Dec {
    const cached = this.growth.get(year);
    if (cached) return cached;
    return new D(1).plus(this.parameter.tarifsteigerung).pow(year - this.parameter.erstesPlanjahr);
  }

  factor(beamte: boolean): Dec {
    return beamte ? this.factors.beamte : this.factors.beschaeftigte;
  }

  /**
   * Cost of one line in one year, rounded half up to the cent (once per year and line).
   * Results are cached per spec object and plan year; the cache entry remembers the inputs it was
   * computed from, so a spec changed in place is recomputed, never answered from a stale entry.
   */
  lineCost(spec: LineSpec, year: number): Dec {
    const i = year - this.parameter.erstesPlanjahr;
    if (!(Number.isInteger(i) && i >= 0 && i < this.years.length)) return this.computeLineCost(spec, year);
    let cached = this.lineCache.get(spec);
    if (
      !cached ||
      cached.monthly !== spec.monthly ||
      cached.beamte !== spec.beamte ||
      cached.share !== spec.share ||
      cached.start !== spec.period.start ||
      cached.end !== spec.period.end ||
      cached.stepSince !== spec.stepSince
    ) {
      cached = {
        monthly: spec.monthly,
        beamte: spec.beamte,
        share: spec.share,
        start: spec.period.start,
        end: spec.period.end,
        stepSince: spec.stepSince,
        values: new Array<Dec | undefined>(this.years.length),
      };
      this.lineCache.set(spec, cached);
    }
    return (cached.values[i] ??= this.computeLineCost(spec, year, cached));
  }

  /** A line's cost in every plan year: the cache's own array (read only), so a caller keeps no copy. */
  yearCosts(spec: LineSpec): readonly Dec[] {
    for (const y of this.years) this.lineCost(spec, y);
    return this.lineCache.get(spec)!.values as Dec[];
  }

  private computeLineCost(spec: LineSpec, year: number, cached?: CachedLine): Dec {
    if (this.byMonth(spec)) {
      const key = `${this.calendar.idOf(spec.monthly)}|${spec.grade}|${spec.step}|${spec.stepSince ?? ''}|${spec.beamte ? 1 : 0}|${spec.share.toString()}|${spec.period.start ?? ''}|${spec.period.end ?? ''}|${year}`;
      let v = this.byMonthCache.get(key);
      if (!v) {
        v = roundCent(this.unroundedCost(spec, year));
        if (this.byMonthCache.size < 200_000) this.byMonthCache.set(key, v);
      }
      return v;
    }
    const months = monthsActive(spec.period, year);
    if (months.isZero() || spec.share.isZero()) return ZERO;
    const annual = this.annual(spec.monthly, spec.beamte, year);
    if (months === TWELVE) {
      // a whole year: many positions share pay, share and year, so the result is shared too
      const byShare = annual.fullYear;
      const key = cached ? (cached.shareKey ??= spec.share.toString()) : spec.share.toString();
      let value = byShare.get(key);
      if (!value) {
        value = roundCent(annual.value.times(spec.share));
        byShare.set(key, value);
      }
      return value;
    }
    let value = annual.value.times(spec.share);
    if (!months.eq(TWELVE)) value = value.times(months).div(TWELVE);
    return roundCent(value);
  }

  /**
   * monthly × factor × growth (+ Sachkosten), in exactly this order: the result must not depend on
   * the cache. Keyed by the monthly amount object (pay table entries are shared by many lines).
   */
  private annual(monthly: Dec, beamte: boolean, year: number): CachedAnnual {
    const i = year - this.parameter.erstesPlanjahr;
    if (!(Number.isInteger(i) && i >= 0 && i < this.years.length))
      return this.computeAnnual(monthly, beamte, year);
    let list = this.annualCache.get(monthly);
    if (!list) {
      list = new Array<CachedAnnual | undefined>(2 * this.years.length);
      this.annualCache.set(monthly, list);
    }
    const k = beamte ? this.years.length + i : i;
    return (list[k] ??= this.computeAnnual(monthly, beamte, year));
  }

  private computeAnnual(monthly: Dec, beamte: boolean, year: number): CachedAnnual {
    let value = monthly.times(this.factor(beamte)).times(this.growthFor(year));
    if (!this.parameter.sachkosten.isZero()) value = value.plus(this.parameter.sachkosten);
    return { value, fullYear: new Map() };
  }

  /** Results of month-by-month lines by their inputs (the coverage check asks for clipped copies). */
  private readonly byMonthCache = new Map<string, Dec>();

  /** Whether a line is costed month by month (dated tables, a rising step, or a contract-v2 component). */
  byMonth(spec: LineSpec): boolean {
    return this.calendar.byMonth(spec);
  }

  /** Number of assumed increases in force on a month's first day (see PayCalendar). */
  exponentOn(date: IsoDate): number {
    return this.calendar.exponentOn(date);
  }

  /** The runs of months with one rate of a line in a year (one run where nothing changes). */
  segments(spec: LineSpec, year: number): CostSegment[] {
    return this.calendar.segments(spec, year);
  }

  /** Jahressonderzahlung in monthly salaries for a line and year (grade band when switched on). */
  jsz(spec: LineSpec, year: number): Dec {
    const p = this.parameter;
    if (!p.jszNachGruppe || spec.beamte) return p.jahressonderzahlung;
    return jszRate(spec.grade, year) ?? p.jahressonderzahlung;
  }

  /** Annual factor of a line in a year: the first version's factor plus Leistungsentgelt, Beihilfe, JSZ band. */
  factorFor(spec: LineSpec, year: number): Dec {
    if (!this.components) return this.factor(spec.beamte);
    const p = this.parameter;
    const overhead = new D(1).plus(p.gemeinkosten);
    if (spec.beamte)
      return TWELVE.times(new D(1).plus(p.versorgungszuschlag).plus(p.beihilfe ?? ZERO)).times(overhead);
    return TWELVE.plus(this.jsz(spec, year))
      .plus(TWELVE.times(p.leistungsentgelt ?? ZERO))
      .times(new D(1).plus(p.agSozialversicherung).plus(p.zusatzversorgung))
      .times(overhead);
  }

  /**
   * KV/PV and RV/AV employer shares, each capped at its monthly ceiling. Ongoing pay counts month by month up
   * to the ceiling; the special payment and Leistungsentgelt are one-off payments (§ 23a SGB IV) and count
   * within the room the ongoing pay left below the ceilings of the year's active months.
   */
  cappedShares(spec: LineSpec, year: number, segs = this.segments(spec, year)): CappedShare[] {
    const p = this.parameter;
    if (spec.beamte) return [];
    const out: CappedShare[] = [];
    const pays = segs.map((s) => ({ months: s.months, pay: s.monthly.times(s.growth).times(spec.share) }));
    const payTotal = sum(pays.map((x) => x.pay.times(x.months)));
    const oneOffTotal = payTotal.times(
      this.jsz(spec, year)
        .div(TWELVE)
        .plus(p.leistungsentgelt ?? ZERO),
    );
    const caps: [CappedShare['label'], Dec | undefined, Dec | undefined][] = [
      ['KV/PV', p.agKvPv, p.bbgKvPv],
      ['RV/AV', p.agRvAv, p.bbgRvAv],
    ];
    for (const [label, rate, ceiling] of caps) {
      if (!rate || rate.isZero()) continue;
      if (!ceiling || ceiling.isZero()) {
        out.push({
          label,
          rate,
          ongoing: payTotal,
          oneOff: oneOffTotal,
          amount: rate.times(payTotal.plus(oneOffTotal)),
        });
        continue;
      }
      const ongoing = sum(pays.map((x) => D.min(x.pay, ceiling).times(x.months)));
      const room = sum(pays.map((x) => ceiling.minus(D.min(x.pay, ceiling)).times(x.months)));
      const oneOff = D.min(oneOffTotal, room);
      out.push({ label, rate, ceiling, ongoing, oneOff, amount: rate.times(ongoing.plus(oneOff)) });
    }
    return out;
  }

  /** The month-by-month cost of a line in a year before the one rounding. */
  private unroundedCost(spec: LineSpec, year: number): Dec {
    const segs = this.segments(spec, year);
    if (segs.length === 0 || spec.share.isZero()) return ZERO;
    const p = this.parameter;
    const factor = this.factorFor(spec, year);
    let total = ZERO;
    for (const seg of segs) {
      let a = seg.monthly.times(factor).times(seg.growth);
      if (!p.sachkosten.isZero()) a = a.plus(p.sachkosten);
      let v = a.times(spec.share);
      if (!seg.months.eq(TWELVE)) v = v.times(seg.months).div(TWELVE);
      total = total.plus(v);
    }
    const capped = this.cappedShares(spec, year, segs);
    if (capped.length > 0)
      total = total.plus(sum(capped.map((c) => c.amount)).times(new D(1).plus(p.gemeinkosten)));
    return total;
  }

  /** "Wie berechnet" for a line cost (computed on demand: explanations are only read by people). */
  explainLine(spec: LineSpec, year: number, sign = 1): Explanation {
    return explainLineCost(this, spec, year, sign);
  }
}

function nonZero(v: Dec | undefined): boolean {
  return v !== undefined && !v.isZero();
}

// The pieces a cost model is built from, under the names callers have always imported from here.
export { planYears, monthsActive, proRataAmount, explainProRata } from './months';
export {
  annualFactor,
  lookupMonthly,
  positionLine,
  type LineSpec,
  type MonthlyLookup,
  type PayTables,
} from './pay';
export type { CostSegment } from './pay-calendar';
export { intersect } from './dates';
export type { IsoDate } from './dates';
export type { WorkbookModel } from './model';
