import { checkCoverage } from '../../../src/domain/coverage';
import { readWorkbookModel, type ReadResult } from '../../../src/workbook/read';
import { templateBatch } from '../../../src/workbook/template';
import { XlsxWorkbook } from '../../../src/xlsx/xlsx-workbook';
import { NIENBURG_2024, NIENBURG_2024_TARGETS } from '../../../examples/nienburg';
import type { CheckResult } from '../../../src/domain/result';
import { X, cent } from './support';

/**
 * Reproduction of LK Nienburg/Weser, Stellenplan 2024 (Vorlage 2023/232): each grade's cost with the
 * parameters of 2024, and its deviation from the published figure. README "Nachrechnung LK Nienburg 2024".
 */
let read: ReadResult;
let result: CheckResult;
beforeAll(async () => {
  const wb = XlsxWorkbook.create();
  await wb.write(templateBatch(NIENBURG_2024));
  read = await readWorkbookModel(wb);
  result = checkCoverage(read.model);
});
const cost = (nr: string) => result.positions.find((p) => p.stelle.nr === nr)!.years[0].amount;

test('the workbook reads without errors and prices every position', () => {
  expect(read.findings.filter((f) => f.severity === 'error')).toEqual([]);
  expect(result.findings.filter((f) => f.code === 'PAYGRADE_UNKNOWN')).toEqual([]);
});

test('EG 14 Stufe 4 by hand: KV/PV capped, RV/AV below its ceiling with the one-off payments', () => {
  // table 01.03.2024 (the earliest shipped, also for January–February): 6.227,68 €
  const pay = new X('6227.68').times(12);
  const factor = new X('12').plus('0.5178').plus('0.24').times('1.08'); // JSZ 51,78 %, LE 2 %, ZV 8 %
  const kv = new X('0.0985').times(new X('5175').times(12));
  const oneOff = pay.times(new X('0.5178').div(12).plus('0.02'));
  const rv = new X('0.106').times(pay.plus(oneOff)); // room 12 × (7.550 − 6.227,68) is larger
  expect(cost('N-E14').toFixed(2)).toBe(cent(new X('6227.68').times(factor).plus(kv).plus(rv)).toFixed(2));
});

test('deviations from the published figures (README): E grades within 6 %, A 11 far below (other Land, no Beihilfe)', () => {
  const deviations = NIENBURG_2024_TARGETS.map((t) => ({
    grade: t.grade,
    cost: cost(t.nr).toFixed(0),
    deviation: Number(((cost(t.nr).toNumber() / t.target - 1) * 100).toFixed(1)),
  }));
  expect(deviations).toEqual([
    { grade: 'E6', cost: '58960', deviation: 5.5 },
    { grade: 'E9b', cost: '73647', deviation: 2.9 },
    { grade: 'E14', cost: '100346', deviation: 0 },
    { grade: 'A 11', cost: '73868', deviation: -25.3 },
  ]);
});
