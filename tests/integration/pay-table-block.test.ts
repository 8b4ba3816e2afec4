import ExcelJS from 'exceljs';
import { checkCoverage } from '../../src/domain/coverage';
import { ExcelWorkbook } from '../../src/excel/excel-workbook';
import { combineFindings, readWorkbookModel, type ReadResult } from '../../src/workbook/read';
import { XlsxWorkbook } from '../../src/xlsx/xlsx-workbook';
import { FakeWorkbook } from '../support/fake-excel';
import { CLEAN, buildWorkbook } from './support/workbooks';

/**
 * Where the pay table lives (DESIGN.md: "Entgelttabelle (Parameter)"): its own sheet, a block below the
 * parameters, or nowhere (the built-in table). Both adapters must read the same – found while fuzzing:
 * without an Entgelttabelle sheet the file adapter took the Stellen sheet's own "Entgeltgruppe" column for
 * the pay table (every position PAYGRADE_UNKNOWN), and the Office.js adapter never looked below the
 * parameters at all.
 */

async function variant(edit: (wb: ExcelJS.Workbook) => void): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await buildWorkbook(CLEAN)).slice().buffer);
  edit(wb);
  const again = new ExcelJS.Workbook();
  await again.xlsx.load(await wb.xlsx.writeBuffer());
  return again;
}

/** The same workbook as Office.js would see it (values only, dates as serial numbers). */
function asFake(wb: ExcelJS.Workbook): FakeWorkbook {
  const book = new FakeWorkbook();
  for (const ws of wb.worksheets) {
    const rows: (string | number | boolean | null)[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      rows[r - 1] = [];
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        const v = cell.value;
        rows[r - 1][c - 1] =
          v instanceof Date
            ? (v.getTime() - Date.UTC(1899, 11, 30)) / 86400000
            : typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'
              ? v
              : null;
      });
    });
    book.addSheet(
      ws.name,
      Array.from(rows, (r) => r ?? []),
    );
  }
  return book;
}

async function both(wb: ExcelJS.Workbook): Promise<ReadResult[]> {
  const file = await readWorkbookModel(await XlsxWorkbook.open(new Uint8Array(await wb.xlsx.writeBuffer())));
  const excel = await readWorkbookModel(
    new ExcelWorkbook(asFake(wb).context() as unknown as Excel.RequestContext),
  );
  return [file, excel];
}

const summary = (read: ReadResult) => {
  const result = checkCoverage(read.model);
  return {
    grades: read.model.entgelttabelle.rows.size,
    e13s4: read.model.entgelttabelle.rows.get('E13')?.steps.get(4)?.toString(),
    findings: combineFindings(read, result.findings).map((f) => f.code),
    cost: result.measures.map((m) => m.years.map((y) => y.cost.toFixed(2))),
  };
};

const dropPayTables = (wb: ExcelJS.Workbook) => {
  for (const n of ['Entgelttabelle', 'Besoldungstabelle']) wb.removeWorksheet(wb.getWorksheet(n)!.id);
};

test('no pay table sheet: the built-in table applies (DEFAULTS_USED), the Stellen column is no pay table', async () => {
  const [file, excel] = await both(await variant(dropPayTables));
  const s = summary(file);
  expect(s.findings).toContain('DEFAULTS_USED');
  expect(s.findings).not.toContain('PAYGRADE_UNKNOWN');
  expect(s.grades).toBeGreaterThan(10);
  expect(summary(excel)).toEqual(s);
});

test('the Entgelttabelle as a block below the parameters: read by both adapters, the parameters unaffected', async () => {
  const wb = await variant((w) => {
    const table = w.getWorksheet('Entgelttabelle')!;
    const parameter = w.getWorksheet('Parameter')!;
    const top = parameter.rowCount + 3;
    parameter.getCell(top - 1, 1).value = 'Entgelttabelle (Monatsbeträge)';
    table.eachRow((row, r) => {
      const v = row.getCell(1).value;
      if (typeof v === 'string' && v.startsWith('Quelle')) return;
      row.eachCell((cell, c) => (parameter.getCell(top + r - 1, c).value = cell.value));
    });
    // a visibly different amount, to see that the block (not the built-in table) is read
    for (let r = top; r <= parameter.rowCount; r++)
      if (parameter.getCell(r, 1).value === 'E13') parameter.getCell(r, 5).value = 9999.99;
    dropPayTables(w);
  });
  const [file, excel] = await both(wb);
  const s = summary(file);
  expect(s.e13s4).toBe('9999.99');
  expect(s.findings).not.toContain('PAYGRADE_UNKNOWN');
  expect(s.findings.filter((c) => c === 'INVALID_VALUE')).toEqual([]);
  expect(file.model.parameter.erstesPlanjahr).toBe(2027);
  expect(summary(excel)).toEqual(s);
});
