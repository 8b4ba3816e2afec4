import { D, ZERO, isAboveZero, type Dec } from './money';
import { intersect, parts, type Period } from './dates';
import { CostModel } from './cost';
import { lookupMonthly, positionLine, type LineSpec } from './pay';
import type { Findings } from './catalogue';
import { positionCosts, type PositionYears } from './position-costs';
import type { Deckung, Massnahme, Planansatz, SourceRef, Stelle, WorkbookModel } from './model';

/**
 * The checks on the tables themselves (duplicates, pay grades, ranges, prerequisites, cover rows that
 * name no measure) and the lookups every later rule needs, built once.
 */
export interface Index {
  model: WorkbookModel;
  cost: CostModel;
  years: number[];
  stellen: Map<string, Stelle>;
  positionSpecs: Map<Stelle, LineSpec | undefined>;
  lines: Map<string, Map<number, Planansatz>>;
  massnahmen: Map<string, Massnahme>;
  coverByMeasure: Map<string, Deckung[]>;
  isProtected: (hst: string) => boolean;
  positionCost: (s: Stelle, year: number, period?: Period) => Dec;
  /** Each position's own cost per plan year (index as `years`), computed once; absent when not computable. */
  positionYears: Map<Stelle, PositionYears>;
  /** Cost of all positions charged to a budget line, per plan year (index as `years`). */
  lineCost: (hst: string) => Dec[] | undefined;
  lineTotals: Map<string, Dec[]>;
}

const ONE_SHARE = new D(1);

export function buildIndex(model: WorkbookModel, f: Findings): Index {
  const cost = new CostModel(model.parameter, model);
  const years = cost.years;

  const stellen = new Map<string, Stelle>();
  const positionSpecs = new Map<Stelle, LineSpec | undefined>();
  for (const s of model.stellen) {
    if (stellen.has(s.nr)) f.emit('positionDuplicate', { nr: s.nr }, { ...s.ref, field: 'nr' });
    else stellen.set(s.nr, s);
    positionSpecs.set(s, positionSpec(s, f, model));
    if (s.beginn && s.ende && s.beginn > s.ende)
      f.emit(
        'positionEndBeforeStart',
        { nr: s.nr, beginn: s.beginn, ende: s.ende },
        { ...s.ref, field: 'ende' },
      );
    if (s.ende && years.includes(parts(s.ende).year))
      f.emit('positionEnds', { nr: s.nr, title: s.bezeichnung, ende: s.ende }, { ...s.ref, field: 'ende' });
  }
  // Each position's cost in each plan year, once: the line totals, the budget check, the cover rooms and
  // the result's Jahreskosten all read it.
  const positionYears = positionCosts(positionSpecs, cost);
  const positionCost = (s: Stelle, year: number, period?: Period): Dec => {
    const spec = positionSpecs.get(s);
    if (!spec) return ZERO;
    if (!period) {
      const i = year - years[0];
      const own = positionYears.get(s)?.costs;
      if (own && i >= 0 && i < own.length) return own[i];
    }
    return cost.lineCost(period ? { ...spec, period: intersect(spec.period, period) } : spec, year);
  };

  const lines = new Map<string, Map<number, Planansatz>>();
  for (const p of model.planansaetze) {
    const byYear = lines.get(p.haushaltsstelle) ?? new Map<number, Planansatz>();
    if (byYear.has(p.jahr))
      f.emit(
        'lineDuplicate',
        { hst: p.haushaltsstelle, year: p.jahr },
        { ...p.ref, field: 'haushaltsstelle' },
      );
    else byYear.set(p.jahr, p);
    lines.set(p.haushaltsstelle, byYear);
  }
  const protectedLines = new Set(
    model.planansaetze.filter((p) => p.geschuetzt).map((p) => p.haushaltsstelle),
  );

  // Cost of the positions charged to each line, per plan year: one pass, shared with the budget check.
  const lineTotals = new Map<string, Dec[]>();
  for (const s of model.stellen) {
    const own = positionYears.get(s)?.costs;
    if (!s.haushaltsstelle || !own) continue;
    let totals = lineTotals.get(s.haushaltsstelle);
    if (!totals) lineTotals.set(s.haushaltsstelle, (totals = years.map(() => ZERO)));
    // adding zero changes nothing: skipping it saves a Decimal each
    for (let i = 0; i < years.length; i++) if (!own[i].isZero()) totals[i] = totals[i].plus(own[i]);
  }

  const massnahmen = new Map<string, Massnahme>();
  for (const m of model.massnahmen) {
    if (massnahmen.has(m.nr)) f.emit('measureDuplicate', { nr: m.nr }, { ...m.ref, field: 'nr' });
    else massnahmen.set(m.nr, m);
  }
  checkPrerequisites(massnahmen, f);

  const coverByMeasure = new Map<string, Deckung[]>();
  for (const d of model.deckung) {
    if (!massnahmen.has(d.massnahmeNr)) {
      f.emit('coverMeasureUnknown', { m: d.massnahmeNr }, { ...d.ref, field: 'massnahmeNr' });
      continue;
    }
    const list = coverByMeasure.get(d.massnahmeNr) ?? [];
    list.push(d);
    coverByMeasure.set(d.massnahmeNr, list);
  }

  return {
    model,
    cost,
    years,
    stellen,
    positionSpecs,
    lines,
    massnahmen,
    coverByMeasure,
    isProtected: (hst) => protectedLines.has(hst),
    positionCost,
    positionYears,
    lineCost: (hst) => lineTotals.get(hst) ?? (hst ? years.map(() => ZERO) : undefined),
    lineTotals,
  };
}

/** An office is founded when its head starts; transfers wait for that (Konstanz). */
function checkPrerequisites(massnahmen: Map<string, Massnahme>, f: Findings): void {
  for (const m of massnahmen.values()) {
    if (!m.voraussetzung) continue;
    const pre = massnahmen.get(m.voraussetzung);
    const at = { ...m.ref, field: 'voraussetzung' };
    const opts = { measure: m.nr };
    if (!pre) f.emit('prerequisiteUnknown', { m: m.nr, pre: m.voraussetzung }, at, opts);
    else if (pre.status === 'abgelehnt' && m.status !== 'abgelehnt')
      f.emit('prerequisiteRejected', { m: m.nr, pre: pre.nr }, at, opts);
    else if (m.beginn && pre.beginn && m.beginn < pre.beginn)
      f.emit(
        'prerequisiteLater',
        { m: m.nr, pre: pre.nr, beginn: m.beginn, preBeginn: pre.beginn },
        { ...m.ref, field: 'beginn' },
        opts,
      );
  }
}

function positionSpec(s: Stelle, f: Findings, model: WorkbookModel): LineSpec | undefined {
  if (!s.gruppe) return undefined; // the reader already reported the empty cell
  const hit = lookupMonthly(model, s.gruppe, s.stufe);
  if (!hit.ok) {
    reportPaygrade(
      f,
      hit,
      s.stufe,
      { ...s.ref, field: hit.reason === 'grade' ? 'gruppe' : 'stufe' },
      `Stelle ${s.nr}`,
    );
    return undefined;
  }
  if (!isAboveZero(s.anteil) || s.anteil.gt(ONE_SHARE)) {
    f.emit(
      'positionShare',
      { nr: s.nr, share: s.anteil.toString().replace('.', ',') },
      { ...s.ref, field: 'anteil' },
    );
    return undefined;
  }
  return positionLine(s, hit);
}

export function reportPaygrade(
  f: Findings,
  hit: { grade: string; reason: 'grade' | 'step'; beamte: boolean },
  step: number,
  ref: SourceRef,
  who: string,
  measure?: string,
): void {
  const whoEn = who.replace(/^Stelle /, 'Position ').replace(/^Maßnahme /, 'Measure ');
  const params = { who, whoEn, grade: hit.grade, step, beamte: hit.beamte };
  f.emit(hit.reason === 'grade' ? 'paygradeGrade' : 'paygradeStep', params, ref, { measure });
}
