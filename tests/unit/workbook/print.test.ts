import { escapeHeaderText, paperPrint, rowHeight, wrappedLines } from '../../../src/workbook/print';

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
