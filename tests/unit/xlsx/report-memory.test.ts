import { strFromU8, strToU8, zipSync } from 'fflate';
import { OBERTSHAUSEN } from '../../../examples/data';
import { checkCoverage } from '../../../src/domain/coverage';
import { WorkbookUnusableError } from '../../../src/workbook/port';
import { readWorkbookModel } from '../../../src/workbook/read';
import { buildReport } from '../../../src/workbook/report';
import { OoxmlPackage } from '../../../src/xlsx/package';
import { XlsxWorkbook } from '../../../src/xlsx/xlsx-workbook';
import { buildExcelPackage, type ExcelPackageOptions } from '../../support/excel-package';

/**
 * `report` lets go of ExcelJS's cells right after reading (memory at 100.000 positions) and streams the
 * sheets into the zip: the file it writes must be the one it wrote with every cell kept.
 */

async function reportFile(options: ExcelPackageOptions, forget: boolean): Promise<Uint8Array> {
  const wb = await XlsxWorkbook.open(buildExcelPackage(options).bytes);
  const read = await readWorkbookModel(wb);
  if (forget) wb.forgetCells();
  await wb.write(buildReport(read, checkCoverage(read.model), { stand: '2026-11-24', lang: 'de' }));
  return wb.toBuffer();
}

async function refusal(options: ExcelPackageOptions, forget: boolean): Promise<string> {
  try {
    await reportFile(options, forget);
  } catch (e) {
    if (e instanceof WorkbookUnusableError) return e.message;
    throw e;
  }
  return 'kein Fehler';
}

describe('report after the cells are released', () => {
  test('writes byte for byte the file it writes with the cells kept (Jahreskosten, lists, sheets)', async () => {
    const kept = await reportFile({ data: OBERTSHAUSEN }, false);
    const released = await reportFile({ data: OBERTSHAUSEN }, true);
    expect(Buffer.from(released).equals(Buffer.from(kept))).toBe(true);
    // and it is a report: the generated sheets are in it
    const pkg = new OoxmlPackage(released);
    expect(pkg.text('xl/workbook.xml')).toContain('name="Berechnung"');
  });

  test("still refuses to write Jahreskosten over a user's note right of the Stellen table, naming the cell", async () => {
    const options = { data: OBERTSHAUSEN, noteRightOfStellen: 'Rückfrage Personalrat' };
    const kept = await refusal(options, false);
    expect(kept).toMatch(
      /^Die Spalte „Jahreskosten“ kann nicht neben der Tabelle „Stellen“ angelegt werden: die Zelle Stellen![A-Z]+3 enthält Daten/,
    );
    expect(await refusal(options, true)).toBe(kept);
  });

  test('a read after the release is refused as a programming error', async () => {
    const wb = await XlsxWorkbook.open(buildExcelPackage({ data: OBERTSHAUSEN }).bytes);
    await readWorkbookModel(wb);
    wb.forgetCells();
    await expect(readWorkbookModel(wb)).rejects.toThrow(/forgetCells/);
  });
});

describe('a part set from pieces', () => {
  const original = zipSync({ 'a.xml': strToU8('<a><b>1</b><b>2</b></a>'), 'c.xml': strToU8('<c/>') });

  test('set to its current text (in other pieces) stays untouched', () => {
    const pkg = new OoxmlPackage(original);
    pkg.setParts('a.xml', ['<a>', '<b>1</b>', '<b>2</b>', '</a>']);
    expect(pkg.changedNames()).toEqual([]);
    expect(Buffer.from(pkg.toBytes()).equals(Buffer.from(original))).toBe(true);
  });

  test('set to other text is replaced by exactly the joined pieces, also where only the length differs', () => {
    const pkg = new OoxmlPackage(original);
    pkg.setParts('a.xml', ['<a>', '<b>1</b>', '<b>2</b>', '</a>', '<!---->']);
    expect(pkg.changedNames()).toEqual(['a.xml']);
    const again = new OoxmlPackage(pkg.toBytes());
    expect(again.text('a.xml')).toBe('<a><b>1</b><b>2</b></a><!---->');
    expect(strFromU8(again.data('c.xml')!)).toBe('<c/>');
  });
});
