import { promises as fs } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { OBERTSHAUSEN } from '../../examples/data';
import { checkCoverage } from '../../src/domain/coverage';
import { a1 } from '../../src/workbook/port';
import { readWorkbookModel } from '../../src/workbook/read';
import { XlsxWorkbook } from '../../src/xlsx/xlsx-workbook';
import { buildExcelPackage } from '../support/excel-package';
import { reportThenAdopt, runCli } from './support/cli';
import { poisonCachedResults, recalculate, STALE_RESULT } from './support/libreoffice';
import { makeTempDir, removeTempDir } from './support/workbooks';

/**
 * A workbook costed month by month (contract v2: KV/RV ceilings, dated pay tables): Jahreskosten of a
 * Stellen row added AFTER the report. The report's column formula sums the row's helper rows in
 * Berechnung; a row without them must never show a wrong amount:
 *  - adopt writes the new position's own formula (its rate segments inline), which LibreOffice computes to
 *    the engine's cost to the cent; undo takes it back like every other adopted cell;
 *  - a row typed in Excel gets the column formula, which then says „Bericht aktualisieren“.
 */
jest.setTimeout(240_000);

let dir: string;
let input: string;
let report: string;
let adopted: string;

beforeAll(async () => {
  dir = await makeTempDir('jahreskosten-neu');
  input = path.join(dir, 'v2.xlsx');
  await fs.writeFile(input, buildExcelPackage({ data: { ...OBERTSHAUSEN, v2: true } }).bytes);
  ({ report, adopted } = await reportThenAdopt(dir, input));
});

afterAll(async () => {
  await removeTempDir(dir);
});

/** The file recalculated by LibreOffice from poisoned caches: every formula value is LibreOffice's own. */
async function recalculated(file: string, name: string): Promise<ExcelJS.Workbook> {
  const poisoned = path.join(dir, `${name}-vergiftet.xlsx`);
  await poisonCachedResults(file, poisoned);
  const [converted] = await recalculate([poisoned], path.join(dir, `lo-${name}`));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(converted);
  return wb;
}

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

function column(ws: ExcelJS.Worksheet, header: string): number {
  const col = (ws.getRow(1).values as unknown[]).indexOf(header);
  expect(col).toBeGreaterThan(0);
  return col;
}

const resultOf = (v: ExcelJS.CellValue): unknown =>
  v && typeof v === 'object' && 'formula' in v ? (v as ExcelJS.CellFormulaValue).result : v;

async function engine(file: string) {
  const read = await readWorkbookModel(await XlsxWorkbook.open(await fs.readFile(file)));
  return { read, result: checkCoverage(read.model) };
}

test('adopt of a new position: LibreOffice computes its Jahreskosten to the engine’s first-year cost, to the cent', async () => {
  const { result } = await engine(adopted);
  const p = result.positions.find((x) => x.stelle.nr === '1.20')!;
  expect(p).toBeDefined();
  const expected = Math.round(p.years[0].amount.toNumber() * 100);
  // the engine's cost of an E9b/3 in 2027 with KV/RV ceilings: far from the Sachkosten part alone
  expect(expected).toBeGreaterThan(5_000_000);
  const ws = (await recalculated(adopted, 'beschluss')).getWorksheet('Stellen')!;
  const col = column(ws, 'Jahreskosten');
  expect(ws.getCell(15, 1).value).toBe('1.20');
  const got = resultOf(ws.getCell(15, col).value);
  expect(got).not.toBe(STALE_RESULT);
  // before the fix: 0,00 € (the Sachkosten part alone; ExcelJS reads LibreOffice's 0 as no result)
  expect(Math.round(((got as number | undefined) ?? 0) * 100)).toBe(expected);
  // every other row still computes the engine cost
  for (const q of result.positions) {
    const v = resultOf(ws.getCell(2 + q.stelle.ref.row, col).value);
    expect({ nr: q.stelle.nr, cents: Math.round(((v as number) ?? 0) * 100) }).toEqual({
      nr: q.stelle.nr,
      cents: Math.round(q.years[0].amount.toNumber() * 100),
    });
  }
});

test('adopt logs the Jahreskosten formula in Protokoll; undo takes it back and nothing else changes', async () => {
  const protokoll = (await load(adopted)).getWorksheet('Protokoll')!;
  const zelle = column(protokoll, 'Zelle');
  const neu = column(protokoll, 'Neuer Wert');
  const logged = new Map<unknown, unknown>();
  protokoll.eachRow((row) => logged.set(row.getCell(zelle).value, row.getCell(neu).value));
  const stellen = (await load(adopted)).getWorksheet('Stellen')!;
  const col = column(stellen, 'Jahreskosten');
  // readable in Protokoll: the amount, marked as a formula
  expect(logged.get(a1(15, col))).toBe('72.663,22 (Formel)');

  const undone = path.join(dir, 'zurueck.xlsx');
  const u = await runCli(['undo', adopted, '-o', undone]);
  expect(u.stderr).toBe('');
  expect(u.code).toBe(0);
  const before = await load(report);
  const after = await load(undone);
  // Stellen and Berechnung: every cell as the report left it (row 15 emptied again, Jahreskosten too)
  for (const name of ['Stellen', 'Berechnung']) {
    const a = before.getWorksheet(name)!;
    const b = after.getWorksheet(name)!;
    const rows = Math.max(a.rowCount, b.rowCount);
    const diff: string[] = [];
    for (let r = 1; r <= rows; r++)
      for (let c = 1; c <= Math.max(a.columnCount, b.columnCount); c++) {
        const x = JSON.stringify(a.getCell(r, c).value ?? null);
        const y = JSON.stringify(b.getCell(r, c).value ?? null);
        if (x !== y) diff.push(`${name}!${a1(r, c)}: ${x} → ${y}`);
      }
    expect(diff).toEqual([]);
  }
  // LibreOffice: the emptied row shows nothing
  const ws = (await recalculated(undone, 'zurueck')).getWorksheet('Stellen')!;
  expect(resultOf(ws.getCell(15, column(ws, 'Jahreskosten')).value) ?? '').toBe('');
});

/**
 * Rows typed below the Stellen table as Excel takes them: the table grows and each new row gets the
 * calculated columns (the file adapter does what Excel does). Returns the file and the first new row.
 */
async function typeRows(file: string, name: string, rows: Record<string, string | number>[]) {
  const { read } = await engine(file);
  const raw = read.tables.get('Stellen')!;
  const first = raw.origin.row + 1 + raw.rows.length;
  const wb = await XlsxWorkbook.open(await fs.readFile(file));
  await wb.readTables([{ key: 'Stellen', tableNames: ['Stellen'], sheetNames: ['Stellen'] }]);
  await wb.write({
    updates: rows.flatMap((values, k) =>
      Object.entries(values).map(([h, v]) => {
        const c = raw.headers.indexOf(h);
        expect(c).toBeGreaterThanOrEqual(0);
        return { sheet: 'Stellen', cell: a1(first + k, raw.origin.col + c), value: { v } };
      }),
    ),
  });
  const out = path.join(dir, `${name}.xlsx`);
  await fs.writeFile(out, await wb.toBuffer());
  return { file: out, first };
}

const TYPED = {
  Organisationseinheit: 'FB9 Test',
  Bezeichnung: 'von Hand ergänzt',
  Dienstverhältnis: 'Beschäftigte',
  Entgeltgruppe: 'E9b',
  Stufe: 3,
  Stellenanteil: 1,
  Besetzt: 'Nein',
  Haushaltsstelle: '1.1.01.5011',
};

test('a row typed into the table in Excel (no helper rows yet) shows „Bericht aktualisieren“, never an amount', async () => {
  const typed = await typeRows(report, 'von-hand', [{ 'Stellen-Nr.': '9.01', ...TYPED }]);
  const ws = (await recalculated(typed.file, 'von-hand')).getWorksheet('Stellen')!;
  expect(ws.getCell(typed.first, 1).value).toBe('9.01');
  expect(resultOf(ws.getCell(typed.first, column(ws, 'Jahreskosten')).value)).toBe('Bericht aktualisieren');
});

test('mostly costed from the row’s own cells (one rising step): a typed row is costed exactly, one with Stufe seit waits for the report; adopt is exact', async () => {
  const stellen = OBERTSHAUSEN.stellen!.map((s, i) => (i === 0 ? { ...s, 'Stufe seit': '2025-03-01' } : s));
  const plain = path.join(dir, 'stufe.xlsx');
  await fs.writeFile(plain, buildExcelPackage({ data: { ...OBERTSHAUSEN, stellen } }).bytes);
  const bericht = path.join(dir, 'stufe-bericht.xlsx');
  expect((await runCli(['report', plain, '-o', bericht])).code).toBe(0);
  const typed = await typeRows(bericht, 'stufe-von-hand', [
    { 'Stellen-Nr.': '9.02', ...TYPED },
    { 'Stellen-Nr.': '9.03', ...TYPED, 'Stufe seit': '2026-06-01' },
  ]);
  const beschluss = path.join(dir, 'stufe-beschluss.xlsx');
  const a = await runCli(['adopt', bericht, 'M-2027-01', '-o', beschluss]);
  expect(a.stderr).toBe('');

  const costOf = async (file: string, nr: string) =>
    Math.round(
      (await engine(file)).result.positions.find((p) => p.stelle.nr === nr)!.years[0].amount.toNumber() * 100,
    );
  const ws = (await recalculated(typed.file, 'stufe-von-hand')).getWorksheet('Stellen')!;
  const col = column(ws, 'Jahreskosten');
  expect(ws.getCell(typed.first, 1).value).toBe('9.02');
  const own = resultOf(ws.getCell(typed.first, col).value) as number;
  expect(Math.round(own * 100)).toBe(await costOf(typed.file, '9.02'));
  expect(resultOf(ws.getCell(typed.first + 1, col).value)).toBe('Bericht aktualisieren');

  const adoptedWs = (await recalculated(beschluss, 'stufe-beschluss')).getWorksheet('Stellen')!;
  const row = typed.first; // the adopted position takes the first row below the table as well
  expect(adoptedWs.getCell(row, 1).value).toBe('1.20');
  const got = resultOf(adoptedWs.getCell(row, column(adoptedWs, 'Jahreskosten')).value) as number;
  expect(Math.round(got * 100)).toBe(await costOf(beschluss, '1.20'));
});

test('adopt, other shapes: a Beamtin from mid-March, a half E13 starting after the first plan year (0 €) – LibreOffice equals the engine', async () => {
  const measure = (nr: string, stelle: string, extra: Record<string, string | number>) => ({
    'Maßnahme-Nr.': nr,
    Bezeichnung: `Testmaßnahme ${nr}`,
    Art: 'Neue Stelle',
    'Stellen-Nr.': stelle,
    Organisationseinheit: 'FB1 Zentrale Dienste',
    Haushaltsstelle: '1.1.01.5011',
    Szenario: 'Basis',
    Status: 'beantragt',
    ...extra,
  });
  const massnahmen = [
    measure('M-T1', '1.31', { Entgeltgruppe: 'A 11', Stufe: 5, Stellenanteil: 1, Beginn: '2027-03-15' }),
    measure('M-T2', '1.32', { Entgeltgruppe: 'E13', Stufe: 2, Stellenanteil: 0.5, Beginn: '2028-02-01' }),
  ];
  // each covered by a grant, so that adopt takes it (the amounts do not matter here)
  const deckung = ['M-T1', 'M-T2'].map((nr) => ({
    'Maßnahme-Nr.': nr,
    Quelle: 'Landesförderung Digitalisierung',
    Art: 'Förderung',
    Betrag: 200000,
  }));
  const file = path.join(dir, 'formen.xlsx');
  await fs.writeFile(
    file,
    buildExcelPackage({ data: { ...OBERTSHAUSEN, v2: true, massnahmen, deckung } }).bytes,
  );
  const bericht = path.join(dir, 'formen-bericht.xlsx');
  expect((await runCli(['report', file, '-o', bericht])).code).toBe(0);
  const eins = path.join(dir, 'formen-1.xlsx');
  const zwei = path.join(dir, 'formen-2.xlsx');
  const a1run = await runCli(['adopt', bericht, 'M-T1', '-o', eins]);
  expect(a1run.stderr).toBe('');
  const a2run = await runCli(['adopt', eins, 'M-T2', '-o', zwei]);
  expect(a2run.stderr).toBe('');

  const { read, result } = await engine(zwei);
  const ws = (await recalculated(zwei, 'formen')).getWorksheet('Stellen')!;
  const col = column(ws, 'Jahreskosten');
  const raw = read.tables.get('Stellen')!;
  const seen: Record<string, number> = {};
  for (const nr of ['1.31', '1.32']) {
    const p = result.positions.find((x) => x.stelle.nr === nr)!;
    const row = raw.origin.row + 1 + p.stelle.ref.row;
    expect(ws.getCell(row, 1).value).toBe(nr);
    const v = resultOf(ws.getCell(row, col).value);
    expect(v).not.toBe(STALE_RESULT);
    // ExcelJS reads LibreOffice's cached 0 as no result
    seen[nr] = Math.round(((v as number | undefined) ?? 0) * 100);
    expect(seen[nr]).toBe(Math.round(p.years[0].amount.toNumber() * 100));
  }
  expect(seen['1.31']).toBeGreaterThan(5_000_000);
  expect(seen['1.32']).toBe(0);
});
