import { isoToSerial } from '../../src/workbook/cells';
import type { GeneratedSheet, WriteBatch } from '../../src/workbook/port';
import { templateBatch, type TemplateData } from '../../src/workbook/template';
import { FakeWorkbook } from './fake-excel';

/** A sheet's values as Excel stores them: dates as serial numbers, no formulas, empty cells left out. */
export function addSheetValues(book: FakeWorkbook, sheet: GeneratedSheet): void {
  book.addSheet(
    sheet.name,
    sheet.rows.map((row) =>
      (row ?? []).map((c) => {
        const v = c?.v;
        if (v === undefined || v === null || v instanceof Date) return null;
        return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? isoToSerial(v) : v;
      }),
    ),
  );
}

/** A fake Excel workbook holding what `init` would write with this data. */
export function fakeFromTemplate(
  data: TemplateData,
  skip: (name: string) => boolean = () => false,
): FakeWorkbook {
  const book = new FakeWorkbook();
  for (const sheet of (templateBatch(data) as Required<WriteBatch>).sheets)
    if (!skip(sheet.name)) addSheetValues(book, sheet);
  return book;
}

/**
 * The template's Stellen sheet made an Excel table (ListObject) over its used rows and columns, as a user
 * who pressed Ctrl+T would have it; with `extraHeader`, a column of that name is added right of the data
 * (unless it is there already) and the table reaches over it. Returns the column of `extraHeader`.
 */
export function stellenAsTable(book: FakeWorkbook, extraHeader?: string): number | undefined {
  const sheet = book.sheet('Stellen')!;
  let rows = 0;
  let cols = 0;
  for (const k of sheet.cells.keys()) {
    const [r, c] = k.split(',').map(Number);
    rows = Math.max(rows, r);
    cols = Math.max(cols, c);
  }
  let extra: number | undefined;
  if (extraHeader) {
    const header = [...sheet.cells].find(([k, c]) => k.startsWith('1,') && c.value === extraHeader);
    extra = header ? Number(header[0].split(',')[1]) : cols + 1;
    if (!header) sheet.cells.set(`1,${extra}`, { value: extraHeader });
  }
  const last = String.fromCharCode(64 + Math.max(cols, extra ?? 0));
  book.tables.push({ name: 'Stellen', sheet: 'Stellen', ref: `A1:${last}${rows}` });
  return extra;
}
