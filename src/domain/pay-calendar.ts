import { D, ZERO, type Dec } from './money';
import { daysInMonth, isoDate, parts, type IsoDate } from './dates';
import type { Parameter, PayTable, PayTableVersion } from './model';
import { MONTHS, MONTH_COUNTS, boundsOf, monthsActive } from './months';
import type { LineSpec, PayTables } from './pay';
import { stepChanges, stepOn } from './steps';

/**
 * A run of months of one line in one year that share one rate: the same table version, step and
 * assumed increase. `months` counts a partly active month by calendar days (DESIGN.md).
 */
export interface CostSegment {
  start: IsoDate;
  end: IsoDate;
  months: Dec;
  step: number;
  /** `Gültig ab` of the table version used; undefined = an undated table. */
  gueltigAb?: IsoDate;
  monthly: Dec;
  /** Number of assumed increases applied: growth = (1 + Tarifsteigerung p.a.)^exponent. */
  exponent: number;
  growth: Dec;
  /** The amount is the line's own (grade not in this table version): formulas write it as a number. */
  notInTable?: boolean;
}

/** One month's rate of a line (before its period clips it). */
interface MonthRate {
  first: IsoDate;
  last: IsoDate;
  version?: PayTableVersion;
  /** The step by the step table; `step` is the one the table has (the row's highest up to it). */
  target: number;
  step: number;
  monthly: Dec;
  gueltigAb?: IsoDate;
  fromTable: boolean;
  exponent: number;
  growth: Dec;
}

/**
 * The pay calendar of a cost model: which pay each month of a year takes for a line (table version valid on
 * the month's first day, the step by Stufe seit, the assumed increases in force) and the runs of months that
 * share one rate.
 */
export class PayCalendar {
  constructor(
    private readonly parameter: Parameter,
    private readonly tables: PayTables | undefined,
    /** Whether any contract-v2 component is named (then every line is costed month by month). */
    private readonly components: boolean,
    /** The growth of a plan year as the cost model computes it (one assumed increase per year after the first). */
    private readonly growthFor: (year: number) => Dec,
  ) {}

  /** Whether a line is costed month by month (dated tables, a rising step, or a contract-v2 component). */
  byMonth(spec: LineSpec): boolean {
    if (this.components || spec.stepSince) return true;
    const table = this.tableFor(spec.beamte);
    return (table?.versions?.length ?? 0) > 1;
  }

  /** The pay table of Beamte or Beschäftigte, when the model has tables. */
  private tableFor(beamte: boolean): PayTable | undefined {
    return this.tables && (beamte ? this.tables.besoldungstabelle : this.tables.entgelttabelle);
  }

  /** The table version valid on a date: the latest `Gültig ab` on or before it, else the earliest. */
  private versionOn(beamte: boolean, date: IsoDate): PayTableVersion | undefined {
    const versions = this.tableFor(beamte)?.versions;
    if (!versions || versions.length === 0) return undefined;
    let hit: PayTableVersion | undefined;
    for (const v of versions) if (!v.gueltigAb || v.gueltigAb <= date) hit = v;
    return hit ?? versions[0];
  }

  /**
   * Number of assumed increases in force on a month's first day. Without `Tarifsteigerung ab`: one per plan
   * year after the first (the rule of the first version). With it: one on that date and every 12 months after.
   */
  exponentOn(date: IsoDate): number {
    const p = this.parameter;
    const d = parts(date);
    if (!p.tarifsteigerungAb) return d.year - p.erstesPlanjahr;
    const a = parts(p.tarifsteigerungAb);
    if (date < p.tarifsteigerungAb) return 0;
    const before = d.month < a.month || (d.month === a.month && d.day < a.day);
    return d.year - a.year - (before ? 1 : 0) + 1;
  }

  private readonly growthByExponent = new Map<number, Dec>();

  private growthOf(exponent: number): Dec {
    let g = this.growthByExponent.get(exponent);
    if (!g)
      this.growthByExponent.set(exponent, (g = new D(1).plus(this.parameter.tarifsteigerung).pow(exponent)));
    return g;
  }

  /**
   * The rate of each month of a year for a line's grade, step and Stufe seit, independent of its period:
   * many lines (and the period-clipped copies the coverage check asks for) share them.
   */
  private readonly monthRateCache = new Map<string, MonthRate[]>();

  private monthRates(spec: LineSpec, year: number): MonthRate[] {
    const key = `${this.idOf(spec.monthly)}|${spec.grade}|${spec.step}|${spec.stepSince ?? ''}|${spec.beamte ? 1 : 0}|${year}`;
    let rates = this.monthRateCache.get(key);
    if (rates) return rates;
    const changes = spec.stepSince
      ? stepChanges(spec.grade, spec.step, spec.stepSince, undefined, isoDate(year, 12, 31))
      : [];
    rates = MONTHS.map((m) => {
      const first = isoDate(year, m, 1);
      const step = stepOn(changes, spec.step, first);
      const version = this.versionOn(spec.beamte, first);
      const exponent = this.exponentOn(first);
      const pay = this.monthlyIn(version, spec, step);
      return {
        first,
        last: isoDate(year, m, daysInMonth(year, m)),
        version,
        target: step,
        exponent,
        growth: this.growthOf(exponent),
        ...pay,
      };
    });
    if (this.monthRateCache.size < 100_000) this.monthRateCache.set(key, rates);
    return rates;
  }

  /** A short id per monthly amount object (pay table entries are shared): cheaper than its text in keys. */
  private readonly ids = new WeakMap<Dec, number>();

  private nextId = 0;

  idOf(d: Dec): number {
    let id = this.ids.get(d);
    if (id === undefined) this.ids.set(d, (id = this.nextId++));
    return id;
  }

  /**
   * Monthly full-time pay of a grade and step in a table version; a missing step falls back to the row's
   * highest below it, a missing row to the line's own amount (`fromTable` false: formulas write it as a number).
   */
  private monthlyIn(
    version: PayTableVersion | undefined,
    spec: LineSpec,
    step: number,
  ): { monthly: Dec; step: number; gueltigAb?: IsoDate; fromTable: boolean } {
    const row = version?.rows.get(spec.grade);
    if (row)
      for (let s = step; s >= 1; s--) {
        const v = row.steps.get(s);
        if (v) return { monthly: v, step: s, gueltigAb: row.gueltigAb, fromTable: true };
      }
    return { monthly: spec.monthly, step, fromTable: false };
  }

  /** The runs of months with one rate of a line in a year (one run where nothing changes). */
  segments(spec: LineSpec, year: number): CostSegment[] {
    if (!this.byMonth(spec)) {
      const months = monthsActive(spec.period, year);
      if (months.isZero()) return [];
      const { start, end } = boundsOf(year);
      return [
        {
          start: spec.period.start && spec.period.start > start ? spec.period.start : start,
          end: spec.period.end && spec.period.end < end ? spec.period.end : end,
          months,
          step: spec.step,
          monthly: spec.monthly,
          exponent: year - this.parameter.erstesPlanjahr,
          growth: this.growthFor(year),
        },
      ];
    }
    // the period is one interval, so the months it touches are consecutive: a run only breaks on a new rate
    const out: (CostSegment & { rate: MonthRate; full: number; clipped: boolean })[] = [];
    let last: (CostSegment & { rate: MonthRate; full: number; clipped: boolean }) | undefined;
    for (const rate of this.monthRates(spec, year)) {
      const s = spec.period.start && spec.period.start > rate.first ? spec.period.start : rate.first;
      const e = spec.period.end && spec.period.end < rate.last ? spec.period.end : rate.last;
      if (s > e) continue;
      const clipped = s !== rate.first || e !== rate.last;
      const r0 = last?.rate;
      // the same row (a version may carry rows over from the one before) at the same step and increase
      if (
        last &&
        r0 &&
        r0.monthly === rate.monthly &&
        r0.gueltigAb === rate.gueltigAb &&
        r0.target === rate.target &&
        r0.exponent === rate.exponent
      ) {
        last.end = e;
        last.full++;
        last.clipped ||= clipped;
        continue;
      }
      last = {
        start: s,
        end: e,
        months: ZERO,
        step: rate.step,
        ...(rate.gueltigAb ? { gueltigAb: rate.gueltigAb } : {}),
        ...(rate.fromTable ? {} : { notInTable: true }),
        monthly: rate.monthly,
        exponent: rate.exponent,
        growth: rate.growth,
        rate,
        full: 1,
        clipped,
      };
      out.push(last);
    }
    return out.map(({ rate: _r, full, clipped, ...seg }) => {
      void _r;
      const months = clipped
        ? monthsActive({ start: seg.start, end: seg.end }, year)
        : (MONTH_COUNTS[full] ?? new D(full));
      return { ...seg, months };
    });
  }
}
