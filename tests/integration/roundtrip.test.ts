import { createHash } from 'crypto';
import { promises as fs } from 'fs';
import * as path from 'path';
import type ExcelJS from 'exceljs';
import { OBERTSHAUSEN } from '../../examples/data';
import { GENERATED_SHEETS } from '../../src/workbook/schema';
import { compactValidations } from '../../src/xlsx/xlsx-workbook';
import { runCli } from './support/cli';
import { describeCell, headerColumn, sheetDifferences, validationsByCell } from './support/cells';
import { loadExcel, makeTempDir, removeTempDir, saveExcel, writeWorkbook } from './support/workbooks';
import { overlappingValidations, sheetXml } from './support/zip';

/**
 * DESIGN.md principle 3: nothing the user wrote is lost or overwritten; foreign sheets, columns, formats
 * and formulas survive every write. `report` may only touch its generated sheets, the documented
 * Jahreskosten column and the drop-down lists of the input tables.
 */
jest.setTimeout(60_000);

let dir: string;
let input: string;

const sha256 = async (file: string) =>
  createHash('sha256')
    .update(await fs.readFile(file))
    .digest('hex');

/** An Obertshausen workbook as a Kämmerei would keep it: own sheets, columns, names, lists and notes. */
async function userWorkbook(file: string): Promise<string> {
  const base = await writeWorkbook(path.dirname(file), `basis-${path.basename(file)}`, OBERTSHAUSEN);
  const wb = await loadExcel(base);

  const notes = wb.addWorksheet('Notizen');
  notes.getColumn(1).width = 28;
  notes.getColumn(2).width = 16;
  notes.getCell('A1').value = 'Notizen der Kämmerei';
  notes.getCell('A1').font = { bold: true, size: 13 };
  notes.getCell('A1').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
  notes.getCell('A2').value = 'Ansatz 2026';
  notes.getCell('B2').value = 12345.67;
  notes.getCell('B2').numFmt = '#,##0.00 "€"';
  notes.getCell('B2').note = 'Quelle: Haushaltsplan 2026, S. 112';
  notes.getCell('A3').value = 'Ansatz 2027';
  notes.getCell('B3').value = 23456.78;
  notes.getCell('B3').numFmt = '#,##0.00 "€"';
  notes.getCell('A4').value = 'Summe';
  notes.getCell('A4').font = { bold: true };
  notes.getCell('B4').value = { formula: 'SUM(B2:B3)', result: 35802.45 };
  notes.getCell('B4').numFmt = '#,##0.00 "€"';
  notes.getCell('B4').font = { bold: true };
  notes.getCell('C2').value = new Date(Date.UTC(2026, 5, 2));
  notes.getCell('C2').numFmt = 'dd.mm.yyyy';
  notes.getCell('A6').value = 'Beschluss des Gemeinderats vom 2. Juni';
  notes.mergeCells('A6:C6');
  for (let r = 2; r <= 20; r++)
    notes.getCell(`D${r}`).dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: ['"offen,erledigt"'],
    };
  notes.getCell('D2').value = 'offen';

  const stellen = wb.getWorksheet('Stellen')!;
  const last = stellen.getRow(1).cellCount;
  const remark = last + 1;
  const percent = last + 2;
  stellen.getCell(1, remark).value = 'Interne Bemerkung';
  stellen.getCell(1, percent).value = 'Anteil in %';
  const shareCol = headerColumn(stellen, 'Stellenanteil');
  for (let r = 2; r <= OBERTSHAUSEN.stellen!.length + 1; r++) {
    stellen.getCell(r, remark).value = `Notiz ${r - 1}`;
    stellen.getCell(r, remark).dataValidation = {
      type: 'textLength',
      operator: 'lessThan',
      formulae: [200],
      allowBlank: true,
    };
    const share = stellen.getCell(r, shareCol).value as number;
    stellen.getCell(r, percent).value = {
      formula: `${stellen.getCell(r, shareCol).address}*100`,
      result: share * 100,
    };
    stellen.getCell(r, percent).numFmt = '0.0';
  }
  stellen.getCell(3, remark).font = { bold: true };
  // the Kämmerei's own list for Vermerk on the first rows, instead of the product's drop-down
  const vermerk = headerColumn(stellen, 'Vermerk');
  for (let r = 2; r <= 6; r++)
    stellen.getCell(r, vermerk).dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: ['"kw,ku,kw 31.12.2029"'],
    };

  wb.definedNames.add("'Notizen'!$B$2:$B$3", 'Ansaetze');
  const hidden = wb.addWorksheet('Hilfswerte', { state: 'hidden' });
  hidden.getCell('A1').value = 'Schlüssel';
  hidden.getCell('B1').value = 42;
  // an Excel table (ListObject) of the user's own, with filter buttons and a style
  notes.addTable({
    name: 'Budgetliste',
    ref: 'F2',
    headerRow: true,
    style: { theme: 'TableStyleMedium9', showRowStripes: true },
    columns: [
      { name: 'Konto', filterButton: true },
      { name: 'Betrag', filterButton: true },
    ],
    rows: [
      ['4430', 1200],
      ['4431', 3400.5],
    ],
  });
  // saved as Excel would: ExcelJS alone writes a list over many cells as overlapping ranges
  for (const ws of wb.worksheets) compactValidations(ws);
  await saveExcel(wb, file);
  await fs.rm(base);
  return file;
}

beforeAll(async () => {
  dir = await makeTempDir('roundtrip');
  input = await userWorkbook(path.join(dir, 'plan.xlsx'));
});

afterAll(() => removeTempDir(dir));

/** Sheets with cells under two validations, as "Stellen: 4992 Zellen ab E10" (short enough to read). */
function overlapsIn(bytes: Uint8Array): string[] {
  return [...sheetXml(bytes)].flatMap(([name, xml]) => {
    const cells = overlappingValidations(xml);
    return cells.length ? [`${name}: ${cells.length} Zellen ab ${cells[0]}`] : [];
  });
}

const userSheets = (wb: ExcelJS.Workbook) => wb.worksheets.filter((w) => !GENERATED_SHEETS.includes(w.name));

describe('report -o OUT', () => {
  let out: string;
  let before: ExcelJS.Workbook;
  let after: ExcelJS.Workbook;
  let inputHash: string;

  beforeAll(async () => {
    inputHash = await sha256(input);
    out = path.join(dir, 'bericht.xlsx');
    const r = await runCli(['report', input, '-o', out]);
    expect(r.code).toBe(0);
    before = await loadExcel(input);
    after = await loadExcel(out);
  });

  test('leaves the input file byte for byte unchanged', async () => {
    expect(await sha256(input)).toBe(inputHash);
  });

  test('writes the generated sheets', () => {
    expect(after.worksheets.map((w) => w.name)).toEqual(
      expect.arrayContaining(['Übersicht HFW', 'Prüfung', 'Berechnung']),
    );
  });

  test('every cell outside the generated sheets and the Jahreskosten column is unchanged (values, formulas, formats)', () => {
    expect(userSheets(after).map((w) => w.name)).toEqual(userSheets(before).map((w) => w.name));
    const jahreskosten = headerColumn(after.getWorksheet('Stellen')!, 'Jahreskosten');
    expect(jahreskosten).toBeGreaterThan(0);
    const differences = userSheets(before).flatMap((ws) =>
      sheetDifferences(
        ws,
        after.getWorksheet(ws.name)!,
        (_r, c) => ws.name === 'Stellen' && c === jahreskosten,
      ),
    );
    expect(differences).toEqual([]);
  });

  test('the extra user columns in Stellen keep their place, values and formulas; Jahreskosten comes after them', () => {
    const ws = after.getWorksheet('Stellen')!;
    const remark = headerColumn(ws, 'Interne Bemerkung');
    const percent = headerColumn(ws, 'Anteil in %');
    expect(headerColumn(ws, 'Jahreskosten')).toBe(percent + 1);
    expect(ws.getCell(2, remark).value).toBe('Notiz 1');
    expect(ws.getCell(4, percent).formula).toMatch(/\*100$/);
  });

  test('the foreign sheet keeps its comment, merged cells, formula, named range and drop-down list', () => {
    const ws = after.getWorksheet('Notizen')!;
    expect(JSON.stringify(ws.getCell('B2').note)).toContain('Haushaltsplan 2026');
    expect((ws.model as unknown as { merges: string[] }).merges).toEqual(['A6:C6']);
    expect(ws.getCell('B4').formula).toBe('SUM(B2:B3)');
    expect(after.definedNames.getRanges('Ansaetze').ranges).toEqual(
      before.definedNames.getRanges('Ansaetze').ranges,
    );
    expect(after.definedNames.getRanges('Ansaetze').ranges.length).toBe(1);
    expect([...validationsByCell(ws)]).toEqual([...validationsByCell(before.getWorksheet('Notizen')!)]);
    expect(validationsByCell(ws).size).toBe(19);
  });

  test('the user validations in Stellen (own column, own list on Vermerk) survive the product drop-down lists', () => {
    const mine = [...validationsByCell(before.getWorksheet('Stellen')!)].filter(
      ([, v]) => !v.includes('Stellenplan & Deckung'),
    );
    const kept = validationsByCell(after.getWorksheet('Stellen')!);
    expect(mine.length).toBe(OBERTSHAUSEN.stellen!.length + 5);
    for (const [address, v] of mine) expect([address, kept.get(address)]).toEqual([address, v]);
  });

  test("the user's Excel table keeps its name, range, columns and style", () => {
    type TableModel = {
      table: { name: string; tableRef: string; columns: { name: string }[]; style: { theme: string } };
    };
    const tables = (ws: ExcelJS.Worksheet) =>
      (ws as unknown as { tables: Record<string, TableModel> }).tables;
    const t = tables(after.getWorksheet('Notizen')!)['Budgetliste']?.table;
    expect(t).toBeDefined();
    expect([t.tableRef, t.columns.map((c) => c.name), t.style.theme]).toEqual([
      'F2:G4',
      ['Konto', 'Betrag'],
      'TableStyleMedium9',
    ]);
  });

  test('the hidden sheet stays hidden and keeps its values', () => {
    const ws = after.getWorksheet('Hilfswerte')!;
    expect(ws.state).toBe('hidden');
    expect(ws.getCell('B1').value).toBe(42);
  });

  test('no cell is covered by two data validations (Excel would "repair" the file)', async () => {
    expect(overlapsIn(await fs.readFile(out))).toEqual([]);
  });
});

test('report --in-place rewrites the file and keeps a backup whose bytes equal the original', async () => {
  const file = path.join(dir, 'vor-ort.xlsx');
  await fs.copyFile(input, file);
  const original = await sha256(file);
  const r = await runCli(['report', file, '--in-place']);
  expect(r.code).toBe(0);
  // a new backup each time, named by date and time: vor-ort.bak-YYYYMMDD-HHMMSS.xlsx
  const backup = /Sicherungskopie: (.*)\n/.exec(r.stderr)![1];
  expect(path.dirname(backup)).toBe(dir);
  expect(path.basename(backup)).toMatch(/^vor-ort\.bak-\d{8}-\d{6}\.xlsx$/);
  expect(await sha256(backup)).toBe(original);
  expect(await sha256(file)).not.toBe(original);
  const wb = await loadExcel(file);
  expect(wb.worksheets.map((w) => w.name)).toEqual(
    expect.arrayContaining(['Notizen', 'Hilfswerte', 'Übersicht HFW', 'Berechnung']),
  );
  expect(
    sheetDifferences((await loadExcel(backup)).getWorksheet('Notizen')!, wb.getWorksheet('Notizen')!),
  ).toEqual([]);
});

test('report -o naming the input itself is refused and the file stays as it was', async () => {
  const hash = await sha256(input);
  const r = await runCli(['report', input, '-o', path.join(dir, '.', 'plan.xlsx')]);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/nicht überschrieben/);
  expect(await sha256(input)).toBe(hash);
});

describe('report run twice', () => {
  let first: ExcelJS.Workbook;
  let second: ExcelJS.Workbook;
  let secondFile: string;

  beforeAll(async () => {
    const once = path.join(dir, 'einmal.xlsx');
    secondFile = path.join(dir, 'zweimal.xlsx');
    expect((await runCli(['report', input, '-o', once])).code).toBe(0);
    expect((await runCli(['report', once, '-o', secondFile])).code).toBe(0);
    first = await loadExcel(once);
    second = await loadExcel(secondFile);
  });

  test('gives the same sheets in the same order, none twice', () => {
    const names = second.worksheets.map((w) => w.name);
    expect(names).toEqual(first.worksheets.map((w) => w.name));
    expect(new Set(names).size).toBe(names.length);
  });

  test('gives the same generated sheets, cell for cell', () => {
    for (const name of ['Übersicht HFW', 'Prüfung', 'Berechnung']) {
      expect(second.getWorksheet(name)).toBeDefined();
      expect(sheetDifferences(first.getWorksheet(name)!, second.getWorksheet(name)!)).toEqual([]);
    }
  });

  test('keeps one Jahreskosten column with the same formulas, and the user data', () => {
    const a = first.getWorksheet('Stellen')!;
    const b = second.getWorksheet('Stellen')!;
    const headers = (ws: ExcelJS.Worksheet) =>
      (ws.getRow(1).values as unknown[]).filter((v) => v !== undefined);
    expect(headers(b)).toEqual(headers(a));
    expect(headers(b).filter((h) => h === 'Jahreskosten')).toHaveLength(1);
    expect(sheetDifferences(a, b)).toEqual([]);
    expect(describeCell(b.getCell('A2'))).toBe(describeCell(a.getCell('A2')));
  });

  test('does not pile up drop-down lists', async () => {
    for (const ws of first.worksheets)
      expect([ws.name, [...validationsByCell(second.getWorksheet(ws.name)!)]]).toEqual([
        ws.name,
        [...validationsByCell(ws)],
      ]);
    expect(overlapsIn(await fs.readFile(secondFile))).toEqual([]);
  });
});
