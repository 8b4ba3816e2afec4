import { D, ZERO, roundCent, formatEuro, formatDecimalDe, formatPercentDe, sum, type Dec } from './money';
import { daysInMonth, formatDateDe, intersect, isoDate, parts, type IsoDate, type Period } from './dates';
import { isBeamteGrade, normalizeGrade, displayGrade } from './grades';
import type { Parameter, PayTable, PayTableVersion, Stelle, WorkbookModel } from './model';
import { jszRate } from './sonderzahlung';
import { stepChanges, stepOn } from './steps';
import type { Explanation } from './result';

/** The plan years of the horizon. */
export function planYears(parameter: Parameter): number[] {
  const n = Math.max(1, Math.min(50, Math.trunc(parameter.anzahlPlanjahre)));
  return Array.from({ length: n }, (_, i) => parameter.erstesPlanjahr + i);
}

const TWELVE = new D(12);

/** "YYYY-01-01" and "YYYY-12-31" per year, built once: monthsActive runs for every position and year. */
const yearBounds = new Map<number, { start: IsoDate; end: IsoDate }>();
function boundsOf(year: number): { start: IsoDate; end: IsoDate } {
  let b = yearBounds.get(year);
  if (!b) {
    b = { start: isoDate(year, 1, 1), end: isoDate(year, 12, 31) };
    if (yearBounds.size < 1000) yearBounds.set(year, b);
  }
  return b;
}

/**
 * Active months of a period in a year: full months count 1, a partly active month counts
 * active days / days of that month (DESIGN.md). Returns an exact decimal between 0 and 12.
 */
export function monthsActive(period: Period, year: number): Dec {
  const { start: yearStart, end: yearEnd } = boundsOf(year);
  const s = period.start && period.start > yearStart ? period.start : yearStart;
  const e = period.end && period.end < yearEnd ? period.end : yearEnd;
  if (s > e) return ZERO;
  if (s === yearStart && e === yearEnd) return TWELVE;
  const S = parts(s);
  const E = parts(e);
  const dimS = daysInMonth(S.year, S.month);
  if (S.month === E.month) return new D(E.day - S.day + 1).div(dimS);
  const dimE = daysInMonth(E.year, E.month);
  const first = S.day === 1 ? new D(1) : new D(dimS - S.day + 1).div(dimS);
  const last = E.day === dimE ? new D(1) : new D(E.day).div(dimE);
  return first.plus(E.month - S.month - 1).plus(last);
}

/** Full-time annual personnel factor on the monthly table value (without tariff growth). */
export function annualFactor(parameter: Parameter, beamte: boolean): Dec {
  const overhead = new D(1).plus(parameter.gemeinkosten);
  if (beamte) return TWELVE.times(new D(1).plus(parameter.versorgungszuschlag)).times(overhead);
  return TWELVE.plus(parameter.jahressonderzahlung)
    .times(new D(1).plus(parameter.agSozialversicherung).plus(parameter.zusatzversorgung))
    .times(overhead);
}

export type MonthlyLookup =
  | { ok: true; monthly: Dec; beamte: boolean; grade: string }
  | { ok: false; reason: 'grade' | 'step'; beamte: boolean; grade: string };

/** Monthly full-time pay for a grade and step; unknown grade/step is reported, never guessed. */
export function lookupMonthly(
  tables: { entgelttabelle: PayTable; besoldungstabelle: PayTable },
  grade: string,
  step: number,
): MonthlyLookup {
  const g = normalizeGrade(grade);
  const beamte = isBeamteGrade(g);
  const table = beamte ? tables.besoldungstabelle : tables.entgelttabelle;
  const row = table.rows.get(g);
  if (!row) return { ok: false, reason: 'grade', beamte, grade: g };
  const monthly = row.steps.get(step);
  if (!monthly) return { ok: false, reason: 'step', beamte, grade: g };
  return { ok: true, monthly, beamte, grade: g };
}

/** What a cost line needs: the pay, the share and the period it is active in. */
export interface LineSpec {
  grade: string;
  step: number;
  monthly: Dec;
  beamte: boolean;
  share: Dec;
  period: Period;
  /** Stufe seit (contract v2): the step rises from this date by the step table. */
  stepSince?: IsoDate;
}

/** The pay tables a cost model looks up month by month (dated versions, other steps). */
export interface PayTables {
  entgelttabelle: PayTable;
  besoldungstabelle: PayTable;
}

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

/** A position's own cost line: its pay from the table, its share and its period (Beginn–Ende). */
export function positionLine(s: Stelle, pay: { grade: string; monthly: Dec; beamte: boolean }): LineSpec {
  return {
    grade: pay.grade,
    step: s.stufe,
    monthly: pay.monthly,
    beamte: pay.beamte,
    share: s.anteil,
    period: { start: s.beginn, end: s.ende },
    ...(s.stufeSeit ? { stepSince: s.stufeSeit } : {}),
  };
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
      const key = `${this.idOf(spec.monthly)}|${spec.grade}|${spec.step}|${spec.stepSince ?? ''}|${spec.beamte ? 1 : 0}|${spec.share.toString()}|${spec.period.start ?? ''}|${spec.period.end ?? ''}|${year}`;
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

  /** Whether a line is costed month by month (dated tables, a rising step, or a contract-v2 component). */
  byMonth(spec: LineSpec): boolean {
    if (this.components || spec.stepSince) return true;
    const table = this.tableFor(spec.beamte);
    return (table?.versions?.length ?? 0) > 1;
  }

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
  private idOf(d: Dec): number {
    let id = this.ids.get(d);
    if (id === undefined) this.ids.set(d, (id = this.nextId++));
    return id;
  }

  /** Results of month-by-month lines by their inputs (the coverage check asks for clipped copies). */
  private readonly byMonthCache = new Map<string, Dec>();

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

  /**
   * "Wie berechnet" month by month: one step per run of months with its rate (table version, step, assumed
   * increase), the annual factor with its components, each capped employer share with its parameter.
   */
  private explainByMonth(spec: LineSpec, year: number, sign: number): Explanation {
    const p = this.parameter;
    const segs = this.segments(spec, year);
    const factor = this.factorFor(spec, year);
    const amount = this.lineCost(spec, year).times(sign);
    const grade = displayGrade(spec.grade);
    const steps: Explanation['steps'] = segs.map((seg) => ({
      label:
        `${formatDateDe(seg.start)}–${formatDateDe(seg.end)}: ${grade} Stufe ${seg.step}` +
        `${seg.gueltigAb ? `, Tabelle gültig ab ${formatDateDe(seg.gueltigAb)}` : ''}` +
        `${seg.exponent !== 0 ? `, Tarifsteigerung ${formatPercentDe(p.tarifsteigerung)} × ${seg.exponent}` : ''}`,
      labelEn: `${seg.start}–${seg.end}: ${grade} step ${seg.step}${seg.gueltigAb ? `, table from ${seg.gueltigAb}` : ''}`,
      value: `${formatEuro(seg.monthly)} × ${formatDecimalDe(seg.growth, 4)} × ${formatDecimalDe(seg.months, 3)} Monate`,
    }));
    const jsz = this.jsz(spec, year);
    const factorText = spec.beamte
      ? `12 × (1 + ${formatPercentDe(p.versorgungszuschlag)} Versorgungszuschlag${p.beihilfe && !p.beihilfe.isZero() ? ` + ${formatPercentDe(p.beihilfe)} Beihilfe` : ''})`
      : `(12 + ${formatDecimalDe(jsz, 4)} Jahressonderzahlung${p.jszNachGruppe ? ` (${grade}, ${year})` : ''}` +
        `${p.leistungsentgelt && !p.leistungsentgelt.isZero() ? ` + 12 × ${formatPercentDe(p.leistungsentgelt)} Leistungsentgelt` : ''})` +
        ` × (1 + ${formatPercentDe(p.agSozialversicherung)} SV + ${formatPercentDe(p.zusatzversorgung)} ZV)`;
    steps.push({
      label: `Jahresfaktor ${factorText}${p.gemeinkosten.isZero() ? '' : ` × (1 + ${formatPercentDe(p.gemeinkosten)} Gemeinkosten)`}`,
      labelEn: 'Annual factor (annual bonus, performance pay, employer shares, overhead)',
      value: formatDecimalDe(factor, 4),
    });
    for (const c of this.cappedShares(spec, year, segs))
      steps.push({
        label:
          `AG-Anteil ${c.label} ${formatPercentDe(c.rate)}` +
          (c.ceiling
            ? ` bis BBG ${formatEuro(c.ceiling)}/Monat: laufend ${formatEuro(c.ongoing)} + Einmalzahlungen ${formatEuro(c.oneOff)}`
            : ` ohne BBG: ${formatEuro(c.ongoing)} + ${formatEuro(c.oneOff)}`),
        labelEn: `Employer share ${c.label} capped at the monthly ceiling`,
        value: formatEuro(c.amount),
      });
    if (!p.sachkosten.isZero()) steps.push(sachkostenStep(p.sachkosten));
    steps.push(
      { label: 'Stellenanteil', labelEn: 'FTE share', value: formatDecimalDe(spec.share, 3) },
      {
        label: 'Ergebnis (einmal auf Cent gerundet)',
        labelEn: 'Result (rounded once to the cent)',
        value: formatEuro(amount),
      },
    );
    const parts = segs.map(
      (seg) =>
        `${formatEuro(seg.monthly)} × ${formatDecimalDe(seg.growth, 4)} × ${formatDecimalDe(seg.months, 3)}/12`,
    );
    const capped = this.cappedShares(spec, year, segs);
    const summary =
      `${sign < 0 ? '− ' : ''}(${parts.join(' + ')}) × ${formatDecimalDe(factor, 4)} × ${formatDecimalDe(spec.share, 3)}` +
      `${capped.map((c) => ` + ${c.label} ${formatEuro(c.amount)}`).join('')} = ${formatEuro(amount)}`;
    return { summary, steps };
  }

  /** "Wie berechnet" for a line cost (computed on demand: explanations are only read by people). */
  explainLine(spec: LineSpec, year: number, sign = 1): Explanation {
    if (this.byMonth(spec)) return this.explainByMonth(spec, year, sign);
    const p = this.parameter;
    const months = monthsActive(spec.period, year);
    const factor = this.factor(spec.beamte);
    const growth = this.growthFor(year);
    const amount = this.lineCost(spec, year).times(sign);
    const factorText = spec.beamte
      ? `12 × (1 + ${formatPercentDe(p.versorgungszuschlag)} Versorgungszuschlag)`
      : `(12 + ${formatDecimalDe(p.jahressonderzahlung, 2)} Jahressonderzahlung) × (1 + ${formatPercentDe(p.agSozialversicherung)} SV + ${formatPercentDe(p.zusatzversorgung)} ZV)`;
    const factorTextEn = spec.beamte
      ? '12 × (1 + pension surcharge)'
      : '(12 + annual bonus) × (1 + employer social insurance + supplementary pension)';
    const steps: Explanation['steps'] = [
      {
        label: `Monatsbetrag ${displayGrade(spec.grade)} Stufe ${spec.step} (Vollzeit)`,
        labelEn: `Monthly pay ${displayGrade(spec.grade)} step ${spec.step} (full time)`,
        value: formatEuro(spec.monthly),
      },
      {
        label: `Jahresfaktor ${factorText}${p.gemeinkosten.isZero() ? '' : ` × (1 + ${formatPercentDe(p.gemeinkosten)} Gemeinkosten)`}`,
        labelEn: `Annual factor ${factorTextEn}${p.gemeinkosten.isZero() ? '' : ' × (1 + overhead)'}`,
        value: formatDecimalDe(factor, 4),
      },
      {
        label: `Tarifsteigerung ${formatPercentDe(p.tarifsteigerung)} p.a. bis ${year} (${year - p.erstesPlanjahr} Jahre)`,
        labelEn: `Pay increase per year until ${year}`,
        value: formatDecimalDe(growth, 4),
      },
    ];
    if (!p.sachkosten.isZero()) steps.push(sachkostenStep(p.sachkosten));
    steps.push(
      { label: 'Stellenanteil', labelEn: 'FTE share', value: formatDecimalDe(spec.share, 3) },
      {
        label: `Aktive Monate ${year} (${formatDateDe(spec.period.start) || 'offen'} – ${formatDateDe(spec.period.end) || 'offen'})`,
        labelEn: `Active months ${year}`,
        value: `${formatDecimalDe(months, 3)} von 12`,
      },
      {
        label: 'Ergebnis (auf Cent gerundet)',
        labelEn: 'Result (rounded to the cent)',
        value: formatEuro(amount),
      },
    );
    const summary =
      `${sign < 0 ? '− ' : ''}(${formatEuro(spec.monthly)} × ${formatDecimalDe(factor, 4)} × ${formatDecimalDe(growth, 4)}` +
      `${p.sachkosten.isZero() ? '' : ` + ${formatEuro(p.sachkosten)}`}) × ${formatDecimalDe(spec.share, 3)} × ` +
      `${formatDecimalDe(months, 3)}/12 = ${formatEuro(amount)}`;
    return { summary, steps };
  }
}

/** Amount per year for a fixed €/year sum active in a period (Sachaufwand, cover with Betrag). */
export function proRataAmount(betrag: Dec, period: Period, year: number): Dec {
  const months = monthsActive(period, year);
  if (months.isZero()) return ZERO;
  return roundCent(months.eq(TWELVE) ? betrag : betrag.times(months).div(TWELVE));
}

export function explainProRata(
  betrag: Dec,
  period: Period,
  year: number,
  label: string,
  labelEn: string,
): Explanation {
  const months = monthsActive(period, year);
  const amount = proRataAmount(betrag, period, year);
  return {
    summary: `${formatEuro(betrag)} × ${formatDecimalDe(months, 3)}/12 = ${formatEuro(amount)}`,
    steps: [
      { label, labelEn, value: formatEuro(betrag) },
      {
        label: `Aktive Monate ${year} (${formatDateDe(period.start) || 'offen'} – ${formatDateDe(period.end) || 'offen'})`,
        labelEn: `Active months ${year}`,
        value: `${formatDecimalDe(months, 3)} von 12`,
      },
      {
        label: 'Ergebnis (auf Cent gerundet)',
        labelEn: 'Result (rounded to the cent)',
        value: formatEuro(amount),
      },
    ],
  };
}

/** The explanation step of the Sachkosten (both explanations show it alike). */
function sachkostenStep(sachkosten: Dec): Explanation['steps'][number] {
  return {
    label: 'Sachkosten je Stelle',
    labelEn: 'Running costs per position',
    value: formatEuro(sachkosten),
  };
}

const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
/** Whole month counts 0…12 as decimals, shared (12 is the TWELVE the fast path compares with). */
const MONTH_COUNTS: Dec[] = [...Array.from({ length: 12 }, (_, i) => new D(i)), TWELVE];

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

function nonZero(v: Dec | undefined): boolean {
  return v !== undefined && !v.isZero();
}

export { intersect };
export type { IsoDate, WorkbookModel };
