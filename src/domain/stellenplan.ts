import { displayGrade, normalizeGrade } from './grades';
import { ZERO, sum, type Dec } from './money';
import type { CheckResult } from './result';
import {
  planYear,
  type PlanChange,
  type PlanPosition,
  type PlanYear,
  type TermOpenMeasure,
  type Teil,
} from './plan-year';
import { ENTGELT_ORDER, LAUFBAHN_ORDER, entgeltordnung, gradeOrder, laufbahngruppe } from './grade-groups';

/**
 * The Stellenplan in its legal form (§ 5 GemHVO Hessen): Teil A Beamte by Laufbahngruppe and
 * Besoldungsgruppe, Teil B Beschäftigte by Entgeltgruppe, each with the number of positions in the plan
 * year, in the previous year and actually occupied on 30 June of the previous year, kw/ku notes and the
 * reasons for changes; Nachwuchskräfte apart. The plan year itself (as stated or "nach Maßnahmen") is
 * plan-year.ts; the grouped view per Dezernat and Organisationseinheit stellenplan-view.ts.
 */

/** Numbers of one line (a grade) or total (a group, a Teil). */
export interface PlanNumbers {
  /** Zahl der Stellen im Planjahr (after the measures where a scenario is given) */
  stellen: Dec;
  /** change by the measures in the plan year */
  veraenderung: Dec;
  vorjahr: Dec;
  besetzt: Dec;
}

export interface PlanLine extends PlanNumbers {
  /** display form, "A 11", "E9b" */
  gruppe: string;
  vermerke: string[];
  erlaeuterungen: string[];
  positions: string[];
}

export interface PlanGroup extends PlanNumbers {
  name: string;
  lines: PlanLine[];
}

export interface PlanTeil extends PlanNumbers {
  teil: Teil;
  title: string;
  groups: PlanGroup[];
}

export interface LegalStellenplan {
  year: number;
  teile: [PlanTeil, PlanTeil];
  total: PlanNumbers;
  /** Per Dezernat and Organisationseinheit: the same lines within each unit. */
  units: { dezernat: string; oe: string; lines: PlanLine[]; total: PlanNumbers }[];
  /** Nachwuchskräfte (Auszubildende, Anwärter): apart from Teil A and B. */
  nachwuchs: { art: string; gruppe: string; stellen: Dec; vorjahr: Dec; besetzt: Dec; positions: string[] }[];
  termOpen: TermOpenMeasure[];
  derived: PlanYear['derived'];
}

const totalOf = (items: PlanNumbers[]): PlanNumbers => ({
  stellen: sum(items.map((i) => i.stellen)),
  veraenderung: sum(items.map((i) => i.veraenderung)),
  vorjahr: sum(items.map((i) => i.vorjahr)),
  besetzt: sum(items.map((i) => i.besetzt)),
});

function linesOf(positions: PlanPosition[], changes: PlanChange[]): PlanLine[] {
  const lines = new Map<string, PlanLine>();
  const line = (gruppe: string) => {
    const key = normalizeGrade(gruppe);
    let l = lines.get(key);
    if (!l) {
      l = {
        gruppe: displayGrade(key),
        stellen: ZERO,
        veraenderung: ZERO,
        vorjahr: ZERO,
        besetzt: ZERO,
        vermerke: [],
        erlaeuterungen: [],
        positions: [],
      };
      lines.set(key, l);
    }
    return l;
  };
  for (const p of positions) {
    const l = line(p.gruppe);
    l.stellen = l.stellen.plus(p.anteil);
    l.vorjahr = l.vorjahr.plus(p.vorjahr);
    l.besetzt = l.besetzt.plus(p.besetzt);
    if (p.anteil.isZero()) continue; // dropped or ended: only its Vorjahr and besetzt count
    for (const v of p.vermerke) l.vermerke.push(`${p.nr} ${v}`);
    l.positions.push(p.nr);
  }
  for (const c of changes) {
    const l = line(c.gruppe);
    l.veraenderung = l.veraenderung.plus(c.delta);
    l.erlaeuterungen.push(c.text);
  }
  return [...lines.values()].sort((a, b) => gradeOrder(b.gruppe) - gradeOrder(a.gruppe));
}

/** The legal Stellenplan of the plan year; with a scenario, after its measures ("nach Maßnahmen"). */
export function legalStellenplan(
  result: CheckResult,
  options: { scenario?: string; year?: number } = {},
): LegalStellenplan {
  const py = planYear(result, options);
  const counted = py.positions.filter((p) => !p.nachwuchs);
  const teil = (t: Teil): PlanTeil => {
    const beamte = t === 'A';
    const classify = beamte ? laufbahngruppe : entgeltordnung;
    const order = beamte ? LAUFBAHN_ORDER : ENTGELT_ORDER;
    const positions = counted.filter((p) => p.beamte === beamte);
    const changes = py.changes.filter((c) => c.teil === t);
    const names = [
      ...new Set([...positions.map((p) => p.gruppe), ...changes.map((c) => c.gruppe)].map(classify)),
    ];
    const groups = names
      .sort((a, b) => order.indexOf(a) - order.indexOf(b))
      .map((name): PlanGroup => {
        const lines = linesOf(
          positions.filter((p) => classify(p.gruppe) === name),
          changes.filter((c) => classify(c.gruppe) === name),
        );
        return { name, lines, ...totalOf(lines) };
      });
    return {
      teil: t,
      title: beamte ? 'Teil A: Beamtinnen und Beamte' : 'Teil B: Beschäftigte',
      groups,
      ...totalOf(groups),
    };
  };
  const teile: [PlanTeil, PlanTeil] = [teil('A'), teil('B')];
  const unitKeys = [
    ...new Map(
      [...counted, ...py.changes].map((p) => [
        `${p.dezernat}\u0000${p.oe}`,
        { dezernat: p.dezernat, oe: p.oe },
      ]),
    ).values(),
  ].sort((a, b) => a.dezernat.localeCompare(b.dezernat, 'de') || a.oe.localeCompare(b.oe, 'de'));
  // positions and changes grouped by unit in one pass each (a filter per unit is quadratic at 100.000)
  const unitKey = (p: { dezernat: string; oe: string }) => `${p.dezernat}\u0000${p.oe}`;
  const groupBy = <T extends { dezernat: string; oe: string }>(items: T[]) => {
    const m = new Map<string, T[]>();
    for (const x of items) {
      const list = m.get(unitKey(x));
      if (list) list.push(x);
      else m.set(unitKey(x), [x]);
    }
    return m;
  };
  const countedByUnit = groupBy(counted);
  const changesByUnit = groupBy(py.changes);
  const units = unitKeys.map((u) => {
    const lines = linesOf(countedByUnit.get(unitKey(u)) ?? [], changesByUnit.get(unitKey(u)) ?? []);
    return { ...u, lines, total: totalOf(lines) };
  });
  const nachwuchs = new Map<string, LegalStellenplan['nachwuchs'][number]>();
  for (const p of py.positions.filter((x) => x.nachwuchs)) {
    const key = `${p.nachwuchs}\u0000${p.gruppe}`;
    const n = nachwuchs.get(key) ?? {
      art: p.nachwuchs!,
      gruppe: displayGrade(p.gruppe),
      stellen: ZERO,
      vorjahr: ZERO,
      besetzt: ZERO,
      positions: [],
    };
    n.stellen = n.stellen.plus(p.anteil);
    n.vorjahr = n.vorjahr.plus(p.vorjahr);
    n.besetzt = n.besetzt.plus(p.besetzt);
    if (!p.anteil.isZero()) n.positions.push(p.nr);
    nachwuchs.set(key, n);
  }
  return {
    year: py.year,
    teile,
    total: totalOf(teile),
    units,
    nachwuchs: [...nachwuchs.values()],
    termOpen: py.termOpen,
    derived: py.derived,
  };
}

// The parts of the Stellenplan, under the names callers have always imported from here.
export {
  planYear,
  tablePositions,
  type PlanChange,
  type PlanPosition,
  type PlanYear,
  type TermOpenMeasure,
  type Teil,
} from './plan-year';
export { ENTGELT_ORDER, LAUFBAHN_ORDER, entgeltordnung, gradeOrder, laufbahngruppe } from './grade-groups';
export { stellenplanView, type StellenplanGroup, type StellenplanView } from './stellenplan-view';
