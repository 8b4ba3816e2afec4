import { formatDateDe, type IsoDate } from './dates';
import { isBeamteGrade, normalizeGrade } from './grades';
import { ZERO, formatDecimalDe, type Dec } from './money';
import type { Massnahme, Stelle } from './model';
import type { CheckResult } from './result';
import { MEASURE_KINDS } from './measure-kinds';
import { goneFrom, kwNote } from './vacancy';

/**
 * The plan year as the Stellenplan counts it: the positions of the Stellen table active in the year, or
 * the plan year after the dated measures of a scenario ("nach Maßnahmen"): new positions are added,
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
