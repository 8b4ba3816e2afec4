import { ZERO, sum, type Dec } from './money';
import { displayGrade, isBeamteGrade, normalizeGrade } from './grades';
import { BASIS, type Dienstverhaeltnis, type Massnahme, type Stelle } from './model';
import type { CheckResult } from './result';
import { MEASURE_KINDS, type PlanRow } from './measure-kinds';

/**
 * The Stellenplan in its legal form (§ 5 GemHVO Hessen): positions per Dezernat and Organisationseinheit,
 * Beamte by Besoldungsgruppe and Beschäftigte by Entgeltgruppe, in the plan year, in the previous year and
 * occupied on 30 June of the previous year, with kw/ku notes. Two views: the plan as it stands in
 * `Stellen`, and the plan after the measures of a scenario (new, dropped, changed and transferred positions).
 */
export interface StellenplanGroup {
  dezernat: string;
  oe: string;
  dienstverhaeltnis: Dienstverhaeltnis;
  /** Display form: "A 11", "E9b" */
  gruppe: string;
  /** FTE in the plan year */
  stellen: Dec;
  /** FTE in the previous year (column "Vorjahr"); undefined when the workbook does not say */
  vorjahr?: Dec;
  /** Occupied on 30 June of the previous year (column "Besetzt 30.06. Vorjahr") */
  besetzt306?: Dec;
  /** Position numbers with their kw/ku notes, e.g. "6.13 kw 30.06.2029" */
  vermerke: string[];
  positions: string[];
}

export interface StellenplanView {
  year: number;
  groups: StellenplanGroup[];
  /** Measures of the scenario without a fixed date: counted separately, not dated (Konstanz). */
  termOpen: {
    nr: string;
    bezeichnung: string;
    art: Massnahme['art'];
    stellenNr: string;
    from?: string;
    to?: string;
    /** The measure it waits for (Voraussetzung). */
    after?: string;
  }[];
  totals: { beamte: Dec; beschaeftigte: Dec; all: Dec };
}

type Row = PlanRow;

const activeIn = (year: number, beginn?: string, ende?: string) =>
  (!beginn || beginn <= `${year}-12-31`) && (!ende || ende >= `${year}-01-01`);

function fromStelle(s: Stelle): Row {
  return {
    nr: s.nr,
    dezernat: s.dezernat,
    oe: s.oe,
    gruppe: normalizeGrade(s.gruppe),
    anteil: s.anteil,
    vermerk: s.vermerkText,
    vorjahr: s.vorjahr,
    besetzt306: s.besetzt306,
    beamte: s.dienstverhaeltnis === 'Beamte' || isBeamteGrade(s.gruppe),
  };
}

/** The plan as it stands, or after the dated measures of `scenario` that take effect in `year`. */
export function stellenplanView(
  result: CheckResult,
  options: { scenario?: string; year?: number } = {},
): StellenplanView {
  const year = options.year ?? result.years[0];
  const model = result.model;
  const rows = new Map<string, Row>();
  for (const s of model.stellen)
    if (activeIn(year, s.beginn, s.ende) && !rows.has(s.nr)) rows.set(s.nr, fromStelle(s));
  const termOpen: StellenplanView['termOpen'] = [];
  const scenario = result.scenarios.find((x) => x.name === (options.scenario ?? BASIS));
  if (options.scenario !== undefined && scenario) {
    for (const { massnahme: m } of scenario.measures) {
      const position = model.stellen.find((s) => s.nr === m.stellenNr);
      if (m.terminOffen) {
        termOpen.push({
          nr: m.nr,
          bezeichnung: m.bezeichnung,
          art: m.art,
          stellenNr: m.stellenNr,
          from: position ? `${position.dezernat} / ${position.oe}` : undefined,
          to: [m.dezernat, m.oe].filter(Boolean).join(' / ') || undefined,
          after: m.voraussetzung,
        });
        continue;
      }
      if (!activeIn(year, m.beginn, m.ende)) continue;
      MEASURE_KINDS[m.art].stellenplan(rows, m, { year, position });
    }
  }
  const groups = new Map<string, StellenplanGroup>();
  for (const r of rows.values()) {
    const key = `${r.dezernat}|${r.oe}|${r.beamte ? 'B' : 'T'}|${r.gruppe}`;
    const g = groups.get(key) ?? {
      dezernat: r.dezernat,
      oe: r.oe,
      dienstverhaeltnis: r.beamte ? ('Beamte' as const) : ('Beschäftigte' as const),
      gruppe: displayGrade(r.gruppe),
      stellen: ZERO,
      vermerke: [],
      positions: [],
    };
    g.stellen = g.stellen.plus(r.anteil);
    if (r.vorjahr !== undefined) g.vorjahr = (g.vorjahr ?? ZERO).plus(r.vorjahr);
    if (r.besetzt306 !== undefined) g.besetzt306 = (g.besetzt306 ?? ZERO).plus(r.besetzt306);
    if (r.vermerk) g.vermerke.push(`${r.nr} ${r.vermerk}`);
    g.positions.push(r.nr);
    groups.set(key, g);
  }
  const sorted = [...groups.values()].sort(
    (a, b) =>
      a.dezernat.localeCompare(b.dezernat, 'de') ||
      a.oe.localeCompare(b.oe, 'de') ||
      (a.dienstverhaeltnis === b.dienstverhaeltnis ? 0 : a.dienstverhaeltnis === 'Beamte' ? -1 : 1) ||
      gradeOrder(b.gruppe) - gradeOrder(a.gruppe),
  );
  const total = (dv?: Dienstverhaeltnis) =>
    sum(sorted.filter((g) => !dv || g.dienstverhaeltnis === dv).map((g) => g.stellen));
  return {
    year,
    groups: sorted,
    termOpen,
    totals: { beamte: total('Beamte'), beschaeftigte: total('Beschäftigte'), all: total() },
  };
}

/** Higher groups first, as in every printed Stellenplan: A 16 before A 9, E15Ü before E15 before E9c. */
function gradeOrder(g: string): number {
  const m = /(\d+)\s*([a-cü]?)/i.exec(g);
  if (!m) return 0;
  const letter = m[2].toLowerCase();
  return Number(m[1]) * 10 + (letter === 'ü' ? 9 : letter ? letter.charCodeAt(0) - 96 : 0);
}
