import { OBERTSHAUSEN } from '../../../examples/data';
import { checkCoverage } from '../../../src/domain/coverage';
import { beschlussvorlage } from '../../../src/domain/vorlage';
import { buildVorlagen } from '../../../src/workbook/papers';
import { MAX_LINES, wrappedLines } from '../../../src/workbook/print';
import { readWorkbookModel } from '../../../src/workbook/read';
import { templateBatch } from '../../../src/workbook/template';
import { XlsxWorkbook } from '../../../src/xlsx/xlsx-workbook';

/**
 * The Beschlussvorlage sheet holds every line of the Markdown paper, in fewer rows: the lines of one
 * paragraph share a wrapped cell, the blank lines between blocks are row heights.
 */
async function result() {
  const wb = XlsxWorkbook.create();
  await wb.write(templateBatch(OBERTSHAUSEN));
  return checkCoverage((await readWorkbookModel(wb)).model);
}

test('every text line of the Markdown paper is in the sheet; lines of one paragraph share a cell', async () => {
  const r = await result();
  const sheet = buildVorlagen(r, '2026-11-24', 'abc');
  const cells = sheet.rows.flatMap((row) => row.map((c) => String(c?.v ?? '')));
  const text = cells.join('\n');
  const first = r.measures.find((m) => m.massnahme.status === 'beantragt')!;
  const md = beschlussvorlage(r, first.massnahme.nr, { stand: '2026-11-24', checksum: 'abc' });
  const paragraphs = md
    .split('\n')
    .filter((l) => l && !l.startsWith('|') && !l.startsWith('#'))
    .map((l) => l.replace(/^- /, '• ').replace(/^_|_$/g, '').replace(/ {2}$/, ''));
  for (const line of paragraphs) expect(text).toContain(line);
  // list items (the findings) are bullets on paper, never a Markdown dash
  expect(cells.some((c) => c.startsWith('• Hinweis'))).toBe(true);
  expect(cells.some((c) => /^- /m.test(c))).toBe(false);
  // "Beratungsfolge" and "Stand" are two lines of one paragraph: one cell, one row
  const joined = cells.find((c) => c.startsWith('Beratungsfolge:'))!;
  expect(joined).toMatch(/^Beratungsfolge: .*\nStand: /);
  // no cell is made longer than its row can show
  for (const c of cells.filter((c) => c.includes('\n')))
    expect(wrappedLines(c, sheet.widths![0])).toBeLessThanOrEqual(MAX_LINES);
  // and no empty spacer row is left
  expect(sheet.rows.some((row) => row.length === 0)).toBe(false);
});
