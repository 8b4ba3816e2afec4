import { OBERTSHAUSEN } from '../../../examples/data';
import { reportWorkbook } from '../../../src/excel/actions';
import { fakeFromTemplate } from '../../support/fake-from-template';

/** Inside Excel, a report keeps a user's own data validation in a drop-down column, as the file adapter does. */
test("the Office.js report keeps a user's own validation and lists the other columns with the product's title", async () => {
  const book = fakeFromTemplate(OBERTSHAUSEN);
  const stellen = book.sheet('Stellen')!;
  const col = (header: string) =>
    Number([...stellen.cells].find(([k, c]) => k.startsWith('1,') && c.value === header)![0].split(',')[1]);
  const vermerk = col('Vermerk');
  const own = { list: { inCellDropDown: true, source: 'kw,ku,kw 31.12.2030' } };
  for (let r = 2; r <= 30; r++) {
    const cell = stellen.cells.get(`${r},${vermerk}`) ?? { value: null };
    stellen.cells.set(`${r},${vermerk}`, { ...cell, validation: own, validationTitle: 'Personalamt' });
  }
  await reportWorkbook(book.context() as unknown as Excel.RequestContext);
  // the user's rule is there as it was …
  for (let r = 2; r <= 30; r++) {
    expect(stellen.cells.get(`${r},${vermerk}`)!.validation).toEqual(own);
    expect(stellen.cells.get(`${r},${vermerk}`)!.validationTitle).toBe('Personalamt');
  }
  // … and the product's lists are on the other columns, marked as its own
  const besetzt = stellen.cells.get(`2,${col('Besetzt')}`)!;
  expect(besetzt.validation).toEqual({ list: { inCellDropDown: true, source: 'Ja,Nein' } });
  expect(besetzt.validationTitle).toBe('Stellenplan & Deckung');
  // a second report replaces its own lists (same title) and still leaves the user's alone
  await reportWorkbook(book.context() as unknown as Excel.RequestContext);
  expect(stellen.cells.get(`2,${vermerk}`)!.validationTitle).toBe('Personalamt');
  expect(stellen.cells.get(`2,${col('Besetzt')}`)!.validationTitle).toBe('Stellenplan & Deckung');
});
