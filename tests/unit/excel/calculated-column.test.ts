import { OBERTSHAUSEN } from '../../../examples/data';
import { checkCoverage } from '../../../src/domain/coverage';
import { ExcelWorkbook } from '../../../src/excel/excel-workbook';
import { planAdoption, planUndo } from '../../../src/workbook/adopt';
import { moveFormulaRows } from '../../../src/workbook/kit/formula-rows';
import { readWorkbookModel } from '../../../src/workbook/read';
import { buildReport } from '../../../src/workbook/report';
import type { FakeWorkbook } from '../../support/fake-excel';
import { fakeFromTemplate, stellenAsTable } from '../../support/fake-from-template';

/**
 * Jahreskosten as a calculated column inside Excel (Office.js adapter against the strict fake): the report
 * writes the column's formula over the whole data body in one 2D array – the fake, like Excel, makes a
 * calculated column only from such a write of one consistent formula – and the position `adopt` adds with
 * `rows.add` gets the formula from the table, not from the add-in.
 */
const port = (book: FakeWorkbook) => new ExcelWorkbook(book.context() as unknown as Excel.RequestContext);

/** Obertshausen with its Stellen sheet as an Excel table, one column wider for Jahreskosten. */
function withStellenTable(): { book: FakeWorkbook; jk: number } {
  const book = fakeFromTemplate(OBERTSHAUSEN);
  return { book, jk: stellenAsTable(book, 'Jahreskosten')! };
}

test('the report makes Jahreskosten a calculated column; the row adopt adds gets its formula from the table', async () => {
  const { book, jk } = withStellenTable();
  const p = port(book);
  const read = await readWorkbookModel(p);
  await p.write(buildReport(read, checkCoverage(read.model), { stand: '2026-11-24' }));

  const table = book.tables[0];
  const formula = table.calculated?.get(jk);
  // an empty Stellen-Nr. (a row emptied by undo, a new row) shows nothing instead of #NV
  expect(formula).toMatch(/^IF\(\$A2="","",ROUND\(/);
  const sheet = book.sheet('Stellen')!;
  // every one of the 13 rows holds the column formula at its own row (no exception in this workbook)
  for (let r = 2; r <= 14; r++)
    expect(sheet.cells.get(`${r},${jk}`)?.formula).toBe(moveFormulaRows(formula!, r - 2));

  const again = port(book);
  const before = await readWorkbookModel(again);
  await again.write(
    planAdoption(before, checkCoverage(before.model), 'M-2027-01', { amount: 'berechnet', when: 'T1' }),
  );
  expect(book.rowAdds).toEqual([{ table: 'Stellen', rows: 1 }]);
  expect(sheet.cells.get('15,1')?.value).toBe('1.20');
  expect(sheet.cells.get(`15,${jk}`)?.formula).toBe(moveFormulaRows(formula!, 13));
});

test('a row whose cells differ from what the engine used keeps its own formula: an exception, the column stays', async () => {
  const { book, jk } = withStellenTable();
  const sheet = book.sheet('Stellen')!;
  const share = Number(
    [...sheet.cells].find(([k, c]) => k.startsWith('1,') && c.value === 'Stellenanteil')![0].split(',')[1],
  );
  sheet.cells.set(`3,${share}`, { value: '0,5' });
  const p = port(book);
  const read = await readWorkbookModel(p);
  await p.write(buildReport(read, checkCoverage(read.model), { stand: '2026-11-24' }));
  const formula = book.tables[0].calculated?.get(jk);
  expect(formula).toBeDefined();
  expect(sheet.cells.get(`2,${jk}`)?.formula).toBe(formula);
  const own = sheet.cells.get(`3,${jk}`)?.formula;
  expect(own).not.toBe(moveFormulaRows(formula!, 1));
  // the text "0,5" is not referenced: the engine's 0.5 is in the formula
  expect(own).toMatch(/\*0\.5\*/);
});

test('month by month (v2): the row adopt adds keeps its own Jahreskosten formula (not the table’s), undo empties it', async () => {
  const book = fakeFromTemplate({ ...OBERTSHAUSEN, v2: true });
  const jk = stellenAsTable(book, 'Jahreskosten')!;
  const p = port(book);
  const read = await readWorkbookModel(p);
  await p.write(buildReport(read, checkCoverage(read.model), { stand: '2026-11-24' }));
  const column = book.tables[0].calculated?.get(jk);
  // the column sums the row's helper rows; a row without them says so instead of showing an amount
  expect(column).toContain('COUNTIF(');
  expect(column).toContain('"Bericht aktualisieren"');

  const again = port(book);
  const before = await readWorkbookModel(again);
  await again.write(
    planAdoption(before, checkCoverage(before.model), 'M-2027-01', { amount: 'berechnet', when: 'T1' }),
  );
  expect(book.rowAdds).toEqual([{ table: 'Stellen', rows: 1 }]);
  const sheet = book.sheet('Stellen')!;
  expect(sheet.cells.get('15,1')?.value).toBe('1.20');
  const own = sheet.cells.get(`15,${jk}`)?.formula;
  // the new position's rate segments inline: the pay table by grade and Gültig ab, no helper rows
  expect(own).toBeDefined();
  expect(own).not.toBe(moveFormulaRows(column!, 13));
  expect(own).not.toContain('COUNTIF(');
  expect(own).toMatch(/^ROUND\(.*SUMIFS\(INDEX\('Entgelttabelle'!/);
  // the engine's cost of the new row, which LibreOffice computes from this formula (integration test)
  const after = await readWorkbookModel(port(book));
  const cost = checkCoverage(after.model).positions.find((x) => x.stelle.nr === '1.20')!;
  expect(cost.years[0].amount.toFixed(2)).toBe('72663.22');

  const back = port(book);
  const logged = await readWorkbookModel(back);
  await back.write(planUndo(logged, 'T2'));
  expect(sheet.cells.get('15,1')?.value ?? null).toBeNull();
  expect(sheet.cells.get(`15,${jk}`)?.formula).toBeUndefined();
  expect(sheet.cells.get(`15,${jk}`)?.value ?? null).toBeNull();
});
