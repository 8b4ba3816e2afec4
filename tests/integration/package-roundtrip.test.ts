import { promises as fs } from 'fs';
import * as path from 'path';
import { DOMParser } from '@xmldom/xmldom';
import ExcelJS from 'exceljs';
import { OBERTSHAUSEN } from '../../examples/data';
import { readWorkbookModel } from '../../src/workbook/read';
import { XlsxWorkbook } from '../../src/xlsx/xlsx-workbook';
import { buildExcelPackage, type BuiltPackage } from '../support/excel-package';
import { runCli } from './support/cli';
import { recalculate } from './support/libreoffice';
import { makeTempDir, removeTempDir } from './support/workbooks';
import { zipEntries } from './support/zip';

/**
 * The product's first promise: nothing the user wrote is lost. A workbook written part by part as Excel
 * writes it (chart, text box, chart sheet, pivot table, threaded comments, custom properties, custom XML,
 * external link, protection, iterative calculation, x14 lists, sparklines, page breaks, hyperlinks, named
 * styles, a table without headerRowCount, defined names, a user's own sheet called "Prüfung") goes through
 * report, report --in-place (twice), adopt and undo. Every part the product does not own stays byte for
 * byte; every part it owns is well-formed; LibreOffice opens every output.
 */
jest.setTimeout(180_000);

let dir: string;
let built: BuiltPackage;
let input: string;
const outputs: Record<string, string> = {};

/** The product's tables' sheets, their Excel tables, and the workbook-level parts a write may change. */
const OWNED_SHEETS = ['Stellen', 'Maßnahmen', 'Deckung', 'Planansätze', 'Deckungsregeln'];
const OWNED_PARTS = [
  '[Content_Types].xml',
  'xl/workbook.xml',
  'xl/_rels/workbook.xml.rels',
  'xl/styles.xml',
  // Excel's cache of formula cells: dropped on every write, Excel rebuilds it on open
  'xl/calcChain.xml',
  'xl/tables/table1.xml',
  'xl/tables/table2.xml',
];

function owned(name: string): boolean {
  if (OWNED_PARTS.includes(name)) return true;
  return OWNED_SHEETS.some((s) => built.sheetParts.get(s) === name);
}

function wellFormed(name: string, xml: string): void {
  const errors: string[] = [];
  new DOMParser({
    onError: (level: string, msg: string) => {
      if (level !== 'warning') errors.push(msg);
    },
  }).parseFromString(xml, 'text/xml');
  if (errors.length) throw new Error(`${name}: ${errors.join('; ')}`);
}

beforeAll(async () => {
  dir = await makeTempDir('paket');
  built = buildExcelPackage({ data: OBERTSHAUSEN, userSheetNamed: 'Prüfung' });
  input = path.join(dir, 'plan.xlsx');
  await fs.writeFile(input, built.bytes);

  outputs.report = path.join(dir, 'bericht.xlsx');
  expect((await runCli(['report', input, '-o', outputs.report])).code).toBe(0);

  outputs.inPlace = path.join(dir, 'vor-ort.xlsx');
  await fs.copyFile(input, outputs.inPlace);
  for (let i = 0; i < 2; i++) {
    const r = await runCli(['report', outputs.inPlace, '--in-place']);
    expect(r.code).toBe(0);
  }

  outputs.adopt = path.join(dir, 'beschluss.xlsx');
  const a = await runCli(['adopt', input, 'M-2027-01', '-o', outputs.adopt]);
  expect(a.stderr).toBe('');
  expect(a.code).toBe(0);

  outputs.undo = path.join(dir, 'rueckgaengig.xlsx');
  const u = await runCli(['undo', outputs.adopt, '-o', outputs.undo]);
  expect(u.stderr).toBe('');
  expect(u.code).toBe(0);
});

afterAll(() => removeTempDir(dir));

const cases = ['report', 'inPlace', 'adopt', 'undo'];

describe.each(cases)('%s', (which) => {
  test('every part the product does not own is byte for byte the original', async () => {
    const before = zipEntries(built.bytes);
    const after = zipEntries(await fs.readFile(outputs[which]));
    const changed: string[] = [];
    for (const [name, data] of before) {
      if (owned(name)) continue;
      if (!after.has(name) || !after.get(name)!.equals(data)) changed.push(name);
    }
    expect(changed).toEqual([]);
    // and the parts that carry what the user sees of charts, pivots, comments … are all still there
    for (const name of [
      'xl/charts/chart1.xml',
      'xl/chartsheets/sheet1.xml',
      'xl/pivotCache/pivotCacheDefinition1.xml',
      'xl/threadedComments/threadedComment1.xml',
      'docProps/custom.xml',
      'xl/externalLinks/externalLink1.xml',
      'xl/metadata.xml',
      'customXml/item1.xml',
    ])
      expect(after.has(name)).toBe(true);
  });

  test('every part it owns is well-formed XML', async () => {
    const after = zipEntries(await fs.readFile(outputs[which]));
    for (const [name, data] of after)
      if (/\.(xml|rels)$/.test(name) && (owned(name) || !zipEntries(built.bytes).has(name)))
        wellFormed(name, data.toString('utf8'));
  });

  test('defined names keep their exact text; protection and iterative calculation stay', async () => {
    const xml = zipEntries(await fs.readFile(outputs[which]))
      .get('xl/workbook.xml')!
      .toString('utf8');
    for (const name of built.definedNames) expect(xml).toContain(name);
    expect(xml).toContain('<workbookProtection workbookAlgorithmName="SHA-512"');
    expect(/<calcPr [^>]*iterate="1" iterateCount="50"/.test(xml)).toBe(true);
    expect(xml).toContain('<pivotCaches><pivotCache cacheId="5"');
  });

  test('the Stellen sheet keeps its x14 list, sparklines, page break, links, comments and formats', async () => {
    const xml = zipEntries(await fs.readFile(outputs[which]))
      .get(built.sheetParts.get('Stellen')!)!
      .toString('utf8');
    for (const fragment of built.stellenFragments) expect(xml).toContain(fragment);
  });

  test('the Stellen table written by Excel (no headerRowCount) keeps its header', async () => {
    const xml = zipEntries(await fs.readFile(outputs[which]))
      .get('xl/tables/table1.xml')!
      .toString('utf8');
    expect(xml).not.toContain('headerRowCount');
    const wb = await XlsxWorkbook.open(await fs.readFile(outputs[which]));
    const read = await readWorkbookModel(wb);
    expect(read.tables.get('Stellen')?.tableName).toBe('Stellen');
    expect(read.tables.get('Stellen')?.headers[0]).toBe('Stellen-Nr.');
  });
});

test("a user's own sheet called Prüfung is kept; the findings go to Prüfung (2)", async () => {
  for (const which of ['report', 'inPlace']) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(outputs[which]);
    const names = wb.worksheets.map((w) => w.name);
    expect(names.filter((n) => n.startsWith('Prüfung'))).toEqual(['Prüfung', 'Prüfung (2)']);
    expect(wb.getWorksheet('Prüfung')!.getCell('A1').value).toBe('Eigene Prüfliste der Kämmerei');
  }
});

test('report --in-place twice: two backups, the first equals the original, the file keeps one set of sheets', async () => {
  const files = (await fs.readdir(dir))
    .filter((f) => /^vor-ort\.bak-\d{8}-\d{6}(-\d+)?\.xlsx$/.test(f))
    .sort();
  expect(files).toHaveLength(2);
  // one backup is the original, the other the file after the first report: none was overwritten
  const backups = await Promise.all(files.map((f) => fs.readFile(path.join(dir, f))));
  expect(backups.filter((b) => b.equals(built.bytes))).toHaveLength(1);
  expect(backups[0].equals(backups[1])).toBe(false);
  const xml = zipEntries(await fs.readFile(outputs.inPlace))
    .get('xl/workbook.xml')!
    .toString('utf8');
  // six generated sheets, once: the second run replaced the sheets it had marked as its own
  expect(xml.match(/<sheet /g)).toHaveLength(built.sheetParts.size + 6);
});

test('the report grows the Stellen table by its Jahreskosten column, inside the table', async () => {
  const xml = zipEntries(await fs.readFile(outputs.report))
    .get('xl/tables/table1.xml')!
    .toString('utf8');
  expect(xml).toMatch(
    /<tableColumn id="\d+" name="Jahreskosten"><calculatedColumnFormula>[^<]+<\/calculatedColumnFormula><\/tableColumn><\/tableColumns>/,
  );
  expect(xml).toMatch(/ref="A1:[A-Z]+14"/);
});

test('adopt puts the new position into the Stellen table: the next read counts 14 positions, undo 13 again', async () => {
  const count = async (file: string) =>
    (await readWorkbookModel(await XlsxWorkbook.open(await fs.readFile(file)))).model.stellen.length;
  expect(await count(input)).toBe(13);
  expect(await count(outputs.adopt)).toBe(14);
  expect(await count(outputs.undo)).toBe(13);
});

test('LibreOffice opens every output and recalculates the Jahreskosten to the cent', async () => {
  const files = cases.map((c) => outputs[c]);
  const converted = await recalculate(files, path.join(dir, 'lo'));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(converted[0]);
  const ws = wb.getWorksheet('Stellen')!;
  const header = ws.getRow(1);
  let col = 0;
  header.eachCell((c, n) => {
    if (c.value === 'Jahreskosten') col = n;
  });
  expect(col).toBeGreaterThan(0);
  const original = new ExcelJS.Workbook();
  await original.xlsx.readFile(outputs.report);
  for (let r = 2; r <= 14; r++) {
    const engine = original.getWorksheet('Stellen')!.getCell(r, col).result as number;
    const lo = ws.getCell(r, col).value as number | { result: number };
    const value = typeof lo === 'number' ? lo : lo.result;
    expect(Math.round(value * 100)).toBe(Math.round(engine * 100));
  }
});
