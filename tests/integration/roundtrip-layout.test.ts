import * as path from 'path';
import { OBERTSHAUSEN } from '../../examples/data';
import { runCli } from './support/cli';
import { loadExcel, makeTempDir, removeTempDir, saveExcel, writeWorkbook } from './support/workbooks';

/**
 * The rest of a Kämmerei's layout survives `report`: conditional formats, a defined print area and print
 * titles, a hidden sheet's visibility, column widths and frozen panes on the input sheets.
 */
let dir: string;
let out: string;

beforeAll(async () => {
  dir = await makeTempDir('layout-');
  const input = await writeWorkbook(dir, 'layout.xlsx', OBERTSHAUSEN);
  const wb = await loadExcel(input);
  const notes = wb.addWorksheet('Auswertung');
  notes.getCell('A1').value = 'Saldo';
  notes.getCell('A2').value = -5;
  notes.getCell('A3').value = 7;
  notes.addConditionalFormatting({
    ref: 'A2:A10',
    rules: [
      {
        type: 'cellIs',
        operator: 'lessThan',
        formulae: ['0'],
        priority: 1,
        style: { font: { color: { argb: 'FFFF0000' } } },
      },
    ],
  });
  notes.pageSetup.printArea = 'A1:C20';
  notes.pageSetup.orientation = 'landscape';
  const hidden = wb.addWorksheet('Intern', { state: 'hidden' });
  hidden.getCell('A1').value = 'nur für die Kämmerei';
  const stellen = wb.getWorksheet('Stellen')!;
  stellen.getColumn(4).width = 55;
  stellen.views = [{ state: 'frozen', xSplit: 1, ySplit: 1 }];
  await saveExcel(wb, input);
  out = path.join(dir, 'layout-bericht.xlsx');
  const r = await runCli(['report', input, '-o', out]);
  if (r.code !== 0) throw new Error(r.stderr);
}, 60_000);
afterAll(() => removeTempDir(dir));

test('conditional formats, print area and orientation of a user sheet survive', async () => {
  const ws = (await loadExcel(out)).getWorksheet('Auswertung')!;
  const cf = (
    ws as unknown as {
      conditionalFormattings: { ref: string; rules: { operator?: string; formulae?: string[] }[] }[];
    }
  ).conditionalFormattings;
  expect(cf.map((c) => [c.ref, c.rules[0].operator, c.rules[0].formulae])).toEqual([
    ['A2:A10', 'lessThan', ['0']],
  ]);
  expect(ws.pageSetup.printArea).toBe('A1:C20');
  expect(ws.pageSetup.orientation).toBe('landscape');
});

test('a hidden sheet stays hidden; widths and frozen panes of Stellen are kept', async () => {
  const wb = await loadExcel(out);
  expect(wb.getWorksheet('Intern')!.state).toBe('hidden');
  const stellen = wb.getWorksheet('Stellen')!;
  expect(stellen.getColumn(4).width).toBe(55);
  expect(stellen.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 1 });
});
