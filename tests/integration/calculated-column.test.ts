import { promises as fs } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { OBERTSHAUSEN } from '../../examples/data';
import { checkCoverage } from '../../src/domain/coverage';
import { moveFormulaRows } from '../../src/workbook/kit/formula-rows';
import { readWorkbookModel } from '../../src/workbook/read';
import { OoxmlPackage } from '../../src/xlsx/package';
import { XlsxWorkbook } from '../../src/xlsx/xlsx-workbook';
import { buildExcelPackage } from '../support/excel-package';
import { reportThenAdopt, runCli } from './support/cli';
import { poisonCachedResults, recalculate, STALE_RESULT } from './support/libreoffice';
import { makeTempDir, removeTempDir } from './support/workbooks';
import { zipEntries } from './support/zip';

/**
 * Issue 11, item 5: Jahreskosten is a calculated column of the Stellen table. The table part carries the
 * column's formula (`calculatedColumnFormula`, for the first data row), the cells keep their own formulas,
 * and a row added to the table – here by `adopt` – gets the column's formula moved to its row, which
 * LibreOffice computes to the engine's cost of the new position.
 */
jest.setTimeout(180_000);

let dir: string;
let report: string;
let adopted: string;

beforeAll(async () => {
  dir = await makeTempDir('berechnete-spalte');
  const input = path.join(dir, 'plan.xlsx');
  await fs.writeFile(input, buildExcelPackage({ data: OBERTSHAUSEN }).bytes);
  ({ report, adopted } = await reportThenAdopt(dir, input));
});

afterAll(async () => {
  await removeTempDir(dir);
});

function calculatedFormula(file: Buffer): { formula: string; ref: string } {
  const xml = zipEntries(file).get('xl/tables/table1.xml')!.toString('utf8');
  const m =
    /<tableColumn [^>]*name="Jahreskosten"><calculatedColumnFormula>([^<]+)<\/calculatedColumnFormula><\/tableColumn>/.exec(
      xml,
    );
  if (!m) throw new Error(`keine berechnete Spalte Jahreskosten in ${xml.slice(0, 200)}`);
  const unescape = (s: string) =>
    s
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  return { formula: unescape(m[1]), ref: /<table [^>]*\sref="([^"]+)"/.exec(xml)![1] };
}

async function jahreskosten(file: string): Promise<{ ws: ExcelJS.Worksheet; col: number }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet('Stellen')!;
  const col = (ws.getRow(1).values as unknown[]).indexOf('Jahreskosten');
  expect(col).toBeGreaterThan(0);
  return { ws, col };
}

const formulaOf = (cell: ExcelJS.Cell) => (cell.value as ExcelJS.CellFormulaValue).formula;

test('the Stellen table carries Jahreskosten as a calculated column; every row holds that formula at its row', async () => {
  const { formula, ref } = calculatedFormula(await fs.readFile(report));
  expect(ref).toMatch(/^A1:[A-Z]+14$/);
  // the column formula is written for the first data row: its row references point at row 2
  expect(formula).toMatch(/\$F2,/);
  expect(formula).not.toMatch(/\$F3\b/);
  const { ws, col } = await jahreskosten(report);
  // Obertshausen's 13 positions: all Beschäftigte, every cell holds what the engine used – no exception
  for (let r = 2; r <= 14; r++) expect(formulaOf(ws.getCell(r, col))).toBe(moveFormulaRows(formula, r - 2));
});

test('adopt adds the new position inside the table and its Jahreskosten cell gets the column formula', async () => {
  const { formula, ref } = calculatedFormula(await fs.readFile(adopted));
  expect(ref).toMatch(/^A1:[A-Z]+15$/);
  const { ws, col } = await jahreskosten(adopted);
  expect(ws.getCell(15, 1).value).toBe('1.20');
  expect(formulaOf(ws.getCell(15, col))).toBe(moveFormulaRows(formula, 13));
});

test('LibreOffice computes the adopted row (and every other) to the engine cost, to the cent', async () => {
  const poisoned = path.join(dir, 'vergiftet.xlsx');
  await poisonCachedResults(adopted, poisoned);
  const [converted] = await recalculate([poisoned], path.join(dir, 'lo'));
  const { ws, col } = await jahreskosten(converted);
  const read = await readWorkbookModel(await XlsxWorkbook.open(await fs.readFile(adopted)));
  const result = checkCoverage(read.model);
  expect(result.positions).toHaveLength(14);
  for (const p of result.positions) {
    const row = read.tables.get('Stellen')!.origin.row + 1 + p.stelle.ref.row;
    const v = ws.getCell(row, col).value as number | { result: number };
    const got = typeof v === 'number' ? v : v.result;
    expect(got).not.toBe(STALE_RESULT);
    expect({ nr: p.stelle.nr, cents: Math.round(got * 100) }).toEqual({
      nr: p.stelle.nr,
      cents: Math.round(p.years[0].amount.toNumber() * 100),
    });
  }
});

test('after adopt and undo the emptied table row shows nothing in Jahreskosten (no #NV), LibreOffice computed', async () => {
  const undone = path.join(dir, 'zurueck.xlsx');
  const u = await runCli(['undo', adopted, '-o', undone]);
  expect(u.stderr).toBe('');
  expect(u.code).toBe(0);
  const poisoned = path.join(dir, 'zurueck-vergiftet.xlsx');
  await poisonCachedResults(undone, poisoned);
  const [converted] = await recalculate([poisoned], path.join(dir, 'lo-undo'));
  const { ws, col } = await jahreskosten(converted);
  expect(ws.getCell(15, 1).value).toBeNull();
  const v = ws.getCell(15, col).value as ExcelJS.CellFormulaValue | null;
  // the row stays in the table with the column formula; its value is empty text, never an error or 0
  expect(v?.formula).toBeDefined();
  expect(v?.result ?? '').toBe('');
  // the filled rows are unchanged: LibreOffice still computes the engine cost
  const read = await readWorkbookModel(await XlsxWorkbook.open(await fs.readFile(undone)));
  for (const p of checkCoverage(read.model).positions) {
    const got = ws.getCell(2 + p.stelle.ref.row, col).value as { result: number };
    expect(Math.round(got.result * 100)).toBe(Math.round(p.years[0].amount.toNumber() * 100));
  }
});

test('month by month (contract v2): one formula keyed by the row’s Stellen-Nr. for every row, LibreOffice computes the engine cost', async () => {
  const input = path.join(dir, 'v2.xlsx');
  await fs.writeFile(input, buildExcelPackage({ data: { ...OBERTSHAUSEN, v2: true } }).bytes);
  const out = path.join(dir, 'v2-bericht.xlsx');
  expect((await runCli(['report', input, '-o', out])).code).toBe(0);
  const { formula } = calculatedFormula(await fs.readFile(out));
  // the helper rows in Berechnung are found by "S:" and the Stellen-Nr. of the row itself
  expect(formula).toContain('"S:"&$A2');
  const { ws, col } = await jahreskosten(out);
  for (let r = 2; r <= 14; r++) expect(formulaOf(ws.getCell(r, col))).toBe(moveFormulaRows(formula, r - 2));
  const poisoned = path.join(dir, 'v2-vergiftet.xlsx');
  await poisonCachedResults(out, poisoned);
  const [converted] = await recalculate([poisoned], path.join(dir, 'lo-v2'));
  const lo = await jahreskosten(converted);
  const read = await readWorkbookModel(await XlsxWorkbook.open(await fs.readFile(input)));
  for (const p of checkCoverage(read.model).positions) {
    const row = 2 + p.stelle.ref.row;
    const v = lo.ws.getCell(row, lo.col).value as number | { result: number };
    const got = typeof v === 'number' ? v : v.result;
    expect({ nr: p.stelle.nr, cents: Math.round(got * 100) }).toEqual({
      nr: p.stelle.nr,
      cents: Math.round(p.years[0].amount.toNumber() * 100),
    });
  }
});

test('Jahressonderzahlung nach Entgeltgruppe: the column formula picks the band rate by the row’s own Entgeltgruppe; LibreOffice computes every band to the cent', async () => {
  // 2025: E 1–8 84,51 %, E 9a–12 70,28 %, E 13–15 51,78 % – Obertshausen has rows in all three bands
  const input = path.join(dir, 'baender.xlsx');
  const parameter = { 'Erstes Planjahr': 2025, 'Jahressonderzahlung nach Entgeltgruppe': 'Ja' };
  await fs.writeFile(input, buildExcelPackage({ data: { ...OBERTSHAUSEN, v2: true, parameter } }).bytes);
  const out = path.join(dir, 'baender-bericht.xlsx');
  expect((await runCli(['report', input, '-o', out])).code).toBe(0);
  const { formula } = calculatedFormula(await fs.readFile(out));
  expect(formula).toContain('MATCH($F2,{');
  const { ws, col } = await jahreskosten(out);
  // one formula for every row, whatever its band: a row added or refilled in Excel gets its own band too
  for (let r = 2; r <= 14; r++) expect(formulaOf(ws.getCell(r, col))).toBe(moveFormulaRows(formula, r - 2));
  const poisoned = path.join(dir, 'baender-vergiftet.xlsx');
  await poisonCachedResults(out, poisoned);
  const [converted] = await recalculate([poisoned], path.join(dir, 'lo-baender'));
  const lo = await jahreskosten(converted);
  const read = await readWorkbookModel(await XlsxWorkbook.open(await fs.readFile(input)));
  const grades = new Set<string>();
  for (const p of checkCoverage(read.model).positions) {
    grades.add(p.stelle.gruppe);
    const v = lo.ws.getCell(2 + p.stelle.ref.row, lo.col).value as number | { result?: number };
    // ExcelJS reads LibreOffice's cached 0 as no result (5.07 starts after 2025); a stale value stays visible
    const got = typeof v === 'number' ? v : (v.result ?? 0);
    expect({ nr: p.stelle.nr, cents: Math.round(got * 100) }).toEqual({
      nr: p.stelle.nr,
      cents: Math.round(p.years[0].amount.toNumber() * 100),
    });
  }
  expect([...grades]).toEqual(expect.arrayContaining(['E8', 'E9c', 'E13']));
});

test("a user's own calculated column in the middle of the table: read, kept, and given to the adopted row", async () => {
  // Excel writes the user's column "Bemerkung Kämmerei" as a calculated column (Besetzt is column I);
  // ExcelJS alone loses every column after such a column – the product reads the file all the same
  const pkg = new OoxmlPackage(buildExcelPackage({ data: OBERTSHAUSEN }).bytes);
  const userFormula = 'IF($I2="Ja","besetzt","frei")';
  const table = pkg.text('xl/tables/table1.xml')!;
  const withUserColumn = table.replace(
    /(<tableColumn [^>]*name="Bemerkung Kämmerei")\/>/,
    `$1><calculatedColumnFormula>${userFormula.replace(/"/g, '&quot;')}</calculatedColumnFormula></tableColumn>`,
  );
  expect(withUserColumn).not.toBe(table);
  pkg.setText('xl/tables/table1.xml', withUserColumn);
  const input = path.join(dir, 'eigene-spalte.xlsx');
  await fs.writeFile(input, pkg.toBytes());
  const bericht = path.join(dir, 'eigene-spalte-bericht.xlsx');
  expect((await runCli(['report', input, '-o', bericht])).code).toBe(0);
  const beschluss = path.join(dir, 'eigene-spalte-beschluss.xlsx');
  const a = await runCli(['adopt', bericht, 'M-2027-01', '-o', beschluss]);
  expect(a.stderr).toBe('');
  expect(a.code).toBe(0);
  const read = await readWorkbookModel(await XlsxWorkbook.open(await fs.readFile(beschluss)));
  expect(read.model.stellen).toHaveLength(14);
  const xml = zipEntries(await fs.readFile(beschluss))
    .get('xl/tables/table1.xml')!
    .toString('utf8');
  expect(xml).toContain(
    '<tableColumn id="15" xr3:uid="{00000001-0003-4000-8000-000000000014}" name="Bemerkung Kämmerei"><calculatedColumnFormula>IF($I2=&quot;Ja&quot;,&quot;besetzt&quot;,&quot;frei&quot;)</calculatedColumnFormula></tableColumn>',
  );
  expect(xml).toMatch(
    /name="Jahreskosten"><calculatedColumnFormula>IF\(\$A2=&quot;&quot;,&quot;&quot;,ROUND\(/,
  );
  const { ws } = await jahreskosten(beschluss);
  expect(formulaOf(ws.getCell(15, 15))).toBe('IF($I15="Ja","besetzt","frei")');
});

test('a calculated first column and filters on later ones: the file opens (ExcelJS alone fails), all columns read', async () => {
  const pkg = new OoxmlPackage(buildExcelPackage({ data: OBERTSHAUSEN }).bytes);
  const table = pkg.text('xl/tables/table1.xml')!;
  const edited = table
    .replace(
      /(<tableColumn [^>]*name="Stellen-Nr\.")\/>/,
      '$1><calculatedColumnFormula>TRIM($A2)</calculatedColumnFormula></tableColumn>',
    )
    // the user filtered three columns (Excel writes a filterColumn for each)
    .replace(
      /(<autoFilter [^>]*)\/>/,
      '$1><filterColumn colId="2"><filters><filter val="FB1 Zentrale Dienste"/></filters></filterColumn><filterColumn colId="5" hiddenButton="1"/><filterColumn colId="8" hiddenButton="1"/></autoFilter>',
    );
  expect(edited).toMatch(/<\/filterColumn><filterColumn colId="5"/);
  pkg.setText('xl/tables/table1.xml', edited);
  const read = await readWorkbookModel(await XlsxWorkbook.open(pkg.toBytes()));
  expect(read.model.stellen).toHaveLength(13);
  expect(read.model.stellen.find((s) => s.nr === '6.12')?.gruppe).toBe('E5');
});
