import { checkCoverage } from './coverage';
import { ZERO, type Dec } from './money';
import { BASIS, type Deckung, type Massnahme, type WorkbookModel } from './model';
import type { CheckResult, MeasureResult } from './result';
import type { Finding } from './findings';

/** A cover source with what it still has free per plan year (after the cover already claimed in Basis). */
export interface CoverSource {
  kind: 'position' | 'budget';
  /** Stellen-Nr. or Haushaltsstelle */
  id: string;
  label: string;
  /** The cover kind the wizard proposes for it. */
  art: Deckung['art'];
  years: { year: number; capacity: Dec; used: Dec; free: Dec }[];
}

/**
 * Sources a new measure can be covered from: unoccupied positions (their cost) and unprotected budget lines
 * that are not revenue or investment (their Ansatz), each minus what Basis measures already claim.
 */
export function coverSources(result: CheckResult): CoverSource[] {
  const basis = result.scenarios.find((s) => s.name === BASIS);
  const used = new Map<string, Dec[]>();
  for (const m of basis?.measures ?? [])
    for (const line of m.cover) {
      const d = line.deckung;
      const key = d.art === 'Minderaufwand' ? `budget:${d.haushaltsstelle}` : `position:${d.stellenNr}`;
      const list = used.get(key) ?? result.years.map(() => ZERO);
      line.years.forEach((y, i) => (list[i] = list[i].plus(y.amount)));
      used.set(key, list);
    }
  const row = (key: string, capacity: Dec[]) =>
    result.years.map((year, i) => {
      const u = used.get(key)?.[i] ?? ZERO;
      const free = capacity[i].minus(u);
      return { year, capacity: capacity[i], used: u, free: free.isNegative() ? ZERO : free };
    });
  const sources: CoverSource[] = [];
  for (const p of result.positions) {
    if (p.stelle.besetzt) continue;
    const capacity = p.years.map((y) => y.amount);
    if (capacity.every((c) => c.isZero())) continue;
    sources.push({
      kind: 'position',
      id: p.stelle.nr,
      label: `${p.stelle.nr} ${p.stelle.bezeichnung} (${p.stelle.oe})`,
      art:
        p.stelle.beginn && p.stelle.beginn >= `${result.years[0]}-01-01`
          ? 'Verzicht auf geplante Stelle'
          : 'Nichtbesetzung',
      years: row(`position:${p.stelle.nr}`, capacity),
    });
  }
  const lines = new Map<string, { label: string; byYear: Map<number, Dec> }>();
  for (const p of result.model.planansaetze) {
    if (p.geschuetzt || p.art === 'Ertrag' || p.art === 'Investition' || p.art === 'Personalaufwand')
      continue;
    const entry = lines.get(p.haushaltsstelle) ?? {
      label: `${p.haushaltsstelle} ${p.bezeichnung}`,
      byYear: new Map<number, Dec>(),
    };
    entry.byYear.set(p.jahr, p.ansatz);
    lines.set(p.haushaltsstelle, entry);
  }
  const isProtected = new Set(
    result.model.planansaetze.filter((p) => p.geschuetzt).map((p) => p.haushaltsstelle),
  );
  for (const [hst, entry] of lines) {
    if (isProtected.has(hst)) continue;
    sources.push({
      kind: 'budget',
      id: hst,
      label: entry.label,
      art: 'Minderaufwand',
      years: row(
        `budget:${hst}`,
        result.years.map((y) => entry.byYear.get(y) ?? ZERO),
      ),
    });
  }
  return sources;
}

export interface Preview {
  measure?: MeasureResult;
  /** Findings that concern the new measure or its cover rows. */
  findings: Finding[];
}

/** The workbook model with a proposed measure and its cover rows appended (as the wizard would write them). */
export function withProposal(model: WorkbookModel, massnahme: Massnahme, cover: Deckung[]): WorkbookModel {
  return {
    ...model,
    massnahmen: [
      ...model.massnahmen,
      { ...massnahme, ref: { table: 'Massnahmen', row: model.massnahmen.length } },
    ],
    deckung: [
      ...model.deckung,
      ...cover.map((d, i) => ({ ...d, ref: { table: 'Deckung' as const, row: model.deckung.length + i } })),
    ],
  };
}

/** The live result of a proposed measure with its cover rows, checked together with the whole workbook. */
export function previewMeasure(model: WorkbookModel, massnahme: Massnahme, cover: Deckung[]): Preview {
  const extended = withProposal(model, massnahme, cover);
  const result = checkCoverage(extended, { scenario: massnahme.szenario || BASIS });
  const measure = result.measures.find((m) => m.massnahme.nr === massnahme.nr);
  return { measure, findings: result.findings.filter((f) => f.measure === massnahme.nr) };
}

/** The next free number in a series like "M-2027-01" / "1.20": highest trailing number + 1, same width. */
export function nextNumber(existing: string[], prefix: string): string {
  let max = 0;
  let width = 2;
  for (const id of existing) {
    if (!id.startsWith(prefix)) continue;
    const m = /(\d+)$/.exec(id.slice(prefix.length));
    if (!m) continue;
    max = Math.max(max, Number(m[1]));
    width = Math.max(width, m[1].length);
  }
  return `${prefix}${String(max + 1).padStart(width, '0')}`;
}
