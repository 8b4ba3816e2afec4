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
