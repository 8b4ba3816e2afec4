import { checkWorkbook, reportWorkbook } from '../../../src/excel/actions';
import { ExcelWorkbook } from '../../../src/excel/excel-workbook';
import { checkCoverage } from '../../../src/domain/coverage';
import { WorkbookUnusableError } from '../../../src/workbook/port';
import { readWorkbookModel } from '../../../src/workbook/read';
import { buildReport } from '../../../src/workbook/report';
import { massnahmeAppend } from '../../../src/workbook/rows';
import { GENERATED_SHEETS } from '../../../src/workbook/schema';
import type { TemplateData } from '../../../src/workbook/template';
import { OBERTSHAUSEN } from '../../../examples/data';
import { FakeOfficeError, type FakeWorkbook } from '../../support/fake-excel';
import { fakeFromTemplate } from '../../support/fake-from-template';

/**
 * Office.js faults (issue 7): a sync that fails, a table deleted, a sheet protected, a cell changed while
 * the add-in computes. Each ends in one German sentence, and the workbook stays as it was: nothing is
 * half-written. Office.js does not roll a failed batch back, so every case also runs against the fake in
 * that mode (`atomicBatches = false`), where only the adapter's own care keeps the workbook intact.
 */

const fakeFrom = (data: TemplateData) => fakeFromTemplate(data);

const asContext = (book: FakeWorkbook) => book.context() as unknown as Excel.RequestContext;

/** The rejection of a promise, which must be one of the product's sentences (German, with an English twin). */
async function failure(p: Promise<unknown>): Promise<WorkbookUnusableError> {
  const e: unknown = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(WorkbookUnusableError);
  const w = e as WorkbookUnusableError;
  expect(w.message).toMatch(/[äöüß]|nichts/);
  expect(w.message).not.toMatch(/^(GeneralException|AccessDenied|ItemNotFound)/);
  expect(w.messageEn.length).toBeGreaterThan(10);
  return w;
}

/** Cell contents (values and formulas) of the user's sheets, empty cells left out. */
function userContent(book: FakeWorkbook): string {
  return JSON.stringify(
    book.sheets
      .filter((s) => !GENERATED_SHEETS.includes(s.name))
      .map((s) => [
        s.name,
        [...s.cells.entries()]
          .filter(([, c]) => c.value !== null || c.formula)
          .map(([k, c]) => [k, c.value, c.formula ?? null])
          .sort(),
      ]),
  );
}

const MODES = [
  ['atomic batches', true],
  ['Office.js batches (no roll-back)', false],
] as const;

describe.each(MODES)('with %s', (_, atomic) => {
  const book0 = () => {
    const book = fakeFrom(OBERTSHAUSEN);
    book.atomicBatches = atomic;
    return book;
  };

  describe('a sync that fails', () => {
    it.each([1, 2, 3])('Prüfen, sync %i of 3: a German sentence, the workbook unchanged', async (n) => {
      const book = book0();
      const before = book.snapshot();
      book.failOnSync = n;
      const e = await failure(checkWorkbook(asContext(book)));
      expect(e.message).toMatch(
        n < 3 ? /nicht lesen – es wurde nichts geändert/ : /es wurde nichts geschrieben/,
      );
      expect(e.message).toMatch(/Synchronisierung ist fehlgeschlagen/); // Excel's own words in parentheses
      expect(book.snapshot()).toBe(before);
    });

    it.each([1, 2, 3, 4])('Bericht HFW, sync %i of 4: the workbook unchanged', async (n) => {
      const book = book0();
      const before = book.snapshot();
      book.failOnSync = n;
      await failure(reportWorkbook(asContext(book)));
      expect(book.snapshot()).toBe(before);
    });

    it('a chunked report failing half-way takes back what it wrote: no half-written sheet, no user cell changed', async () => {
      const book = book0();
      const before = userContent(book);
      const port = new ExcelWorkbook(asContext(book), 20_000);
      const read = await readWorkbookModel(port);
      const batch = buildReport(read, checkCoverage(read.model), { stand: '2026-11-24' });
      // the write needs several syncs (see the chunking test); the fourth write sync fails
      book.failOnSync = 2 + 1 + 4;
      const e = await failure(port.write(batch));
      expect(e.message).toMatch(/zurückgenommen/);
      expect(book.syncs.length).toBe(8); // … plus the one that took it back
      for (const name of ['Prüfung', 'Übersicht HFW', 'Berechnung']) expect(book.sheet(name)).toBeUndefined();
      expect(userContent(book)).toBe(before);
    });
  });

  describe('a table deleted between read and write', () => {
    it('Bericht HFW: the sheet Deckung deleted while computing – nothing written', async () => {
      const book = book0();
      let after = '';
      book.beforeSync = (n, b) => {
        if (n !== 3) return;
        b.sheets = b.sheets.filter((s) => s.name !== 'Deckung');
        after = b.snapshot();
      };
      const e = await failure(reportWorkbook(asContext(book)));
      expect(e.message).toMatch(/gibt es nicht mehr|wurde geändert/);
      expect(e.message).toMatch(/es wurde nichts geschrieben/);
      expect(book.snapshot()).toBe(after);
    });

    it('Bericht HFW: an Excel table (ListObject) deleted while computing – nothing written', async () => {
      const book = book0();
      const rows = [...book.sheet('Stellen')!.cells.keys()].map((k) => Number(k.split(',')[0]));
      book.tables.push({ name: 'Stellen', sheet: 'Stellen', ref: `A1:M${Math.max(...rows)}` });
      let after = '';
      book.beforeSync = (n, b) => {
        if (n !== 3) return;
        b.tables = b.tables.filter((t) => t.name !== 'Stellen');
        after = b.snapshot();
      };
      const e = await failure(reportWorkbook(asContext(book)));
      expect(e.message).toMatch(/gibt es nicht mehr/);
      expect(book.snapshot()).toBe(after);
    });
  });

  describe('a protected sheet', () => {
    it('Prüfen with a protected sheet Prüfung: refused before anything is sent, in two syncs', async () => {
      const book = book0();
      await checkWorkbook(asContext(book)); // a first check creates the sheet
      const before = book.snapshot();
      book.syncs = [];
      book.protectedSheets.add('Prüfung');
      const e = await failure(checkWorkbook(asContext(book)));
      expect(e.message).toMatch(/Das Blatt „Prüfung“ ist geschützt/);
      expect(book.syncs).toHaveLength(2);
      expect(book.snapshot()).toBe(before);
    });

    it('Bericht HFW with the sheet Deckungsregeln protected (only drop-down lists would go there): written, that sheet unchanged', async () => {
      const book = book0();
      book.protectedSheets.add('Deckungsregeln');
      const cells = () => JSON.stringify([...book.sheet('Deckungsregeln')!.cells]);
      const before = cells();
      await reportWorkbook(asContext(book));
      expect(book.sheet('Übersicht HFW')).toBeDefined();
      expect(cells()).toBe(before);
    });

    it('Bericht HFW with the sheet Stellen protected (Jahreskosten goes there): refused, unchanged', async () => {
      const book = book0();
      book.protectedSheets.add('Stellen');
      const before = book.snapshot();
      const e = await failure(reportWorkbook(asContext(book)));
      expect(e.message).toMatch(/Das Blatt „Stellen“ ist geschützt/);
      expect(book.snapshot()).toBe(before);
    });

    it('Bericht HFW: Stellen protected while computing – found by the re-check, unchanged', async () => {
      const book = book0();
      book.beforeSync = (n, b) => {
        if (n === 3) b.protectedSheets.add('Stellen');
      };
      const before = book.snapshot();
      const e = await failure(reportWorkbook(asContext(book)));
      expect(e.message).toMatch(/„Stellen“ ist geschützt/);
      expect(book.snapshot()).toBe(before);
    });

    it('Prüfen: Prüfung protected while computing – Excel refuses the first action, nothing applied', async () => {
      const book = book0();
      await checkWorkbook(asContext(book));
      const before = book.snapshot();
      book.syncs = [];
      book.beforeSync = (n, b) => {
        if (n === 3) b.protectedSheets.add('Prüfung');
      };
      const e = await failure(checkWorkbook(asContext(book)));
      expect(e.message).toMatch(/geschützt/);
      expect(book.snapshot()).toBe(before);
    });
  });

  describe('a concurrent edit', () => {
    it('Bericht HFW: a Stufe changed while computing – nothing written, the user’s edit kept', async () => {
      const book = book0();
      let after = '';
      book.beforeSync = (n, b) => {
        if (n !== 3) return;
        b.sheet('Stellen')!.cells.set('2,7', { value: 6 }); // G2: Stufe of the first position
        after = b.snapshot();
      };
      const e = await failure(reportWorkbook(asContext(book)));
      expect(e.message).toMatch(
        /Das Blatt „Stellen“ wurde geändert, während gerechnet wurde – es wurde nichts geschrieben/,
      );
      expect(book.snapshot()).toBe(after);
    });

    it('a row appended by the pane after the user added one meanwhile: nothing overwritten', async () => {
      const book = book0();
      const port = new ExcelWorkbook(asContext(book));
      const read = await readWorkbookModel(port);
      // the user types a new measure below the table while the pane prepares its own
      const sheet = book.sheet('Maßnahmen')!;
      const last = Math.max(...[...sheet.cells.keys()].map((k) => Number(k.split(',')[0])));
      sheet.cells.set(`${last + 1},1`, { value: 'M-2027-99' });
      const after = book.snapshot();
      const m = { ...read.model.massnahmen[0], nr: 'M-2027-50' };
      const e = await failure(port.write({ appends: [massnahmeAppend(m)] }));
      expect(e.message).toMatch(/„Maßnahmen“ wurde geändert/);
      expect(book.snapshot()).toBe(after);
      expect(book.cell('Maßnahmen', `A${last + 1}`)?.value).toBe('M-2027-99');
    });
  });
});

describe('the fake behaves like Office.js where it matters here', () => {
  it('without roll-back, the actions before a failing one stay applied (so the adapter must not rely on it)', async () => {
    const book = fakeFrom(OBERTSHAUSEN);
    book.atomicBatches = false;
    const ctx = book.context();
    ctx.workbook.worksheets.getItem('Parameter').getRange('D1').values = [['geschrieben']];
    ctx.workbook.worksheets.getItem('Gibt es nicht').getRange('A1').values = [['x']];
    await expect(ctx.sync()).rejects.toBeInstanceOf(FakeOfficeError);
    expect(book.cell('Parameter', 'D1')?.value).toBe('geschrieben');
  });

  it('text starting with = + - @ written as `formulas` becomes a formula unless it starts with an apostrophe', async () => {
    const book = fakeFrom(OBERTSHAUSEN);
    const ctx = book.context();
    ctx.workbook.worksheets.getItem('Parameter').getRange('D1:D4').formulas = [
      ['+49 6104'],
      ["'+49 6104"],
      ['-5'],
      ['@Kämmerei'],
    ];
    await ctx.sync();
    expect(book.cell('Parameter', 'D1')?.formula).toBe('+49 6104');
    expect(book.cell('Parameter', 'D2')).toMatchObject({ value: '+49 6104', formula: undefined });
    expect(book.cell('Parameter', 'D3')?.value).toBe('-5');
    expect(book.cell('Parameter', 'D4')?.formula).toBe('@Kämmerei');
  });

  it('a check still costs three syncs, a report four (the re-check before writing into the tables)', async () => {
    const book = fakeFrom(OBERTSHAUSEN);
    await checkWorkbook(asContext(book));
    expect(book.syncs).toHaveLength(3);
    book.syncs = [];
    await reportWorkbook(asContext(book));
    expect(book.syncs).toHaveLength(4);
  });
});
