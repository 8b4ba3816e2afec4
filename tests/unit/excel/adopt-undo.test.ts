import { OBERTSHAUSEN } from '../../../examples/data';
import { checkCoverage } from '../../../src/domain/coverage';
import { ExcelWorkbook } from '../../../src/excel/excel-workbook';
import { planAdoption, planUndo, UndoConflictError } from '../../../src/workbook/adopt';
import { OperationRefusedError } from '../../../src/workbook/port';
import { readWorkbookModel } from '../../../src/workbook/read';
import type { FakeWorkbook } from '../../support/fake-excel';
import { fakeFromTemplate, stellenAsTable } from '../../support/fake-from-template';

/**
 * Adopt and undo inside Excel (Office.js adapter against the strict fake): a new position goes into the
 * Stellen table with one `rows.add` (the table grows, the next read counts it), undo finds its rows by
 * identity after the user inserted a row, and refuses naming the cell a user edited since.
 */
const port = (book: FakeWorkbook) => new ExcelWorkbook(book.context() as unknown as Excel.RequestContext);

/** The template's Stellen sheet as an Excel table (ListObject) over its used rows and columns. */
function withStellenTable(): FakeWorkbook {
  const book = fakeFromTemplate(OBERTSHAUSEN);
  stellenAsTable(book);
  return book;
}

async function adopt(book: FakeWorkbook): Promise<void> {
  const p = port(book);
  const read = await readWorkbookModel(p);
  await p.write(
    planAdoption(read, checkCoverage(read.model), 'M-2027-01', { amount: 'berechnet', when: 'T1' }),
  );
}

async function undo(book: FakeWorkbook, force = false): Promise<void> {
  const p = port(book);
  const read = await readWorkbookModel(p);
  await p.write(planUndo(read, 'T2', { force }));
}

/** Stellen rows by Stellen-Nr. (first column), values of the columns as a list. */
function positions(book: FakeWorkbook): Map<string, unknown[]> {
  const sheet = book.sheet('Stellen')!;
  const out = new Map<string, unknown[]>();
  for (const [k, cell] of sheet.cells) {
    const [r, c] = k.split(',').map(Number);
    if (r === 1 || c !== 1 || cell.value === null) continue;
    const row: unknown[] = [];
    for (let col = 1; col <= 16; col++) row.push(sheet.cells.get(`${r},${col}`)?.value ?? null);
    out.set(String(cell.value), row);
  }
  return out;
}

/** The user inserts an empty row below the header and types a new position into it (the table grows). */
function insertRowAtTop(book: FakeWorkbook, values: (string | number)[]): void {
  const sheet = book.sheet('Stellen')!;
  const moved = new Map<string, typeof sheet.cells extends Map<string, infer V> ? V : never>();
  for (const [k, cell] of sheet.cells) {
    const [r, c] = k.split(',').map(Number);
    moved.set(r >= 2 ? `${r + 1},${c}` : k, cell);
  }
  values.forEach((v, i) => moved.set(`2,${i + 1}`, { value: v }));
  sheet.cells = moved;
  const t = book.tables.find((x) => x.name === 'Stellen')!;
  t.ref = t.ref.replace(/(\d+)$/, (n) => String(Number(n) + 1));
}

test('adopt adds the new position with one rows.add: the table grows and the next read counts 14', async () => {
  const book = withStellenTable();
  expect((await readWorkbookModel(port(book))).model.stellen).toHaveLength(13);
  await adopt(book);
  expect(book.rowAdds.filter((a) => a.table === 'Stellen')).toEqual([{ table: 'Stellen', rows: 1 }]);
  expect(book.tables[0].ref).toMatch(/15$/);
  const after = await readWorkbookModel(port(book));
  expect(after.model.stellen).toHaveLength(14);
  expect(after.model.stellen.some((s) => s.nr === '1.20')).toBe(true);
});

test('undo after the user inserted a row restores the right positions and keeps the inserted one', async () => {
  const book = withStellenTable();
  const before = positions(book);
  await adopt(book);
  insertRowAtTop(book, ['0.01', 'Bürgermeister', 'FB1 Zentrale Dienste', 'Praktikum']);
  await undo(book);
  const after = positions(book);
  for (const [nr, row] of before) expect([nr, after.get(nr)]).toEqual([nr, row]);
  expect(after.get('0.01')?.[3]).toBe('Praktikum');
  expect(after.has('1.20')).toBe(false);
});

test('undo after a later edit of a logged cell refuses naming it; --force undoes anyway', async () => {
  const book = withStellenTable();
  const before = positions(book);
  await adopt(book);
  // the Vermerk of a position given up as cover, edited by hand after the adoption
  const sheet = book.sheet('Stellen')!;
  const vermerkCol = [...sheet.cells]
    .find(([k, c]) => k.startsWith('1,') && c.value === 'Vermerk')![0]
    .split(',')[1];
  const edited = [...sheet.cells].find(
    ([k, c]) =>
      k.endsWith(`,${vermerkCol}`) &&
      typeof c.value === 'string' &&
      c.value.startsWith('kw ') &&
      !k.startsWith('1,'),
  )!;
  const [r] = edited[0].split(',').map(Number);
  const nr = String(sheet.cells.get(`${r},1`)!.value);
  const adoptedNote = String(edited[1].value);
  edited[1].value = 'ku';
  const snapshot = book.snapshot();
  const letter = String.fromCharCode(64 + Number(vermerkCol));
  await expect(undo(book)).rejects.toThrow(OperationRefusedError);
  await expect(undo(book)).rejects.toThrow(
    `Die Rücknahme von „Beschluss M-2027-01“ wird verweigert: seit dem Beschluss geändert wurde Stellen!${letter}${r} (Vermerk: jetzt „ku“, übernommen „${adoptedNote}“) – nichts wurde geschrieben (mit --force wird trotzdem zurückgenommen, die späteren Änderungen gehen dann verloren).`,
  );
  // the same list for the pane: sheet, cell, column, the adopted value and the value now
  const refused = await undo(book).catch((e: unknown) => e);
  expect(refused).toBeInstanceOf(UndoConflictError);
  expect(
    (refused as UndoConflictError).conflicts.map((c) => ({
      sheet: c.sheet,
      cell: c.cell,
      column: c.column,
      expected: c.expected,
      found: c.found,
    })),
  ).toEqual([
    { sheet: 'Stellen', cell: `${letter}${r}`, column: 'Vermerk', expected: adoptedNote, found: 'ku' },
  ]);
  expect(book.snapshot()).toBe(snapshot);
  await undo(book, true);
  expect(positions(book).get(nr)).toEqual(before.get(nr));
});
