import {
  escapeHeaderText,
  foldSpacerRows,
  paperPrint,
  rowHeight,
  wrappedLines,
} from '../../../src/workbook/print';
import { renderSheet } from '../../../src/xlsx/sheet-xml';
import { StylesPatch } from '../../../src/xlsx/styles-xml';

/** Print setup of every paper: the header codes, and row heights that never cut a wrapped text. */
test('an ampersand in header text is doubled; header and footer carry title, Stand, page x of y, checksum', () => {
  expect(escapeHeaderText('Stellenplan & Deckung')).toBe('Stellenplan && Deckung');
  const p = paperPrint({ title: 'Prüfung', stand: '2027-01-15', checksum: 'AB12&CD', repeat: [3, 3] });
  expect(p.header).toBe('&L&"-,Bold"Stellenplan && Deckung&C&"-,Bold"Prüfung&RStand 15.01.2027');
  expect(p.footer).toBe('&LPrüfsumme der Eingaben AB12&&CD&RSeite &P von &N');
  expect(p.repeatRows).toEqual([3, 3]);
});

test('lines are counted by words, not by characters; a word longer than the column breaks', () => {
  // 19 characters in a column of 14: by characters 2 lines, by words "Stellen 2027" does not fit bold
  expect(wrappedLines('Stellen 2027 bisher', 14)).toBe(2);
  expect(wrappedLines('Stellen 2027 bisher', 12, true)).toBe(3);
  expect(wrappedLines('Organisationseinheit', 10)).toBe(3);
  expect(wrappedLines('eins\nzwei', 40)).toBe(2);
});

test('a row is as high as its tallest wrapped or header cell; one line keeps the default height', () => {
  expect(rowHeight([{ v: 'kurz', s: 'wrap' }], [20])).toBeUndefined();
  expect(rowHeight([{ v: 'Stellen 2027 bisher', s: 'header' }], [12])).toBe(3 * 14.5 + 2);
  expect(
    rowHeight(
      [
        { v: 'a b c d e f g h', s: 'wrap' },
        { v: 'x', s: 'wrap' },
      ],
      [5, 30],
    ),
  ).toBe(4 * 13 + 2);
  expect(rowHeight([{ v: 'lang lang lang lang', s: 'text' }], [5])).toBeUndefined();
});

test('a paper’s empty spacer rows become extra height of the row above, and every writer keeps it', () => {
  const rows = [
    [{ v: 'Beschlussvorlage: Neue Stelle 3', s: 'title' as const }],
    [],
    [{ v: 'Beschlussvorschlag', s: 'subtitle' as const }],
    [],
    [],
    [{ v: 'eins zwei drei vier fünf sechs', s: 'wrap' as const }],
    [],
  ];
  const folded = foldSpacerRows(rows, [12]);
  expect(folded.rows.map((r) => r[0]?.v)).toEqual([
    'Beschlussvorlage: Neue Stelle 3',
    'Beschlussvorschlag',
    'eins zwei drei vier fünf sechs',
  ]);
  // title line 19 pt + one gap; body line 15 pt + two gaps; the trailing gap separates nothing
  expect(folded.heights[0]).toBe(34);
  expect(folded.heights[1]).toBe(45);
  expect(folded.heights[2]).toBeUndefined();
  // the package renderer writes the folded heights, and the wrapped text its own height
  const xml = renderSheet(
    { name: 'X', ...folded, widths: [12] },
    { styles: new StylesPatch(undefined), date1904: false },
  );
  expect(xml).toContain('<row r="1" ht="34" customHeight="1">');
  expect(xml).toContain('<row r="2" ht="45" customHeight="1">');
  expect(xml).toMatch(/<row r="3" ht="41" customHeight="1">/);
  expect(xml).not.toContain('<row r="4"');
});
