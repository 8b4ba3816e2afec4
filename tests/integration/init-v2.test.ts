import { promises as fs } from 'fs';
import * as path from 'path';
import type ExcelJS from 'exceljs';
import { checkCoverage } from '../../src/domain/coverage';
import { readWorkbookModel } from '../../src/workbook/read';
import { XlsxWorkbook } from '../../src/xlsx/xlsx-workbook';
import { runCli } from './support/cli';
import { loadExcel, makeTempDir, removeTempDir } from './support/workbooks';

/**
 * Issue 13: `init` writes the dated pay tables (TVöD-VKA E1…E15Ü, SuE, Hessen A/B) with validity date and
 * source in the sheet, and the contract-v2 parameters with their sources.
 */
let dir: string | undefined;
/** A cell's text (ExcelJS values are strings, numbers, dates or rich objects). */
const text = (cell: ExcelJS.Cell): string => cell.text;
let file: string;

beforeAll(async () => {
  dir = await makeTempDir('init-v2');
  file = path.join(dir, 'neu.xlsx');
  expect((await runCli(['init', file])).code).toBe(0);
});
afterAll(() => removeTempDir(dir));

test('the Entgelttabelle carries Gültig ab and Quelle, three TVöD dates, E1 to E15Ü and the S table', async () => {
  const ws = (await loadExcel(file)).getWorksheet('Entgelttabelle')!;
  const header = (ws.getRow(1).values as unknown[]).slice(1);
  expect(header).toEqual([
    'Entgeltgruppe',
    'Gültig ab',
    'Stufe 1',
    'Stufe 2',
    'Stufe 3',
    'Stufe 4',
    'Stufe 5',
    'Stufe 6',
    'Quelle',
  ]);
  const rows: { grade: string; date: string; s3: unknown; source: unknown }[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    rows.push({
      grade: text(row.getCell(1)),
      date: (row.getCell(2).value as Date).toISOString().slice(0, 10),
      s3: row.getCell(5).value,
      source: row.getCell(9).value,
    });
  });
  const dates = (g: string) => rows.filter((r) => r.grade === g).map((r) => r.date);
  expect(dates('E9b')).toEqual(['2024-03-01', '2025-04-01', '2026-05-01']);
  expect(dates('E1')).toEqual(['2024-03-01', '2025-04-01', '2026-05-01']);
  expect(dates('S8a')).toEqual(['2024-10-01', '2025-04-01', '2026-05-01']);
  expect(rows.find((r) => r.grade === 'E9b' && r.date === '2025-04-01')?.s3).toBe(4089.07);
  expect(rows.filter((r) => typeof r.source === 'string' && r.source.length > 20)).toHaveLength(6);
});

test('the Besoldungstabelle (Hessen, 01.02.2025) has A 6 … A 16 and B 1 … B 3 with its source', async () => {
  const ws = (await loadExcel(file)).getWorksheet('Besoldungstabelle')!;
  const grades: string[] = [];
  ws.eachRow((row, n) => n > 1 && grades.push(text(row.getCell(1))));
  expect(grades).toEqual(expect.arrayContaining(['A 6', 'A 11', 'A 16', 'B 1', 'B 2', 'B 3']));
  expect(text(ws.getRow(2).getCell(11))).toMatch(/HBesG/);
});

test('the v2 parameters are written with a source each, and S 8a and A 11 positions are priced', async () => {
  const wb = await loadExcel(file);
  const names = new Map<string, string>();
  wb.getWorksheet('Parameter')!.eachRow((row) => names.set(text(row.getCell(1)), text(row.getCell(3))));
  for (const name of [
    'Tarifsteigerung ab',
    'Leistungsentgelt',
    'AG-Anteil KV/PV',
    'BBG KV/PV (Monat)',
    'AG-Anteil RV/AV',
    'BBG RV/AV (Monat)',
    'Beihilfe Beamte',
  ])
    expect(names.get(name) ?? '').not.toBe('');
  const ws = wb.getWorksheet('Stellen')!;
  ws.addRow(['1', 'D', 'Kita', 'Erzieherin', 'Beschäftigte', 'S 8a', 3, 1, 'Ja']);
  ws.addRow(['2', 'D', 'Amt', 'Amtsrat', 'Beamte', 'A 11', 5, 1, 'Ja']);
  const withRows = path.join(dir!, 'mit-stellen.xlsx');
  await wb.xlsx.writeFile(withRows);
  const read = await readWorkbookModel(await XlsxWorkbook.open(await fs.readFile(withRows)));
  const result = checkCoverage(read.model);
  expect(result.findings.filter((f) => f.code === 'PAYGRADE_UNKNOWN')).toEqual([]);
  expect(result.positions.map((p) => p.years[0].amount.gt(40000))).toEqual([true, true]);
});

test('the Entgeltgruppe drop-down in Stellen covers every row of the dated Entgelttabelle (S grades too)', async () => {
  const wb = await loadExcel(file);
  const rows = wb.getWorksheet('Entgelttabelle')!.actualRowCount;
  const ws = wb.getWorksheet('Stellen')!;
  const col = (ws.getRow(1).values as unknown[]).indexOf('Entgeltgruppe');
  const dv = ws.getRow(2).getCell(col).dataValidation;
  expect(dv?.formulae?.[0]).toMatch(new RegExp(`\\$A\\$2:\\$A\\$(\\d+)$`));
  expect(Number(/\$A\$(\d+)$/.exec(String(dv?.formulae?.[0]))![1])).toBeGreaterThanOrEqual(rows);
});
