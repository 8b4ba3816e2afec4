import { reportWorkbook } from '../../../src/excel/actions';
import { GENERATED_SHEETS } from '../../../src/workbook/schema';
import { KONSTANZ, OBERTSHAUSEN } from '../../../examples/data';
import type { FakeCell, FakeWorkbook } from '../../support/fake-excel';
import { fakeFromTemplate } from '../../support/fake-from-template';

/**
 * A report written through the add-in adapter changes nothing outside the generated sheets and the
 * documented formula column (Jahreskosten): every other cell keeps value, formula and number format.
 */
function fakeWithForeignSheet(data: typeof OBERTSHAUSEN): FakeWorkbook {
  const book = fakeFromTemplate(data);
  const foreign = book.addSheet('Notizen der Kämmerei', [
    ['Thema', 'Betrag', 'Summe'],
    ['Klausur', 1200, null],
    ['=nicht rechnen', -5, null],
  ]);
  foreign.cells.set('2,3', { value: null, formula: 'B2*2', numberFormat: '0.00' });
  // a user column next to the tables
  book.sheet('Stellen')!.cells.set('1,20', { value: 'Bemerkung Personalrat' });
  book.sheet('Stellen')!.cells.set('2,20', { value: 'zugestimmt', bold: true });
  return book;
}

/** Cells outside generated sheets, without the Jahreskosten column and without drop-down lists. */
function userCells(book: FakeWorkbook): Map<string, Omit<FakeCell, 'validation' | 'validationTitle'>> {
  const out = new Map<string, Omit<FakeCell, 'validation' | 'validationTitle'>>();
  for (const sheet of book.sheets) {
    if (GENERATED_SHEETS.includes(sheet.name) || sheet.name === 'Protokoll') continue;
    let jahreskosten = -1;
    for (const [key, cell] of sheet.cells)
      if (key.startsWith('1,') && cell.value === 'Jahreskosten') jahreskosten = Number(key.split(',')[1]);
    for (const [key, cell] of sheet.cells) {
      if (sheet.name === 'Stellen' && Number(key.split(',')[1]) === jahreskosten) continue;
      const { validation: _v, validationTitle: _t, ...rest } = cell;
      if (rest.value === null && !rest.formula && !rest.numberFormat && !rest.bold && !rest.fill) continue;
      out.set(`${sheet.name}!${key}`, rest);
    }
  }
  return out;
}

describe.each([
  ['Obertshausen', OBERTSHAUSEN],
  ['Konstanz', KONSTANZ],
])('%s: report through the Office.js adapter', (_name, data) => {
  it('changes no user cell (0 differences) and leaves foreign sheets alone', async () => {
    const book = fakeWithForeignSheet(data);
    const before = userCells(book);
    await reportWorkbook(book.context() as unknown as Excel.RequestContext);
    const after = userCells(book);
    const differences = [...new Set([...before.keys(), ...after.keys()])].filter(
      (k) => JSON.stringify(before.get(k)) !== JSON.stringify(after.get(k)),
    );
    expect(differences).toEqual([]);
    expect(before.size).toBeGreaterThan(50);
    // and the report itself is there
    for (const s of ['Übersicht HFW', 'Szenarien', 'Stellenplan', 'Prüfung', 'Berechnung'])
      expect(book.sheet(s)).toBeDefined();
  });
});
