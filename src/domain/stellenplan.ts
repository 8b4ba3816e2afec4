import { formatDateDe, type IsoDate } from './dates';
import { displayGrade, isBeamteGrade, normalizeGrade } from './grades';
import { ZERO, formatDecimalDe, sum, type Dec } from './money';
import type { Dienstverhaeltnis, Massnahme, Stelle } from './model';
import type { CheckResult } from './result';
import { MEASURE_KINDS } from './measure-kinds';
import { goneFrom, kwNote } from './vacancy';

/**
 * The Stellenplan in its legal form (§ 5 GemHVO Hessen): Teil A Beamte by Laufbahngruppe and
 * Besoldungsgruppe, Teil B Beschäftigte by Entgeltgruppe, each with the number of positions in the plan
 * year, in the previous year and actually occupied on 30 June of the previous year, kw/ku notes and the
 * reasons for changes; a second view per Dezernat and Organisationseinheit; Nachwuchskräfte apart.
 *
 * "Nach Maßnahmen" is the plan year after the dated measures of a scenario: new positions are added,
 * dropped ones removed, and positions given up as cover (Verzicht auf geplante Stelle, Stellenwegfall)
 * leave the plan from the cover's date. A position that is only not refilled (Nichtbesetzung) stays in
 * the plan – it is still budgeted as a position – and carries a note.
 */

export type Teil = 'A' | 'B';

/** One position of the plan year as the Stellenplan counts it. */
export interface PlanPosition {
  nr: string;
  dezernat: string;
  oe: string;
  /** normalised grade ("A11", "E9b") */
  gruppe: string;
  beamte: boolean;
  anteil: Dec;
  vermerke: string[];
  nachwuchs?: string;
  /** FTE in the previous year (31.12.) and occupied on 30.06. of the previous year. */
  vorjahr: Dec;
  besetzt: Dec;
}

/** A change the measures make to the plan year, the "Erläuterung" of a line. */
export interface PlanChange {
  massnahme: string;
  bezeichnung: string;
  stellenNr: string;
  teil: Teil;
  gruppe: string;
  dezernat: string;
  oe: string;
  /** signed FTE */
  delta: Dec;
  text: string;
}

export interface TermOpenMeasure {
  nr: string;
  bezeichnung: string;
  art: Massnahme['art'];
  stellenNr: string;
  from?: string;
  to?: string;
  /** The measure it waits for (Voraussetzung). */
  after?: string;
}

export interface PlanYear {
  year: number;
  positions: PlanPosition[];
  changes: PlanChange[];
  termOpen: TermOpenMeasure[];
  /** Where Vorjahr / besetzt had to be derived (no stated column): the paper says so in a footnote. */
  derived: { vorjahr: boolean; besetzt: boolean };
}

const activeIn = (year: number, beginn?: string, ende?: string) =>
  (!beginn || beginn <= `${year}-12-31`) && (!ende || ende >= `${year}-01-01`);
const activeOn = (day: IsoDate, beginn?: string, ende?: string) =>
  (!beginn || beginn <= day) && (!ende || ende >= day);
const fte = (d: Dec) => formatDecimalDe(d, 3);

/**
 * The Dezernat of an Organisationseinheit, from the first position in it that names one (for measures
 * naming none): one pass over the positions, then a lookup per measure.
 */
function dezernatLookup(stellen: Stelle[]): (oe: string) => string {
  let byOe: Map<string, string> | undefined;
  return (oe) => {
    if (!byOe) {
      byOe = new Map();
      for (const s of stellen) if (s.dezernat && !byOe.has(s.oe)) byOe.set(s.oe, s.dezernat);
    }
    return byOe.get(oe) ?? '';
  };
}

function fromStelle(s: Stelle, year: number): PlanPosition {
  const lastYearEnd = `${year - 1}-12-31`;
  const midYear = `${year - 1}-06-30`;
  return {
    nr: s.nr,
    dezernat: s.dezernat,
    oe: s.oe,
    gruppe: normalizeGrade(s.gruppe),
    beamte: s.dienstverhaeltnis === 'Beamte' || isBeamteGrade(s.gruppe),
    anteil: s.anteil,
    // a kw/ku note without its own date takes the position's end date: the paper shows when
    vermerke: s.vermerkText
      ? [s.ende && !/\d/.test(s.vermerkText) ? `${s.vermerkText} ${formatDateDe(s.ende)}` : s.vermerkText]
      : [],
    nachwuchs: s.nachwuchs,
    vorjahr: s.vorjahr ?? (activeOn(lastYearEnd, s.beginn, s.ende) ? s.anteil : ZERO),
    besetzt: s.besetzt306 ?? (s.besetzt && activeOn(midYear, s.beginn, s.ende) ? s.anteil : ZERO),
  };
}

/**
 * The positions of the Stellen table in the plan year, and those that are not in it but count in its
 * Vorjahr or besetzt column (ended since 31.12. of the previous year): those with a share of zero.
 */
export function tablePositions(
  stellen: Stelle[],
  year: number,
): { positions: Map<string, PlanPosition>; gone: PlanPosition[] } {
  const positions = new Map<string, PlanPosition>();
  for (const s of stellen)
    if (!positions.has(s.nr) && activeIn(year, s.beginn, s.ende)) positions.set(s.nr, fromStelle(s, year));
  const gone: PlanPosition[] = [];
  const goneNr = new Set<string>();
  for (const s of stellen)
    if (!positions.has(s.nr) && !goneNr.has(s.nr)) {
      const p = fromStelle(s, year);
      if (!p.vorjahr.isZero() || !p.besetzt.isZero()) {
        gone.push({ ...p, anteil: ZERO });
        goneNr.add(s.nr);
      }
    }
  return { positions, gone };
}

/** The plan year as the Stellen table states it, or after the dated measures of `scenario`. */
export function planYear(result: CheckResult, options: { scenario?: string; year?: number } = {}): PlanYear {
  const year = options.year ?? result.years[0];
  const model = result.model;
  const { positions, gone } = tablePositions(model.stellen, year);
  // a dropped position still counts in Vorjahr and besetzt: it leaves only the plan year's number
  const remove = (p: PlanPosition) => {
    positions.delete(p.nr);
    gone.push({ ...p, anteil: ZERO });
  };
  const changes: PlanChange[] = [];
  const termOpen: TermOpenMeasure[] = [];
  const teil = (p: { beamte: boolean }): Teil => (p.beamte ? 'A' : 'B');
  const change = (m: Massnahme, p: PlanPosition, delta: Dec, text: string) =>
    changes.push({
      massnahme: m.nr,
      bezeichnung: m.bezeichnung,
      stellenNr: p.nr,
      teil: teil(p),
      gruppe: p.gruppe,
      dezernat: p.dezernat,
      oe: p.oe,
      delta,
      text,
    });
  const scenario =
    options.scenario === undefined ? undefined : result.scenarios.find((x) => x.name === options.scenario);
  const yearStart = `${year}-01-01`;
  // the first position of each number, as Array.find would give it: a lookup per measure, not a scan
  const stelleByNr = new Map<string, Stelle>();
  for (const s of model.stellen) if (!stelleByNr.has(s.nr)) stelleByNr.set(s.nr, s);
  const dezernatOf = dezernatLookup(model.stellen);
  for (const { massnahme: m, cover } of scenario?.measures ?? []) {
    const position = stelleByNr.get(m.stellenNr);
    if (m.terminOffen) {
      termOpen.push({
        nr: m.nr,
        bezeichnung: m.bezeichnung,
        art: m.art,
        stellenNr: m.stellenNr,
        from: position ? `${position.dezernat} / ${position.oe}` : undefined,
        to: [m.dezernat || dezernatOf(m.oe), m.oe].filter(Boolean).join(' / ') || undefined,
        after: m.voraussetzung,
      });
      continue;
    }
    if (activeIn(year, m.beginn, m.ende)) {
      const p = positions.get(m.stellenNr);
      const label = `${m.nr}`;
      MEASURE_KINDS[m.art].stellenplan({
        m,
        p,
        position,
        yearStart,
        label,
        add: (added) => positions.set(added.nr, added),
        remove,
        change: (pos, delta, text) => change(m, pos, delta, text),
        dezernatOf,
        fte,
        signed,
      });
    }
    // positions given up as cover leave the plan from the cover's date; not refilled ones stay, noted
    for (const { deckung: d } of cover) {
      const p = d.stellenNr ? positions.get(d.stellenNr) : undefined;
      if (!p) continue;
      // gone from the cover's date, but never before the position falls vacant (as its money and `adopt`)
      const given = stelleByNr.get(d.stellenNr);
      const gone = given ? goneFrom(given, d.beginn ?? m.beginn) : { day: d.beginn ?? m.beginn };
      const from = 'day' in gone ? gone.day : undefined;
      if (d.art === 'Verzicht auf geplante Stelle' || d.art === 'Stellenwegfall') {
        if ('never' in gone) {
          p.vermerke.push(`kw (Zeitpunkt offen: besetzt, Deckung ${m.nr})`);
          continue;
        }
        if (!activeIn(year, from, d.ende)) continue;
        if (from && from > yearStart) {
          p.vermerke.push(`${kwNote(from)} (Deckung ${m.nr})`);
          continue;
        }
        remove(p);
        change(
          m,
          p,
          p.anteil.neg(),
          `−${fte(p.anteil)} Stelle ${p.nr}: ${d.art === 'Stellenwegfall' ? 'Wegfall' : 'Verzicht'} als Deckung für ${m.nr}`,
        );
      } else if (d.art === 'Nichtbesetzung' && activeIn(year, from, d.ende))
        p.vermerke.push(`nicht wiederzubesetzen (Deckung ${m.nr})`);
    }
  }
  const stated = (key: 'vorjahr' | 'besetzt306') => model.stellen.every((s) => s[key] !== undefined);
  return {
    year,
    positions: [...positions.values(), ...gone],
    changes,
    termOpen,
    derived: { vorjahr: !stated('vorjahr'), besetzt: !stated('besetzt306') },
  };
}

function signed(d: Dec): string {
  return d.isNegative() ? `−${fte(d.abs())}` : `+${fte(d)}`;
}

/** Laufbahngruppe of a Besoldungsgruppe; A 9 and A 13 belong to the group whose entry office they are. */
export function laufbahngruppe(gruppe: string): string {
  const g = normalizeGrade(gruppe);
  const m = /^A(\d+)/.exec(g);
  if (m) {
    const n = Number(m[1]);
    if (n <= 5) return 'Einfacher Dienst';
    if (n <= 8) return 'Mittlerer Dienst';
    if (n <= 12) return 'Gehobener Dienst';
    return 'Höherer Dienst';
  }
  if (g.startsWith('B')) return 'Besoldungsordnung B';
  if (g.startsWith('W')) return 'Besoldungsordnung W';
  if (g.startsWith('R')) return 'Besoldungsordnung R';
  return 'Sonstige Besoldung';
}

/** Pay scale of a Beschäftigten grade: TVöD general table, Sozial- und Erziehungsdienst, Pflege. */
export function entgeltordnung(gruppe: string): string {
  const g = normalizeGrade(gruppe);
  if (/^E\d/.test(g)) return 'Entgeltgruppen TVöD (E)';
  if (/^S\d/.test(g)) return 'Sozial- und Erziehungsdienst (S)';
  if (/^P\d/.test(g)) return 'Pflegedienst (P)';
  return 'Sonstige Entgeltgruppen';
}

/** Print order of the groups: higher careers first, as in the printed plans. */
export const LAUFBAHN_ORDER = [
  'Besoldungsordnung B',
  'Besoldungsordnung W',
  'Besoldungsordnung R',
  'Höherer Dienst',
  'Gehobener Dienst',
  'Mittlerer Dienst',
  'Einfacher Dienst',
  'Sonstige Besoldung',
];
export const ENTGELT_ORDER = [
  'Entgeltgruppen TVöD (E)',
  'Sozial- und Erziehungsdienst (S)',
  'Pflegedienst (P)',
  'Sonstige Entgeltgruppen',
];

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

/** Higher groups first, as in every printed Stellenplan: A 16 before A 9, E15Ü before E15 before E9c. */
export function gradeOrder(g: string): number {
  const m = /(\d+)\s*([a-cü]?)/i.exec(g);
  if (!m) return 0;
  const letter = m[2].toLowerCase();
  return Number(m[1]) * 10 + (letter === 'ü' ? 9 : letter ? letter.charCodeAt(0) - 96 : 0);
}
