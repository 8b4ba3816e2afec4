import * as path from 'path';
import ExcelJS from 'exceljs';
import { reportThenAdopt } from './support/cli';
import { poisonCachedResults, recalculate } from './support/libreoffice';
import { makeTempDir, removeTempDir } from './support/workbooks';

/**
 * The Übersicht HFW is a paper with a Stand: after `adopt` (which moves Planansätze and takes positions out
 * of the plan) it must still add up as printed until the next report – a Spielraum made of today's Ansatz
 * and the Stellenkosten of the report's day read as a shortfall that does not exist (−50.642,32 € for FB5
 * after adopting M-2027-01 in Obertshausen).
 */
jest.setTimeout(240_000);

let dir: string;
let report: string;
let adopted: string;

beforeAll(async () => {
  dir = await makeTempDir('uebersicht-adopt');
  ({ report, adopted } = await reportThenAdopt(dir, 'examples/obertshausen.xlsx'));
});

afterAll(async () => {
  await removeTempDir(dir);
});

/** Haushaltsstelle → its Spielraum per year as LibreOffice recalculates the Übersicht HFW. */
async function margins(file: string, name: string): Promise<Map<string, unknown[]>> {
  const poisoned = path.join(dir, `${name}-vergiftet.xlsx`);
  await poisonCachedResults(file, poisoned);
  const [converted] = await recalculate([poisoned], path.join(dir, `lo-${name}`));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(converted);
  const ws = wb.getWorksheet('Übersicht HFW')!;
  const out = new Map<string, unknown[]>();
  for (let r = 3; r <= ws.rowCount; r++) {
    if (ws.getCell(r, 5).value !== 'Spielraum') continue;
    const values = [6, 7, 8, 9, 10].map((c) => {
      const v = ws.getCell(r, c).value;
      return v && typeof v === 'object' && 'result' in v ? v.result : v;
    });
    out.set(ws.getCell(r - 2, 1).text, values);
  }
  return out;
}

test('after adopt the Spielraum of every personnel budget line is the one of the report, not a false shortfall', async () => {
  const before = await margins(report, 'bericht');
  const after = await margins(adopted, 'beschluss');
  expect(before.size).toBe(3);
  expect([...after.keys()]).toEqual([...before.keys()]);
  for (const [line, values] of before) expect({ line, values: after.get(line) }).toEqual({ line, values });
  // the report's own margins are not negative in 2027 (the figures printed on page 1)
  for (const values of before.values()) expect(Number(values[0])).toBeGreaterThan(0);
});
