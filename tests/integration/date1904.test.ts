import { promises as fs } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { OBERTSHAUSEN } from '../../examples/data';
import type { TemplateData } from '../../src/workbook/template';
import { buildExcelPackage } from '../support/excel-package';
import { runCli } from './support/cli';
import { recalculate } from './support/libreoffice';
import { makeTempDir, removeTempDir } from './support/workbooks';

/**
 * A workbook in Excel's 1904 date system (old Mac workbooks): dates it stores and dates the product writes
 * into formulas count from the same epoch. A position that starts mid-year by a text date ("01.07.2027")
 * gets a Jahreskosten formula that LibreOffice recalculates to the engine's half-year cost, not to 0,00 €.
 */
jest.setTimeout(180_000);

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir('d1904-');
});
afterAll(() => removeTempDir(dir));

test('1904: Jahreskosten with a text start date recalculate in LibreOffice to the engine value, to the cent', async () => {
  const data: TemplateData = {
    ...OBERTSHAUSEN,
    stellen: OBERTSHAUSEN.stellen!.map((s, i) => (i === 0 ? { ...s, Beginn: '01.07.2027' } : s)),
  };
  const input = path.join(dir, 'mac.xlsx');
  await fs.writeFile(input, buildExcelPackage({ data, date1904: true }).bytes);
  const out = path.join(dir, 'mac-bericht.xlsx');
  const r = await runCli(['report', input, '-o', out]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const [converted] = await recalculate([out], path.join(dir, 'lo'));
  const engine = new ExcelJS.Workbook();
  await engine.xlsx.readFile(out);
  const lo = new ExcelJS.Workbook();
  await lo.xlsx.readFile(converted);
  const col = (ws: ExcelJS.Worksheet) => (ws.getRow(1).values as unknown[]).indexOf('Jahreskosten');
  const e = engine.getWorksheet('Stellen')!;
  const l = lo.getWorksheet('Stellen')!;
  const value = (v: unknown) => (typeof v === 'number' ? v : (v as { result: number }).result);
  const first = value(e.getCell(2, col(e)).value);
  // half a year of the position (the engine's value), and LibreOffice agrees for every position
  expect(first).toBeGreaterThan(1000);
  for (let row = 2; row <= 14; row++)
    expect(Math.round(value(l.getCell(row, col(l)).value) * 100)).toBe(
      Math.round(value(e.getCell(row, col(e)).value) * 100),
    );
});
