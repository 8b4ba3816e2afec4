import { displayGrade } from './grades';
import { ZERO, sum, type Dec } from './money';
import type { Dienstverhaeltnis } from './model';
import type { CheckResult } from './result';
import { planYear, type TermOpenMeasure } from './plan-year';
import { gradeOrder } from './grade-groups';

/**
 * The older grouped view (Dezernat, Organisationseinheit, Dienstverhältnis, grade) used by the scenario
 * comparison: head count and FTE per scenario.
 */
export interface StellenplanGroup {
  dezernat: string;
  oe: string;
  dienstverhaeltnis: Dienstverhaeltnis;
  gruppe: string;
  stellen: Dec;
  vorjahr?: Dec;
  besetzt306?: Dec;
  vermerke: string[];
  positions: string[];
}

export interface StellenplanView {
  year: number;
  groups: StellenplanGroup[];
  termOpen: TermOpenMeasure[];
  totals: { beamte: Dec; beschaeftigte: Dec; all: Dec };
}

export function stellenplanView(
  result: CheckResult,
  options: { scenario?: string; year?: number } = {},
): StellenplanView {
  const py = planYear(result, options);
  const groups = new Map<string, StellenplanGroup>();
  for (const p of py.positions) {
    if (p.anteil.isZero()) continue;
    const key = `${p.dezernat}|${p.oe}|${p.beamte ? 'B' : 'T'}|${p.gruppe}`;
    const g = groups.get(key) ?? {
      dezernat: p.dezernat,
      oe: p.oe,
      dienstverhaeltnis: p.beamte ? ('Beamte' as const) : ('Beschäftigte' as const),
      gruppe: displayGrade(p.gruppe),
      stellen: ZERO,
      vorjahr: ZERO,
      besetzt306: ZERO,
      vermerke: [],
      positions: [],
    };
    g.stellen = g.stellen.plus(p.anteil);
    g.vorjahr = g.vorjahr!.plus(p.vorjahr);
    g.besetzt306 = g.besetzt306!.plus(p.besetzt);
    for (const v of p.vermerke) g.vermerke.push(`${p.nr} ${v}`);
    g.positions.push(p.nr);
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
    year: py.year,
    groups: sorted,
    termOpen: py.termOpen,
    totals: { beamte: total('Beamte'), beschaeftigte: total('Beschäftigte'), all: total() },
  };
}
