import { OBERTSHAUSEN } from '../../../examples/data';
import { checkCoverage } from '../../../src/domain/coverage';
import { nachtrag } from '../../../src/domain/nachtrag';
import { buildNachtragSheet } from '../../../src/workbook/nachtrag-sheet';
import { buildStellenplan } from '../../../src/workbook/papers';
import type { GeneratedSheet } from '../../../src/workbook/port';
import { readWorkbookModel } from '../../../src/workbook/read';
import { templateBatch } from '../../../src/workbook/template';
import { XlsxWorkbook } from '../../../src/xlsx/xlsx-workbook';

/**
 * The Stellenplan paper and the Nachtrag sheet lay out their Teile with one helper: Teil title, per group
 * its title, lines and "Summe <group>", then "Summe Teil …" and an empty row. The paper says when a Teil has
 * no positions; the Nachtrag leaves a Teil without changes out.
 */
async function model(data = OBERTSHAUSEN) {
  const wb = XlsxWorkbook.create();
  await wb.write(templateBatch(data));
  return (await readWorkbookModel(wb)).model;
}

/** Column A of the rows from the first Teil title on, empty rows as "". */
const firstColumn = (sheet: GeneratedSheet, from: RegExp) => {
  const texts = sheet.rows.map((r) => String(r?.[0]?.v ?? ''));
  return texts.slice(texts.findIndex((t) => from.test(t)));
};

test('the Stellenplan paper: Teil A says it has no Beamte, Teil B lists group, lines and sums in order', async () => {
  const sheet = buildStellenplan(checkCoverage(await model()), '2026-11-24', 'abc');
  const col = firstColumn(sheet, /^Teil A/);
  expect(col.slice(0, 3)).toEqual([
    expect.stringMatching(/^Teil A/),
    'Keine Stellen für Beamtinnen und Beamte.',
    'Summe Teil A',
  ]);
  // the gap after a Teil is the extra height of its sum row, not an empty row (print.foldSpacerRows)
  const row = (text: string) => sheet.rows.findIndex((r) => r?.[0]?.v === text);
  expect(sheet.heights?.[row('Summe Teil A')]).toBe(30);
  expect(col[3]).toMatch(/^Teil B/);
  expect(col[4]).toBe('Entgeltgruppen TVöD (E)');
  const sum = col.indexOf('Summe Entgeltgruppen TVöD (E)');
  // the lines of the group between its title and its sum: one per grade, highest first
  expect(col.slice(5, sum)).toEqual(['E13', 'E12', 'E11', 'E10', 'E9c', 'E9b', 'E9a', 'E8', 'E5']);
  expect(col.slice(sum + 1, sum + 3)).toEqual(['Summe Teil B', 'Stellen insgesamt (Teil A und B)']);
  expect(sheet.heights?.[row('Summe Teil B')]).toBe(30);
  expect(sheet.rows.some((r) => r.length === 0)).toBe(false);
});

test('the Nachtrag sheet leaves the unchanged Teil A out and lists only the changed lines of Teil B', async () => {
  const bisher = await model();
  const neu = await model({
    ...OBERTSHAUSEN,
    stellen: OBERTSHAUSEN.stellen!.map((s) =>
      s['Stellen-Nr.'] === '6.12' ? { ...s, Vermerk: 'kw 31.12.2026' } : s,
    ),
  });
  const sheet = buildNachtragSheet(nachtrag(neu, bisher, 2027), {
    stand: '2026-11-24',
    checksum: 'neu',
    checksumBisher: 'alt',
    gegen: 'beschlossen.xlsx',
  });
  const col = firstColumn(sheet, /^Teil/);
  expect(col).toEqual([
    expect.stringMatching(/^Teil B/),
    'Entgeltgruppen TVöD (E)',
    'E5',
    'Summe Entgeltgruppen TVöD (E)',
    'Summe Teil B',
    '',
    'Stellen insgesamt (Teil A und B)',
  ]);
});
