import { nextNumber } from '../../domain/proposal';
import type { WorkbookModel } from '../../domain/model';

/** "1.07" → "1.", "N-03" → "N-", "15.01" → "15."; undefined without a trailing number. */
function seriesOf(id: string): string | undefined {
  const m = /^(.*?)(\d+)$/.exec(id.trim());
  return m ? m[1] : undefined;
}

function mostFrequent(values: (string | undefined)[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) if (v !== undefined) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | undefined;
  let n = 0;
  for (const [v, c] of counts) if (c >= n) [best, n] = [v, c];
  return best;
}

/**
 * The number a new position gets, in the workbook's own scheme: the series of the positions of the same
 * Organisationseinheit (else the same Dezernat, else the whole plan), next free number after every
 * existing position and every planned new one. Obertshausen "FB1 Zentrale Dienste" → 1.21 after 1.20.
 */
export function nextPositionNumber(model: WorkbookModel, oe: string, dezernat: string): string {
  const planned = model.massnahmen.filter((m) => m.art === 'Neue Stelle' && m.stellenNr);
  const all = [...model.stellen.map((s) => s.nr), ...planned.map((m) => m.stellenNr)];
  const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase() && a.trim() !== '';
  const byOe = [
    ...model.stellen.filter((s) => same(s.oe, oe)).map((s) => s.nr),
    ...planned.filter((m) => same(m.oe, oe)).map((m) => m.stellenNr),
  ];
  const byDezernat = [
    ...model.stellen.filter((s) => same(s.dezernat, dezernat)).map((s) => s.nr),
    ...planned.filter((m) => same(m.dezernat ?? '', dezernat)).map((m) => m.stellenNr),
  ];
  const pool = byOe.length ? byOe : byDezernat.length ? byDezernat : all;
  const series = mostFrequent(pool.map(seriesOf)) ?? 'N-';
  return nextNumber(all, series);
}

/**
 * The next measure number in the workbook's scheme: "M-2027-01" style series take the first plan year,
 * other series ("K-07") continue; an empty workbook starts "M-<first plan year>-01".
 */
export function nextMeasureNumber(model: WorkbookModel, firstYear: number): string {
  const ids = model.massnahmen.map((m) => m.nr);
  const series = ids.map(seriesOf);
  const yearly = series.find((s) => s !== undefined && /(19|20)\d\d\D*$/.test(s));
  const prefix = yearly
    ? yearly.replace(/(19|20)\d\d(\D*)$/, `${firstYear}$2`)
    : (mostFrequent(series) ?? `M-${firstYear}-`);
  return nextNumber(ids, prefix);
}
