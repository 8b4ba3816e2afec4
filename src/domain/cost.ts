import { D, ZERO, roundCent, formatEuro, formatDecimalDe, formatPercentDe, type Dec } from './money';
import { daysInMonth, formatDateDe, intersect, isoDate, parts, type IsoDate, type Period } from './dates';
import { isBeamteGrade, normalizeGrade, displayGrade } from './grades';
import type { Parameter, PayTable, Stelle, WorkbookModel } from './model';
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

  constructor(readonly parameter: Parameter) {
    this.years = planYears(parameter);
    this.factors = { beamte: annualFactor(parameter, true), beschaeftigte: annualFactor(parameter, false) };
    for (const y of this.years) this.growth.set(y, this.growthFor(y));
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
      cached.end !== spec.period.end
    ) {
      cached = {
        monthly: spec.monthly,
        beamte: spec.beamte,
        share: spec.share,
        start: spec.period.start,
        end: spec.period.end,
        values: new Array<Dec | undefined>(this.years.length),
      };
      this.lineCache.set(spec, cached);
    }
    return (cached.values[i] ??= this.computeLineCost(spec, year, cached));
  }

  private computeLineCost(spec: LineSpec, year: number, cached?: CachedLine): Dec {
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

  /** "Wie berechnet" for a line cost (computed on demand: explanations are only read by people). */
  explainLine(spec: LineSpec, year: number, sign = 1): Explanation {
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
    if (!p.sachkosten.isZero())
      steps.push({
        label: 'Sachkosten je Stelle',
        labelEn: 'Running costs per position',
        value: formatEuro(p.sachkosten),
      });
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

export { intersect };
export type { IsoDate, WorkbookModel };
