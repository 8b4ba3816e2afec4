import { BASIS, type Deckung } from '../../domain/model';
import { ZERO, type Dec } from '../../domain/money';
import { coverSources } from '../../domain/proposal';
import type { CheckResult, ScenarioResult } from '../../domain/result';

/** A source the wizard lists, with what it has free per plan year and whether it may be ticked. */
export interface WizardSource {
  key: string;
  kind: 'position' | 'budget';
  /** Stellen-Nr. or Haushaltsstelle */
  id: string;
  label: string;
  art: Deckung['art'];
  /** A personnel budget line: what is free is its margin (Ansatz − cost of its positions). */
  personnel: boolean;
  years: { year: number; free: Dec; used: Dec }[];
  /** Free in every year the measure costs money (positions: not partly given away already). */
  tickable: boolean;
}

const keyOf = (d: Deckung) =>
  d.art === 'Minderaufwand' || d.art === 'Mehrertrag' || !d.stellenNr
    ? `budget:${d.haushaltsstelle}`
    : `position:${d.stellenNr}`;

/**
 * What the measures of the scenarios a new measure joins already take from each source per plan year.
 * A Basis measure joins every scenario, so the largest use in any of them counts; a variant measure joins
 * Basis and its own variant.
 */
function usedBy(result: CheckResult, scenario: string): Map<string, Dec[]> {
  const joined: ScenarioResult[] =
    scenario === BASIS
      ? result.scenarios
      : result.scenarios.filter((s) => s.name === scenario || s.name === BASIS);
  const used = new Map<string, Dec[]>();
  for (const s of joined) {
    const mine = new Map<string, Dec[]>();
    for (const m of s.measures)
      for (const line of m.cover) {
        const key = keyOf(line.deckung);
        const list = mine.get(key) ?? result.years.map(() => ZERO);
        line.years.forEach((y, i) => (list[i] = list[i].plus(y.amount)));
        mine.set(key, list);
      }
    for (const [key, list] of mine) {
      const max = used.get(key) ?? result.years.map(() => ZERO);
      used.set(
        key,
        max.map((v, i) => (list[i].gt(v) ? list[i] : v)),
      );
    }
  }
  return used;
}

/**
 * Every cover source with its free capacity: unoccupied positions and unprotected budget lines
 * (coverSources), plus personnel budget lines with a margin (Ansatz − cost of their positions), each minus
 * what the measures of the scenarios the new one joins already take. `measureYears`: the years in which
 * the new measure costs money; a source is tickable only if it has something free in all of them and, for
 * a position, nothing of it is given away in those years (a second release would be COVER_OVERUSED).
 */
export function wizardSources(result: CheckResult, measureYears: number[], scenario = BASIS): WizardSource[] {
  const used = usedBy(result, scenario);
  const inMeasure = (year: number) => measureYears.length === 0 || measureYears.includes(year);
  const rows = (key: string, capacity: Dec[]) =>
    result.years.map((year, i) => {
      const u = used.get(key)?.[i] ?? ZERO;
      const free = capacity[i].minus(u);
      return { year, used: u, free: free.isNegative() ? ZERO : free };
    });
  const out: WizardSource[] = [];
  for (const s of coverSources(result)) {
    const key = `${s.kind}:${s.id}`;
    const years = rows(
      key,
      s.years.map((y) => y.capacity),
    );
    const relevant = years.filter((y) => inMeasure(y.year));
    const tickable =
      relevant.length > 0 &&
      (s.kind === 'position'
        ? relevant.some((y) => y.free.gt(0)) && relevant.every((y) => y.used.isZero())
        : relevant.every((y) => y.free.gt(0)));
    out.push({ key, kind: s.kind, id: s.id, label: s.label, art: s.art, personnel: false, years, tickable });
  }
  for (const line of result.budget) {
    const key = `budget:${line.haushaltsstelle}`;
    if (out.some((s) => s.key === key)) continue;
    const years = rows(
      key,
      line.years.map((y) => (y.margin && y.margin.gt(0) ? y.margin : ZERO)),
    );
    if (years.every((y) => y.free.isZero())) continue;
    const relevant = years.filter((y) => inMeasure(y.year));
    out.push({
      key,
      kind: 'budget',
      id: line.haushaltsstelle,
      label: `${line.haushaltsstelle} ${line.bezeichnung}`,
      art: 'Minderaufwand',
      personnel: true,
      years,
      tickable: relevant.length > 0 && relevant.every((y) => y.free.gt(0)),
    });
  }
  return out;
}

/** The smallest free amount of a source over the measure's years: what a fixed Betrag may take. */
export function freeInAllYears(source: WizardSource, measureYears: number[]): Dec {
  const relevant = source.years.filter((y) => measureYears.length === 0 || measureYears.includes(y.year));
  return relevant.reduce((m, y) => (y.free.lt(m) ? y.free : m), relevant[0]?.free ?? ZERO);
}
