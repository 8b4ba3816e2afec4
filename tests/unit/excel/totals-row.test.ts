import { OBERTSHAUSEN } from '../../../examples/data';
import { checkCoverage } from '../../../src/domain/coverage';
import { ExcelWorkbook } from '../../../src/excel/excel-workbook';
import { readWorkbookModel } from '../../../src/workbook/read';
import type { FakeWorkbook } from '../../support/fake-excel';
import { fakeFromTemplate, stellenAsTable } from '../../support/fake-from-template';

/**
 * A Stellen table with Excel's totals row ("Ergebniszeile") inside Excel: Table.getRange() includes that
 * row, so the Office.js reader must leave it out, as the file reader does.
 */
const port = (book: FakeWorkbook) => new ExcelWorkbook(book.context() as unknown as Excel.RequestContext);

test('the totals row of the Stellen table is no position: no finding there, the same positions and cost', async () => {
  const plain = fakeFromTemplate(OBERTSHAUSEN);
  stellenAsTable(plain);
  const expected = await readWorkbookModel(port(plain));

  const book = fakeFromTemplate(OBERTSHAUSEN);
  stellenAsTable(book);
  const table = book.tables[0];
  const last = Number(/(\d+)$/.exec(table.ref)![1]);
  const sheet = book.sheet('Stellen')!;
  sheet.cells.set(`${last + 1},1`, { value: 'Ergebnis' });
  sheet.cells.set(`${last + 1},8`, { value: 11.5, formula: 'SUBTOTAL(109,Stellen[Stellenanteil])' });
  table.ref = table.ref.replace(/\d+$/, String(last + 1));
  table.totals = true;

  const read = await readWorkbookModel(port(book));
  expect(read.findings.filter((f) => f.ref?.table === 'Stellen')).toEqual([]);
  expect(read.model.stellen.map((s) => s.nr)).toEqual(expected.model.stellen.map((s) => s.nr));
  expect(checkCoverage(read.model).findings.length).toBe(checkCoverage(expected.model).findings.length);
});
