import { promises as fs } from 'fs';
import * as path from 'path';
import type ExcelJS from 'exceljs';
import { checkCoverage } from '../../src/domain/coverage';
import { readWorkbookModel } from '../../src/workbook/read';
import { buildReport } from '../../src/workbook/report';
import { templateBatch, type TemplateData } from '../../src/workbook/template';
import { XlsxWorkbook } from '../../src/xlsx/xlsx-workbook';
import { NIENBURG_2024 } from '../../examples/nienburg';
import { formulaCells, formulaOf } from './support/cells';
import { STALE_RESULT, poisonCachedResults, recalculate, sofficePath } from './support/libreoffice';
import { loadExcel, makeTempDir, removeTempDir } from './support/workbooks';

/**
 * Issue 13, "native formulas stay true": workbooks costed month by month (dated tables, Tarifsteigerung ab,
 * rising steps, ceilings, Leistungsentgelt, S and A grades) are reported, their cached results poisoned,
 * and LibreOffice's recalculation of every Jahreskosten and Berechnung formula must equal the engine's cent.
 */
jest.setTimeout(180_000);

const position = (nr: string, grade: string, step: number, extra: Record<string, string | number> = {}) => ({
  'Stellen-Nr.': nr,
  Organisationseinheit: 'Kalender',
  Bezeichnung: `${grade} Stufe ${step}`,
  Entgeltgruppe: grade,
  Stufe: step,
  Stellenanteil: 1,
  Besetzt: 'Nein',
  Haushaltsstelle: '1.1.01.5011',
  ...extra,
});

/** First plan year 2026: the table change on 01.05.2026 falls inside it; `init`'s v2 parameters and tables. */
const KALENDER: TemplateData = {
  v2: true,
  parameter: { 'Erstes Planjahr': 2026, 'Anzahl Planjahre': 5 },
  stellen: [
    position('K1', 'E9b', 1, { 'Stufe seit': '2026-07-15' }),
    position('K2', 'E15Ü', 6),
    position('K3', 'E5', 3, { Beginn: '2026-03-15' }),
    position('K4', 'S 8a', 3),
    position('K5', 'A 11', 5, { 'Stufe seit': '2024-02-10' }),
    position('K6', 'E14', 2, { 'Stufe seit': '2025-09-01', Stellenanteil: 0.5 }),
  ],
  massnahmen: [
    {
      'Maßnahme-Nr.': 'M1',
      Bezeichnung: 'Neue Stelle mit Stufenaufstieg',
      Art: 'Neue Stelle',
      'Stellen-Nr.': 'K9',
      Organisationseinheit: 'Kalender',
      Entgeltgruppe: 'E11',
      Stufe: 2,
      Stellenanteil: 1,
      Beginn: '2026-04-16',
      Haushaltsstelle: '1.1.01.5011',
      'Stufe seit': '2026-04-16',
    },
  ],
  deckung: [
    { 'Maßnahme-Nr.': 'M1', Quelle: 'Stelle K2 entfällt', Art: 'Stellenwegfall', 'Stellen-Nr.': 'K2' },
  ],
};

let dir: string | undefined;
const cases = new Map<string, { report: ExcelJS.Workbook; recalculated: ExcelJS.Workbook }>();

beforeAll(async () => {
  sofficePath();
  dir = await makeTempDir('recalc-kalender');
  const poisoned: string[] = [];
  for (const [name, data] of [
    ['kalender.xlsx', KALENDER],
    ['nienburg-2024.xlsx', NIENBURG_2024],
  ] as const) {
    const wb = XlsxWorkbook.create();
    await wb.write(templateBatch(data));
    const input = await XlsxWorkbook.open(await wb.toBuffer());
    const read = await readWorkbookModel(input);
    await input.write(buildReport(read, checkCoverage(read.model), { stand: '2026-11-30' }));
    const out = path.join(dir, name);
    await fs.writeFile(out, await input.toBuffer());
    const target = path.join(dir, `vergiftet-${name}`);
    expect(await poisonCachedResults(out, target)).toBeGreaterThan(0);
    poisoned.push(target);
  }
  const converted = await recalculate(poisoned, path.join(dir, 'neu'));
  for (const [i, name] of ['kalender.xlsx', 'nienburg-2024.xlsx'].entries())
    cases.set(name, {
      report: await loadExcel(path.join(dir, name)),
      recalculated: await loadExcel(converted[i]),
    });
}, 240_000);

afterAll(() => removeTempDir(dir));

describe.each(['kalender.xlsx', 'nienburg-2024.xlsx'])('%s', (name) => {
  test('every Stellen and Berechnung formula recalculates to the engine value (to the cent)', () => {
    const { report, recalculated } = cases.get(name)!;
    const cells = formulaCells(report, ['Stellen', 'Berechnung']);
    expect(cells.length).toBeGreaterThan(10);
    const wrong: string[] = [];
    for (const c of cells) {
      if (typeof c.result !== 'number') continue;
      const got = formulaOf(recalculated.getWorksheet(c.sheet)!.getCell(c.address))?.result;
      if (typeof got !== 'number' || got === STALE_RESULT || Math.abs(got - c.result) >= 0.005)
        wrong.push(
          `${c.sheet}!${c.address}: engine ${c.result}, LibreOffice ${String(got)} (${c.formula.slice(0, 120)})`,
        );
    }
    expect(wrong).toEqual([]);
  });

  test('the month-by-month helper table is written and used', () => {
    const { report } = cases.get(name)!;
    const stellen = formulaCells(report, ['Stellen']);
    expect(stellen.some((c) => c.formula.includes('SUMIFS('))).toBe(true);
    const ws = report.getWorksheet('Berechnung')!;
    let found = false;
    ws.eachRow((row) => row.eachCell((cell) => (found ||= cell.value === 'Tabelle gültig ab')));
    expect(found).toBe(true);
  });
});

test('kalender: the table change of 01.05.2026 splits 2026 into two helper rows for K4 (S 8a)', () => {
  const ws = cases.get('kalender.xlsx')!.report.getWorksheet('Berechnung')!;
  const rows: [unknown, unknown][] = [];
  ws.eachRow((row) => {
    if (row.getCell(6).value === 'S8a' && row.getCell(2).value === 2026)
      rows.push([row.getCell(3).value, row.getCell(8).value]);
  });
  expect(rows.map(([von]) => (von as Date).toISOString().slice(0, 10))).toEqual(['2026-01-01', '2026-05-01']);
});

test('kalender: the v2 parameters in Berechnung refer to their Parameter cells (a changed BBG flows through)', () => {
  const ws = cases.get('kalender.xlsx')!.report.getWorksheet('Berechnung')!;
  for (const [row, label] of [
    [3, 'Leistungsentgelt'],
    [4, 'AG-Anteil KV/PV'],
    [5, 'BBG KV/PV (Monat)'],
    [6, 'AG-Anteil RV/AV'],
    [7, 'BBG RV/AV (Monat)'],
  ] as const) {
    expect(ws.getCell(`D${row}`).value).toBe(label);
    expect(formulaOf(ws.getCell(`E${row}`))?.formula).toMatch(/^'?Parameter'?!\$B\$\d+$/);
  }
});
