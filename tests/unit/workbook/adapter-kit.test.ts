import { a1, columnLetter, columnNumber, parseA1, parseRange, rangeText } from '../../../src/workbook/kit/a1';
import { findAnchorBlock, valuesGrid } from '../../../src/workbook/kit/block-finder';
import { headerIndex, nameMatches, valueForHeader } from '../../../src/workbook/kit/headers';
import { newProtokoll } from '../../../src/workbook/kit/protokoll-sheet';
import { tableSpec } from '../../../src/workbook/schema';

/** The pieces both adapters (file and Office.js) share: they must find and address the same cells. */
describe('adapter kit', () => {
  it('A1 addresses: letters and numbers both ways, absolute refs, ranges', () => {
    expect([1, 26, 27, 52, 703, 16384].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'AAA', 'XFD']);
    for (const c of [1, 26, 27, 52, 703, 16384]) expect(columnNumber(columnLetter(c))).toBe(c);
    expect(a1(7, 2)).toBe('B7');
    expect(parseA1('$b$7')).toEqual({ row: 7, col: 2 });
    expect(parseA1('B7:C9')).toBeUndefined();
    expect(parseA1('Stellen')).toBeUndefined();
    expect(parseRange('C9:A1')).toEqual({ top: 1, left: 1, bottom: 9, right: 3 });
    expect(rangeText({ top: 2, left: 27, bottom: 40, right: 28 })).toBe('AA2:AB40');
  });

  it('header lookup ignores case, spaces, ß and umlauts', () => {
    const headers = ['Stellen-Nr.', 'Entgeltgruppe', ' Anteil  VZÄ ', 'Straße'];
    expect(headerIndex(headers, 'anteil vzae')).toBe(2);
    expect(headerIndex(headers, 'STRASSE')).toBe(3);
    expect(headerIndex(headers, 'Stufe')).toBe(-1);
    expect(valueForHeader({ 'ANTEIL VZÄ': 1, Stufe: 2 }, 'Anteil VZÄ')).toBe(1);
    expect(valueForHeader({ Stufe: 0 }, 'stufe')).toBe(0);
    expect(valueForHeader({ Stufe: 2 }, 'Gruppe')).toBeUndefined();
    expect(nameMatches(['Stellenplan', 'tblStellen'], ' TBLSTELLEN')).toBe(true);
    expect(nameMatches(['Stellenplan'], 'Stellen')).toBe(false);
  });

  it('finds a pay table block by its anchor header with "Stufe 1" in the same row', () => {
    const values = [
      ['Parameter', 'Wert', '', ''],
      ['Jahr', 2027, '', ''],
      // an "Entgeltgruppe" column without steps beside it is no pay table
      ['Stelle', 'Entgeltgruppe', '', ''],
      ['', '', '', ''],
      ['Hinweis', ' ENTGELTGRUPPE ', 'stufe  1', 'Stufe 2'],
      ['', 'E 9a', 3500, 3700],
    ];
    expect(findAnchorBlock(valuesGrid(values), 'Entgeltgruppe', 'Stufe 1')).toEqual({ row: 4, col: 1 });
    // without the second header the first row holding the anchor counts
    expect(findAnchorBlock(valuesGrid(values), 'Entgeltgruppe')).toEqual({ row: 2, col: 1 });
    // "Stufe 1" only left of the anchor does not make a block
    expect(findAnchorBlock(valuesGrid([['Stufe 1', 'Entgeltgruppe']]), 'Entgeltgruppe', 'Stufe 1')).toBe(
      undefined,
    );
    expect(findAnchorBlock(valuesGrid([[1, 2], []]), 'Entgeltgruppe', 'Stufe 1')).toBeUndefined();
  });

  it('a new Protokoll sheet: the schema headers in row 1, no rows, fresh each time', () => {
    const spec = tableSpec('Protokoll');
    const a = newProtokoll();
    expect(a.raw).toEqual({
      sheet: spec.sheet,
      origin: { row: 1, col: 1 },
      headers: spec.columns.map((c) => c.header),
      rows: [],
    });
    expect(a.widths).toHaveLength(spec.columns.length);
    a.raw.rows.push([]);
    expect(newProtokoll().raw.rows).toEqual([]);
  });
});
