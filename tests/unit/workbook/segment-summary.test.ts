import { OBERTSHAUSEN } from '../../../examples/data';
import { checkCoverage } from '../../../src/domain/coverage';
import { ExcelWorkbook } from '../../../src/excel/excel-workbook';
import type { SheetCell } from '../../../src/workbook/port';
import { readWorkbookModel } from '../../../src/workbook/read';
import { buildReport } from '../../../src/workbook/report';
import type { FakeWorkbook } from '../../support/fake-excel';
import { fakeFromTemplate, stellenAsTable } from '../../support/fake-from-template';

/**
 * A v2 report (costed month by month): beside the rate segments in Berechnung stands one summary row per
 * key and year whose sums are SUM over exactly that key-year's own segment rows, and no cost formula sums
 * over the whole helper table any more (that grew with the square of the positions: 232 s of LibreOffice
 * recalculation at 10.000 positions). That the values stay the engine's is LibreOffice's part
 * (tests/integration/recalc-calendar.test.ts, jahreskosten-new-row.test.ts).
 */
const port = (book: FakeWorkbook) => new ExcelWorkbook(book.context() as unknown as Excel.RequestContext);

async function v2Report() {
  const book = fakeFromTemplate({
    ...OBERTSHAUSEN,
    v2: true,
    // a rising step: several segments for these rows
    stellen: (OBERTSHAUSEN.stellen ?? []).map((s, i) =>
      i % 2 === 0 ? { ...s, 'Stufe seit': '2026-05-15' } : s,
    ),
  });
  stellenAsTable(book, 'Jahreskosten');
  const p = port(book);
  const read = await readWorkbookModel(p);
  return buildReport(read, checkCoverage(read.model), { stand: '2026-11-30' });
}

const R = 17; // column R: Schlüssel of the summary
const SUMMED = ['L', 'M', 'N', 'O', 'P'];

test('each key and year has one summary row: SUM over exactly its own segment rows, the engine’s sum cached', async () => {
  const batch = await v2Report();
  const rows = batch.sheets!.find((s) => s.name === 'Berechnung')!.rows;
  const header = rows.findIndex((r) => r?.[0]?.v === 'Schlüssel' && r?.[R]?.v === 'Schlüssel');
  expect(header).toBeGreaterThan(0);
  // the segment rows (1-based sheet rows) of each key and year
  const segments = new Map<string, number[]>();
  for (let i = header + 1; i < rows.length && rows[i]?.[0]?.v !== undefined; i++) {
    const id = `${String(rows[i][0]!.v)}|${String(rows[i][1]!.v)}`;
    segments.set(id, [...(segments.get(id) ?? []), i + 1]);
  }
  expect(segments.size).toBeGreaterThan(10);
  expect([...segments.values()].some((r) => r.length > 1)).toBe(true);
  const seen = new Set<string>();
  const at = new Map<string, number>();
  // rows of the Stellen block without a month-by-month position stay empty
  for (let i = header + 1; i < rows.length; i++) {
    const row = rows[i];
    if (row?.[R]?.v === undefined) continue;
    at.set(String(row[R].v), i);
    const id = `${String(row[R].v)}|${String(row[R + 1]!.v)}`;
    expect(seen.has(id)).toBe(false);
    seen.add(id);
    const own = segments.get(id);
    if (!own) {
      SUMMED.forEach((_, k) => expect(row[R + 2 + k]?.v).toBe(0));
      continue;
    }
    // contiguous, so that a plain SUM over them is the old SUMIFS by key and year
    expect(own[own.length - 1] - own[0]).toBe(own.length - 1);
    SUMMED.forEach((c, k) => {
      const cell = row[R + 2 + k] as SheetCell;
      expect(cell.f).toBe(`SUM(${c}${own[0]}:${c}${own[own.length - 1]})`);
      const parts = own.map((r) => rows[r - 1][c.charCodeAt(0) - 65]!.r as number);
      expect(Math.abs((cell.r as number) - parts.reduce((a, b) => a + b, 0))).toBeLessThan(
        0.005 * (own.length + 1),
      );
    });
  }
  expect([...segments.keys()].filter((id) => !seen.has(id))).toEqual([]);
  // the Stellen rows' summary rows in the order and at the distances of the Stellen rows: found at once
  const nrs = (OBERTSHAUSEN.stellen ?? []).map((s) => `S:${String(s['Stellen-Nr.'])}`);
  const placed = nrs.flatMap((k, i) => (at.has(k) ? [at.get(k)! - i] : []));
  expect(placed.length).toBeGreaterThan(5);
  expect(new Set(placed).size).toBe(1);
});

test('no cost formula sums over the whole helper table: Stellen rows MATCH their key, Berechnung lines refer to their summary row', async () => {
  const batch = await v2Report();
  const rows = batch.sheets!.find((s) => s.name === 'Berechnung')!.rows;
  const formulas = [
    ...rows.flatMap((r) => (r ?? []).map((c) => c?.f).filter((f): f is string => typeof f === 'string')),
    ...batch.columns!.flatMap((c) =>
      c.cells.map((x) => x?.f).filter((f): f is string => typeof f === 'string'),
    ),
  ];
  const stellen = batch.columns!.flatMap((c) => c.cells.map((x) => x?.f).filter((f): f is string => !!f));
  expect(stellen.some((f) => f.includes('MATCH("S:"&$A'))).toBe(true);
  // a SUMIFS over the segment columns of every helper row (…$L$40:$L$90) is the quadratic pattern
  expect(formulas.filter((f) => /SUMIFS\((?:'Berechnung'!)?\$[L-P]\$\d+:\$[L-P]\$\d+/.test(f))).toEqual([]);
  // the lines above the helper table: their amounts take the sums from their own summary row (column T…)
  const header = rows.findIndex((r) => r?.[0]?.v === 'Schlüssel' && r?.[R]?.v === 'Schlüssel');
  const lines = rows.slice(0, header).flatMap((r) => (r ?? []).map((c) => c?.f ?? ''));
  expect(lines.some((f) => /^\$D\d+\*ROUND\(.*\$T\$\d+/.test(f))).toBe(true);
});
