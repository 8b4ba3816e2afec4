import { checkCoverage } from '../../../src/domain/coverage';
import { checkWorkbook, reportWorkbook } from '../../../src/excel/actions';
import { ExcelWorkbook, officeFormula } from '../../../src/excel/excel-workbook';
import { readWorkbookModel } from '../../../src/workbook/read';
import { buildReport } from '../../../src/workbook/report';
import { templateBatch, type TemplateData } from '../../../src/workbook/template';
import { fakeFromTemplate } from '../../support/fake-from-template';
import { XlsxWorkbook } from '../../../src/xlsx/xlsx-workbook';
import { OBERTSHAUSEN } from '../../../examples/data';
import { FakeWorkbook, PropertyNotLoadedError } from '../../support/fake-excel';

const fakeFrom = (data: TemplateData) => fakeFromTemplate(data);

const asContext = (book: FakeWorkbook) => book.context() as unknown as Excel.RequestContext;

describe('ExcelWorkbook (Office.js adapter) against a strict fake', () => {
  it('the fake is strict: a property read before sync() throws', async () => {
    const book = fakeFrom(OBERTSHAUSEN);
    const ctx = book.context();
    const ws = ctx.workbook.worksheets.getItemOrNullObject('Stellen');
    ws.load('isNullObject');
    expect(() => ws.isNullObject).toThrow(PropertyNotLoadedError);
    await ctx.sync();
    expect(ws.isNullObject).toBe(false);
    expect(() => ws.name).toThrow(PropertyNotLoadedError);
  });

  it('a full report costs four context.sync() calls (read 2, re-check 1, write 1) and gives the same result as the file adapter', async () => {
    // Given the Obertshausen workbook open in Excel
    const book = fakeFrom(OBERTSHAUSEN);
    const port = new ExcelWorkbook(asContext(book));
    // When the pane reads, checks and writes the report
    const read = await readWorkbookModel(port);
    const result = checkCoverage(read.model);
    await port.write(buildReport(read, result, { stand: '2026-11-24' }));
    // Then: two syncs to read, one to compare the tables again before writing into them, one to write;
    // none above 5 MB (a check, which writes only its own sheet, needs no re-check: three syncs)
    expect(book.syncs).toHaveLength(4);
    for (const s of book.syncs) expect(s.payloadBytes).toBeLessThan(5 * 1024 * 1024);
    // And the engine saw the same workbook as through the file adapter
    const file = XlsxWorkbook.create();
    await file.write(templateBatch(OBERTSHAUSEN));
    const viaFile = checkCoverage((await readWorkbookModel(file)).model);
    expect(result.measures.map((m) => m.years.map((y) => y.balance.toFixed(2)))).toEqual(
      viaFile.measures.map((m) => m.years.map((y) => y.balance.toFixed(2))),
    );
    expect(result.findings.map((f) => f.code)).toEqual(viaFile.findings.map((f) => f.code));
    // And the generated sheets exist, Jahreskosten is a formula column next to the user's columns
    expect(book.sheet('Prüfung')).toBeDefined();
    expect(book.sheet('Übersicht HFW')).toBeDefined();
    const stellen = book.sheet('Stellen')!;
    const headerRow = [...stellen.cells.entries()]
      .filter(([k]) => k.startsWith('1,'))
      .map(([, c]) => c.value);
    expect(headerRow).toContain('Jahreskosten');
    const jkCol = headerRow.indexOf('Jahreskosten') + 1;
    expect(stellen.cells.get(`2,${jkCol}`)?.formula).toMatch(/ROUND\(/);
  });

  it('a second report replaces the generated sheets instead of adding copies, still in few syncs', async () => {
    const book = fakeFrom(OBERTSHAUSEN);
    for (let i = 0; i < 2; i++) {
      const port = new ExcelWorkbook(asContext(book));
      const read = await readWorkbookModel(port);
      await port.write(buildReport(read, checkCoverage(read.model), { stand: '2026-11-24' }));
    }
    expect(book.sheets.filter((s) => s.name === 'Prüfung')).toHaveLength(1);
    expect(book.syncs).toHaveLength(8);
  });

  it('chunks a large write so that no request exceeds the payload limit', async () => {
    const book = fakeFrom(OBERTSHAUSEN);
    const port = new ExcelWorkbook(asContext(book), 20_000);
    const read = await readWorkbookModel(port);
    await port.write(buildReport(read, checkCoverage(read.model), { stand: '2026-11-24' }));
    const writes = book.syncs.slice(2);
    expect(writes.length).toBeGreaterThan(1);
    // each request stays near the limit (one chunk may carry a single oversized row plus overhead)
    for (const s of writes) expect(s.payloadBytes).toBeLessThan(60_000);
  });

  it('a sync that fails while writing leaves the workbook as it was', async () => {
    const book = fakeFrom(OBERTSHAUSEN);
    const before = book.snapshot();
    book.failOnSync = 3;
    const port = new ExcelWorkbook(asContext(book));
    const read = await readWorkbookModel(port);
    await expect(
      port.write(buildReport(read, checkCoverage(read.model), { stand: '2026-11-24' })),
    ).rejects.toThrow(/Synchronisierung/);
    expect(book.snapshot()).toBe(before);
  });

  it('writes user text that starts with = + - @ as text, never as a formula', () => {
    expect(officeFormula({ v: '=HYPERLINK("http://x")' })).toBe(`'=HYPERLINK("http://x")`);
    expect(officeFormula({ v: '-5 Stellen' })).toBe("'-5 Stellen");
    expect(officeFormula({ v: '@Kämmerei' })).toBe("'@Kämmerei");
    expect(officeFormula({ f: 'SUM(A1:A3)' })).toBe('=SUM(A1:A3)');
    expect(officeFormula({ v: 1.5 })).toBe(1.5);
    expect(officeFormula({ v: '2027-01-01', s: 'date' })).toBe(46388);
  });
});

describe('ribbon actions on a 10.000-position workbook', () => {
  const big = (): FakeWorkbook => {
    const stellen = Array.from({ length: 10_000 }, (_, i) => ({
      'Stellen-Nr.': `S-${i + 1}`,
      Organisationseinheit: `OE ${i % 40}`,
      Bezeichnung: `Stelle ${i + 1}`,
      Entgeltgruppe: ['E5', 'E9b', 'E11', 'E13'][i % 4],
      Stufe: (i % 6) + 1,
      Stellenanteil: i % 7 === 0 ? 0.5 : 1,
      Besetzt: i % 10 === 0 ? 'Nein' : 'Ja',
      Haushaltsstelle: `1.1.${i % 40}.5011`,
    }));
    return fakeFrom({ ...OBERTSHAUSEN, stellen: [...(OBERTSHAUSEN.stellen ?? []), ...stellen] });
  };

  it('Prüfen costs three context.sync() calls whatever the size', async () => {
    const book = big();
    const { errors } = await checkWorkbook(asContext(book));
    expect(book.syncs).toHaveLength(3);
    expect(errors).toBe(0);
    expect(book.sheet('Prüfung')).toBeDefined();
    for (const s of book.syncs) expect(s.payloadBytes).toBeLessThan(5 * 1024 * 1024);
  }, 60_000);

  it('Bericht HFW chunks the 10.000 Jahreskosten formulas below the 5 MB limit', async () => {
    const book = big();
    await reportWorkbook(asContext(book));
    expect(book.syncs.length).toBeGreaterThanOrEqual(3);
    for (const s of book.syncs) expect(s.payloadBytes).toBeLessThan(5 * 1024 * 1024);
    const stellen = book.sheet('Stellen')!;
    const header = [...stellen.cells.entries()]
      .filter(([k]) => k.startsWith('1,'))
      .find(([, c]) => c.value === 'Jahreskosten')!;
    const col = header[0].split(',')[1];
    expect(stellen.cells.get(`10014,${col}`)?.formula).toMatch(/ROUND\(/);
  }, 60_000);
});

test('the Office.js adapter gives a paper’s rows the heights of its folded spacer rows', async () => {
  const book = fakeFrom(OBERTSHAUSEN);
  const port = new ExcelWorkbook(asContext(book));
  const read = await readWorkbookModel(port);
  const batch = buildReport(read, checkCoverage(read.model), { stand: '2026-11-24' });
  await port.write(batch);
  const vorlage = batch.sheets!.find((s) => s.name === 'Beschlussvorlage')!;
  const expected = new Map<number, number>();
  vorlage.heights!.forEach((h, i) => h && expected.set(i + 1, h));
  expect(expected.size).toBeGreaterThan(3);
  expect(book.sheet('Beschlussvorlage')!.rowHeights).toEqual(expected);
});
